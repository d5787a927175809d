// The report's sentences and tables about projects. Each states only what the facts hold: a figure the
// workbook lacks is said to be missing, a shortfall is listed with the unit's reason or a prompt for it.

import { Dec } from '../decimal';
import type { Project } from '../model';
import type { Block } from './document';
import { achievementOf, BAND_LABELS, type BandFacts, type Gap, type ProjectFacts, type ProjectShortfall } from './project-facts';
import { amount, ask, limit, listing, percent, projectNamer, score } from './words';

const GAP_WORDS: Record<Gap, string> = {
  noBudget: '全年预算数未填写或无法读取',
  zeroBudget: '全年预算数为0',
  noExecuted: '执行数未填写或无法读取',
  noAchievement: '未填写绩效目标实现程度（也无可据以计算的指标得分）',
};

export class ProjectPart {
  private readonly name: (p: Project) => string;

  constructor(private readonly f: ProjectFacts) {
    this.name = projectNamer(f.projects);
  }

  private names(projects: Project[]): string {
    const open = projects.filter((p) => !p.classified);
    const hidden = projects.length - open.length;
    return [listing(open.map(this.name)), hidden ? `涉密项目${hidden}个` : ''].filter(Boolean).join('、');
  }

  /** How many projects and indicators the evaluation covered, and their funds as far as they are filled. */
  scope(): string {
    const f = this.f;
    const n = f.projects.length;
    const classified = f.classified ? `（其中涉密项目${f.classified}个）` : '';
    const funds = f.budget.count === 0 ? '，工作簿未填写项目全年预算数'
      : `，涉及资金${amount(f.budget.sum)}万元${f.budget.count < n ? `（另有${n - f.budget.count}个项目未填写全年预算数）` : ''}`;
    const indicators = f.indicators.length ? `，设置绩效指标${f.indicators.length}个` : '';
    return `本次纳入自评的项目共${n}个${classified}${funds}${indicators}。`;
  }

  budget(year: string): Block[] {
    const f = this.f;
    const n = f.projects.length;
    const filled = (count: number) => (count < n ? `（${count}个项目填写）` : '');
    const parts: string[] = [];
    if (f.initialBudget.count) parts.push(`年初预算数合计${amount(f.initialBudget.sum)}万元${filled(f.initialBudget.count)}`);
    if (f.budget.count) parts.push(`全年预算数（调整后）合计${amount(f.budget.sum)}万元${filled(f.budget.count)}`);
    const amounts = parts.length ? `${year}纳入自评的项目${parts.join('，')}。` : '工作簿未填写项目的全年预算数。';

    const e = f.execution;
    let execution: string;
    if (f.executed.count === 0 && f.withoutExecutedColumn === n) execution = '项目汇总表未列全年执行数，不计算预算执行率。';
    else if (f.executed.count === 0) execution = '执行数未填写，无法计算预算执行率。';
    else if (e.count === 0) execution = `全年执行数合计${amount(f.executed.sum)}万元；填写了执行数的项目未填写全年预算数或全年预算数为0，无法计算预算执行率。`;
    else if (e.count === n) execution = `全年执行数合计${amount(e.executed)}万元，预算执行率为${percent(e.rate as Dec)}。`;
    else {
      const left = f.projects.filter((p) => !(p.budget !== null && p.budget.gt(0) && p.executed !== null));
      execution = `填写了全年预算数和执行数的${e.count}个项目，全年预算数合计${amount(e.budget)}万元，执行数合计${amount(e.executed)}万元，预算执行率为${percent(e.rate as Dec)}；`
        + `另有${left.length}个项目（${this.names(left)}）的全年预算数或执行数缺失（未填写、无法读取或预算数为0），未计入预算执行率。`;
    }
    return [{ kind: 'paragraph', text: `${amounts}${execution}` }];
  }

  goals(): Block[] {
    const f = this.f;
    const band = (key: string) => f.bands.find((b) => b.band === key)!;
    const unknown = band('unknown');
    if (unknown.projects.length === f.projects.length) {
      return [{ kind: 'paragraph', text: '工作簿未填写绩效目标实现程度，也没有可据以计算的指标得分，无法统计各项目绩效目标的实现情况。' }];
    }
    // Funds over the projects that have a budget; none said where none has one.
    const funds = (b: BandFacts) => (b.funded === 0 ? '' : `，涉及资金${amount(b.funds)}万元${b.funded < b.projects.length ? `（${b.projects.length - b.funded}个项目未填写全年预算数）` : ''}`);
    const part = (key: 'full' | 'high' | 'mid' | 'low', words: string) => `${words}的${band(key).projects.length}个${funds(band(key))}`;
    let text = `纳入自评的${f.projects.length}个项目中，绩效目标实现程度${[
      part('full', '达到100%'), part('high', '在50%（含）至100%之间'), part('mid', '在30%（含）至50%之间'), part('low', '低于30%'),
    ].join('；')}。`;
    const notStarted = band('notStarted');
    if (notStarted.projects.length) text += `未实施的项目${notStarted.projects.length}个（${this.names(notStarted.projects)}）${funds(notStarted)}。`;
    if (unknown.projects.length) text += `另有${unknown.projects.length}个项目（${this.names(unknown.projects)}）未填写绩效目标实现程度，未计入以上统计。`;
    return [
      { kind: 'paragraph', text },
      {
        kind: 'table',
        caption: '绩效目标实现程度分布',
        chart: 'column',
        columns: [{ title: '实现程度', format: 'text' }, { title: '项目个数', format: 'count' }, { title: '涉及资金（万元）', format: 'amount' }],
        rows: f.bands.filter((b) => b.band !== 'unknown' || b.projects.length).map((b) => [BAND_LABELS[b.band], b.projects.length, b.funded || b.projects.length === 0 ? b.funds.toNumber() : null]),
      },
    ];
  }

  table(unitName: string | null): Block {
    const open = this.f.open;
    if (!open.some((p) => p.score !== null || achievementOf(p) !== null || p.budget !== null)) {
      // A list of texts (项目名称 · 绩效目标 · 实现情况): the report quotes what it has.
      return {
        kind: 'table',
        caption: '项目绩效目标实现情况',
        columns: [{ title: '项目名称', format: 'text' }, { title: '绩效目标', format: 'text' }, { title: '实现情况', format: 'text' }],
        rows: open.map((p) => [this.name(p), p.listRow?.goal || p.form?.goal || '', p.outcome]),
      };
    }
    return {
      kind: 'table',
      caption: '项目自评结果',
      columns: [
        { title: '部门名称', format: 'text' }, { title: '项目名称', format: 'text' }, { title: '资金数额（万元）', format: 'amount' },
        { title: '绩效目标实现程度', format: 'percent' }, { title: '自评得分', format: 'score' }, { title: '评价等级', format: 'text', centred: true },
      ],
      rows: open.map((p) => [p.unit || unitName || '', this.name(p), p.budget?.toNumber() ?? null, achievementOf(p)?.toNumber() ?? null, p.score?.toNumber() ?? null, p.grade ?? '']),
    };
  }

  scores(): Block[] {
    const f = this.f;
    const blocks: Block[] = [];
    if (f.scored) {
      const grades = f.grades.map((g) => `“${g.grade}”的${g.count}个`).join('、');
      const rest = f.projects.length - f.scored;
      blocks.push({
        kind: 'paragraph',
        text: `已得出自评得分的${f.scored}个项目平均得分${score(f.averageScore as Dec)}分${f.weightedScore ? `，按资金加权平均得分${score(f.weightedScore)}分` : ''}。其中评价等级为${grades}。${rest ? `另有${rest}个项目尚无自评得分。` : ''}`,
      });
    } else {
      blocks.push({ kind: 'paragraph', text: '工作簿中尚无项目自评得分。' });
    }
    for (const t of f.statedTotals) {
      blocks.push({ kind: 'paragraph', text: `${this.name(t.project)}的自评表填写的总分为${score(t.stated)}分，与各项得分之和${score(t.project.score as Dec)}分不一致，本报告以各项得分之和为准。` });
    }
    return blocks;
  }

  private shortfall(s: ProjectShortfall): string {
    const p = s.project;
    const facts: string[] = [];
    if (p.budget !== null) facts.push(`全年预算数${amount(p.budget)}万元`);
    if (s.notStarted) facts.push('项目未实施');
    if (p.executed !== null && (s.lowExecution || s.notStarted)) facts.push(`执行数${amount(p.executed)}万元`);
    if (s.lowExecution) facts.push(`预算执行率${percent(p.executionRate as Dec)}`);
    if (s.achievement) facts.push(`绩效目标实现程度${percent(s.achievement)}`);
    if (p.score !== null && !s.notStarted) facts.push(`自评得分${score(p.score)}分`);
    return `${this.name(p)}：${facts.join('，')}。${s.reason ? `原因：${s.reason}。` : ask(`${this.name(p)}偏差原因`)}`;
  }

  /** Every project and indicator that fell short, and what cannot be judged; "no deviation" only when true. */
  deviations(): Block[] {
    const f = this.f;
    const blocks: Block[] = [];
    const line = (text: string) => blocks.push({ kind: 'paragraph', text });
    let n = 0;
    if (f.shortProjects.length) {
      const low = f.shortProjects.filter((s) => s.lowExecution).length;
      const stopped = f.shortProjects.filter((s) => s.notStarted).length;
      const short = f.shortProjects.filter((s) => s.achievement).length;
      const what = [low ? `预算执行率低于${limit(f.lowExecutionRate)}的项目${low}个` : '', short ? `绩效目标未完全实现的项目${short}个` : '', stopped ? `未实施的项目${stopped}个` : ''].filter(Boolean);
      line(`${++n}. 项目偏差。${what.join('，')}${what.length > 1 ? '（一个项目可兼有几种情况）' : ''}：`);
      for (const s of f.shortProjects) line(this.shortfall(s));
    }
    if (f.shortIndicators.length) {
      line(`${++n}. 绩效指标偏差。未完全达成的指标${f.shortIndicators.length}个：`);
      for (const s of f.shortIndicators) {
        const i = s.indicator;
        const funds = s.project.budget ? `（资金${amount(s.project.budget)}万元）` : '';
        const actual = i.actualText ? `，实际完成${i.actualText}` : '，实际完成值未填写';
        const late = s.why === 'late' ? '，晚于时限' : '';
        const points = i.score === null ? `尚未打分（分值${score(i.weight as Dec)}分）` : `得分${score(i.score)}分（分值${score(i.weight as Dec)}分）`;
        const named = `${this.name(s.project)}“${i.level3}”`;
        line(`${this.name(s.project)}${funds}“${i.level3}”：年度指标值${i.targetText || '未填写'}${actual}${late}，${points}。${s.reason ? `原因：${s.reason}。` : ask(`${named}偏差原因`)}`);
      }
    }
    if (f.unknownIndicators.length) {
      line(`${++n}. 无法判断是否达成的指标${f.unknownIndicators.length}个：`);
      for (const u of f.unknownIndicators) {
        const i = u.indicator;
        const what = u.why === 'missing' ? '实际完成值未填写' : `实际完成值“${i.actualText}”`;
        line(`${this.name(u.project)}“${i.level3}”：年度指标值${i.targetText}，${what}，无法判断是否达成。`);
      }
    }
    const gaps = this.gaps();
    if (n === 0 && gaps.length === 0) {
      const open = f.open.length;
      const indicators = f.indicators.length ? `，${f.indicators.length}个绩效指标均已完成` : '';
      line(`${f.classified ? '除涉密项目外，' : ''}${open}个项目的预算执行率均不低于${limit(f.lowExecutionRate)}，绩效目标实现程度均达到100%${indicators}，没有需要说明的偏差。`);
    } else if (n === 0) {
      line('已填写数据的项目中未发现偏差。');
    }
    if (gaps.length) {
      line(`${n ? `${++n}. ` : ''}以下项目数据不全，无法判断是否存在偏差：${gaps.join('；')}。`);
    }
    if (f.classified) line(`另有涉密项目${f.classified}个，按规定不在报告中列示。`);
    return blocks;
  }

  private gaps(): string[] {
    return (Object.keys(GAP_WORDS) as Gap[]).flatMap((gap) => {
      const projects = this.f.gaps.filter((g) => g.gaps.includes(gap)).map((g) => g.project);
      return projects.length ? [`${GAP_WORDS[gap]}的${projects.length}个（${this.names(projects)}）`] : [];
    });
  }

  /** Facts about the targets; whether a target was set too low is the unit's judgement, asked for. */
  quality(): Block[] {
    const f = this.f;
    const total = f.indicators.length;
    if (total === 0) return [{ kind: 'paragraph', text: '工作簿中未填写绩效指标，无法分析目标设定质量。' }, { kind: 'placeholder', text: ask('绩效目标设定质量情况。') }];
    const q = f.quantitative.length;
    const d = f.directions;
    const blocks: Block[] = [{
      kind: 'paragraph',
      text: `本年度共设置绩效指标${total}个，其中定量指标${q}个，占${percent(new Dec(q).div(total).toDecimalPlaces(4))}；定性指标${total - q}个。${q ? `定量指标中，正向指标${d.positive}个，反向指标${d.reverse}个，等值指标${d.equal}个。` : ''}`,
    }];
    const ratio = limit(f.overAchievementRatio);
    if (f.overAchieved.length) {
      const list = f.overAchieved.map((i) => `${i.project}“${i.level3}”（年度指标值${i.targetText}，实际完成${i.actualText}，完成率${percent(i.completion as Dec)}）`).join('；');
      blocks.push({ kind: 'paragraph', text: `有${f.overAchieved.length}个指标的实际完成值达到年度指标值的${ratio}及以上：${list}。` });
      blocks.push({ kind: 'placeholder', text: ask('上述指标的目标值是否设定偏低及原因。') });
    } else if (f.measured) {
      blocks.push({ kind: 'paragraph', text: `已填写实际完成值的${f.measured}个定量指标中，没有实际完成值达到年度指标值${ratio}及以上的正向或等值指标。` });
      blocks.push({ kind: 'placeholder', text: ask('对绩效目标设定是否合理的评价。') });
    } else {
      blocks.push({ kind: 'placeholder', text: ask('对绩效目标设定是否合理的评价。') });
    }
    if (f.withoutCost.length) blocks.push({ kind: 'paragraph', text: `${this.names(f.withoutCost)}未设置成本指标。` });
    return blocks;
  }

  /** What the part found, one line each (for 存在的问题). */
  problems(): string[] {
    const f = this.f;
    const out: string[] = [];
    const count = (pred: (s: ProjectShortfall) => boolean) => f.shortProjects.filter(pred).length;
    if (count((s) => s.lowExecution)) out.push(`${count((s) => s.lowExecution)}个项目预算执行率低于${limit(f.lowExecutionRate)}。`);
    if (count((s) => s.achievement !== null)) out.push(`${count((s) => s.achievement !== null)}个项目绩效目标未完全实现。`);
    if (count((s) => s.notStarted)) out.push(`${count((s) => s.notStarted)}个项目未实施。`);
    if (f.shortIndicators.length) out.push(`${f.shortIndicators.length}个绩效指标未完全达成。`);
    if (f.unknownIndicators.length) out.push(`${f.unknownIndicators.length}个绩效指标的实际完成情况无法判断是否达成。`);
    if (f.gaps.length) out.push(`${f.gaps.length}个项目的自评数据不全。`);
    return out;
  }

  /** Measures that follow from what was found. */
  measures(): string[] {
    const f = this.f;
    const out: string[] = [];
    const low = f.shortProjects.filter((s) => s.lowExecution).map((s) => s.project);
    const stopped = f.shortProjects.filter((s) => s.notStarted).map((s) => s.project);
    const short = f.shortProjects.filter((s) => s.achievement !== null).map((s) => s.project);
    if (low.length) out.push(`加快预算执行进度。对执行率低于${limit(f.lowExecutionRate)}的${low.length}个项目（${this.names(low)}）逐项分析资金未支出的原因，明确支出时限。`);
    if (stopped.length) out.push(`处理未实施项目。对未实施的${stopped.length}个项目（${this.names(stopped)}）核实原因，按规定调整预算或收回资金。`);
    if (short.length) out.push(`跟踪绩效目标未完全实现的${short.length}个项目（${this.names(short)}），落实整改。`);
    const unexplained = f.shortProjects.filter((s) => s.reason === null).length + f.shortIndicators.filter((s) => s.reason === null).length;
    if (unexplained) out.push(`完善偏差原因分析。为尚未说明原因的${unexplained}项偏差补充原因及改进措施。`);
    if (f.unknownIndicators.length) out.push(`写明指标完成情况。为无法判断是否达成的${f.unknownIndicators.length}个指标写明实际完成值或完成日期。`);
    if (f.overAchieved.length) out.push(`复核绩效目标值。对实际完成值达到年度指标值${limit(f.overAchievementRatio)}及以上的${f.overAchieved.length}个指标，在设定下一年度绩效目标时复核目标值。`);
    if (f.withoutCost.length) out.push(`补充成本指标。为未设置成本指标的${f.withoutCost.length}个项目补充成本指标。`);
    if (f.gaps.length) out.push(`补齐自评数据。为数据不全的${f.gaps.length}个项目补填预算数、执行数或绩效目标实现程度。`);
    return out;
  }
}
