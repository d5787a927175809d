// The report as a document: title, the header lines a bureau expects, then the outline of the real
// reports. A workbook of projects gets the common four-part outline (REPORT.md); one with a department
// sheet gets the department-wide outline, with the project part inside it when there are projects.
// The sheet, the text export and the .docx are all drawn from this one document.

import { DepartmentPart } from './department-part';
import type { ReportFacts } from './facts';
import { ProjectPart } from './project-part';
import { ask } from './words';

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
  /** A header line with a blank to fill (填报人：＿＿). */
  | { kind: 'field'; label: string; value: string }
  /** `chart`: a picture of the first two columns (categories, values) where Excel can draw one. */
  | { kind: 'table'; caption: string; columns: Column[]; rows: TableValue[][]; chart?: 'column' };

/** The subtitle, written under the title: it also marks a sheet as the report this tool wrote. */
export const REPORT_SUBTITLE = '（本报告数据取自绩效自评工作簿，由绩效自评助手生成初稿）';

export interface ReportDocument {
  title: string;
  subtitle: string;
  blocks: Block[];
}

/**
 * Where a table header may break across lines without splitting a word: before a bracket
 * (资金数额 / （万元）), and between the four-character terms of a long header (绩效目标 / 实现程度).
 */
export function headerLines(title: string): string[] {
  return title.split(/(?=[（(])/).flatMap((part) => (part.length >= 8 && part.length % 4 === 0 ? part.match(/.{4}/g) as string[] : [part]));
}

/** What no workbook holds but every real report has: one marked line each, in the real reports' order. */
const ASK = {
  functions: ask('部门职能与机构（主要职责、内设机构、下属单位）。'),
  structure: ask('收支结构（收入来源构成，基本支出与项目支出的金额及占比）。'),
  management: ask('绩效管理工作开展情况（组织领导、制度建设、评价方法和工作过程）。'),
  measures: ask('下一步改进措施的具体安排。'),
  use: ask('自评结果应用情况（与下一年度预算安排、政策和项目调整挂钩等）。'),
  disclosure: ask('绩效信息公开情况（公开的内容、时间和途径）。'),
  problems: ask('存在的问题及原因。'),
} as const;

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

class Outline {
  readonly blocks: Block[] = [];
  private section = 0;
  private sub = 0;

  heading(text: string): void {
    this.blocks.push({ kind: 'heading', text: `${CN[this.section++]}、${text}` });
    this.sub = 0;
  }

  subheading(text: string): void {
    this.blocks.push({ kind: 'subheading', text: `（${CN[this.sub++]}）${text}` });
  }

  add(...blocks: Block[]): void {
    this.blocks.push(...blocks);
  }

  text(text: string): void {
    this.blocks.push({ kind: 'paragraph', text });
  }

  ask(text: string): void {
    this.blocks.push({ kind: 'placeholder', text });
  }

  numbered(lines: string[]): void {
    lines.forEach((line, i) => this.text(`${i + 1}. ${line}`));
  }
}

/** The project sections: budget, goals, the table, scores, deviations (and, when asked, target quality). */
function projectSections(o: Outline, p: ProjectPart, f: ReportFacts, year: string, structure: boolean, quality: boolean): void {
  o.subheading('预算执行情况');
  o.add(...p.budget(year));
  if (structure) o.ask(ASK.structure);
  o.subheading('绩效目标完成情况');
  o.add(...p.goals());
  o.subheading('项目自评结果');
  o.add(p.table(f.unitName));
  o.subheading('自评得分情况');
  o.add(...p.scores());
  o.subheading('偏差原因分析');
  o.add(...p.deviations());
  if (quality) {
    o.subheading('绩效目标设定质量情况');
    o.add(...p.quality());
  }
}

function errorsLine(f: ReportFacts): string | null {
  return f.errors ? `修正自评表数据。回填计算结果后，工作簿中仍有${f.errors}个错误，须在报送前逐项修正。` : null;
}

/** 一 组织开展, 二 目标实现, 三 目标设定质量, 四 整改措施及结果应用, 五 公开 (the township reports). */
function projectReport(o: Outline, f: ReportFacts, p: ProjectPart, year: string, unit: string): void {
  o.heading('绩效自评工作组织开展情况');
  o.subheading('基本情况');
  o.ask(ASK.functions);
  o.subheading('绩效管理工作开展情况');
  o.text(`根据预算绩效管理有关要求，${unit}对${year}预算项目开展了绩效自评。${p.scope()}`);
  o.ask(ASK.management);

  o.heading('绩效目标实现情况');
  projectSections(o, p, f, year, true, false);

  o.heading('绩效目标设定质量情况');
  o.add(...p.quality());

  o.heading('整改措施及结果应用');
  o.numbered([...p.measures(), errorsLine(f)].filter((m): m is string => m !== null));
  o.ask(ASK.measures);
  o.ask(ASK.use);

  o.heading('绩效信息公开情况');
  o.ask(ASK.disclosure);
}

/** The department-wide outline (the county department report), with the project part when there is one. */
function departmentReport(o: Outline, f: ReportFacts, d: DepartmentPart, p: ProjectPart | null, year: string, unit: string): void {
  o.heading('部门基本情况');
  o.subheading('部门职能与机构');
  o.ask(ASK.functions);
  o.subheading('人员编制情况');
  o.add(...d.staff());

  o.heading('部门整体收支情况');
  o.subheading('部门整体收入');
  o.add(d.revenue());
  o.subheading('部门整体支出');
  o.add(...d.expenditure());
  o.subheading('主要收支比率');
  o.add(...d.rates());
  o.ask(ASK.structure);

  o.heading('部门整体绩效自评情况');
  o.subheading('绩效管理工作开展情况');
  const sheet = f.department!.department.sheet;
  o.text(`根据预算绩效管理有关要求，${unit}对${year}部门整体支出开展了绩效自评，自评得分见“${sheet}”工作表${p ? `；同时对预算项目开展了绩效自评，${p.scope()}` : '。'}`);
  o.ask(ASK.management);
  o.subheading('自评结果');
  o.add(...d.result());
  o.subheading('扣分指标及原因');
  o.add(...d.lostPoints());

  if (p) {
    o.heading('项目支出绩效自评情况');
    projectSections(o, p, f, year, false, true);
  }

  o.heading('存在的问题及原因');
  const problems = [...d.problems(), ...(p?.problems() ?? []), ...(f.errors ? [`回填计算结果后，自评工作簿中仍有${f.errors}个错误未修正。`] : [])];
  if (problems.length) o.numbered(problems);
  else o.text('自评表数据中未反映出扣分、偏差或数据错误。');
  o.ask(ASK.problems);

  o.heading('下一步改进措施及自评结果应用');
  o.numbered([...d.measures(), ...(p?.measures() ?? []), errorsLine(f)].filter((m): m is string => m !== null));
  o.ask(ASK.measures);
  o.ask(ASK.use);

  o.heading('绩效信息公开情况');
  o.ask(ASK.disclosure);
}

export function reportDocument(f: ReportFacts): ReportDocument {
  const year = f.year ? `${f.year}年度` : ask('年度');
  const unit = f.unitName ?? ask('单位名称');
  const o = new Outline();
  o.add(
    { kind: 'field', label: '单位（盖章）', value: f.unitName ?? '' },
    { kind: 'field', label: '填报人', value: '' },
    { kind: 'field', label: '联系电话', value: '' },
    { kind: 'field', label: '填报日期', value: '' },
  );
  if (f.errors + f.warnings > 0) {
    const left = [f.errors ? `${f.errors}个错误` : '', f.warnings ? `${f.warnings}个警告` : ''].filter(Boolean).join('、');
    // The counts are of the workbook as filling leaves it (what filling corrects is not counted), not of the file as read.
    o.ask(`注：本报告按回填计算结果后的自评表起草，回填后仍有${left}未处理（回填可更正的不计在内），报告数据以修正后的自评表为准。`);
  }
  const projects = f.projects ? new ProjectPart(f.projects) : null;
  if (f.department) departmentReport(o, f, new DepartmentPart(f.department), projects, year, unit);
  else if (projects) projectReport(o, f, projects, year, unit);
  return { title: `${year}${unit}整体绩效自评报告`, subtitle: REPORT_SUBTITLE, blocks: o.blocks };
}
