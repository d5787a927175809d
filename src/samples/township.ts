// The bundled workbooks. The sample is a fictional township (青山镇) filled the way real ones are, with the
// mistakes bureaus send workbooks back for; each is named in a comment so `selfeval check` can be read
// against this file. Amounts in 万元; 1759.62291 / 1672.699499 are the real figures of RULES.md §1.2.

import { departmentSheet, formSheet, indicatorListSheet, projectListSheet, type ProjectSpec, type SheetSpec } from './layouts';

export const SAMPLE_YEAR = 2025;
export const SAMPLE_UNIT = '青山镇人民政府';

const satisfaction = (l3: string, target: string, actual: string) => ({ l1: '满意度指标', l2: '服务对象满意度指标', l3, target, actual, weight: 10 });

const environment: ProjectSpec = {
  name: '农村人居环境整治项目', category: '专项项目', initial: 100, budget: 105, executed: 98.6, unit: SAMPLE_UNIT,
  funds: { appropriation: [100, 105, 98.6] },
  rateFormula: true, // the bureau pre-filled =G/F: right, so it is kept and only checked
  statedTotal: 94, // typed by hand; the items add up to 99.39
  goal: '完成全镇12个行政村垃圾清运和坑塘整治，改善农村人居环境。',
  outcome: '全年清运垃圾3200吨，整治坑塘18处，村容村貌明显改善。',
  indicators: [
    { l1: '产出指标', l2: '数量指标', l3: '垃圾清运量', target: '≥3000吨', actual: '3200吨', weight: 20 },
    { l1: '产出指标', l2: '质量指标', l3: '清运及时率', target: '≥95%', actual: '98%', weight: 15 },
    { l1: '产出指标', l2: '时效指标', l3: '完成时限', target: '≤12月', actual: '11月', weight: 10 },
    { l1: '产出指标', l2: '成本指标', l3: '项目总成本', target: '≤105万元', actual: '98.6万元', weight: 5 },
    // qualitative, score left blank: the default for 达成 is suggested
    { l1: '效益指标', l2: '社会效益指标', l3: '农村人居环境改善', target: '明显改善', actual: '达成年度指标', weight: 30 },
    satisfaction('群众满意度', '≥90%', '93%'),
  ],
};

const revitalisation: ProjectSpec = {
  name: '乡村振兴衔接资金项目', category: '专项项目', initial: 1700, budget: 1759.62291, executed: 1672.699499, unit: SAMPLE_UNIT,
  funds: { appropriation: [1500, 1559.62291, 1480.5], carryOver: [200, 200, 192.199499] },
  goal: '实施产业帮扶项目8个，带动脱贫人口稳定就业，巩固拓展脱贫攻坚成果。',
  outcome: '8个产业帮扶项目全部建成，带动就业100人，脱贫户人均纯收入增长6.2%。',
  indicators: [
    { l1: '产出指标', l2: '数量指标', l3: '产业帮扶项目个数', target: '≥8个', actual: '8个', weight: 20 },
    // short of target and no reason written
    { l1: '产出指标', l2: '数量指标', l3: '带动脱贫人口就业', target: '≥120人', actual: '100人', weight: 10 },
    { l1: '产出指标', l2: '质量指标', l3: '项目验收合格率', target: '=100%', actual: '１００％', weight: 10 }, // full-width
    { l1: '产出指标', l2: '时效指标', l3: '资金拨付及时率', target: '≥95%', actual: 0.97, weight: 5 }, // a %-formatted cell
    { l1: '产出指标', l2: '成本指标', l3: '人均帮扶成本', target: '≤1.5万元', actual: '1.42万元', weight: 5 },
    { l1: '效益指标', l2: '经济效益指标', l3: '脱贫户人均纯收入增长率', target: '≥5%', actual: '6.2%', weight: 15 },
    { l1: '效益指标', l2: '可持续影响指标', l3: '帮扶机制长效运行', target: '长期有效', actual: '达成年度指标', weight: 15, score: 12 },
    satisfaction('脱贫户满意度', '≥90%', '96%'),
  ],
};

const road: ProjectSpec = {
  name: '东村道路硬化工程', category: '基本建设', initial: 80, budget: 80, executed: 80,
  indicators: [
    { l1: '产出指标', l2: '数量指标', l3: '道路硬化面积', target: '≥5000平方米', actual: '5800平方米', weight: 20 },
    { l1: '产出指标', l2: '质量指标', l3: '工程验收合格率', target: '=100%', actual: '100%', weight: 15 },
    { l1: '产出指标', l2: '时效指标', l3: '按期完工率', target: '=100%', actual: '100%', weight: 10 },
    { l1: '产出指标', l2: '成本指标', l3: '工程造价', target: '≤80万元', actual: '800000元', weight: 5 }, // 元 against 万元
    { l1: '效益指标', l2: '社会效益指标', l3: '群众出行条件', target: '明显改善', actual: '效果明显', weight: 30, score: 28 },
    satisfaction('沿线群众满意度', '≥90%', '95%'),
  ],
};

const air: ProjectSpec = {
  name: '大气污染综合治理（双代改造）', category: '专项项目', initial: 600, budget: 620, executed: 598.3,
  indicators: [
    // 132 % of the target and no reason: the target was set too low
    { l1: '产出指标', l2: '数量指标', l3: '双代改造户数', target: '≥4500户', actual: '5950户', weight: 20 },
    { l1: '产出指标', l2: '质量指标', l3: '改造验收合格率', target: '≥98%', actual: '99%', weight: 15 },
    { l1: '产出指标', l2: '时效指标', l3: '供暖季前完成率', target: '≥95%', actual: '100%', weight: 10 },
    { l1: '效益指标', l2: '生态效益指标', l3: '散煤清零村占比', target: '≥90%', actual: '100%', weight: 30 },
    satisfaction('改造户满意度', '≥90%', '92%'),
    // no 成本指标: the weights make 95, not 100
  ],
};

const water: ProjectSpec = {
  name: '农村饮水安全维修养护', category: '运维项目', initial: 90, budget: 90, executed: 89.974, unit: SAMPLE_UNIT,
  fundTotal: [0, 0, 0], // a real form was filed with 年度资金总额 0 while its sub-row held 90 / 89.974
  funds: { appropriation: [90, 90, 89.974] },
  goal: '完成15处供水点维修，保障1.2万人饮水安全。',
  outcome: '维修供水点15处，水质达标率97%。',
  indicators: [
    { l1: '产出指标', l2: '数量指标', l3: '维修供水点', target: '≥15处', actual: '15处', weight: 20 },
    { l1: '产出指标', l2: '质量指标', l3: '水质达标率', target: '≥95%', actual: '97%', weight: 15 },
    { l1: '产出指标', l2: '时效指标', l3: '维修响应时间', target: '≤48小时', actual: '36小时', weight: 10 },
    { l1: '产出指标', l2: '成本指标', l3: '维修成本', target: '≤90万元', actual: '89.974万元', weight: 5 },
    { l1: '效益指标', l2: '社会效益指标', l3: '保障饮水安全人口', target: '≥1.2万人', actual: '1.25万人', weight: 30 },
    satisfaction('群众满意度', '≥90%', '94%'),
  ],
};

const farmland: ProjectSpec = {
  name: '高标准农田建设', category: '基本建设', initial: 300, budget: 300, executed: 210.5, // 70.17 %: low execution
  note: '受汛期影响，部分工程款顺延至次年支付',
  indicators: [
    { l1: '产出指标', l2: '数量指标', l3: '新建高标准农田面积', target: '≥2000亩', actual: '2000亩', weight: 20 },
    { l1: '产出指标', l2: '质量指标', l3: '工程质量合格率', target: '=100%', actual: '100%', weight: 15 },
    { l1: '产出指标', l2: '时效指标', l3: '当年完工率', target: '≥90%', actual: '85%', weight: 10, reason: '受汛期影响，部分田间道路工程顺延至次年春季完工；已督促施工单位倒排工期。' },
    { l1: '产出指标', l2: '成本指标', l3: '亩均投资', target: '≤1500元', actual: '1480元', weight: 5 },
    { l1: '效益指标', l2: '经济效益指标', l3: '粮食亩产提高', target: '≥5%', actual: '6%', weight: 30 },
    satisfaction('农户满意度', '≥90%', '95%'),
  ],
};

const villages: ProjectSpec = {
  name: '村级组织运转经费', category: '经常性项目', initial: 236.8, budget: 236.8, executed: 236.8, unit: SAMPLE_UNIT,
  funds: { appropriation: [236.8, 236.8, 236.8] },
  goal: '保障12个村级组织正常运转。',
  outcome: '12个村级组织经费全部按季度拨付到位。',
  indicators: [
    { l1: '产出指标', l2: '数量指标', l3: '保障村级组织个数', target: '=12个', actual: '12个', weight: 25 },
    { l1: '产出指标', l2: '质量指标', l3: '经费使用合规率', target: '=100%', actual: '100%', weight: 15 },
    { l1: '产出指标', l2: '时效指标', l3: '经费拨付', target: '按季度拨付', actual: '按时完成', weight: 10 },
    // 达成 with 20 of 30 points: outside the band [24, 30]
    { l1: '效益指标', l2: '社会效益指标', l3: '基层组织正常运转', target: '正常运转', actual: '达成年度指标', weight: 30, score: 20 },
    satisfaction('村干部满意度', '≥90%', '96%'),
  ],
};

const flood: ProjectSpec = { name: '防汛物资储备', category: '专项项目', initial: 12, budget: 12, executed: 0, achievement: 0, note: '资金未下达，项目未实施' };
const culture: ProjectSpec = { name: '综合文化站免费开放', category: '经常性项目', initial: 15, budget: 15, executed: '待定', score: '92分' };
const classified: ProjectSpec = { name: '维稳专项经费（涉密）', category: '专项项目', initial: 50, budget: 50, executed: 48, score: 95 };

const straw: ProjectSpec = {
  name: '秸秆禁烧及综合利用', category: '专项项目', initial: 28, budget: 28, executed: 30.5, // over-executed
  note: '追加巡查人员补助',
  indicators: [
    { l1: '产出指标', l2: '数量指标', l3: '秸秆综合利用率', target: '≥90%', actual: '93%', weight: 25 },
    { l1: '产出指标', l2: '时效指标', l3: '禁烧巡查覆盖率', target: '=100%', actual: '100%', weight: 10 },
    { l1: '产出指标', l2: '成本指标', l3: '补贴发放金额', target: '≥28万元', actual: '30.5万元', weight: 15 }, // a cost with ≥
    { l1: '效益指标', l2: '生态效益指标', l3: '秸秆焚烧火点数', target: '≤0个', actual: '0个', weight: 30 },
    satisfaction('群众满意度', '≥85%', '90%'),
  ],
};

// Indicators of a project the list does not have (its row was forgotten).
const sewage: ProjectSpec = {
  name: '集镇污水管网建设',
  indicators: [
    { l1: '产出指标', l2: '数量指标', l3: '新建管网长度', target: '≥3公里', actual: '3200米', weight: 50 },
    { l1: '效益指标', l2: '生态效益指标', l3: '污水收集率', target: '≥80%', actual: '85%', weight: 30 },
    satisfaction('居民满意度', '≥90%', '91%'),
  ],
};

const LISTED = [environment, revitalisation, road, air, water, farmland, villages, flood, culture, classified, straw];

export function sampleSheets(): SheetSpec[] {
  const list = projectListSheet('项目汇总表', `${SAMPLE_UNIT}${SAMPLE_YEAR}年度项目支出绩效自评汇总表`, LISTED);
  // The 合计 row, typed by hand with two digits swapped (3296.42291 is right).
  const total = list.rows.findIndex((r) => r[0] === '合计');
  list.rows[total][4] = 3269.42291;
  const sheets = [
    list,
    indicatorListSheet('绩效指标表', `${SAMPLE_UNIT}${SAMPLE_YEAR}年度项目绩效指标完成情况表`, [road, air, farmland, straw, sewage]),
    formSheet('自评表-人居环境', [environment], SAMPLE_YEAR, SAMPLE_UNIT),
    formSheet('自评表-乡村振兴', [revitalisation], SAMPLE_YEAR, SAMPLE_UNIT),
    formSheet('自评表-其他', [water, villages], SAMPLE_YEAR, SAMPLE_UNIT),
    departmentSheet('部门整体绩效', `${SAMPLE_UNIT}${SAMPLE_YEAR}年度部门整体支出绩效自评表`, {
      // The real figures of RULES.md §2: revenue 2788.56 budgeted and final, 756 carried over, 2032.56
      // appropriated, a procurement budget of 0 against 1.32 spent; expenditure 2845.81 of 2900 (98.13 %).
      base: [
        ['年初预算数', 2700], ['全年预算数', 2900], ['全年执行数', 2845.81], ['财政拨款收入预算数', 2788.56], ['财政拨款收入决算数', 2788.56], ['年初结转结余', 756],
        ['本年财政拨款', 2032.56], ['年末结转结余', 0], ['政府采购预算数', 0], ['实际政府采购金额', 1.32], ['编制数', 86], ['实有在职人数', 82],
      ],
      rates: ['预算执行率', '预算调整率', '结转结余率', '财政拨款收入预决算差异率', '政府采购执行率', '在职人员控制率'],
      indicators: DEPARTMENT_INDICATORS.map((i) => ({ ...i, ...SAMPLE_DEPARTMENT_SCORES[i.l3] })),
    }),
  ];
  return sheets;
}

// The unit's own scores: one short without a reason, one scored 0 with the reason a real report gave, one not applicable.
const SAMPLE_DEPARTMENT_SCORES: Record<string, { score?: number; applicable?: string; reason?: string }> = {
  '预算编制合理性': { score: 2 }, '财政拨款收入预决算差异率': { score: 5 }, '预算执行率': { score: 10 }, '结转结余率': { score: 5 },
  '政府采购执行率': { score: 0, reason: '政府采购预算为0，实际采购1.32万元' }, '绩效目标合理性': { score: 8 }, '债务风险控制': { applicable: '否' },
};

const DEPARTMENT_INDICATORS = [
  { l1: '预算编制', l2: '预算编制管理', l3: '预算编制合理性', standard: '预算编制科学合理得2分', weight: 2 },
  { l1: '预算编制', l2: '预算编制管理', l3: '财政拨款收入预决算差异率', standard: '差异率为0得5分，每增加1个百分点扣0.5分', weight: 5 },
  { l1: '预算执行', l2: '预算执行管理', l3: '预算执行率', standard: '执行率×10', weight: 10 },
  { l1: '预算执行', l2: '预算执行管理', l3: '结转结余率', standard: '结转结余率为0得5分', weight: 5 },
  { l1: '预算执行', l2: '预算执行管理', l3: '政府采购执行率', standard: '执行率×5', weight: 5 },
  { l1: '预算绩效', l2: '预算绩效管理', l3: '绩效目标合理性', standard: '目标明确、细化量化得10分', weight: 10 },
  { l1: '债务管理', l2: '债务管理', l3: '债务风险控制', standard: '无新增隐性债务得5分', weight: 5 },
];

/** The blank bureau template: every kind of table with its headers and room to fill in. */
export function templateSheets(): SheetSpec[] {
  const blankProject = (i: number): ProjectSpec => ({ name: '', indicators: [], category: i === 0 ? '' : undefined });
  const blankIndicators = ['产出指标', '产出指标', '产出指标', '产出指标', '效益指标', '满意度指标'].map((l1, i) => ({
    l1, l2: ['数量指标', '质量指标', '时效指标', '成本指标', '社会效益指标', '服务对象满意度指标'][i], l3: '', target: null, weight: [20, 15, 10, 5, 30, 10][i],
  }));
  const list = projectListSheet('项目汇总表', '项目支出绩效自评汇总表', Array.from({ length: 10 }, (_, i) => blankProject(i)));
  list.rows.forEach((r, i) => {
    if (typeof r[0] === 'number') list.rows[i][0] = null;
  });
  return [
    list,
    indicatorListSheet('绩效指标表', '项目绩效指标完成情况表', [{ name: '', indicators: blankIndicators }]),
    formSheet('项目支出绩效自评表', [{ name: '', indicators: blankIndicators }], SAMPLE_YEAR, ''),
    departmentSheet('部门整体绩效', '部门整体支出绩效自评表', {
      base: ['年初预算数', '全年预算数', '全年执行数', '财政拨款收入预算数', '财政拨款收入决算数', '年初结转结余', '本年财政拨款', '年末结转结余', '政府采购预算数', '实际政府采购金额',
        '公用经费预算数', '实际公用经费', '三公经费预算数', '实际三公经费', '上年三公经费', '编制数', '实有在职人数'].map((l) => [l, null]),
      rates: ['预算执行率', '预算调整率', '结转结余率', '财政拨款收入预决算差异率', '政府采购执行率', '公用经费控制率', '“三公经费”控制率', '“三公经费”变动率', '在职人员控制率'],
      indicators: DEPARTMENT_INDICATORS,
    }),
  ];
}
