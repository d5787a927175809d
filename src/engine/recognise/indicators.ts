// Indicator rows, as they appear in a form's indicator block and in an indicator list: 项目名称 / 一级 /
// 二级 are merged down or left blank under the first row and inherit from above.

import { Findings, readNumber } from '../findings';
import type { Grid } from '../grid';
import type { Indicator } from '../model';
import { parseTarget } from '../parse/target';
import { normalizeUnit } from '../parse/value';
import type { IndicatorField, ScoringProfile } from '../profile';
import type { CellValue } from '../snapshot';
import { cellText, fold, labelKey } from '../text';

export type IndicatorCols = Partial<Record<IndicatorField, number>>;

export const SCORE_UNITS = new Set(['', '分']);

/** The 计算符号 / 指标性质 column, when the target's operator is written there. */
function operatorFromNature(nature: string): string {
  if (nature === '') return '';
  const n = fold(nature).replace(/\s+/g, '');
  if (/^(正向|>=|≥|>|大于等于)/.test(n)) return n.startsWith('>') && !n.startsWith('>=') ? '>' : '≥';
  if (/^(反向|<=|≤|<|小于等于)/.test(n)) return n.startsWith('<') && !n.startsWith('<=') ? '<' : '≤';
  if (/^(=|等于)/.test(n)) return '=';
  return '';
}

const totalKeys = new WeakMap<ScoringProfile, Set<string>>();

/** True for the label key of a 合计 / 总计 / 总分 / 小计 cell (a key from Grid.label). */
export function isTotalKey(key: string, profile: ScoringProfile): boolean {
  let keys = totalKeys.get(profile);
  if (!keys) {
    keys = new Set(profile.totalLabels.map(labelKey));
    totalKeys.set(profile, keys);
  }
  return key !== '' && keys.has(key);
}

export function isClassified(text: string, profile: ScoringProfile): boolean {
  return profile.classifiedMarks.some((mark) => text.includes(mark));
}

export interface IndicatorBlock {
  indicators: Indicator[];
  /** The row of the 总分 / 合计 line that ended the block, if any. */
  totalRow: number | null;
}

/**
 * Reads indicator rows from `from` up to (not including) `to`. `project` fixes the project (a form,
 * whose block ends at its 总分 row); otherwise it comes from the 项目名称 column and total rows are skipped.
 */
export function readIndicatorRows(
  grid: Grid, cols: IndicatorCols, from: number, to: number, project: string | null,
  profile: ScoringProfile, findings: Findings,
): IndicatorBlock {
  const col = (f: IndicatorField): number => cols[f] ?? -1;
  const text = (row: number, f: IndicatorField): string => (col(f) >= 0 ? grid.text(row, col(f)) : '');
  const indicators: Indicator[] = [];
  let level1 = '';
  let level2 = '';
  let currentProject = project ?? '';
  let projectRow: number | null = null;
  let previousNamed = false;
  let reportedMissingProject = false;

  const labelCols = [col('project'), col('level1'), col('level2'), col('level3')];
  const ownCols = [col('level3'), col('target'), col('actual'), col('weight'), col('score')];
  // One columns record for the block: every indicator of it has its cells in the same columns.
  const indicatorCols = { project: col('project'), level1: col('level1'), level3: col('level3'), target: col('target'), actual: col('actual'), weight: col('weight'), score: col('score'), reason: col('reason') };
  const isTotal = (row: number, c: number) => c >= 0 && isTotalKey(grid.label(row, c), profile);

  for (const row of grid.rows(from, to)) {
    if (labelCols.some((c) => isTotal(row, c)) || isTotal(row, Math.max(grid.nextFilledRight(row, -1), 0))) {
      if (project !== null) return { indicators, totalRow: row };
      continue;
    }

    const own = ownCols.some((c) => c >= 0 && grid.text(row, c) !== '');
    const l1 = text(row, 'level1');
    const l2 = text(row, 'level2');
    if (l1 !== '') {
      level2 = l1 !== level1 ? '' : level2;
      level1 = l1;
    }
    if (l2 !== '') level2 = l2;
    if (project === null) {
      // A project's group starts where its name is written: a new name, a new merged block, or the
      // same name written again after rows that left it blank (the same fund listed twice).
      const name = text(row, 'project');
      if (name !== '') {
        const area = grid.merge(row, col('project'));
        if (name !== currentProject || !previousNamed || projectRow === null || (area !== null && area.bottom > area.top)) projectRow = row;
        currentProject = name;
      }
      previousNamed = name !== '';
    }
    if (!own) continue;

    if (project === null && currentProject === '' && !reportedMissingProject) {
      findings.add('indicator.project-missing', grid.name, row, col('project') >= 0 ? col('project') : col('level3'));
      reportedMissingProject = true;
    }

    const level3 = text(row, 'level3');
    const isCost = labelKey(level2).includes('成本');
    const symbol = operatorFromNature(text(row, 'nature'));
    const measure = text(row, 'measure');
    // Target and actual as typed: 95% typed into a cell is stored as 0.95, and read here as 95%.
    const typed = (f: IndicatorField): CellValue => (col(f) >= 0 ? grid.asTyped(row, col(f)) : null);
    const rawTarget = cellText(typed('target'));
    const actualValue = typed('actual');
    const withSymbol = symbol && rawTarget && !/^[<>=≥≤≦≧＜＞＝]/.test(fold(rawTarget)) ? `${symbol}${rawTarget}` : rawTarget;
    const parsed = parseTarget(withSymbol, isCost);
    // The unit from 计量单位 goes into a copy: a parsed target is shared by every cell of the same text.
    const target = parsed.kind === 'quantitative' && parsed.unit === '' && measure ? { ...parsed, unit: normalizeUnit(measure) } : parsed;
    const classified = isClassified(`${currentProject}${level3}`, profile);

    const weight = readNumber(grid, row, col('weight'), '分值', findings, SCORE_UNITS);
    const score = readNumber(grid, row, col('score'), '得分', findings, SCORE_UNITS);
    indicators.push({
      sheet: grid.name,
      row,
      project: currentProject,
      projectRow: project === null ? projectRow : null,
      level1,
      level2,
      level3,
      targetText: rawTarget,
      actualText: cellText(actualValue),
      actualValue,
      target,
      cols: indicatorCols,
      weight: weight?.value ?? null,
      unreadable: { weight: weight?.unreadable === true, score: score?.unreadable === true },
      invalid: false,
      formulaDiffers: false,
      score: null,
      scoreEntered: score?.value ?? null,
      scoreSource: 'entered',
      completion: null,
      qualitative: null,
      onTime: null,
      reading: null,
      reason: text(row, 'reason'),
      classified,
    });
  }
  return { indicators, totalRow: null };
}
