// The official 项目支出绩效自评表: RULES.md figures written where the MoF layout puts them.
import { analyse } from '../../src/engine';
import { applyPlanToSnapshot } from '../../src/gateways/memory';
import { formSheet, type IndicatorSpec, type ProjectSpec } from '../../src/samples/layouts';
import { book, fromSpec, issue, planned, where } from '../support/snapshot';

// Rows of the layout (1-based, as Excel shows them): 7 年度资金总额, 8–10 sub-rows, 14… indicators.
const full: IndicatorSpec[] = [
  { l1: '产出指标', l2: '数量指标', l3: '完成动画集数', target: '≥20集', actual: '20集', weight: 20 },
  { l1: '产出指标', l2: '质量指标', l3: '验收合格率', target: '≥95%', actual: '96%', weight: 15 },
  { l1: '产出指标', l2: '时效指标', l3: '按期完成率', target: '=100%', actual: '100%', weight: 10 },
  { l1: '产出指标', l2: '成本指标', l3: '制作成本', target: '≤90万元', actual: '85万元', weight: 5 },
  { l1: '效益指标', l2: '社会效益指标', l3: '普及足球运动', target: '作用明显', actual: '达成年度指标', weight: 30, score: 30 },
  { l1: '满意度指标', l2: '服务对象满意度指标', l3: '用户满意度', target: '≥90%', actual: '92%', weight: 10 },
];

function form(p: Partial<ProjectSpec>, sheetName = '自评表') {
  const spec = formSheet(sheetName, [{ name: '校园足球扶持资金', indicators: full, ...p }], 2025, '教育局');
  return book(fromSpec(spec));
}

describe('execution on the form (RULES.md §1.2)', () => {
  test('1759.62291 / 1672.699499 → 95.06 % in I7 and 9.51 in K7', () => {
    const a = analyse(form({ budget: 1759.62291, executed: 1672.699499 }));
    expect(planned(a, '自评表!I7')).toBe(0.9506);
    expect(planned(a, '自评表!K7')).toBe(9.51);
    expect(a.plan.writes.find((w) => w.cell === 'I7')?.numberFormat).toBe('0.00%');
    expect(a.model.projects[0]).toMatchObject({ name: '校园足球扶持资金', sheet: '自评表' });
    expect(a.model.projects[0].budget?.toString()).toBe('1759.62291');
  });

  test('76 % of 10 points → 7.6, and more than 20 % unspent is a warning at the rate cell', () => {
    const a = analyse(form({ budget: 100, executed: 76 }));
    expect(planned(a, '自评表!K7')).toBe(7.6);
    expect(issue(a, 'exec.low', '自评表!I7').message).toBe('项目“校园足球扶持资金”：预算执行率为76.00%，超过20%的预算未执行；请说明原因，并在整改措施中写明如何加快执行进度。');
  });

  test('a real form filed 年度资金总额 0 while 财政拨款 held 90 / 89.974', () => {
    const a = analyse(form({ fundTotal: [0, 0, 0], funds: { appropriation: [90, 90, 89.974] } }));
    expect(where(a, 'fund.total-mismatch')).toEqual(['自评表!E7', '自评表!F7', '自评表!G7']);
    expect(issue(a, 'fund.total-mismatch', '自评表!G7').message).toContain('为0，但其中财政拨款、上年结转、其他资金之和为89.974');
    expect(where(a, 'exec.budget-zero')).toEqual(['自评表!F7']);
    expect(planned(a, '自评表!I7')).toBeUndefined();
  });

  test('sub-rows that add up are fine (tolerance 0.01 万元)', () => {
    const a = analyse(form({ initial: 100, budget: 100, executed: 90, funds: { appropriation: [80, 80, 70], carryOver: [20, 20.005, 20] } }));
    expect(where(a, 'fund.total-mismatch')).toEqual([]);
  });

  test('over-execution is a warning and the score is capped at 分值', () => {
    const a = analyse(form({ budget: 28, executed: 30.5 }));
    expect(issue(a, 'exec.over', '自评表!G7').message).toContain('执行率108.93%');
    expect(planned(a, '自评表!K7')).toBe(10);
  });
});

describe('figures typed on the form that filling replaces are said first', () => {
  /** The form with cells typed by the unit (0-based row and column). */
  const typed = (p: Partial<ProjectSpec>, cells: Array<[number, number, string | number]>) => {
    const wb = form(p);
    for (const [row, col, value] of cells) wb.sheets[0].values[row][col] = value;
    return wb;
  };

  test('an execution score of 10 typed for 76 % of 10 points: 7.6 is written, with both figures at K7', () => {
    const a = analyse(typed({ budget: 100, executed: 76 }, [[6, 10, 10]]));
    expect(issue(a, 'exec.score-differs', '自评表!K7')).toMatchObject({
      severity: 'error', message: '项目“校园足球扶持资金”：预算执行率得分填写为10，按执行率76.00%×分值10应为7.6；回填时改为7.6。',
    });
    expect(planned(a, '自评表!K7')).toBe(7.6);
  });

  test('a rate typed as 76 (76 %) is the same rate; 80 % is not, and is said', () => {
    expect(where(analyse(typed({ budget: 100, executed: 76 }, [[6, 8, 76]])), 'cell.replaced')).toEqual([]);
    const a = analyse(typed({ budget: 100, executed: 76 }, [[6, 8, 0.8]]));
    expect(issue(a, 'cell.replaced', '自评表!I7').message).toBe('项目“校园足球扶持资金”：此单元格填写为80.00%，按规则计算为76.00%；回填时改为76.00%。');
  });

  test('a grade typed 良 beside a total of 100 is said before 优 is written', () => {
    const a = analyse(typed({ budget: 100, executed: 100 }, [[20, 7, '良']]));
    expect(issue(a, 'grade.differs', '自评表!H21').message).toBe('项目“校园足球扶持资金”：评价等级填写为“良”，按得分100应为“优”；回填时改为“优”。');
    expect(planned(a, '自评表!H21')).toBe('优');
  });
});

test('a form whose typed score is outside its band gets no 总分 and no grade, and says so at the 总分 cell', () => {
  const indicators = full.map((i) => (i.l3 === '普及足球运动' ? { ...i, score: 20 } : i));
  const a = analyse(form({ budget: 100, executed: 100, indicators }));
  expect(where(a, 'qual.out-of-band')).toEqual(['自评表!I18']);
  expect([planned(a, '自评表!I20'), planned(a, '自评表!H21')]).toEqual([undefined, undefined]);
  expect(issue(a, 'total.not-filled', '自评表!I20').message).toBe('项目“校园足球扶持资金”：有错误未修正，未回填总分和评价等级：I18的分值或得分有误；修正后再回填。');
});

test('a form whose total has an unknown part (no budget, an actual value not typed) says so at the 总分 cell', () => {
  const a = analyse(form({ budget: null, executed: 100 }));
  expect([planned(a, '自评表!I20'), planned(a, '自评表!H21')]).toEqual([undefined, undefined]);
  expect(issue(a, 'total.incomplete', '自评表!I20').message).toBe('项目“校园足球扶持资金”：未回填总分和评价等级：预算执行率无法计算；修正或补齐后再回填。');
  const indicators = full.map((i) => (i.l3 === '完成动画集数' ? { ...i, actual: null } : i));
  const b = analyse(form({ budget: 100, executed: 100, indicators }));
  expect(issue(b, 'total.incomplete', '自评表!I20').message).toBe('项目“校园足球扶持资金”：未回填总分和评价等级：I14的得分无法计算；修正或补齐后再回填。');
  expect(where(analyse(form({ budget: 100, executed: 100 })), 'total.incomplete')).toEqual([]);
});

test('a typed 分值 total on the form that differs from its items is said and kept, never overwritten', () => {
  const wb = form({ budget: 100, executed: 100 });
  wb.sheets[0].values[19][7] = 90;
  const a = analyse(wb);
  expect(planned(a, '自评表!H20')).toBeUndefined();
  expect(issue(a, 'total.weight-differs', '自评表!H20').message).toBe('项目“校园足球扶持资金”：分值合计填写为90，各项分值之和为100；此单元格未改写，请核对。');
});

describe('indicators, totals and grade on the form', () => {
  test('scores, 总分 and 评价等级 go to I14…I19, H20/I20 and H21', () => {
    const a = analyse(form({ budget: 100, executed: 95 }));
    expect(['I14', 'I15', 'I16', 'I17', 'I19'].map((c) => planned(a, `自评表!${c}`))).toEqual([20, 15, 10, 5, 10]);
    expect(planned(a, '自评表!I18')).toBeUndefined(); // a qualitative score typed by the unit stays
    expect(planned(a, '自评表!H20')).toBe(100);
    expect(planned(a, '自评表!I20')).toBe(99.5);
    expect(planned(a, '自评表!H21')).toBe('优');
    expect(a.model.projects[0].grade).toBe('优');
  });

  test('a stated total of 94 for items adding up to 97 is an error, and 97 is filled', () => {
    const indicators = full.map((i) => (i.l3 === '用户满意度' ? { ...i, actual: '63%', reason: '宣传不到位' } : i));
    const a = analyse(form({ budget: 100, executed: 100, indicators, statedTotal: 94 }));
    // 10 + 20 + 15 + 10 + 5 + 30 + round(63 ÷ 90 × 10) = 97
    expect(issue(a, 'total.mismatch', '自评表!I20').message).toBe('项目“校园足球扶持资金”：总分填写为94，但各项之和为97；回填时改为97。');
    expect(planned(a, '自评表!I20')).toBe(97);
  });

  test('weights that do not make 100 are an error at the 总分 分值 cell', () => {
    const a = analyse(form({ budget: 100, executed: 100, indicators: full.slice(0, 5) }));
    expect(issue(a, 'weights.total', '自评表!H19').message).toBe('项目“校园足球扶持资金”：各项分值合计为90分（含预算执行率10分），应为100分；请调整分值。');
  });

  test('a level-1 label carrying its points must agree with its indicators', () => {
    const indicators = full.map((i) => (i.l1 === '产出指标' ? { ...i, l1: '产出指标（45分）' } : i));
    const a = analyse(form({ budget: 100, executed: 100, indicators }));
    expect(issue(a, 'weights.level1-label', '自评表!B14').message).toContain('标注45分，其下各指标分值合计为50分');
  });

  test('another level-1 split that still makes 100 is only noted', () => {
    const indicators = full.map((i) => (i.l3 === '制作成本' ? { ...i, weight: 10 } : i.l3 === '普及足球运动' ? { ...i, weight: 25, score: 25 } : i));
    const a = analyse(form({ budget: 100, executed: 100, indicators }));
    expect(where(a, 'weights.total')).toEqual([]);
    expect(issue(a, 'weights.level1-split').severity).toBe('info');
  });

  test('qualitative score outside its band names the band; blank score gets the 达成 default', () => {
    const indicators: IndicatorSpec[] = [
      ...full.slice(0, 4),
      { l1: '效益指标', l2: '社会效益指标', l3: '普及足球运动', target: '作用明显', actual: '达成年度指标', weight: 8, score: 6, reason: '部分学校未开展' },
      { l1: '效益指标', l2: '可持续影响指标', l3: '长效机制', target: '长期', actual: '效果明显', weight: 22 },
      full[5],
    ];
    const a = analyse(form({ budget: 100, executed: 100, indicators }));
    expect(issue(a, 'qual.out-of-band', '自评表!I18').message).toBe('项目“校园足球扶持资金”：实际完成值为“达成年度指标”，得分应在[6.4, 8]之间，当前为6；请修改得分或实际完成值。');
    expect(planned(a, '自评表!I19')).toBe(22);
    expect(issue(a, 'qual.default-filled', '自评表!I19').severity).toBe('info');
  });

  test('deviation reasons: required below 分值 and at ≥ 130 % of the target', () => {
    const indicators = full.map((i) =>
      i.l3 === '验收合格率' ? { ...i, actual: '90%' } : i.l3 === '完成动画集数' ? { ...i, actual: '26集' } : i);
    const a = analyse(form({ budget: 100, executed: 100, indicators }));
    expect(issue(a, 'reason.missing-short', '自评表!J15').message).toBe('项目“校园足球扶持资金”：指标未完全达成（得分14.21，分值15），请填写偏差原因分析及改进措施。');
    expect(issue(a, 'reason.missing-over', '自评表!J14').message).toContain('达到年度指标值≥20集的130.00%');
  });

  test('cost indicator with ≥ is a warning; a unit that cannot convert is an error', () => {
    const indicators = full.map((i) =>
      i.l3 === '制作成本' ? { ...i, target: '≥90万元' } : i.l3 === '完成动画集数' ? { ...i, actual: '20次' } : i);
    const a = analyse(form({ budget: 100, executed: 100, indicators }));
    expect(where(a, 'cost.positive-operator')).toEqual(['自评表!F17']);
    expect(issue(a, 'target.unit-mismatch', '自评表!G14').message).toContain('“集”，实际完成值的单位为“次”');
  });

  test('several forms stacked on one sheet are each recognised', () => {
    const spec = formSheet('自评表', [
      { name: '项目甲', budget: 100, executed: 90, indicators: full },
      { name: '项目乙', budget: 50, executed: 50, indicators: full },
    ], 2025, '教育局');
    const a = analyse(book(fromSpec(spec)));
    expect(a.model.forms.map((f) => [f.name, f.indicators.length, f.totalRow])).toEqual([['项目甲', 6, 19], ['项目乙', 6, 41]]);
    // the second form starts on row 23: its 年度资金总额 is row 29
    expect(planned(a, '自评表!K29')).toBe(10);
    expect(planned(a, '自评表!K7')).toBe(9);
  });

  test('filling, then analysing the result, plans nothing more', () => {
    const snapshot = form({ budget: 1759.62291, executed: 1672.699499, statedTotal: 94 });
    const first = analyse(snapshot);
    expect(first.plan.writes.length).toBeGreaterThan(5);
    const second = analyse(applyPlanToSnapshot(snapshot, first.plan));
    expect(second.plan.writes).toEqual([]);
  });
});

describe('formulas in computed cells', () => {
  test('a right formula is kept and checked, not overwritten', () => {
    const a = analyse(form({ budget: 105, executed: 98.6, rateFormula: true }));
    expect(planned(a, '自评表!I7')).toBeUndefined();
    expect(where(a, 'formula.differs')).toEqual([]);
  });

  test('a formula whose result differs is reported, with both values', () => {
    const snap = form({ budget: 105, executed: 98.6, rateFormula: true });
    snap.sheets[0].values[6][8] = 0.5;
    const a = analyse(snap);
    expect(issue(a, 'formula.differs', '自评表!I7').message).toBe('项目“校园足球扶持资金”：此单元格是公式 =G7/F7，结果为50.00%，按规则应为93.90%；公式未被覆盖，请核对公式。');
    expect(planned(a, '自评表!I7')).toBeUndefined();
  });

  test('a rate formula worked out ×100 (shows 93.9) is quoted as shown and told to give the ratio', () => {
    const snap = form({ budget: 105, executed: 98.6, rateFormula: true });
    snap.sheets[0].values[6][8] = 93.9047619047619;
    const a = analyse(snap);
    expect(issue(a, 'formula.rate-points', '自评表!I7').message).toBe('项目“校园足球扶持资金”：此单元格是公式 =G7/F7，结果为93.9，是按百分数（×100）算的执行率；本单元格应为比值0.939（显示为93.90%）。请去掉公式中的×100并设为百分比格式；公式未被覆盖。');
    expect(planned(a, '自评表!I7')).toBeUndefined();
  });

  test('a formula giving #DIV/0! is an error naming the cell', () => {
    const snap = form({ budget: 105, executed: 98.6, rateFormula: true });
    snap.sheets[0].values[6][8] = '#DIV/0!';
    const a = analyse(snap);
    expect(issue(a, 'formula.error', '自评表!I7').message).toContain('结果为错误值 #DIV/0!，按规则应为93.90%');
  });
});

describe('a protected sheet', () => {
  test('nothing is planned on it and the user is told how many cells wait', () => {
    const spec = formSheet('自评表', [{ name: '项目甲', budget: 100, executed: 90, indicators: full }], 2025, '教育局');
    const a = analyse(book(fromSpec(spec, { protected: true })));
    expect(a.plan.writes).toEqual([]);
    expect(issue(a, 'sheet.protected').message).toMatch(/^工作表“自评表”受保护，\d+个计算单元格无法回填/);
  });
});

describe('profiles and languages', () => {
  test('FASP2 scores a missed ceiling by the linear rule with grades at 90/80/60; grades-80-70-60 (formerly provincial) grades at 80/70/60', () => {
    const indicators = full.map((i) => (i.l3 === '制作成本' ? { ...i, actual: '100万元', reason: '材料涨价' } : i));
    const run = (profile?: string) => analyse(form({ budget: 100, executed: 100, indicators, statedTotal: null }), { profile });
    const [national, fasp2, provinces, alias] = [run(), run('fasp2'), run('grades-80-70-60'), run('provincial')];
    expect(planned(national, '自评表!I17')).toBe(4.5); // 90 ÷ 100 × 5
    expect(planned(fasp2, '自评表!I17')).toBe(4.44); // (1 − 10 ÷ 90) × 5
    expect(planned(provinces, '自评表!I17')).toBe(4.44);
    expect(planned(fasp2, '自评表!I20')).toBe(99.44);
    const score = (a: typeof national) => a.model.projects[0].score?.toString();
    expect([score(national), score(fasp2), score(provinces)]).toEqual(['99.5', '99.44', '99.44']);
    expect(alias.profile).toBe('grades-80-70-60');
    expect(alias.plan.writes).toEqual(provinces.plan.writes);
  });

  test('the profiles grade 85 as 良 (90/80/60) or 优 (80/70/60)', () => {
    const at85 = full.map((i) => (i.l3 === '普及足球运动' ? { ...i, score: 30 } : i.l3 === '完成动画集数' ? { ...i, actual: '5集', reason: '经费压缩' } : i));
    const grade = (profile: string) => analyse(form({ budget: 100, executed: 100, indicators: at85 }), { profile }).model.projects[0];
    expect(grade('fasp2').score?.toString()).toBe('85');
    expect([grade('national').grade, grade('fasp2').grade, grade('grades-80-70-60').grade]).toEqual(['良', '良', '优']);
  });

  test('messages in English on request', () => {
    const a = analyse(form({ budget: 0, executed: 5 }), { lang: 'en' });
    expect(issue(a, 'exec.budget-zero').message).toBe('Project "校园足球扶持资金": The full-year budget (全年预算数) is zero or blank, so the execution rate cannot be computed; fill in the adjusted full-year budget.');
  });

  test('an unknown profile name is refused', () => {
    expect(() => analyse(form({}), { profile: 'nowhere' })).toThrow('unknown scoring profile "nowhere"');
  });
});
