// Header-led tables outside the forms: the 项目汇总表 (one row per project) and the 绩效指标表 (one row
// per indicator, all projects on one sheet). Title rows above, notes and signatures below.

import { indicatorListIsBlank } from './blank';
import { AMOUNT_UNITS, Findings, readNumber } from '../findings';
import type { Grid } from '../grid';
import type { IndicatorList, ListRow, ProjectList } from '../model';
import type { Dec } from '../decimal';
import { parseValue } from '../parse/value';
import type { IndicatorField, ProjectField, ScoringProfile } from '../profile';
import { type AliasIndex, aliasIndex, type HeaderMatch, matchHeader } from './headers';
import { isClassified, isTotalKey, readIndicatorRows, SCORE_UNITS } from './indicators';

/** A note or signature line under a table ends it. */
export const FOOTER = /^(注[:：\d]|注$|说明[:：]|备注[:：]|填表|制表|审核人|审核:|单位负责人|负责人|联系人|联系电话|填报)/;

type Header =
  | { kind: 'indicators'; match: HeaderMatch<IndicatorField> }
  | { kind: 'projects'; match: HeaderMatch<ProjectField> };

function headerAt(grid: Grid, row: number, ii: AliasIndex<IndicatorField>, pi: AliasIndex<ProjectField>): Header | null {
  const im = matchHeader(grid, row, ii);
  if (im && im.cols.level3 !== undefined) {
    const c = im.cols;
    const indicatorTable = (c.target !== undefined || c.actual !== undefined) && (c.weight !== undefined || c.score !== undefined);
    // A 三级指标 column without targets or points is another kind of table (a goal declaration, a department sheet).
    return indicatorTable ? { kind: 'indicators', match: im } : null;
  }
  const pm = matchHeader(grid, row, pi);
  const c = pm?.cols;
  if (pm && c && c.name !== undefined
    && [c.budget, c.executed, c.score, c.achievement, c.outcome, c.executionRate].some((x) => x !== undefined)) {
    return { kind: 'projects', match: pm };
  }
  return null;
}

/**
 * The 绩效目标实现程度 column, as fractions. A cell formatted as a percent holds its fraction (0.6 shows
 * 60%), and '45%' is 45 %. Other numbers, typed or text, are read per column: plain percents when any of
 * them is above 1.5 (60 is 60 %, never 6000 %), fractions otherwise (0.9 is 90 %). A column read as plain
 * percents is said at its first such cell, and a small number among them (1 beside 60: 1 %?) at its own.
 */
function readAchievements(grid: Grid, rows: ListRow[], col: number, findings: Findings): void {
  if (col < 0) return;
  const field = '绩效目标实现程度';
  const plainNumber = (row: number): Dec | null => {
    const parsed = parseValue(grid.value(row, col));
    return parsed.kind === 'number' && parsed.unit === '' && !grid.percent(row, col) && grid.date(row, col) === null ? parsed.value : null;
  };
  const plain = rows.some((r) => plainNumber(r.row)?.abs().gt(1.5));
  let said = false;
  for (const r of rows) {
    const cell = readNumber(grid, r.row, col, field, findings, new Set(['', '%']));
    r.achievement = cell;
    const parsed = parseValue(grid.value(r.row, col));
    if (!cell || cell.value === null || parsed.kind !== 'number') continue;
    if (parsed.unit === '%') {
      r.achievement = { ...cell, value: parsed.value.div(100) };
      continue;
    }
    const value = plainNumber(r.row);
    if (!plain || value === null) continue;
    r.achievement = { ...cell, value: value.div(100) };
    if (!said) findings.add('percent.column', grid.name, r.row, col, { field, text: value.toString() });
    else if (value.gt(0) && value.lte(1.5)) findings.add('percent.ambiguous', grid.name, r.row, col, { field, text: value.toString(), percent: value.times(100).toString() });
    said = true;
  }
}

export interface SheetTables {
  lists: ProjectList[];
  indicatorLists: IndicatorList[];
}

/** Tables in the rows that no form occupies. */
export function findLists(grid: Grid, profile: ScoringProfile, findings: Findings, taken: Array<[number, number]>): SheetTables {
  const ii = aliasIndex(profile.indicatorHeaders);
  const pi = aliasIndex(profile.projectHeaders);
  const isTaken = (row: number) => taken.some(([top, bottom]) => row >= top && row <= bottom);
  const out: SheetTables = { lists: [], indicatorLists: [] };

  let row = 0;
  while (row < grid.rowCount) {
    const header = isTaken(row) ? null : headerAt(grid, row, ii, pi);
    if (!header) {
      row = grid.nextRow(row);
      continue;
    }
    // Blank rows neither end a table nor start one: step over them.
    let end = grid.nextRow(header.match.lastRow);
    while (end < grid.rowCount && !isTaken(end) && !headerAt(grid, end, ii, pi) && !FOOTER.test(grid.text(end, Math.max(grid.nextFilledRight(end, -1), 0)))) end = grid.nextRow(end);

    if (header.kind === 'indicators') {
      out.indicatorLists.push(readIndicatorList(grid, header.match, end, profile, findings));
    } else {
      out.lists.push(readProjectList(grid, header.match, end, profile, findings));
    }
    row = end;
  }
  return out;
}

function readIndicatorList(grid: Grid, match: HeaderMatch<IndicatorField>, end: number, profile: ScoringProfile, findings: Findings): IndicatorList {
  const required: Array<[IndicatorField, string]> = [['project', '项目名称'], ['target', '年度指标值'], ['actual', '实际完成值'], ['weight', '分值'], ['score', '得分']];
  for (const [field, column] of required) {
    if (match.cols[field] === undefined) findings.add('table.missing-column', grid.name, match.row, match.cols.level3 ?? 0, { table: '绩效指标表', column });
  }
  const mark = findings.mark();
  const block = readIndicatorRows(grid, match.cols, match.lastRow + 1, end, null, profile, findings);
  const blank = indicatorListIsBlank(grid, block.indicators);
  if (blank) {
    // Said once at its header; what reading its empty rows met is not the unit's to fix.
    findings.dropSince(mark);
    findings.add('indicators.blank', grid.name, match.row, match.cols.project ?? match.cols.level3 ?? 0);
  }
  return { sheet: grid.name, headerRow: match.row, indicators: block.indicators, blank };
}

function readProjectList(grid: Grid, match: HeaderMatch<ProjectField>, end: number, profile: ScoringProfile, findings: Findings): ProjectList {
  const cols = match.cols;
  const col = (f: ProjectField): number => cols[f] ?? -1;
  const text = (row: number, f: ProjectField): string => (col(f) >= 0 ? grid.text(row, col(f)) : '');
  // A list of 资金数额 · 实现程度 · 自评得分 without 执行数 is a real published layout: said, not an error.
  if (cols.budget !== undefined && cols.executed === undefined) findings.add('list.no-executed', grid.name, match.row, col('name'));
  if (cols.budget === undefined && cols.executed !== undefined) {
    findings.add('table.missing-column', grid.name, match.row, col('name'), { table: '项目汇总表', column: '全年预算数' });
  }

  const list: ProjectList = { sheet: grid.name, headerRow: match.row, columns: { ...cols }, rows: [], totalRow: null, totals: {} };
  for (const row of grid.rows(match.lastRow + 1, end)) {
    const keys = (['name', 'seq', 'unit'] as ProjectField[]).map((f) => (col(f) >= 0 ? grid.label(row, col(f)) : ''));
    keys.push(grid.label(row, Math.max(grid.nextFilledRight(row, -1), 0)));
    if (keys.some((key) => isTotalKey(key, profile))) {
      list.totalRow = row;
      for (const [field, label] of [['initialBudget', '年初预算数'], ['budget', '全年预算数'], ['executed', '全年执行数']] as const) {
        const cell = readNumber(grid, row, col(field), label, findings, AMOUNT_UNITS);
        if (cell) list.totals[field] = cell;
      }
      break;
    }
    const name = text(row, 'name');
    const amounts = (['budget', 'executed', 'score'] as ProjectField[]).some((f) => text(row, f) !== '');
    if (name === '') {
      if (amounts) findings.add('project.name-missing', grid.name, row, col('name'));
      continue;
    }
    const classified = isClassified(name, profile) || grid.sheet.values[row]?.some((v) => typeof v === 'string' && v.trim() === '涉密') === true;
    const entry: ListRow = {
      sheet: grid.name,
      row,
      cols: list.columns,
      name,
      unit: text(row, 'unit'),
      category: text(row, 'category'),
      initialBudget: readNumber(grid, row, col('initialBudget'), '年初预算数', findings, AMOUNT_UNITS),
      budget: readNumber(grid, row, col('budget'), '全年预算数', findings, AMOUNT_UNITS),
      executed: readNumber(grid, row, col('executed'), '全年执行数', findings, AMOUNT_UNITS),
      achievement: null,
      score: readNumber(grid, row, col('score'), '自评得分', findings, SCORE_UNITS),
      goal: text(row, 'goal'),
      outcome: text(row, 'outcome'),
      note: text(row, 'note'),
      classified,
    };
    list.rows.push(entry);
  }
  readAchievements(grid, list.rows, col('achievement'), findings);
  return list;
}
