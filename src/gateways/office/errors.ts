// Office errors as the person at the pane needs them: what happened and what to do, in Chinese or English.

import type { CellWrite, Lang } from '../../engine';
import { isSizeError } from './api';
import { PartialWriteError } from './apply';

function codeOf(error: unknown): string {
  const e = (error instanceof PartialWriteError ? error.cause : error) as { code?: string } | null;
  return e?.code ?? '';
}

const TEXT = {
  zh: {
    AccessDenied: '工作表受保护或工作簿为只读，无法写入。请在“审阅 > 撤销工作表保护”后重试。',
    InvalidOperationInCellEditMode: 'Excel 正处于单元格编辑状态。请按 Enter 或 Esc 结束编辑后重试。',
    InactiveWorkbook: '当前工作簿已切换。请回到要处理的工作簿后重新校验。',
    ItemNotFound: '找不到对应的工作表或单元格，工作簿可能已被修改或切换。请重新校验后再试。',
    size: '数据量超过 Excel 网页版单次传输上限（5 MB），且已无法再分块。请在 Excel 桌面版中运行，或拆分工作簿后重试。',
    other: (code: string, message: string) => `Excel 返回错误（代码 ${code}）：${message}`,
    internal: (message: string) => `程序出错：${message}。请将此信息反馈给开发者。`,
    partial: (n: number, where: string) => `出错前已写入 ${n} 个单元格：${where}。`,
    uncertain: (n: number, where: string) => `出错的这一批（${n} 个单元格：${where}）可能已部分写入；其余单元格未改动。可撤销，或排除问题后重新运行（重复运行结果相同）。`,
  },
  en: {
    AccessDenied: 'The sheet is protected or the workbook is read-only. Unprotect it (Review > Unprotect Sheet) and try again.',
    InvalidOperationInCellEditMode: 'Excel is editing a cell. Press Enter or Esc to finish editing and try again.',
    InactiveWorkbook: 'The workbook was switched. Go back to the workbook to process and check it again.',
    ItemNotFound: 'A sheet or cell could not be found; the workbook may have changed or been switched. Check it again and retry.',
    size: 'The data exceeds Excel on the web\'s 5 MB request limit and cannot be split further. Run in Excel desktop, or split the workbook.',
    other: (code: string, message: string) => `Excel returned an error (code ${code}): ${message}`,
    internal: (message: string) => `Internal error: ${message}. Please report this message.`,
    partial: (n: number, where: string) => `${n} cells were written before the error: ${where}.`,
    uncertain: (n: number, where: string) => `The failing batch (${n} cells: ${where}) may be partly written; no other cell was changed. Undo, or fix the cause and run again (a re-run gives the same result).`,
  },
} as const;

function where(written: CellWrite[]): string {
  const bySheet = new Map<string, string[]>();
  for (const w of written) bySheet.set(w.sheet, [...(bySheet.get(w.sheet) ?? []), w.cell]);
  return [...bySheet].map(([sheet, cells]) => `${sheet}!${cells.length > 6 ? `${cells.slice(0, 6).join(',')}…` : cells.join(',')}`).join('；');
}

export function describeOfficeError(error: unknown, lang: Lang): string {
  const t = TEXT[lang];
  const code = codeOf(error);
  let text: string;
  if (code === 'AccessDenied' || code === 'InvalidOperationInCellEditMode' || code === 'InactiveWorkbook' || code === 'ItemNotFound') text = t[code];
  else if (isSizeError({ code })) text = t.size;
  else if (code) text = t.other(code, (error as Error)?.message ?? String(error));
  // Not from Excel: a fault of ours. Said as such, not dressed up as an Excel error.
  else text = t.internal((error as Error)?.message ?? String(error));
  if (error instanceof PartialWriteError) {
    if (error.written.length) text += ` ${t.partial(error.written.length, where(error.written))}`;
    if (error.uncertain.length) text += ` ${t.uncertain(error.uncertain.length, where(error.uncertain))}`;
  }
  return text;
}
