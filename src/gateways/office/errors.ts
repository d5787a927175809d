// Office errors as the person at the pane needs them: what happened and what to do, in Chinese or English.

import type { CellWrite, Lang } from '../../engine';
import { isSizeError } from './api';
import { PartialWriteError, StalePlanError } from './apply';

function codeOf(error: unknown): string {
  const e = (error instanceof PartialWriteError ? error.cause : error) as { code?: string } | null;
  return e?.code ?? '';
}

const TEXT = {
  zh: {
    // AccessDenied: a protected sheet, a protected workbook structure (a sheet cannot be added), or a read-only file.
    AccessDenied: '工作表或工作簿结构受保护，或文件为只读，无法写入。请在“审阅”选项卡中撤销工作表保护或工作簿保护（或另存一份可编辑的文件）后重试。',
    InvalidOperationInCellEditMode: 'Excel 正处于单元格编辑状态。请按 Enter 或 Esc 结束编辑后重试。',
    InactiveWorkbook: '当前工作簿已切换。请回到要处理的工作簿后重新校验。',
    ItemNotFound: '找不到对应的工作表或单元格，工作簿可能已被修改或切换。请重新校验后再试。',
    UndoNotSupported: 'Excel 拒绝了一步无法撤销的操作，已停止，未完成的部分没有写入。请重新运行；若仍出现，请将此信息反馈给开发者。',
    ApiNotFound: '此版本的 Excel 缺少所需的功能。请使用 Microsoft 365、Excel 2021 及以上版本或 Excel 网页版；Office 2016/2019 用户请使用网页版绩效自评助手。',
    stale: '工作簿已改动，请重新校验。',
    staleCells: (where: string) => `校验后改动过的单元格：${where}。`,
    staleSheets: (sheets: string) => `校验后行列有增减的工作表：${sheets}。`,
    size: '数据量超过 Excel 单次传输上限（5 MB），且已无法再分块。请在 Excel 桌面版中运行，或拆分工作簿后重试。',
    other: (code: string, message: string) => `Excel 返回错误（代码 ${code}）：${message}`,
    internal: (message: string) => `程序出错：${message}。请将此信息反馈给开发者。`,
    partial: (n: number, where: string) => `出错前已写入 ${n} 个单元格：${where}。`,
    uncertain: (n: number, where: string) => `出错的这一批（${n} 个单元格：${where}）可能已部分写入；其余单元格未改动。可用“撤销上次回填”恢复，或排除问题后重新运行（重复运行结果相同）。`,
    list: '、',
  },
  en: {
    AccessDenied: 'A sheet or the workbook structure is protected, or the file is read-only, so nothing can be written. Remove the protection on the Review tab (or save an editable copy) and try again.',
    InvalidOperationInCellEditMode: 'Excel is editing a cell. Press Enter or Esc to finish editing and try again.',
    InactiveWorkbook: 'The workbook was switched. Go back to the workbook to process and check it again.',
    ItemNotFound: 'A sheet or cell could not be found; the workbook may have changed or been switched. Check it again and retry.',
    UndoNotSupported: 'Excel refused a step it cannot undo, so the work stopped and the rest was not written. Run it again; if this comes back, please report it.',
    ApiNotFound: 'This version of Excel lacks a feature SelfEval needs. Use Microsoft 365, Excel 2021 or later, or Excel on the web; with Office 2016 or 2019, use the SelfEval web page.',
    stale: 'The workbook changed since it was checked. Check it again.',
    staleCells: (where: string) => `Cells changed since the check: ${where}.`,
    staleSheets: (sheets: string) => `Sheets with rows or columns added or removed since the check: ${sheets}.`,
    size: 'The data exceeds Excel\'s 5 MB request limit and cannot be split further. Run in Excel desktop, or split the workbook.',
    other: (code: string, message: string) => `Excel returned an error (code ${code}): ${message}`,
    internal: (message: string) => `Internal error: ${message}. Please report this message.`,
    partial: (n: number, where: string) => `${n} cells were written before the error: ${where}.`,
    uncertain: (n: number, where: string) => `The failing batch (${n} cells: ${where}) may be partly written; no other cell was changed. Use "Undo last fill", or fix the cause and run again (a re-run gives the same result).`,
    list: ', ',
  },
} as const;

const KNOWN = ['AccessDenied', 'InvalidOperationInCellEditMode', 'InactiveWorkbook', 'ItemNotFound', 'UndoNotSupported', 'ApiNotFound'] as const;

/** "Sheet!A1,B2,…" per sheet, at most six cells each. */
export function cellList(cells: Array<{ sheet: string; cell: string }>, lang: Lang): string {
  const bySheet = new Map<string, string[]>();
  for (const w of cells) bySheet.set(w.sheet, [...(bySheet.get(w.sheet) ?? []), w.cell]);
  return [...bySheet].map(([sheet, list]) => `${sheet}!${list.length > 6 ? `${list.slice(0, 6).join(',')}…` : list.join(',')}`).join(TEXT[lang].list);
}

export function describeOfficeError(error: unknown, lang: Lang): string {
  const t = TEXT[lang];
  if (error instanceof StalePlanError) {
    return [t.stale, error.sheets.length ? t.staleSheets(error.sheets.join(t.list)) : '', error.cells.length ? t.staleCells(cellList(error.cells, lang)) : '']
      .filter(Boolean).join(lang === 'zh' ? '' : ' ');
  }
  const code = codeOf(error);
  let text: string;
  if ((KNOWN as readonly string[]).includes(code)) text = t[code as (typeof KNOWN)[number]];
  else if (isSizeError({ code })) text = t.size;
  // PropertyNotLoaded, InvalidObjectPath and errors without a code are faults of ours: said as such.
  else if (code && code !== 'PropertyNotLoaded' && code !== 'InvalidObjectPath') text = t.other(code, (error as Error)?.message ?? String(error));
  else text = t.internal((error as Error)?.message ?? String(error));
  if (error instanceof PartialWriteError) {
    const written: CellWrite[] = error.written;
    const gap = lang === 'zh' ? '' : ' ';
    if (written.length) text += `${gap}${t.partial(written.length, cellList(written, lang))}`;
    if (error.uncertain.length) text += `${gap}${t.uncertain(error.uncertain.length, cellList(error.uncertain, lang))}`;
  }
  return text;
}
