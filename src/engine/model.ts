// The recognised workbook: projects, forms and indicators, every value with the cell it came from.

import type { Dec } from './decimal';
import type { Lang, RuleId, Severity } from './messages';
import type { Target } from './parse/target';
import type { BaseField, DepartmentRate, ProjectField, ScoringProfile, ScoringStandard } from './profile';
import type { CellValue } from './snapshot';
import type { UnitNameCell } from './template/carrier';

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
  /** In an indicator list, the row where this indicator's project group starts (its 项目名称 cell); null on a form. */
  projectRow: number | null;
  level1: string;
  level2: string;
  level3: string;
  targetText: string;
  actualText: string;
  /** The actual value as typed (Grid.asTyped: a %-formatted cell's 0.93 is '93%'); a number typed plainly stays a number. */
  actualValue: CellValue;
  target: Target;
  /** Columns of this indicator's cells (-1 when the table has no such column). */
  cols: { project: number; level1: number; level3: number; target: number; actual: number; weight: number; score: number; reason: number };
  weight: Dec | null;
  /** The 分值 or 得分 cell held text or an error value (reported where it was read), not a blank. */
  unreadable: { weight: boolean; score: boolean };
  /**
   * The weight or the score the unit typed has an error said at its cell (missing or unreadable 分值, a
   * score above 分值 or outside its band): no total, converted score or grade is written over it.
   */
  invalid: boolean;
  /** The 得分 cell keeps the unit's formula, which shows another score than the rules give: nothing is built on it. */
  formulaDiffers: boolean;
  /** The score after computing: computed (quantitative), chosen by the unit or suggested (qualitative), or null. */
  score: Dec | null;
  /** The score typed in the sheet, if any. */
  scoreEntered: Dec | null;
  /**
   * Where `score` comes from: computed by the rules, suggested for a blank qualitative score, as typed,
   * or `kept`: the unit's own deduction below full at ≥ 130 % of the target (RULES.md §1.5), which the
   * computed full score never replaces. Only `computed` and `suggested` scores are written.
   */
  scoreSource: 'computed' | 'suggested' | 'entered' | 'kept';
  /** actual ÷ target for quantitative indicators (for the over-achievement rule and the summary). */
  completion: Dec | null;
  qualitative: QualitativeLevel | null;
  /** A time target (年度指标值 a date): true when completed by it, false when later, null otherwise or unclear. */
  onTime: boolean | null;
  /** An answer that negates achieving (未按时完成: not met), or one that cannot be judged (both reported). */
  reading: 'negated' | 'unclear' | null;
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
  /** Left as the template gave it (recognise/blank.ts): said once, neither checked nor computed. */
  blank: boolean;
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
  /** Left as the template gave it (recognise/blank.ts): said once, neither checked nor computed. */
  blank: boolean;
}

/**
 * What a department row counts for (RULES.md §2): a scored item; a bonus (加分项: on top, a blank score is
 * 0); a deduction (扣分项: its score, negative or not, is subtracted; 分值 is at most a cap); or a heading
 * without 分值 and score, which is skipped.
 */
export type DepartmentItemKind = 'scored' | 'bonus' | 'deduction' | 'unscored';

/** One row of the department-wide point table. */
export interface DepartmentItem {
  row: number;
  level1: string;
  level2: string;
  /** The row's name: 三级指标, or 二级指标 where the table has no third level. */
  level3: string;
  kind: DepartmentItemKind;
  /** 评分标准 as written (or the profile's for this row when the cell is blank), and as parsed. */
  standard: string;
  rule: ScoringStandard | null;
  /** The standard rate the row is named after (预算执行率 …), when it is one. */
  rate: DepartmentRate | null;
  weight: Dec | null;
  /** The score used: as entered, or computed from the rate by the rule where the cell was blank. */
  score: Dec | null;
  scoreSource: 'entered' | 'computed';
  /** The score the rule gives for the computed rate, when it can. */
  expected: Dec | null;
  /** The entered score is none the 评分标准 allows for the computed rate (said at its cell; the unit's score stands). */
  differsFromStandard: boolean;
  applicable: boolean;
  reason: string;
  /** The 分值 or 自评得分 cell held text or an error value (reported where it was read), not a blank. */
  unreadable: boolean;
  /** Its score or 分值 has an error said at its cell (unreadable, negative, above 分值): no total is written over it. */
  invalid: boolean;
}

/** A level-1 category's subtotal: Σ applicable 分值, and Σ scores (deductions count negative); null while open. */
export interface DepartmentCategory {
  name: string;
  weight: Dec;
  score: Dec | null;
}

/** A 部门整体绩效自评 sheet: its base figures, its rates, its point table and results. */
export interface Department {
  sheet: string;
  /** The first row of the sheet's department content: its base-data block or its point table's header. */
  top: number;
  base: Partial<Record<BaseField, NumberCell>>;
  /** Each standard rate the figures allow; null where undefined (a zero denominator). */
  rates: Partial<Record<DepartmentRate, { value: Dec | null; cell: CellPos | null; why?: string }>>;
  items: DepartmentItem[];
  cols: { weight: number; score: number; reason: number; level3: number; level1: number; standard: number };
  totalRow: number | null;
  /** 总分 = Σ applicable scores + bonus − deductions; null while an applicable item is unscored. */
  score: Dec | null;
  /** Σ 分值 of the applicable items (an applicable bonus with 分值 included). */
  weight: Dec | null;
  /** The bonus points and the deductions inside `score`. */
  bonus: Dec | null;
  deductions: Dec | null;
  /** 换算得分 = score ÷ weight × 100. */
  converted: Dec | null;
  grade: string | null;
  /** Subtotals by level-1 category, in the profile's category order, then the sheet's. */
  categories: DepartmentCategory[];
  /** Left as the template gave it (recognise/blank.ts): said once, neither checked nor computed. */
  blank: boolean;
}

/**
 * A project as the workbook describes it, merged from its list row, its form and its indicators. Every
 * list row is a project of its own, even when another row has the same name; `nameCell` tells them apart.
 */
export interface Project {
  name: string;
  sheet: string;
  /** Where the name is written: the list row's 项目名称 cell, else the form's, else the indicator group's. */
  nameCell: CellPos;
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

export type WriteKind = 'executionRate' | 'executionScore' | 'indicatorScore' | 'totalWeight' | 'totalScore' | 'grade' | 'projectScore' | 'achievement' | 'departmentRate' | 'departmentScore' | 'convertedScore';

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
  /** The filled ones: a blank form, indicator list or department sheet is in `unfilled` only. */
  departments: Department[];
  forms: Form[];
  lists: ProjectList[];
  indicatorLists: IndicatorList[];
  indicators: Indicator[];
  /** The forms and department sheets left as the template gave them. */
  unfilled: { forms: Form[]; indicatorLists: IndicatorList[]; departments: Department[] };
}

export interface AnalyseOptions {
  /**
   * A profile name (or a deprecated alias such as `provincial`), or a profile itself (a county's, from its
   * template). Not given: the profile the workbook carries from its template, else the national default.
   */
  profile?: string | ScoringProfile;
  /** Where the unit writes its name, when the workbook carries no mark of its own (the template's, given apart). */
  unitNameCell?: UnitNameCell;
  lang?: Lang;
  /** The year evaluated, for time targets that write none; found in the sheet titles when not given. */
  year?: number | null;
}

export interface Analysis {
  model: Model;
  issues: Issue[];
  plan: Plan;
  /** The profile's name as resolved (an alias gives its new name). */
  profile: string;
  /** The profile's name as the doors show it ("评分方案：某某县2025年模板"). */
  profileLabel: { zh: string; en: string };
  /** Chosen by the user or a door, carried by the workbook from its template, or the national default. */
  profileSource: 'chosen' | 'workbook' | 'default';
  /** The unit's name from the cell its template marks, when it marks one and the cell is filled. */
  unitName: string | null;
  /** The evaluation year used for time targets; null when neither given nor found in the titles. */
  year: number | null;
}
