// One file of `selfeval batch`, read and reviewed: the same work in a worker thread or in the main one.
// The review workbook is in Chinese (the bureau's document, its notes go to the units); with --lang en
// the messages for the terminal and the JSON are taken from a second, English pass.

import type { Lang } from '../engine';
import { type UnitReview, unreadableUnit } from '../engine/review';
import { FileError } from '../gateways/xlsx';
import { reviewFile, type ReviewFileOptions } from '../gateways/xlsx/review';
import { readInput } from './files';
import { openTemplate, profileOption } from './template';

/** What every file is reviewed with: plain data, handed to each worker. */
export interface JobSetup {
  /** --profile as given: a preset's name or a profile file. */
  profile?: string;
  /** --template's file. */
  template?: string;
  year?: number;
  lang: Lang;
}

export interface JobResult {
  /** null: the file is a review this tool wrote before, left out. */
  unit: UnitReview | null;
  /** With --lang en: the reason and each issue's message in English. */
  en?: { reason: string | null; messages: string[] };
  /** A failure of ours (not of the file), with its stack: reported, and the batch ends with exit code 3. */
  fault?: string;
}

export type Job = (path: string, name: string) => JobResult;

export function makeJob(setup: JobSetup): Job {
  const template = setup.template ? openTemplate(setup.template, setup.lang) : null;
  const options: ReviewFileOptions = { profile: profileOption(setup.profile, setup.lang), template, year: setup.year };
  const review = (bytes: Uint8Array, name: string, lang: Lang) => reviewFile(bytes, name, { ...options, lang });
  return (path, name) => {
    let bytes: Uint8Array;
    try {
      bytes = readInput(path);
    } catch (e) {
      if (!(e instanceof FileError)) throw e;
      const error = new FileError(e.problem, name, e.detail);
      return { unit: unreadableUnit(name, error.describe('zh')), en: setup.lang === 'en' ? { reason: error.describe('en'), messages: [] } : undefined };
    }
    try {
      const unit = review(bytes, name, 'zh');
      if (setup.lang !== 'en' || unit === null) return { unit };
      const english = review(bytes, name, 'en') as UnitReview;
      return { unit, en: { reason: english.reason, messages: english.issues.map((i) => i.message) } };
    } catch (e) {
      return faultResult(name, e);
    }
  };
}

/** A failure of ours on one file: the file's row says so, and the stack goes to the terminal. */
export function faultResult(name: string, e: unknown): JobResult {
  const error = e instanceof Error ? e : new Error(String(e));
  return { unit: unreadableUnit(name, `处理此文件时程序出错（${error.message}），未能审核；请将此文件反馈给开发者。`), fault: error.stack ?? error.message };
}
