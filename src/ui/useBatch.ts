// 批量审核 on the web page: many units' workbooks (chosen, or a folder dropped) reviewed in this browser
// with the same code as `selfeval batch`, and the review built as 审核汇总.xlsx for download. Nothing is
// uploaded. One file at a time, giving the page a moment between files so the progress shows.

import { useCallback, useEffect, useRef, useState } from 'react';
import { buildReview, fileKind, type Review, shortNames, type SkippedFile, type UnitReview, unreadableUnit } from '../engine/review';
import { reviewFile, reviewWorkbook } from '../gateways/xlsx/review';
import type { ChosenTemplate } from './template';

/** A file and its path within what was chosen or dropped ("单位/乡镇/东坡镇.xlsx"). */
export interface BatchEntry {
  path: string;
  file: File;
}

export interface BatchState {
  phase: 'idle' | 'running' | 'done';
  done: number;
  total: number;
  current: string;
  review: Review | null;
  /** The review workbook, ready to download. */
  url: string | null;
}

export const REVIEW_FILE = '审核汇总.xlsx';

const IDLE: BatchState = { phase: 'idle', done: 0, total: 0, current: '', review: null, url: null };

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function useBatch(template: ChosenTemplate | null) {
  const [state, setState] = useState<BatchState>(IDLE);
  const url = useRef<string | null>(null);
  const forget = () => {
    if (url.current) URL.revokeObjectURL(url.current);
    url.current = null;
  };
  useEffect(() => forget, []);

  const run = useCallback(async (entries: BatchEntry[]) => {
    forget();
    const names = shortNames(entries.map((e) => e.path));
    const skipped: SkippedFile[] = [];
    const work: Array<{ name: string; file: File }> = [];
    entries.forEach((e, i) => {
      const kind = fileKind(names[i]);
      if (kind === 'workbook') work.push({ name: names[i], file: e.file });
      else skipped.push({ file: names[i], kind });
    });
    setState({ ...IDLE, phase: 'running', total: work.length });
    const units: UnitReview[] = [];
    for (const [i, { name, file }] of work.entries()) {
      setState((s) => ({ ...s, done: i, current: name }));
      await pause();
      try {
        const unit = reviewFile(new Uint8Array(await file.arrayBuffer()), name, { template, lang: 'zh' });
        if (unit) units.push(unit);
        else skipped.push({ file: name, kind: 'review' });
      } catch (error) {
        // A fault of ours on one file: that file's row says so, the others are still reviewed.
        console.error(error);
        units.push(unreadableUnit(name, `处理此文件时程序出错（${(error as Error).message}），未能审核；请将此文件反馈给开发者。`));
      }
    }
    const review = buildReview(units, skipped);
    url.current = units.length ? URL.createObjectURL(new Blob([reviewWorkbook(review) as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })) : null;
    setState({ phase: 'done', done: work.length, total: work.length, current: '', review, url: url.current });
  }, [template]);

  const reset = useCallback(() => {
    forget();
    setState(IDLE);
  }, []);

  return { state, run, reset };
}

/** Every file under the dropped items, folders walked (Chromium, Edge, Firefox, Safari: webkitGetAsEntry). */
export async function droppedEntries(data: DataTransfer): Promise<BatchEntry[]> {
  const roots = [...data.items].filter((i) => i.kind === 'file').map((i) => ({ entry: i.webkitGetAsEntry?.() ?? null, file: i.getAsFile() }));
  const out: BatchEntry[] = [];
  for (const { entry, file } of roots) {
    if (entry) out.push(...(await walk(entry)));
    else if (file) out.push({ path: file.name, file });
  }
  return out;
}

async function walk(entry: FileSystemEntry): Promise<BatchEntry[]> {
  const path = entry.fullPath.replace(/^\//, '') || entry.name;
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    return [{ path, file }];
  }
  if (entry.name.startsWith('.')) return []; // .git, .svn and the like: no unit's work
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const children: FileSystemEntry[] = [];
  // readEntries hands a folder over in batches (100 at a time in Chromium) until it hands over none.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    children.push(...batch);
  }
  children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: BatchEntry[] = [];
  for (const child of children) out.push(...(await walk(child)));
  return out;
}

/** Files from an <input type="file" multiple> or a folder input (webkitdirectory): their path within the folder. */
export function chosenEntries(files: FileList | null): BatchEntry[] {
  return [...(files ?? [])].map((file) => ({ path: file.webkitRelativePath || file.name, file }));
}
