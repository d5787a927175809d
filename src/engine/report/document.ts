// The summary report as a document: title, the four sections of REPORT.md, tables. The sheet, the text
// export and the .docx are all drawn from this one document.

import { Dec, formatPercent, round2, roundRate } from '../decimal';
import type { Project } from '../model';
import { describeRate } from '../compute/department';
import type { DepartmentRate } from '../profile';
import { BAND_LABELS, type ReportFacts, type Shortfall } from './facts';

export type TableValue = string | number | null;
export type ColumnFormat = 'text' | 'amount' | 'percent' | 'score' | 'count';

export interface Column {
  title: string;
  format: ColumnFormat;
  /** Short codes (评价等级) read better centred. */
  centred?: boolean;
}

export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'subheading'; text: string }
  | { kind: 'paragraph'; text: string }
  /** Text the tables cannot know: to be completed by the user, shown marked. */
  | { kind: 'placeholder'; text: string }
  /** `chart`: a picture of the first two columns (categories, values) where Excel can draw one. */
  | { kind: 'table'; caption: string; columns: Column[]; rows: TableValue[][]; chart?: 'column' };

/** The subtitle, written under the title: it also marks a sheet as the report this tool wrote. */
export const REPORT_SUBTITLE = '（本报告数据取自绩效自评工作簿，由绩效自评助手生成初稿）';

export interface ReportDocument {
  title: string;
  subtitle: string;
  blocks: Block[];
}

/** Amounts at the precision entered: 1672.699499 stays 1672.699499, 80 is 80. */
export const amount = (d: Dec): string => d.toFixed();
const score = (d: Dec): string => round2(d).toFixed(2);
const names = (projects: Project[]): string => projects.map((p) => p.name).join('、');
const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function budgetSentence(f: ReportFacts, year: string): string {
  const initial = f.initialBudget ? `年初预算数合计${amount(f.initialBudget)}万元，` : '';
  const rate = f.executionRate ? `预算执行率为${formatPercent(f.executionRate)}` : '因全年预算数为0，预算执行率无法计算';
  return `${year}纳入自评的项目${initial}全年预算数（调整后）合计${amount(f.budget)}万元，全年执行数合计${amount(f.executed)}万元，${rate}。`;
}

function bandSentence(f: ReportFacts): string {
  const band = (key: string) => f.bands.find((b) => b.band === key)!;
  const part = (key: 'full' | 'high' | 'mid' | 'low', words: string) => {
    const b = band(key);
    return `${words}的项目${b.projects.length}个${b.projects.length ? `，涉及资金${amount(b.funds)}万元` : ''}`;
  };
  let text = `本单位管理的预算项目${f.projects.length}个，涉及资金${amount(f.budget)}万元。其中绩效目标实现程度${[
    part('full', '达到100%'), part('high', '在50%（含）至100%之间'), part('mid', '在30%（含）至50%之间'), part('low', '低于30%'),
  ].join('；')}。`;
  const notStarted = band('notStarted');
  if (notStarted.projects.length) {
    text += `未实施的项目${notStarted.projects.length}个（${names(notStarted.projects.filter((p) => !p.classified)) || '涉密项目'}），涉及资金${amount(notStarted.funds)}万元。`;
  }
  const unknown = band('unknown');
  if (unknown.projects.length) text += `另有${unknown.projects.length}个项目未填写绩效目标实现程度。`;
  return text;
}

function projectTable(f: ReportFacts): Block {
  const open = f.projects.filter((p) => !p.classified);
  const scored = open.some((p) => p.score !== null || p.achievement !== null || p.budget !== null);
  if (!scored) {
    // A list of texts (序号 · 项目名称 · 绩效目标 · 实现情况): the report quotes what it has.
    return {
      kind: 'table',
      caption: '项目绩效目标实现情况',
      columns: [{ title: '项目名称', format: 'text' }, { title: '绩效目标', format: 'text' }, { title: '实现情况', format: 'text' }],
      rows: open.map((p) => [p.name, p.listRow?.goal || p.form?.goal || '', p.outcome]),
    };
  }
  return {
    kind: 'table',
    caption: '项目自评结果',
    columns: [
      { title: '部门名称', format: 'text' }, { title: '项目名称', format: 'text' }, { title: '资金数额（万元）', format: 'amount' },
      { title: '绩效目标实现程度', format: 'percent' }, { title: '自评得分', format: 'score' }, { title: '评价等级', format: 'text', centred: true },
    ],
    rows: open.map((p) => [p.unit || f.unitName || '', p.name, p.budget?.toNumber() ?? null, p.achievement?.toNumber() ?? null, p.score?.toNumber() ?? null, p.grade ?? '']),
  };
}

function bandTable(f: ReportFacts): Block {
  return {
    kind: 'table',
    caption: '绩效目标实现程度分布',
    chart: 'column',
    columns: [{ title: '实现程度', format: 'text' }, { title: '项目个数', format: 'count' }, { title: '涉及资金（万元）', format: 'amount' }],
    rows: f.bands.filter((b) => b.band !== 'unknown' || b.projects.length).map((b) => [BAND_LABELS[b.band], b.projects.length, b.funds.toNumber()]),
  };
}

function reasonText(s: Shortfall): string {
  return s.reason ? `原因：${s.reason}` : '未填写偏差原因';
}

function deviationBlocks(f: ReportFacts): Block[] {
  const blocks: Block[] = [];
  if (f.lowExecution.length === 0 && f.shortIndicators.length === 0) {
    blocks.push({ kind: 'paragraph', text: '各项目预算执行率均在80%以上，绩效指标均已完成，无需说明偏差。' });
  }
  if (f.lowExecution.length) {
    blocks.push({ kind: 'paragraph', text: `1. 预算执行偏差。执行率低于80%的项目${f.lowExecution.length}个：` });
    for (const s of f.lowExecution) {
      const p = s.project;
      blocks.push({ kind: 'paragraph', text: `${p.name}：全年预算数${amount(p.budget as Dec)}万元，执行${amount(p.executed as Dec)}万元，执行率${formatPercent(p.executionRate as Dec)}。${reasonText(s)}。` });
    }
  }
  if (f.shortIndicators.length) {
    blocks.push({ kind: 'paragraph', text: `${f.lowExecution.length ? 2 : 1}. 绩效指标偏差。未完全达成的指标${f.shortIndicators.length}个：` });
    for (const s of f.shortIndicators) {
      const i = s.indicator!;
      const funds = s.project.budget ? `（资金${amount(s.project.budget)}万元）` : '';
      const actual = i.actualText ? `，实际完成${i.actualText}` : '';
      blocks.push({ kind: 'paragraph', text: `${s.project.name}${funds}“${i.level3}”：年度指标值${i.targetText || '未填写'}${actual}，得分${score(i.score as Dec)}分（分值${score(i.weight as Dec)}分）。${reasonText(s)}。` });
    }
  }
  if (f.classified) blocks.push({ kind: 'paragraph', text: `另有涉密项目${f.classified}个，按规定不在报告中列示。` });
  return blocks;
}

function qualityBlocks(f: ReportFacts): Block[] {
  const total = f.indicators.length;
  if (total === 0) return [{ kind: 'paragraph', text: '工作簿中未填写绩效指标，无法分析目标设定质量。' }];
  const share = formatPercent(roundRate(new Dec(f.quantitative).div(total)));
  const d = f.directions;
  const blocks: Block[] = [{
    kind: 'paragraph',
    text: `本年度共设置绩效指标${total}个，其中定量指标${f.quantitative}个，占${share}；定性指标${f.qualitative}个。定量指标中，正向指标${d.positive}个，反向指标${d.reverse}个，等值指标${d.equal}个。`,
  }];
  if (f.overAchieved.length) {
    const list = f.overAchieved.map((i) => `${i.project}“${i.level3}”（年度指标值${i.targetText}，实际完成${i.actualText}，完成率${formatPercent(i.completion as Dec)}）`).join('；');
    blocks.push({ kind: 'paragraph', text: `有${f.overAchieved.length}个指标的实际完成值达到年度指标值的130%及以上，目标值设定偏低：${list}。` });
  } else {
    blocks.push({ kind: 'paragraph', text: '未发现实际完成值超过年度指标值130%的指标，目标值设定总体合理。' });
  }
  if (f.withoutCost.length) blocks.push({ kind: 'paragraph', text: `${names(f.withoutCost)}未设置成本指标，难以反映资金使用效率。` });
  return blocks;
}

function measureBlocks(f: ReportFacts): Block[] {
  const measures: string[] = [];
  if (f.lowExecution.length) measures.push(`加快预算执行进度。对执行率低于80%的${f.lowExecution.length}个项目逐项分析资金滞留原因，明确支出时限，督促尽快形成实际支出。`);
  const unexplained = f.shortIndicators.filter((s) => s.reason === null).length + f.lowExecution.filter((s) => s.reason === null).length;
  if (f.missingReasons || unexplained) measures.push('完善偏差原因分析。对未完成或超额完成年度指标的事项逐项补充偏差原因及改进措施，做到每项偏差有原因、有措施。');
  if (f.overAchieved.length) measures.push('科学合理设置绩效目标。对完成值远超目标值的指标，在编制下一年度预算时按实际工作能力调高目标值，避免目标设定偏低。');
  if (f.withoutCost.length) measures.push('补齐成本指标。为未设置成本指标的项目补充单位成本或成本控制指标，加强成本效益分析。');
  if (f.errors) measures.push(`修正自评表数据。自评工作簿中仍有${f.errors}个错误，须在报送前逐项修正。`);
  measures.push('强化结果应用。将自评结果作为下一年度预算安排、项目调整和政策完善的重要依据。');
  return [
    ...measures.map((m, i): Block => ({ kind: 'paragraph', text: `${i + 1}. ${m}` })),
    { kind: 'placeholder', text: '【请补充：自评结果的具体应用情况及下一步工作打算。】' },
  ];
}

/** The department sheet's rates, where it has the figures; an undefined one is said, never shown as 0 %. */
function departmentRates(f: ReportFacts): string | null {
  const rates = Object.entries(f.department?.rates ?? {}) as Array<[DepartmentRate, { value: Dec | null; why?: string }]>;
  if (rates.length === 0) return null;
  return `从部门整体看，${rates.map(([rate, r]) => describeRate(rate, r)).join('，')}。`;
}

function departmentScore(f: ReportFacts): Block {
  const d = f.department;
  if (!d || d.score === null || d.converted === null) return { kind: 'placeholder', text: '【请补充：部门整体支出绩效自评得分及评价等级。】' };
  const notApplicable = d.items.filter((i) => !i.applicable).length;
  return {
    kind: 'paragraph',
    text: `部门整体支出绩效自评得分${score(d.score)}分${notApplicable ? `（${notApplicable}项指标不适用，适用指标满分${score(d.weight as Dec)}分）` : ''}，换算为百分制得分${score(d.converted)}分，评价等级为“${d.grade}”。`,
  };
}

export function reportDocument(f: ReportFacts): ReportDocument {
  const year = f.year ? `${f.year}年度` : '【请补充：年度】';
  const unit = f.unitName ?? '【请补充：单位名称】';
  const blocks: Block[] = [];
  if (f.errors + f.warnings > 0) {
    blocks.push({ kind: 'placeholder', text: `注：生成本报告时，自评工作簿中仍有${f.errors}个错误、${f.warnings}个警告未处理，报告数据以修正后的自评表为准。` });
  }
  const scored = f.projects.filter((p) => p.score !== null).length;
  const gradeText = f.grades.map((g) => `“${g.grade}”的${g.count}个`).join('、');
  const section = (n: number, text: string) => blocks.push({ kind: 'heading', text: `${CN[n]}、${text}` });
  const sub = (n: number, text: string) => blocks.push({ kind: 'subheading', text: `（${CN[n]}）${text}` });

  section(0, '绩效自评工作组织开展情况');
  blocks.push({
    kind: 'paragraph',
    text: `根据预算绩效管理有关要求，${unit}对${year}预算项目开展了绩效自评。本次纳入自评的项目共${f.projects.length}个${f.classified ? `（其中涉密项目${f.classified}个）` : ''}，涉及资金${amount(f.budget)}万元，设置绩效指标${f.indicators.length}个。各项目对照年初设定的绩效目标，逐项核对预算执行和指标完成情况，形成自评结果。`,
  });
  blocks.push({ kind: 'placeholder', text: '【请补充：自评工作的组织领导、职责分工、时间安排和评价方法等情况。】' });

  section(1, '绩效目标实现情况');
  sub(0, '预算执行情况');
  blocks.push({ kind: 'paragraph', text: budgetSentence(f, year) });
  const rates = departmentRates(f);
  if (rates) blocks.push({ kind: 'paragraph', text: rates });
  sub(1, '绩效目标完成情况');
  blocks.push({ kind: 'paragraph', text: bandSentence(f) }, bandTable(f));
  sub(2, '项目自评结果');
  blocks.push(projectTable(f));
  sub(3, '自评得分情况');
  if (scored) {
    blocks.push({
      kind: 'paragraph',
      text: `已得出自评得分的${scored}个项目平均得分${score(f.averageScore as Dec)}分${f.weightedScore ? `，按资金加权平均得分${score(f.weightedScore)}分` : ''}。其中评价等级为${gradeText}。${scored < f.projects.length ? `另有${f.projects.length - scored}个项目尚无自评得分。` : ''}`,
    });
  } else {
    blocks.push({ kind: 'paragraph', text: '工作簿中尚无项目自评得分。' });
  }
  blocks.push(departmentScore(f));
  sub(4, '偏差原因分析');
  blocks.push(...deviationBlocks(f));

  section(2, '绩效目标设定质量情况');
  blocks.push(...qualityBlocks(f));

  section(3, '整改措施及结果应用');
  blocks.push(...measureBlocks(f));

  return {
    title: `${year}${unit}整体绩效自评报告`,
    subtitle: REPORT_SUBTITLE,
    blocks,
  };
}
