// Which files of a folder the bureau's review reads, and the names it shows them by. Pure: the command
// line walks folders with Node, the web page gets the same names from the browser.

import type { WorkbookSnapshot } from '../snapshot';
import { cellText } from '../text';

/** The review workbook's sheets. */
export const REVIEW_SHEETS = { units: '单位汇总', issues: '问题清单', notes: '退回意见', projects: '项目明细', chart: '执行率图' } as const;
export const REVIEW_TITLE = '预算绩效自评审核汇总';

/**
 * `workbook`: read (an .xls or .xlsb is read too, so the unit that sent one is told to save it as .xlsx);
 * `lock`: the owner file Excel and WPS keep beside an open workbook (~$名称.xlsx), never a unit's work;
 * `hidden`: a dot file or a system file (.DS_Store, Thumbs.db, desktop.ini); `other`: any other file.
 */
export type FileKind = 'workbook' | 'lock' | 'hidden' | 'other';

const WORKBOOK = /\.(xlsx|xlsm|xls|xlsb)$/i;
const SYSTEM = /^(thumbs\.db|desktop\.ini)$/i;

export function fileKind(path: string): FileKind {
  const name = baseName(path);
  if (name.startsWith('~$')) return 'lock';
  if (name.startsWith('.') || SYSTEM.test(name)) return 'hidden';
  return WORKBOOK.test(name) ? 'workbook' : 'other';
}

/**
 * A file left out of the review, and why: said in the review and on the terminal. `output`: the review
 * being written; `review`: a review written before (a folder reviewed again holds last time's).
 */
export interface SkippedFile {
  file: string;
  kind: Exclude<FileKind, 'workbook'> | 'output' | 'review';
}

/** A review workbook this tool wrote: its sheets, and its title in the first. */
export function isReviewWorkbook(snapshot: WorkbookSnapshot): boolean {
  const names = new Set(snapshot.sheets.map((s) => s.name));
  const first = snapshot.sheets.find((s) => s.name === REVIEW_SHEETS.units);
  return Object.values(REVIEW_SHEETS).slice(0, 4).every((n) => names.has(n)) && cellText(first?.values[0]?.[0] ?? null).endsWith(REVIEW_TITLE);
}

export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1];
}

/**
 * The names the review shows: each path without the folders all of them share, with "/" between folders
 * ("乡镇/东坡镇.xlsx"), so two units' files of the same name in different folders stay apart. A single
 * file is shown by its name.
 */
export function shortNames(paths: string[]): string[] {
  if (paths.length === 0) return [];
  const split = paths.map((p) => p.split(/[\\/]+/).filter((s, i) => s !== '' || i === 0));
  let common = 0;
  const shortest = Math.min(...split.map((s) => s.length - 1));
  while (common < shortest && split.every((s) => s[common] === split[0][common])) common++;
  return split.map((s) => s.slice(common).join('/'));
}
