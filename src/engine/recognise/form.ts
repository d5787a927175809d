// The Ministry of Finance 项目支出绩效自评表: a 项目名称 label with the name beside it, a fund block
// headed 年初预算数 · 全年预算数 · 全年执行数 · 分值 · 执行率 · 得分, the 年度总体目标 texts, and an
// indicator block ending in a 总分 row. One or several per sheet.

import { Findings, readNumber } from '../findings';
import type { Grid } from '../grid';
import type { CellPos, Form, FundRow } from '../model';
import type { FundField, FundRowKind, IndicatorField, ScoringProfile } from '../profile';
import { labelKey } from '../text';
import { type AliasIndex, aliasIndex, matchHeader } from './headers';
import { formIsBlank } from './blank';
import { readIndicatorRows } from './indicators';

const NAME_LABEL = '项目名称';
const DEPARTMENT_LABELS = ['主管部门', '主管部门及代码', '主管单位'];
const UNIT_LABELS = ['实施单位', '项目实施单位'];
const GRADE_LABELS = ['评价等级', '自评等级', '等级'];
const SECTION_LABELS = ['年度总体目标', '绩效指标', '总体目标'];
/** How far below 项目名称 the fund header may sit (主管部门, 项目属性, 项目周期 rows come between). */
const FUND_HEADER_REACH = 5;
/** Columns a fund header must name: 全年预算数 and 全年执行数 and two of 年初预算数 · 分值 · 执行率 · 得分. */
const FUND_HEADER_MIN = 4;

interface Anchor {
  row: number;
  nameCol: number;
  valueCol: number;
  fundRow: number;
}

function findAnchors(grid: Grid, profile: ScoringProfile): Anchor[] {
  const fundIndex = aliasIndex(profile.fundHeaders);
  const listIndex = aliasIndex(profile.projectHeaders);
  const nameKey = labelKey(NAME_LABEL);
  const anchors: Anchor[] = [];
  for (const row of grid.rows()) {
    for (const col of grid.cols(row)) {
      if (grid.label(row, col) !== nameKey || grid.isMergedTail(row, col)) continue;
      // A form's 项目名称 is a label with the name beside it; in a list it is one column header among others.
      let headers = 0;
      for (const c of grid.cols(row)) if (listIndex.has(grid.label(row, c)) && !grid.isMergedTail(row, c)) headers++;
      if (headers > 1) break;
      // The name's cell is the next filled one; on a blank form, the one right after the label's merge.
      const valueCol = grid.nextFilledRight(row, col);
      for (let f = row + 1; f < Math.min(grid.rowCount, row + 1 + FUND_HEADER_REACH); f++) {
        const header = matchHeader(grid, f, fundIndex);
        // The MoF fund header names six columns; two amount words in an indicator row are not one.
        if (header && header.cols.budget !== undefined && header.cols.executed !== undefined && Object.keys(header.cols).length >= FUND_HEADER_MIN) {
          anchors.push({ row, nameCol: col, valueCol: valueCol >= 0 ? valueCol : (grid.merge(row, col)?.right ?? col) + 1, fundRow: f });
          break;
        }
      }
      break;
    }
  }
  return anchors;
}

/** The value beside a label in rows [from, to): the next filled cell right of it. */
function labelledValue(grid: Grid, from: number, to: number, labels: string[]): string {
  const keys = new Set(labels.map(labelKey));
  for (const row of grid.rows(from, to)) {
    for (const col of grid.cols(row)) {
      if (grid.isMergedTail(row, col) || !keys.has(grid.label(row, col))) continue;
      const v = grid.nextFilledRight(row, col);
      const text = v >= 0 ? grid.text(row, v) : '';
      // A label next to another label (实施单位 beside an empty 主管部门) means the value is blank.
      return /^(主管部门|实施单位|主管单位)/.test(labelKey(text)) ? '' : text;
    }
  }
  return '';
}

function fundRowKind(label: string, profile: ScoringProfile): FundRowKind | null {
  const key = labelKey(label);
  if (key === '') return null;
  for (const kind of ['appropriation', 'carryOver', 'other', 'total'] as FundRowKind[]) {
    if (profile.fundRows[kind].some((alias) => key.includes(labelKey(alias)))) return kind;
  }
  return null;
}

function isSectionRow(grid: Grid, row: number, indicatorHeader: (row: number) => boolean): boolean {
  const keys = new Set(SECTION_LABELS.map(labelKey));
  for (const col of grid.cols(row)) {
    if (keys.has(grid.label(row, col)) && !grid.isMergedTail(row, col)) return true;
  }
  return indicatorHeader(row);
}

export function findForms(grid: Grid, profile: ScoringProfile, findings: Findings): Form[] {
  const anchors = findAnchors(grid, profile);
  const fundIndex = aliasIndex(profile.fundHeaders);
  const indicatorIndex = aliasIndex(profile.indicatorHeaders);
  const indicatorHeaderAt = (row: number) => {
    const h = matchHeader<IndicatorField>(grid, row, indicatorIndex);
    return h !== null && h.cols.level3 !== undefined && (h.cols.weight !== undefined || h.cols.score !== undefined);
  };

  return anchors.map((anchor, i): Form => {
    const mark = findings.mark();
    const end = i + 1 < anchors.length ? anchors[i + 1].row : grid.rowCount;
    const form = readForm(grid, profile, findings, anchor, end, { fundIndex, indicatorIndex, indicatorHeaderAt });
    // A blank form is said once, at its 项目名称 cell; what reading it met is not the unit's to fix.
    form.blank = formIsBlank(grid, form);
    if (form.blank) {
      findings.dropSince(mark);
      findings.add('form.blank', grid.name, form.nameCell.row, form.nameCell.col);
    }
    return form;
  });
}

interface Headers {
  fundIndex: AliasIndex<FundField>;
  indicatorIndex: AliasIndex<IndicatorField>;
  indicatorHeaderAt: (row: number) => boolean;
}

/** One form, from its 项目名称 row up to (not including) `end`. */
function readForm(grid: Grid, profile: ScoringProfile, findings: Findings, anchor: Anchor, end: number, { fundIndex, indicatorIndex, indicatorHeaderAt }: Headers): Form {
  const header = matchHeader<FundField>(grid, anchor.fundRow, fundIndex)!;
  const fc = (f: FundField): number => header.cols[f] ?? -1;
  const firstAmountCol = Math.min(...(['initialBudget', 'budget', 'executed'] as FundField[]).map(fc).filter((c) => c >= 0));

  // Fund rows: from below the header to the 年度总体目标 / 绩效指标 section.
  const funds: FundRow[] = [];
  let row = header.lastRow + 1;
  for (; row < end && !isSectionRow(grid, row, indicatorHeaderAt); row++) {
    // The first row is 年度资金总额 even when a blank form leaves it unlabelled and empty.
    if (grid.rowIsBlank(row) && funds.length > 0) continue;
    let label = '';
    for (let c = 0; c < firstAmountCol && label === ''; c++) {
      if (!grid.isMergedTail(row, c)) label = grid.text(row, c);
    }
    const kind = fundRowKind(label, profile) ?? (funds.length === 0 ? 'total' : null);
    if (kind === null) continue;
    const read = (f: FundField, name: string) => readNumber(grid, row, fc(f), name, findings);
    funds.push({ kind, row, initialBudget: read('initialBudget', '年初预算数'), budget: read('budget', '全年预算数'), executed: read('executed', '全年执行数') });
  }
  const totalFund = funds.find((f) => f.kind === 'total') ?? null;
  const executionWeight = totalFund ? readNumber(grid, totalFund.row, fc('weight'), '分值', findings)?.value ?? null : null;

  // 年度总体目标: a row labelled 预期目标 · 实际完成情况 with the texts below it.
  let goal = '';
  let outcome = '';
  let indicatorRow = -1;
  for (; row < end; row++) {
    if (indicatorHeaderAt(row)) {
      indicatorRow = row;
      break;
    }
    for (const c of grid.cols(row)) {
      const key = grid.label(row, c);
      if (key === '预期目标') goal = grid.text(row + 1, c);
      if (key === '实际完成情况' || key === '实际完成') outcome = grid.text(row + 1, c);
    }
  }

  const form: Form = {
    sheet: grid.name,
    top: anchor.row,
    bottom: end - 1,
    name: grid.text(anchor.row, anchor.valueCol),
    nameCell: { sheet: grid.name, row: anchor.row, col: anchor.valueCol },
    department: labelledValue(grid, anchor.row, anchor.fundRow, DEPARTMENT_LABELS),
    unit: labelledValue(grid, anchor.row, anchor.fundRow, UNIT_LABELS),
    funds,
    fundCols: { weight: fc('weight'), executionRate: fc('executionRate'), score: fc('score') },
    executionWeight,
    goal,
    outcome,
    indicators: [],
    totalRow: null,
    totalCols: { weight: -1, score: -1 },
    gradeCell: null,
    blank: false,
  };
  if (indicatorRow < 0) return form;

  const ih = matchHeader<IndicatorField>(grid, indicatorRow, indicatorIndex)!;
  const block = readIndicatorRows(grid, ih.cols, ih.lastRow + 1, end, form.name, profile, findings);
  form.indicators = block.indicators;
  form.totalRow = block.totalRow;
  form.totalCols = { weight: ih.cols.weight ?? -1, score: ih.cols.score ?? -1 };
  form.bottom = block.totalRow !== null ? Math.min(end - 1, block.totalRow + 1) : end - 1;
  form.gradeCell = findGradeCell(grid, block.totalRow, Math.min(end, (block.totalRow ?? end) + 2));
  return form;
}

/** A 评价等级 label in the total row or the row below; its value cell is right after the label's merge. */
function findGradeCell(grid: Grid, from: number | null, to: number): CellPos | null {
  if (from === null) return null;
  const keys = new Set(GRADE_LABELS.map(labelKey));
  for (const row of grid.rows(from, to)) {
    for (const col of grid.cols(row)) {
      if (grid.isMergedTail(row, col) || !keys.has(grid.label(row, col))) continue;
      const area = grid.merge(row, col);
      return { sheet: grid.name, row, col: (area ? area.right : col) + 1 };
    }
  }
  return null;
}
