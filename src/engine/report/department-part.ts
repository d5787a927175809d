// The report's sentences and tables about the department-wide evaluation (REPORT.md, the county
// department report's shape): base figures, rates (undefined ones said), points by category, items
// that lost points with their reasons, the result, and a stated total that disagrees said plainly.

import { type Dec, sum } from '../decimal';
import type { DepartmentItem } from '../model';
import type { DepartmentFacts, Figure, LostPoints } from './department-facts';
import type { Block } from './document';
import { amount, ask, listing, percent, score } from './words';

const figureList = (figures: Figure[]) => figures.map((f) => `${f.label}${amount(f.value)}${f.unit}`).join('，');
const itemName = (i: DepartmentItem) => i.level3 || i.level2 || i.level1;

export class DepartmentPart {
  constructor(private readonly f: DepartmentFacts) {}

  staff(): Block[] {
    const staff = this.f.figures.staff;
    if (staff.length === 0) return [{ kind: 'placeholder', text: ask('编制数与实有在职人数。') }];
    const rate = this.f.rates.find((r) => r.rate === 'staffRate');
    const control = rate?.value ? `，在职人员控制率${percent(rate.value)}` : '';
    return [{ kind: 'paragraph', text: `据部门整体绩效自评表，${figureList(staff)}${control}。` }];
  }

  revenue(): Block {
    const figures = this.f.figures.revenue;
    return { kind: 'paragraph', text: figures.length ? `收入方面，${figureList(figures)}。` : '自评表未填写部门整体收入数据。' };
  }

  expenditure(): Block[] {
    const { expenditure, other } = this.f.figures;
    const blocks: Block[] = [{ kind: 'paragraph', text: expenditure.length ? `支出方面，${figureList(expenditure)}。` : '自评表未填写部门整体支出数据。' }];
    if (other.length) blocks.push({ kind: 'paragraph', text: `其他基础数据：${figureList(other)}。` });
    return blocks;
  }

  /** The rates the sheet has figures or rows for; an undefined one is said to be so, never 0 %. */
  rates(): Block[] {
    const rates = this.f.rates;
    if (rates.length === 0) return [{ kind: 'paragraph', text: '自评表未列出预算执行率等计算指标，也没有可据以计算的基础数据。' }];
    const said = rates.map((r) => (r.value === null ? `${r.name}无法计算（${r.why}）` : `${r.name}${percent(r.value)}`));
    return [{ kind: 'paragraph', text: `按自评表的基础数据计算，${said.join('，')}。` }];
  }

  /** 总分, 换算得分 and 等级; the points by category; a stated total that disagrees; items not applicable. */
  result(): Block[] {
    const f = this.f;
    const d = f.department;
    const blocks: Block[] = [];
    const line = (text: string) => blocks.push({ kind: 'paragraph', text });
    if (d.score !== null && d.converted !== null) {
      const parts = [
        d.bonus?.gt(0) ? `含加分${score(d.bonus)}分` : '',
        d.deductions?.gt(0) ? `已减去扣分项${score(d.deductions)}分` : '',
        f.notApplicable.length ? `${f.notApplicable.length}项指标不适用，适用指标满分${score(d.weight as Dec)}分` : '',
      ].filter(Boolean);
      line(`部门整体支出绩效自评得分${score(d.score)}分${parts.length ? `（${parts.join('；')}）` : ''}，换算为百分制得分${score(d.converted)}分，评价等级为“${d.grade}”。`);
    } else if (f.invalid.length) {
      line(`有${f.invalid.length}项指标的自评得分或分值有误（${listing(f.invalid.map(itemName))}），部门整体总分、换算得分和评价等级未计算。`);
    } else if (f.open.length) {
      const what = f.open.every((i) => i.score === null) ? '自评得分' : f.open.every((i) => i.weight === null) ? '分值' : '自评得分或分值';
      line(`有${f.open.length}项适用指标未填写${what}（${listing(f.open.map(itemName))}），部门整体总分、换算得分和评价等级无法计算。`);
    } else {
      line('部门整体绩效自评表没有可计分的指标，总分、换算得分和评价等级无法计算。');
    }
    if (f.standardDiffers.length && d.score !== null) {
      line(`其中${f.standardDiffers.length}项指标的自评得分与按评分标准计算的结果不一致（见“存在的问题及原因”），以上得分按自评表填写的得分计算。`);
    }
    if (f.statedTotal !== null && d.score !== null) {
      line(`自评表填写的总分为${score(f.statedTotal)}分，与各项指标得分之和${score(d.score)}分不一致，本报告以各项指标得分之和为准。`);
    }
    if (d.categories.length) {
      blocks.push({
        kind: 'table',
        caption: '部门整体绩效自评得分（按一级指标）',
        columns: [{ title: '一级指标', format: 'text' }, { title: '分值', format: 'score' }, { title: '得分', format: 'score' }],
        rows: [
          ...d.categories.map((c) => [c.name || '（未填写一级指标）', c.weight.toNumber(), c.score?.toNumber() ?? null]),
          ['合计', (d.weight ?? sum(d.categories.map((c) => c.weight))).toNumber(), d.score?.toNumber() ?? null],
        ],
      });
    }
    if (f.notApplicable.length) {
      const weight = (i: DepartmentItem) => (i.weight ? `（${score(i.weight)}分）` : '');
      line(`不适用、未计入总分的指标：${f.notApplicable.map((i) => `${itemName(i)}${weight(i)}`).join('、')}。`);
    }
    return blocks;
  }

  /** Each item that lost points, each deduction and bonus, with the reason the unit wrote or a prompt for it. */
  lostPoints(): Block[] {
    const f = this.f;
    const blocks: Block[] = [];
    const line = (text: string) => blocks.push({ kind: 'paragraph', text });
    // The unit's reason, else what the 评分标准 gives (said as the tool's calculation, never as the unit's reason).
    const why = (l: LostPoints) => [
      l.reason ? `原因：${l.reason}。` : '',
      l.byStandard ? `按评分标准计算：${l.byStandard}，应得${score(l.item.expected as Dec)}分。` : '',
      l.reasonAsked ? ask(`${itemName(l.item)}扣分原因`) : '',
    ].join('');
    const where = (i: DepartmentItem) => (i.level1 && i.level1 !== itemName(i) ? `（${i.level1}）` : '');
    if (f.lost.length) {
      line(`扣分的指标${f.lost.length}项，共扣${score(sum(f.lost.map((l) => l.lost)))}分：`);
      for (const l of f.lost) line(`${itemName(l.item)}${where(l.item)}：分值${score(l.item.weight as Dec)}分，自评得分${score(l.item.score as Dec)}分，扣${score(l.lost)}分。${why(l)}`);
    } else if (f.open.length || f.department.categories.length === 0) {
      line('已填写自评得分的指标均未扣分。');
    } else {
      line('各项适用指标均得满分，没有扣分。');
    }
    for (const l of f.deductions) line(`扣分项“${itemName(l.item)}”：扣${score(l.lost)}分。${why(l)}`);
    for (const i of f.bonus) line(`加分项“${itemName(i)}”：加${score(i.score as Dec)}分。`);
    if (f.standardDiffers.length) {
      line(`另有${f.standardDiffers.length}项指标的自评得分与评分标准计算结果不一致：${this.differences()}。`);
    }
    return blocks;
  }

  /** Each row scored otherwise than its 评分标准 gives: both figures, and the rate behind the standard's. */
  private differences(): string {
    return this.f.standardDiffers
      .map((d) => `${itemName(d.item)}填写${score(d.item.score as Dec)}分，按评分标准${d.rate ? `（${d.rate}）` : ''}应为${score(d.expected)}分`)
      .join('；');
  }

  problems(): string[] {
    const f = this.f;
    const out: string[] = [];
    if (f.lost.length) out.push(`部门整体绩效自评中${f.lost.length}项指标扣分：${f.lost.map((l) => `${itemName(l.item)}扣${score(l.lost)}分`).join('、')}。`);
    if (f.standardDiffers.length) out.push(`${f.standardDiffers.length}项指标的自评得分与评分标准计算结果不一致：${this.differences()}。`);
    if (f.deductions.length) out.push(`扣分项${f.deductions.length}项：${f.deductions.map((l) => `${itemName(l.item)}扣${score(l.lost)}分`).join('、')}。`);
    if (f.invalid.length) out.push(`部门整体绩效自评表有${f.invalid.length}项指标的自评得分或分值有误（${listing(f.invalid.map(itemName))}）。`);
    if (f.open.length) out.push(`部门整体绩效自评表有${f.open.length}项适用指标未填写自评得分或分值。`);
    const undefinedRates = f.rates.filter((r) => r.value === null);
    if (undefinedRates.length) out.push(`${undefinedRates.map((r) => `${r.name}无法计算（${r.why}）`).join('，')}。`);
    if (f.statedTotal !== null) out.push('部门整体绩效自评表填写的总分与各项指标得分之和不一致。');
    return out;
  }

  measures(): string[] {
    const f = this.f;
    const out: string[] = [];
    const items = [...f.lost, ...f.deductions];
    if (items.length) {
      const what = [f.lost.length ? `${f.lost.length}项指标` : '', f.deductions.length ? `${f.deductions.length}个扣分项` : ''].filter(Boolean).join('和');
      out.push(`针对扣分的${what}（${listing(items.map((l) => itemName(l.item)))}）逐项分析原因，落实整改。`);
    }
    if (f.standardDiffers.length) out.push(`按评分标准复核${f.standardDiffers.length}项指标的自评得分（${listing(f.standardDiffers.map((d) => itemName(d.item)))}）。`);
    const unexplained = [f.lost.filter((l) => l.reasonAsked).length, f.deductions.filter((l) => l.reasonAsked).length];
    const which = [unexplained[0] ? `${unexplained[0]}项指标` : '', unexplained[1] ? `${unexplained[1]}个扣分项` : ''].filter(Boolean).join('和');
    if (which) out.push(`为尚未说明扣分原因的${which}补充扣分原因。`);
    if (f.open.length || f.invalid.length || f.statedTotal !== null) out.push('补齐并核对部门整体绩效自评表的各项得分和总分。');
    return out;
  }
}
