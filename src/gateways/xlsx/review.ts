// The file gateway's side of the bureau's review: a unit's file read and reviewed (its bytes → its row),
// and the review drawn as the workbook the bureau keeps (审核汇总.xlsx): 单位汇总, 问题清单, 退回意见,
// 项目明细 and a chart of the execution rates. No Node API: the web page builds the same workbook.

import {
  analyse, type CarriedSettings, conform, getProfile, type Issue, type Lang, type ScoringProfile, sortIssues, type WorkbookSnapshot,
} from '../../engine';
import { toA1 } from '../../engine/address';
import {
  baseName, isReviewWorkbook, REVIEW_SHEETS, REVIEW_TITLE, type Review, STATUS_TEXT, type UnitReview, unitReview, unitStatus, unreadableUnit,
  type UnitStatus,
} from '../../engine/review';
import { sheetRef } from './chart';
import { createWorkbook } from './create';
import { FileError } from './errors';
import { fileIssues } from './index';
import type { LayoutCell, SheetLayout } from './layout';
import { readWorkbookSync } from './read';
import type { CellFormat } from './styles';

export interface ReviewFileOptions {
  /** A profile chosen for every unit (--profile); else the template's, else each workbook's own. */
  profile?: string | ScoringProfile;
  /** The bureau's blank template: each unit is compared with it, and its marked cell names the unit. */
  template?: { snapshot: WorkbookSnapshot; carried: CarriedSettings | null } | null;
  year?: number;
  lang?: Lang;
}

/**
 * One unit's file, reviewed: read, checked by the engine (and against the template), summed up. A file
 * that cannot be used is a row with the reason; any other failure is thrown (it is a fault of ours).
 * null: the file is a review this tool wrote, not a unit's workbook.
 */
export function reviewFile(bytes: Uint8Array, file: string, options: ReviewFileOptions = {}): UnitReview | null {
  const lang = options.lang ?? 'zh';
  let opened;
  try {
    opened = readWorkbookSync(bytes, baseName(file));
  } catch (e) {
    if (e instanceof FileError) return unreadableUnit(file, e.describe(lang));
    throw e;
  }
  if (isReviewWorkbook(opened.snapshot)) return null;
  const template = options.template ?? null;
  const chosen = typeof options.profile === 'string' ? getProfile(options.profile) ?? undefined : options.profile;
  const profile = options.profile ?? template?.carried?.profile ?? undefined;
  const analysis = analyse(opened.snapshot, { profile, lang, year: options.year, unitNameCell: template?.carried?.settings?.unitName });
  let issues: Issue[] = [...fileIssues(opened, lang), ...analysis.issues];
  if (template) {
    const differences = conform(template.snapshot, opened.snapshot, { profile: chosen ?? template.carried?.profile ?? undefined, lang });
    issues = sortIssues([...issues, ...differences], opened.snapshot);
  }
  return unitReview({ file, analysis, snapshot: opened.snapshot, issues, compared: template !== null });
}

// ——— The workbook ———

const FONT = '宋体';
const GRID = 'A6A6A6';
const AMOUNT = '#,##0.00####';
const RATE = '0.00%';
const SCORE = '0.00';

const base: CellFormat = { font: { name: FONT, size: 10 }, border: GRID, alignment: { vertical: 'center' } };
const F = {
  title: { font: { name: FONT, size: 16, bold: true }, alignment: { horizontal: 'center', vertical: 'center' } },
  line: { font: { name: FONT, size: 10, color: '404040' }, alignment: { vertical: 'center', wrapText: true } },
  header: { font: { name: FONT, size: 10, bold: true }, fill: 'D9E1F2', border: GRID, alignment: { horizontal: 'center', vertical: 'center', wrapText: true } },
  text: { ...base, alignment: { vertical: 'center', wrapText: true } },
  centred: { ...base, alignment: { horizontal: 'center', vertical: 'center' } },
  integer: { ...base, numberFormat: '0' },
  amount: { ...base, numberFormat: AMOUNT },
  rate: { ...base, numberFormat: RATE },
  score: { ...base, numberFormat: SCORE },
  noteTitle: { font: { name: FONT, size: 11, bold: true }, fill: 'F2F2F2', border: GRID, alignment: { vertical: 'center', wrapText: true } },
  noteLine: { font: { name: FONT, size: 11 }, alignment: { vertical: 'top', wrapText: true } },
} satisfies Record<string, CellFormat>;

/** Excel's own "bad", "neutral" and "good" looks, and grey for a file that could not be read. */
const LOOK: Record<UnitStatus, { fill: string; color: string }> = {
  errors: { fill: 'FFC7CE', color: '9C0006' },
  warnings: { fill: 'FFEB9C', color: '9C5700' },
  clean: { fill: 'C6EFCE', color: '006100' },
  unreadable: { fill: 'D9D9D9', color: '9C0006' },
};

const markedLooks = new Map<CellFormat, Map<string, CellFormat>>();
/** `format` in the look of `status`; the same object each time, so the sheet writer looks it up once. */
function marked(format: CellFormat, status: UnitStatus, bold = false): CellFormat {
  let looks = markedLooks.get(format);
  if (!looks) markedLooks.set(format, (looks = new Map()));
  const key = `${status}${bold ? ' bold' : ''}`;
  let look = looks.get(key);
  if (!look) looks.set(key, (look = { ...format, fill: LOOK[status].fill, font: { ...format.font, color: LOOK[status].color, bold } }));
  return look;
}
const totalLook = (format: CellFormat): CellFormat => ({ ...format, fill: 'F2F2F2', font: { ...format.font, bold: true } });

const num = (text: string | null): number | null => (text === null ? null : Number(text));

type Value = LayoutCell['value'];

interface Column {
  /** The group header above, when the column belongs to one. */
  group?: string;
  header: string;
  width: number;
  value: (u: UnitReview, i: number) => Value;
  format: CellFormat | ((u: UnitReview) => CellFormat);
  total?: Value;
  totalFormat?: CellFormat;
}

function unitColumns(review: Review): Column[] {
  const t = review.totals;
  /** A count cell: coloured when it is not 0. */
  const counted = (look: 'errors' | 'warnings', pick: (u: UnitReview) => number | null) => (u: UnitReview): CellFormat =>
    (pick(u) ? marked(F.integer, look, look === 'errors') : F.integer);
  const columns: Column[] = [
    { header: '序号', width: 5, value: (_, i) => i + 1, format: F.centred, total: '合计', totalFormat: F.centred },
    { header: '文件', width: 24, value: (u) => u.file, format: F.text },
    { header: '单位', width: 20, value: (u) => u.unit, format: F.text, total: `${t.files}个文件`, totalFormat: F.text },
    { header: '年度', width: 6, value: (u) => u.year, format: F.centred },
    { header: '评分方案', width: 16, value: (u) => u.profile, format: F.text },
    { group: '项目支出', header: '项目数', width: 7, value: (u) => u.projects, format: F.integer, total: t.projects, totalFormat: F.integer },
    { group: '项目支出', header: '全年预算数（万元）', width: 14, value: (u) => num(u.totalBudget), format: F.amount, total: num(t.totalBudget), totalFormat: F.amount },
    { group: '项目支出', header: '全年执行数（万元）', width: 14, value: (u) => num(u.totalExecuted), format: F.amount, total: num(t.totalExecuted), totalFormat: F.amount },
    { group: '项目支出', header: '执行率', width: 9, value: (u) => num(u.executionRate), format: (u) => (u.lowExecution ? marked(F.rate, 'warnings') : F.rate), total: num(t.executionRate), totalFormat: F.rate },
    { group: '项目支出', header: '平均得分', width: 8, value: (u) => num(u.averageScore), format: F.score, total: num(t.averageScore), totalFormat: F.score },
    { group: '项目支出', header: '资金加权得分', width: 8, value: (u) => num(u.weightedScore), format: F.score, total: num(t.weightedScore), totalFormat: F.score },
    ...review.grades.map((g): Column => ({
      group: '项目等级（个）', header: g, width: 5, value: (u) => u.grades?.find((x) => x.grade === g)?.count ?? null, format: F.integer, total: t.grades[g], totalFormat: F.integer,
    })),
    { group: '部门整体', header: '总分', width: 8, value: (u) => num(u.department?.total ?? null), format: F.score },
    { group: '部门整体', header: '换算得分', width: 8, value: (u) => num(u.department?.converted ?? null), format: F.score },
    { group: '部门整体', header: '等级', width: 6, value: (u) => u.department?.grade ?? null, format: F.centred },
  ];
  if (review.compared) {
    columns.push({ group: '审核结果', header: '与模板不一致', width: 8, value: (u) => u.differences, format: counted('warnings', (u) => u.differences), total: t.differences, totalFormat: F.integer });
  }
  columns.push(
    { group: '审核结果', header: '错误', width: 6, value: (u) => u.errors, format: counted('errors', (u) => u.errors), total: t.errors, totalFormat: F.integer },
    { group: '审核结果', header: '警告', width: 6, value: (u) => u.warnings, format: counted('warnings', (u) => u.warnings), total: t.warnings, totalFormat: F.integer },
    { group: '审核结果', header: '状态', width: 11, value: (u) => STATUS_TEXT[unitStatus(u)], format: (u) => marked(F.centred, unitStatus(u), unitStatus(u) === 'errors' || unitStatus(u) === 'unreadable'), total: `${t.returned}个需退回`, totalFormat: F.centred },
    { group: '审核结果', header: '说明', width: 44, value: (u) => u.reason, format: F.text },
  );
  return columns;
}

/** Two header rows: a group's name over its columns, a lone column's name over both rows. */
function headerCells(columns: Column[], top: number): { cells: LayoutCell[]; merges: string[] } {
  const cells: LayoutCell[] = [];
  const merges: string[] = [];
  let c = 0;
  while (c < columns.length) {
    const group = columns[c].group;
    let end = c;
    while (group && end + 1 < columns.length && columns[end + 1].group === group) end++;
    if (group) {
      cells.push({ row: top, col: c, value: group, format: F.header });
      if (end > c) merges.push(`${toA1(top, c)}:${toA1(top, end)}`);
      for (let k = c; k <= end; k++) cells.push({ row: top + 1, col: k, value: columns[k].header, format: F.header });
    } else {
      cells.push({ row: top, col: c, value: columns[c].header, format: F.header });
      merges.push(`${toA1(top, c)}:${toA1(top + 1, c)}`);
    }
    c = end + 1;
  }
  return { cells, merges };
}

function summaryLine(review: Review): string {
  const t = review.totals;
  const withErrors = t.returned - t.unreadable;
  const parts = [`共${t.files}个文件，可读取${t.readable}个${t.unreadable ? `，无法读取${t.unreadable}个` : ''}。`];
  parts.push(t.returned
    ? `需退回修改${t.returned}个（${[withErrors ? `有错误的${withErrors}个` : '', t.unreadable ? `无法读取的${t.unreadable}个` : ''].filter(Boolean).join('、')}）`
    : '没有需退回修改的单位');
  parts.push(`，错误共${t.errors}处，警告共${t.warnings}处${t.differences !== null ? `，与模板不一致共${t.differences}处` : ''}。`);
  return `${parts.join('')}排序：部门整体换算得分从高到低，其次项目执行率从高到低；无法读取的文件列在最后。`;
}

const SKIPPED_KIND = { lock: 'Office 临时文件', hidden: '隐藏或系统文件', other: '不是 Excel 工作簿', output: '本次写出的审核汇总', review: '以前写出的审核汇总' } as const;

function skippedLine(review: Review): string | null {
  if (review.skipped.length === 0) return null;
  const shown = review.skipped.slice(0, 20).map((s) => `${s.file}（${SKIPPED_KIND[s.kind]}）`).join('、');
  return `未审核的文件${review.skipped.length}个：${shown}${review.skipped.length > 20 ? '等' : ''}。`;
}

function unitsSheet(review: Review): SheetLayout {
  const columns = unitColumns(review);
  const last = columns.length - 1;
  const cells: LayoutCell[] = [
    { row: 0, col: 0, value: `${review.year ? `${review.year}年度` : ''}${REVIEW_TITLE}`, format: F.title },
    { row: 1, col: 0, value: summaryLine(review), format: F.line },
  ];
  const merges = [`A1:${toA1(0, last)}`, `A2:${toA1(1, last)}`];
  const header = headerCells(columns, 2);
  cells.push(...header.cells);
  merges.push(...header.merges);
  const first = 4;
  review.units.forEach((u, i) => {
    columns.forEach((c, col) => cells.push({ row: first + i, col, value: c.value(u, i), format: typeof c.format === 'function' ? c.format(u) : c.format }));
  });
  const totalRow = first + review.units.length;
  columns.forEach((c, col) => cells.push({ row: totalRow, col, value: c.total ?? null, format: totalLook(c.totalFormat ?? F.text) }));
  const notes = [
    '说明：执行率 = 全年执行数 ÷ 全年预算数，按全年预算数大于0且填有执行数的项目计算；平均得分为有自评得分的项目的简单平均，资金加权得分以全年预算数为权数；'
      + '项目等级按各单位的评分方案计数；部门整体的总分、换算得分和等级取自部门整体绩效自评表。空白表示工作簿中没有该项数据（不按0计）。合计行的执行率和得分按全部单位的项目计算。',
    '执行率标黄的单位，其执行率低于评分方案的下限（默认80%）。各单位的问题见“问题清单”，需退回的单位的修改意见见“退回意见”，逐个项目的数据见“项目明细”。',
  ];
  const skipped = skippedLine(review);
  if (skipped) notes.push(skipped);
  notes.forEach((text, i) => {
    cells.push({ row: totalRow + 2 + i, col: 0, value: text, format: F.line });
    merges.push(`${toA1(totalRow + 2 + i, 0)}:${toA1(totalRow + 2 + i, last)}`);
  });
  return fitRows({
    name: REVIEW_SHEETS.units,
    columnWidths: columns.map((c) => c.width),
    rowHeights: { 0: 30, 1: 30, 2: 18, 3: 30, ...Object.fromEntries(notes.map((_, i) => [totalRow + 2 + i, 30])) },
    cells,
    merges,
    freeze: { rows: first, cols: 3 },
    autoFilter: review.units.length ? `${toA1(first - 1, 0)}:${toA1(totalRow - 1, last)}` : undefined,
    printTitleRows: [2, 3],
    page: landscape,
  }, first);
}

const landscape = { orientation: 'landscape', paperSize: 9, fitToWidth: 1, fitToHeight: 0, footer: '第 &P 页，共 &N 页' } as const;

const SEVERITY: Record<string, { text: string; look: UnitStatus | null }> = {
  error: { text: '错误', look: 'errors' },
  warning: { text: '警告', look: 'warnings' },
  info: { text: '提示', look: null },
};

/** A plain table: a header row, one row per item, frozen header and filter buttons. */
function table(name: string, headers: Array<[string, number]>, rows: Array<Array<{ value: Value; format: CellFormat }>>, freezeCols: number): SheetLayout {
  const cells: LayoutCell[] = headers.map(([header], col) => ({ row: 0, col, value: header, format: F.header }));
  rows.forEach((line, r) => line.forEach((c, col) => cells.push({ row: r + 1, col, value: c.value, format: c.format })));
  return fitRows({
    name,
    columnWidths: headers.map(([, w]) => w),
    rowHeights: { 0: 28 },
    cells,
    freeze: { rows: 1, cols: freezeCols },
    autoFilter: `A1:${toA1(rows.length, headers.length - 1)}`,
    printTitleRows: [0, 0],
    page: landscape,
  }, 1);
}

function issuesSheet(review: Review): SheetLayout {
  return table(REVIEW_SHEETS.issues, [['序号', 6], ['文件', 22], ['单位', 18], ['工作表', 16], ['单元格', 7], ['规则', 22], ['严重程度', 8], ['问题说明', 70]],
    review.issues.map((i, n) => {
      const s = SEVERITY[i.severity];
      return [
        { value: n + 1, format: F.centred }, { value: i.file, format: F.text }, { value: i.unit, format: F.text }, { value: i.sheet, format: F.text },
        { value: i.cell, format: F.centred }, { value: i.rule, format: F.text },
        { value: s.text, format: s.look ? marked(F.centred, s.look, s.look === 'errors') : F.centred }, { value: i.message, format: F.text },
      ];
    }), 3);
}

function projectsSheet(review: Review): SheetLayout {
  return table(REVIEW_SHEETS.projects, [
    ['序号', 6], ['文件', 22], ['单位', 18], ['工作表', 14], ['单元格', 7], ['项目名称', 28], ['项目类别', 10], ['全年预算数（万元）', 14], ['全年执行数（万元）', 14],
    ['执行率', 9], ['执行率得分', 8], ['自评得分', 8], ['评价等级', 7], ['目标实现程度', 9],
  ], review.projects.map((p, n) => [
    { value: n + 1, format: F.centred }, { value: p.file, format: F.text }, { value: p.unit, format: F.text }, { value: p.sheet, format: F.text },
    { value: p.cell, format: F.centred }, { value: p.name, format: F.text }, { value: p.category || null, format: F.text },
    { value: num(p.budget), format: F.amount }, { value: num(p.executed), format: F.amount }, { value: num(p.executionRate), format: F.rate },
    { value: num(p.executionScore), format: F.score }, { value: num(p.score), format: F.score }, { value: p.grade, format: F.centred },
    { value: num(p.achievement), format: F.rate },
  ]), 0);
}

/** Lines a text takes in a column `width` characters wide at `size` points (a CJK character is two characters wide). */
function lineCount(text: string, width: number, size = 11): number {
  let lines = 0;
  for (const part of text.split('\n')) {
    let units = 0;
    for (let i = 0; i < part.length; i++) {
      const c = part.charCodeAt(i);
      units += (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef) ? 2 : 1;
    }
    lines += Math.max(1, Math.ceil((units * size) / 11 / Math.max(1, width - 1)));
  }
  return lines;
}

const lineHeight = (size: number) => Math.round(size * 1.4 * 4) / 4;

/**
 * Row heights for wrapped text, estimated from its length: LibreOffice does not fit rows to wrapped text
 * when it opens a file, and a row too low hides the lines below the first.
 */
function fitRows(layout: SheetLayout, from: number): SheetLayout {
  const merged = new Set((layout.merges ?? []).map((m) => m.split(':')[0]));
  const need = new Map<number, number>();
  for (const c of layout.cells) {
    if (c.row < from || typeof c.value !== 'string' || !c.format?.alignment?.wrapText || merged.has(toA1(c.row, c.col))) continue;
    const size = c.format.font?.size ?? 11;
    const height = lineCount(c.value, layout.columnWidths[c.col] ?? 8.43, size) * lineHeight(size) + 4;
    need.set(c.row, Math.max(need.get(c.row) ?? 0, height));
  }
  const heights = { ...layout.rowHeights };
  for (const [row, height] of need) if (height > 18 && heights[row] === undefined) heights[row] = height;
  return { ...layout, rowHeights: heights };
}

function notesSheet(review: Review): SheetLayout {
  // As wide as an A4 page in portrait holds at 100 %: the notes are printed and sent as they are.
  const width = 76;
  const cells: LayoutCell[] = [
    { row: 0, col: 0, value: '退回修改意见', format: F.title },
    {
      row: 1, col: 0, format: F.line,
      value: review.notes.length
        ? `以下${review.notes.length}个单位的自评表需退回修改（有错误，或文件无法读取）。每段一个单位，可复制后直接发送。`
        : '本次审核的单位均没有须修改的错误，无须退回。',
    },
  ];
  const heights: Record<number, number> = { 0: 30, 1: 20 };
  let row = 3;
  review.notes.forEach((note, n) => {
    const counts = note.errors === null ? '文件无法读取' : `错误${note.errors}处，警告${note.warnings}处`;
    cells.push({ row, col: 0, value: `${n + 1}. ${note.unit ? `${note.unit}（${note.file}）` : note.file}：${counts}`, format: F.noteTitle });
    heights[row] = 20;
    row++;
    for (const line of note.lines) {
      cells.push({ row, col: 0, value: line, format: F.noteLine });
      // Heights set here: a program that does not fit rows to wrapped text still shows every line.
      heights[row] = lineCount(line, width) * lineHeight(11) + 4;
      row++;
    }
    row++;
  });
  return {
    name: REVIEW_SHEETS.notes,
    columnWidths: [width],
    rowHeights: heights,
    cells,
    showGridLines: false,
    page: { orientation: 'portrait', paperSize: 9, margins: { left: 0.6, right: 0.6, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 }, footer: '第 &P 页，共 &N 页' },
  };
}

function chartSheet(review: Review): SheetLayout {
  const name = REVIEW_SHEETS.chart;
  const points = review.chart;
  const cells: LayoutCell[] = [
    { row: 0, col: 0, value: '单位', format: F.header },
    { row: 0, col: 1, value: '项目执行率', format: F.header },
    ...points.flatMap((p, i): LayoutCell[] => [
      { row: i + 1, col: 0, value: p.label, format: F.text },
      { row: i + 1, col: 1, value: Number(p.rate), format: p.low ? marked(F.rate, 'warnings') : F.rate },
    ]),
  ];
  const layout: SheetLayout = { name, columnWidths: [26, 11], rowHeights: { 0: 28 }, cells, page: { orientation: 'landscape', paperSize: 9, fitToWidth: 1, fitToHeight: 0 } };
  if (points.length === 0) {
    cells.push({ row: 1, col: 0, value: '没有可绘制的执行率：各工作簿中没有同时填有全年预算数和执行数的项目。', format: F.line });
    return layout;
  }
  const area = (col: string) => sheetRef(name, `$${col}$2:$${col}$${points.length + 1}`);
  const low = points.flatMap((p, i) => (p.low ? [i] : []));
  layout.charts = [{
    direction: 'bar',
    title: `各单位项目预算执行率${low.length ? '（黄色：低于执行率下限）' : ''}`,
    from: { row: 0, col: 3 },
    // A bar a row, and room for the title and the axis.
    to: { row: Math.max(14, Math.ceil(points.length * 1.5) + 5), col: 13 },
    series: {
      name: '项目执行率', nameRef: sheetRef(name, '$B$1'), categoriesRef: area('A'), valuesRef: area('B'),
      categories: points.map((p) => p.label), values: points.map((p) => Number(p.rate)), colour: '4472C4',
      highlight: low.length ? { points: low, colour: 'FFC000' } : undefined,
    },
    numberFormat: RATE,
    min: 0,
    dataLabels: true,
  }];
  return layout;
}

/** The review as the workbook the bureau keeps. */
export function reviewWorkbook(review: Review): Uint8Array {
  return createWorkbook([unitsSheet(review), issuesSheet(review), notesSheet(review), projectsSheet(review), chartSheet(review)], { creator: 'SelfEval 绩效自评助手', level: 1 });
}
