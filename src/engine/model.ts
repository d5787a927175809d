// The recognised workbook: projects, forms and indicators, every value with the cell it came from.

import type { Dec } from './decimal';
import type { Lang, RuleId, Severity } from './messages';
import type { Target } from './parse/target';
import type { BaseField, DepartmentRate, ProjectField } from './profile';
import type { CellValue } from './snapshot';

export interface CellPos {
  sheet: string;
  row: number;
  col: number;
}

/** An amount or score read from a cell; `value` is null when the cell is blank or unreadable. */
export interface NumberCell extends CellPos {
  value: Dec | null;
  /** The cell held text or an error value (already reported), not a blank. */
  unreadable?: boolean;
}

export type QualitativeLevel = 'achieved' | 'partial' | 'notAchieved';

export interface Indicator {
  sheet: string;
  row: number;
  project: string;
  level1: string;
  level2: string;
  level3: string;
  targetText: string;
  actualText: string;
  /** The actual value as the cell holds it (a %-formatted cell holds 0.93 for 93 %). */
  actualValue: CellValue;
  target: Target;
  /** Columns of this indicator's cells (-1 when the table has no such column). */
  cols: { project: number; level1: number; level3: number; target: number; actual: number; weight: number; score: number; reason: number };
  weight: Dec | null;
  /** The score after computing: computed (quantitative), chosen by the unit or suggested (qualitative), or null. */
  score: Dec | null;
  /** The score typed in the sheet, if any. */
  scoreEntered: Dec | null;
  /** Where `score` comes from: computed by the rules, suggested for a blank qualitative score, or as typed. */
  scoreSource: 'computed' | 'suggested' | 'entered';
  /** actual ÷ target for quantitative indicators (for the over-achievement rule and the summary). */
  completion: Dec | null;
  qualitative: QualitativeLevel | null;
  reason: string;
  classified: boolean;
}

export interface FundRow {
  kind: 'total' | 'appropriation' | 'carryOver' | 'other';
  row: number;
  initialBudget: NumberCell | null;
  budget: NumberCell | null;
  executed: NumberCell | null;
}

/** One 项目支出绩效自评表. */
export interface Form {
  sheet: string;
  /** First and last row of the form (0-based, inclusive). */
  top: number;
  bottom: number;
  name: string;
  nameCell: CellPos;
  department: string;
  unit: string;
  funds: FundRow[];
  /** Columns of the fund block. */
  fundCols: { weight: number; executionRate: number; score: number };
  executionWeight: Dec | null;
  goal: string;
  outcome: string;
  indicators: Indicator[];
  totalRow: number | null;
  totalCols: { weight: number; score: number };
  gradeCell: CellPos | null;
}

/** One row of a 项目汇总表. */
export interface ListRow {
  sheet: string;
  row: number;
  /** The list's columns by field (shared by all rows of one list). */
  cols: Partial<Record<ProjectField, number>>;
  name: string;
  unit: string;
  category: string;
  initialBudget: NumberCell | null;
  budget: NumberCell | null;
  executed: NumberCell | null;
  achievement: NumberCell | null;
  score: NumberCell | null;
  goal: string;
  outcome: string;
  note: string;
  classified: boolean;
}

export interface ProjectList {
  sheet: string;
  headerRow: number;
  columns: Partial<Record<ProjectField, number>>;
  rows: ListRow[];
  totalRow: number | null;
  /** The amounts written in the 合计 row. */
  totals: Partial<Record<'initialBudget' | 'budget' | 'executed', NumberCell>>;
}

export interface IndicatorList {
  sheet: string;
  headerRow: number;
  indicators: Indicator[];
}

/** One row of the department-wide point table. */
export interface DepartmentItem {
  row: number;
  level1: string;
  level2: string;
  level3: string;
  weight: Dec | null;
  score: Dec | null;
  applicable: boolean;
  reason: string;
}

/** A 部门整体绩效自评 sheet: its base figures, its rates, its point table and results. */
export interface Department {
  sheet: string;
  base: Partial<Record<BaseField, NumberCell>>;
  /** Each standard rate the figures allow; null where undefined (a zero denominator). */
  rates: Partial<Record<DepartmentRate, { value: Dec | null; cell: CellPos | null; why?: string }>>;
  items: DepartmentItem[];
  cols: { weight: number; score: number; reason: number; level3: number };
  totalRow: number | null;
  /** Σ scores and Σ 分值 of the applicable items. */
  score: Dec | null;
  weight: Dec | null;
  converted: Dec | null;
  grade: string | null;
}

/** A project as the workbook describes it, merged from its list row, its form and its indicators. */
export interface Project {
  name: string;
  sheet: string;
  unit: string;
  listRow: ListRow | null;
  form: Form | null;
  indicators: Indicator[];
  budget: Dec | null;
  executed: Dec | null;
  initialBudget: Dec | null;
  executionRate: Dec | null;
  executionWeight: Dec;
  executionScore: Dec | null;
  score: Dec | null;
  grade: string | null;
  /** Goal achievement as a fraction (1 = 100 %). */
  achievement: Dec | null;
  classified: boolean;
  note: string;
  outcome: string;
}

export interface Issue {
  rule: RuleId;
  severity: Severity;
  sheet: string;
  cell: string;
  message: string;
}

export type WriteKind = 'executionRate' | 'executionScore' | 'indicatorScore' | 'totalWeight' | 'totalScore' | 'grade' | 'projectScore' | 'achievement' | 'departmentRate' | 'convertedScore';

export interface CellWrite {
  sheet: string;
  cell: string;
  row: number;
  col: number;
  value: number | string;
  numberFormat: string | null;
  before: CellValue;
  kind: WriteKind;
}

export interface Plan {
  writes: CellWrite[];
}

export interface Model {
  projects: Project[];
  departments: Department[];
  forms: Form[];
  lists: ProjectList[];
  indicatorLists: IndicatorList[];
  indicators: Indicator[];
}

export interface AnalyseOptions {
  profile?: string;
  lang?: Lang;
}

export interface Analysis {
  model: Model;
  issues: Issue[];
  plan: Plan;
  profile: string;
}
