// The bureau's template as the reference for a unit's workbook: `--template 模板.xlsx` on check and fill.

import { existsSync, readFileSync } from 'fs';
import { basename, resolve } from 'path';
import { conform, getProfile, type Issue, type Lang, type WorkbookSnapshot } from '../engine';
import { FileError, readWorkbook } from '../gateways/xlsx';

export async function readSnapshot(file: string): Promise<WorkbookSnapshot> {
  const path = resolve(file);
  if (!existsSync(path)) throw new FileError('not-found', file);
  return (await readWorkbook(readFileSync(path), basename(file))).snapshot;
}

/** The unit's differences from the template, as issues at the unit's cells. */
export async function templateIssues(templateFile: string, unit: WorkbookSnapshot, profile: string | undefined, lang: Lang): Promise<Issue[]> {
  const template = await readSnapshot(templateFile);
  return conform(template, unit, { profile: getProfile(profile) ?? undefined, lang });
}
