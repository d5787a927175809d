// The scoring profile: every rule that differs between counties is a setting here, not code.
// RULES.md names the sources; the national default comes first, named variants copy and change it.

export type Grade = string;
export type ReverseRule = 'ratio' | 'linear';
export type QualitativeGrade = 'achieved' | 'partial' | 'notAchieved';

/** Columns of the project list (TEMPLATE.md §1). */
export type ProjectField =
  | 'seq' | 'unit' | 'name' | 'category' | 'initialBudget' | 'budget' | 'executed' | 'executionRate'
  | 'achievement' | 'score' | 'grade' | 'note' | 'goal' | 'outcome';

/** Columns of an indicator table (TEMPLATE.md §2 and the form's indicator block). */
export type IndicatorField =
  | 'project' | 'level1' | 'level2' | 'level3' | 'nature' | 'measure' | 'target' | 'actual' | 'weight'
  | 'score' | 'reason';

/** Columns of the form's fund block (TEMPLATE.md §3, row 6). */
export type FundField = 'initialBudget' | 'budget' | 'executed' | 'weight' | 'executionRate' | 'score';

export type FundRowKind = 'total' | 'appropriation' | 'carryOver' | 'other';

/** Columns of the department-wide point table (TEMPLATE.md §4). */
export type DepartmentField = 'level1' | 'level2' | 'level3' | 'standard' | 'weight' | 'score' | 'applicable' | 'reason';

/**
 * Figures of the department's base-data block (label │ value). Expenditure (支出: initialBudget, budget,
 * executed) and revenue (收入: revenueBudget, revenueFinal) are different fields (RULES.md §2).
 */
export type BaseField =
  | 'initialBudget' | 'budget' | 'executed' | 'revenueBudget' | 'revenueFinal' | 'appropriation' | 'carryOverStart' | 'carryOverEnd'
  | 'procurementBudget' | 'procurementActual' | 'publicBudget' | 'publicActual' | 'threeBudget' | 'threeActual'
  | 'threeLastYear' | 'staffQuota' | 'staffActual';

/** The standard rates of RULES.md §2, written where the sheet has a row for them. */
export type DepartmentRate =
  | 'executionRate' | 'adjustmentRate' | 'carryOverRate' | 'finalVarianceRate' | 'procurementRate'
  | 'publicCostRate' | 'threeCostRate' | 'threeCostChange' | 'staffRate';

/** A bound of a banded 评分标准, as a rate fraction (0.95 for 95 %). */
export interface RateBound {
  value: number;
  included: boolean;
}

/**
 * How a department row is scored from its rate (RULES.md §2), parsed from its 评分标准 text. Rates are
 * fractions (0.95 for 95 %); points are 分 or 'full' for the row's 分值.
 */
export type ScoringStandard =
  /** 按完成比例计分 / 执行率×分值: rate × 分值, never above 分值. */
  | { kind: 'proportional' }
  /**
   * 每低于(超过)1个百分点扣0.5分，扣完为止: full at `threshold`, `points` off for every `step` below
   * (or above) it; the deduction is proportional to the shortfall, never below 0.
   */
  | { kind: 'step'; direction: 'below' | 'above'; threshold: number; step: number; points: number }
  /** ≥95%得10分；90%(含)-95%得8分 …: the first band that holds the rate gives the points. */
  | { kind: 'banded'; bands: Array<{ min: RateBound | null; max: RateBound | null; points: number | 'full' }> }
  /** 未公开的不得分, 按时公开得满分: conditions a person judges; only 0 ≤ score ≤ 分值 is checked. */
  | { kind: 'conditions'; clauses: Array<{ condition: string; points: number | 'full' | null }> };

/**
 * A department point table as one bureau publishes it (RULES.md §2): which rows are 加分项 and 扣分项,
 * its level-1 categories in order, and the 评分标准 of rows scored from a computed rate where the sheet
 * writes none.
 */
export interface DepartmentTable {
  /** Labels (一级, 二级 or 三级) of bonus rows: their points come on top, a blank score is 0. */
  bonusLabels: string[];
  /** Labels of deduction rows: their score (negative or not) is subtracted, 分值 is at most a cap. */
  deductionLabels: string[];
  /** Level-1 categories in the table's order (the model's subtotals follow it); empty: sheet order. */
  categories: string[];
  /** 评分标准 by 三级指标, used where the row's own 评分标准 cell is blank. */
  standards: Record<string, string>;
  /** Rates scored on their absolute value (预决算差异率: −7.41 % counts as 7.41 %). */
  absoluteRates: DepartmentRate[];
}

export interface ScoringProfile {
  name: string;
  label: { zh: string; en: string };
  /** 预算执行率's points, used when the form leaves 分值 blank and for indicator lists. */
  executionWeight: number;
  /** The default split of level-1 points; another split is allowed (reported as info) as long as all make 100. */
  level1Weights: Record<string, number>;
  capExecutionScore: boolean;
  reverseRule: ReverseRule;
  /** Actual ≥ ratio × target needs an explanation (a target set too low). */
  overAchievementRatio: number;
  /** Lower bounds (inclusive) of the qualitative bands, as a share of 分值. */
  qualitativeBands: { achieved: number; partial: number };
  /** The share of 分值 filled in when a qualitative score is blank (to be confirmed by the user). */
  qualitativeDefaults: Record<QualitativeGrade, number>;
  /** Phrases real sheets use for each qualitative grade, matched after folding; longer phrases win. */
  qualitativePhrases: Record<QualitativeGrade, string[]>;
  /** Highest grade first; a score at or above `min` gets `grade`. */
  gradeBands: Array<{ grade: Grade; min: number }>;
  /** Amounts in 万元 and scores may differ by this much before a total is wrong. */
  tolerance: number;
  /** Warn when indicator completion exceeds execution completion by more than this share of the former. */
  consistencyMargin: number;
  /** Warn when the execution rate is below this (more than 20 % of the budget not executed). */
  lowExecutionRate: number;
  projectHeaders: Record<ProjectField, string[]>;
  indicatorHeaders: Record<IndicatorField, string[]>;
  fundHeaders: Record<FundField, string[]>;
  fundRows: Record<FundRowKind, string[]>;
  departmentHeaders: Record<DepartmentField, string[]>;
  departmentBase: Record<BaseField, string[]>;
  departmentRates: Record<DepartmentRate, string[]>;
  departmentTable: DepartmentTable;
  /** 结转结余率's denominator: 年初结转结余 + 本年财政拨款 (most counties), or 全年执行数 (one county). */
  carryOverBase: 'available' | 'executed';
  /** Words in 项目名称 / 三级指标 that mark a classified row: counted, never quoted. */
  classifiedMarks: string[];
  /** Row labels of a total row. */
  totalLabels: string[];
}

const national: ScoringProfile = {
  name: 'national',
  label: { zh: '全国通用（财预〔2020〕10号）', en: 'National default (MoF 2020 No. 10)' },
  executionWeight: 10,
  level1Weights: { '产出指标': 50, '效益指标': 30, '满意度指标': 10 },
  capExecutionScore: true,
  reverseRule: 'ratio',
  overAchievementRatio: 1.3,
  qualitativeBands: { achieved: 0.8, partial: 0.6 },
  qualitativeDefaults: { achieved: 1, partial: 0.6, notAchieved: 0 },
  qualitativePhrases: {
    achieved: [
      '达成年度指标', '达成预期指标', '达成预期目标', '达成目标', '达成', '已达成', '全部达成', '完成', '已完成', '全部完成',
      '按时完成', '按期完成', '效果明显', '效果显著', '成效显著', '明显', '显著', '显著提高', '明显提高', '明显提升', '有效提升',
      '好', '良好', '优', '优秀', '高', '较高', '是', '达标', '合格', '符合', '符合要求', '满意', '很满意', '非常满意', '有效', '及时',
      '作用明显', '推广面广', '已建立', '建立', '已落实',
    ],
    partial: [
      '部分达成年度指标并具有一定效果', '部分达成', '基本达成', '基本完成', '部分完成', '有一定效果', '一定效果', '较好', '一般',
      '基本满意', '较满意', '比较满意', '基本合格', '基本符合', '较明显',
    ],
    notAchieved: [
      '未达成年度指标且效果较差', '未达成', '未完成', '未实施', '未开展', '效果较差', '较差', '差', '否', '不满意',
      '不合格', '不符合', '无效', '不明显', '不好', '不高', '不及时', '未达标', '不达标',
    ],
  },
  gradeBands: [
    { grade: '优', min: 90 },
    { grade: '良', min: 80 },
    { grade: '中', min: 60 },
    { grade: '差', min: 0 },
  ],
  tolerance: 0.01,
  consistencyMargin: 0.05,
  lowExecutionRate: 0.8,
  projectHeaders: {
    seq: ['序号', '编号'],
    unit: ['部门名称', '单位名称', '实施单位', '预算单位', '主管部门'],
    name: ['项目名称'],
    category: ['项目类别', '项目性质', '项目类型'],
    initialBudget: ['年初预算数', '年初预算'],
    budget: ['全年预算数', '调整后预算数', '预算调整数', '资金数额', '全年预算', '调整后预算', '预算数'],
    executed: ['全年执行数', '实际支出数', '资金执行数', '执行数', '实际支出', '全年支出数'],
    executionRate: ['预算执行率', '执行率', '资金执行率'],
    achievement: ['绩效目标实现程度', '12月底绩效目标实现程度', '目标实现程度', '绩效目标完成率', '实现程度'],
    score: ['自评得分', '得分', '自评分数', '总分'],
    grade: ['评价等级', '自评等级', '等级', '自评结果'],
    note: ['偏差原因', '备注', '说明', '偏差原因分析', '原因说明', '偏差原因及说明', '偏差原因说明', '情况说明', '未完成原因'],
    goal: ['绩效目标', '年度绩效目标', '预期目标'],
    outcome: ['实现情况', '完成情况', '实际完成情况', '绩效目标实现情况'],
  },
  indicatorHeaders: {
    project: ['项目名称'],
    level1: ['一级指标'],
    level2: ['二级指标'],
    level3: ['三级指标', '指标名称', '具体指标'],
    nature: ['指标性质', '计算符号', '指标方向', '指标类型'],
    measure: ['计量单位', '度量单位'],
    target: ['年度指标值', '指标值', '目标值', '年度目标值', '预期指标值'],
    actual: ['实际完成值', '实际完成情况', '实际值', '完成值', '全年实际完成值', '实际完成'],
    weight: ['分值', '权重', '标准分值', '指标分值'],
    score: ['得分', '自评得分', '实际得分'],
    reason: ['偏差原因分析及改进措施', '偏差原因分析', '偏差原因', '偏差原因及改进措施', '未完成原因分析', '原因分析及改进措施'],
  },
  fundHeaders: {
    initialBudget: ['年初预算数'],
    budget: ['全年预算数', '调整后预算数', '预算调整数'],
    executed: ['全年执行数', '实际支出数', '资金执行数'],
    weight: ['分值'],
    executionRate: ['执行率', '预算执行率'],
    score: ['得分'],
  },
  fundRows: {
    total: ['年度资金总额', '资金总额', '合计'],
    appropriation: ['财政拨款', '本年财政拨款', '当年财政拨款', '财政拨款(本年)', '财政拨款(当年)'],
    carryOver: ['上年结转资金', '上年结转', '结转资金'],
    other: ['其他资金', '其他'],
  },
  departmentHeaders: {
    level1: ['一级指标'],
    level2: ['二级指标'],
    level3: ['三级指标', '指标名称'],
    standard: ['评分标准', '评分细则', '评分要点', '指标说明及评分标准', '评分办法', '计分方法'],
    weight: ['分值', '标准分值', '权重'],
    score: ['自评得分', '得分', '实际得分'],
    applicable: ['适用', '是否适用'],
    reason: ['扣分原因', '扣分说明', '得分说明', '备注'],
  },
  departmentBase: {
    initialBudget: ['年初预算数', '年初预算', '支出年初预算数'],
    budget: ['全年预算数', '调整后预算数', '支出全年预算数', '支出预算数', '预算数'],
    executed: ['全年执行数', '支出完成数', '实际支出数', '支出决算数', '支出执行数'],
    revenueBudget: ['财政拨款收入预算数', '财政拨款收入调整预算数', '财政拨款收入全年预算数', '收入预算数'],
    revenueFinal: ['财政拨款收入决算数', '收入决算数'],
    appropriation: ['本年财政拨款', '本年财政拨款收入', '财政拨款收入'],
    carryOverStart: ['年初结转结余', '年初结转和结余'],
    carryOverEnd: ['年末结转结余', '年末结转和结余'],
    procurementBudget: ['政府采购预算数', '政府采购预算'],
    procurementActual: ['实际政府采购金额', '政府采购实际金额', '实际政府采购数'],
    publicBudget: ['公用经费预算数', '预算公用经费'],
    publicActual: ['实际公用经费', '公用经费实际数'],
    threeBudget: ['三公经费预算数', '"三公经费"预算数', '预算三公经费'],
    threeActual: ['实际三公经费', '"三公经费"实际数', '三公经费实际数'],
    threeLastYear: ['上年三公经费', '上年"三公经费"', '上年三公经费实际数'],
    staffQuota: ['编制数', '核定编制数'],
    staffActual: ['实有在职人数', '在职人数'],
  },
  departmentRates: {
    executionRate: ['预算执行率', '预算完成率'],
    adjustmentRate: ['预算调整率'],
    carryOverRate: ['结转结余率'],
    finalVarianceRate: ['财政拨款收入预决算差异率', '预决算差异率'],
    procurementRate: ['政府采购执行率'],
    publicCostRate: ['公用经费控制率'],
    threeCostRate: ['"三公经费"控制率', '三公经费控制率'],
    threeCostChange: ['"三公经费"变动率', '三公经费变动率'],
    staffRate: ['在职人员控制率'],
  },
  departmentTable: {
    bonusLabels: ['加分项', '加分指标', '附加分'],
    deductionLabels: ['扣分项', '扣分指标'],
    categories: [],
    standards: {},
    absoluteRates: ['finalVarianceRate'],
  },
  carryOverBase: 'available',
  classifiedMarks: ['涉密'],
  totalLabels: ['合计', '总计', '总分', '小计'],
};

/** FASP2's project rule (预算管理一体化): the national grades 90 / 80 / 60 with the linear reverse rule. */
const fasp2: ScoringProfile = {
  ...national,
  name: 'fasp2',
  label: { zh: 'FASP2 一体化系统（反向指标线性扣分，等级90/80/60）', en: 'FASP2 system (linear reverse rule, grades 90/80/60)' },
  reverseRule: 'linear',
};

/**
 * One province's deployment of the system grades at 80 / 70 / 60 (RULES.md §1.6). We do not know which
 * province: the preset is named by what it does. Formerly called `provincial`.
 */
const grades807060: ScoringProfile = {
  ...fasp2,
  name: 'grades-80-70-60',
  label: { zh: '某省部署（反向指标线性扣分，等级80/70/60）', en: "One province's deployment (linear reverse rule, grades 80/70/60)" },
  gradeBands: [
    { grade: '优', min: 80 },
    { grade: '良', min: 70 },
    { grade: '中', min: 60 },
    { grade: '差', min: 0 },
  ],
};

/**
 * The Guangdong township point table behind the department report in shared/examples (丰顺县砂田镇,
 * 2021): 预算编制 · 预算执行 · 预算使用效益. The report scores 政府采购执行率 as the rate × 分值; its
 * other rate rows' rules are not published with it, so they come from the sheet's 评分标准.
 */
const guangdongTownship: ScoringProfile = {
  ...national,
  name: 'guangdong-township',
  label: { zh: '广东乡镇部门整体自评表（预算编制·预算执行·预算使用效益）', en: 'Guangdong township department table' },
  departmentTable: {
    ...national.departmentTable,
    categories: ['预算编制', '预算执行', '预算使用效益'],
    standards: { '政府采购执行率': '执行率×分值' },
  },
};

/**
 * A Hebei county's category table: eight categories, 参与财政改革创新 as a 加分项 (9 of its 100 points)
 * and 存在问题 as a 扣分项.
 */
const hebeiCounty: ScoringProfile = {
  ...national,
  name: 'hebei-county',
  label: { zh: '河北县级部门整体自评表（分类计分，含加分项、扣分项）', en: 'Hebei county department table (categories, bonus and deduction)' },
  departmentTable: {
    ...national.departmentTable,
    bonusLabels: [...national.departmentTable.bonusLabels, '参与财政改革创新', '财政改革创新'],
    deductionLabels: [...national.departmentTable.deductionLabels, '存在问题'],
    categories: ['重大政策落实', '预算编制管理', '预算执行管理', '预算绩效管理', '资产管理', '债务管理', '预算透明度', '预算信息化', '参与财政改革创新', '存在问题'],
  },
};

export const PROFILES: Readonly<Record<string, ScoringProfile>> = {
  national, fasp2, 'grades-80-70-60': grades807060, 'guangdong-township': guangdongTownship, 'hebei-county': hebeiCounty,
};

/** Old names still accepted; `provincial` wrongly said 80/70/60 was FASP2's rule. */
export const DEPRECATED_PROFILES: Readonly<Record<string, string>> = { provincial: 'grades-80-70-60' };

export const DEFAULT_PROFILE = national;

export function getProfile(name: string | undefined): ScoringProfile | null {
  if (name === undefined) return DEFAULT_PROFILE;
  const known = Object.prototype.hasOwnProperty.call(DEPRECATED_PROFILES, name) ? DEPRECATED_PROFILES[name] : name;
  return Object.prototype.hasOwnProperty.call(PROFILES, known) ? PROFILES[known] : null;
}
