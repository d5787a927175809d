// Conformance with the bureau's template: a unit's workbook made from 某某县's template, filled in, then
// changed in one way at a time. Each change is reported at the unit's cell and nothing else is.
import { readFileSync } from 'fs';
import { resolve } from 'path';
import { conform, type WorkbookSnapshot } from '../../src/engine';
import { compareFormula, skeleton, tokenize } from '../../src/engine/template/formula';
import { readWorkbook } from '../../src/gateways/xlsx';
import { countyTemplate, filledUnit, rowOf } from '../support/county';
import { copyBook, deleteColumn, deleteRows, insertColumn, insertRows, setCell, sheetOf } from '../support/edit';

const found = (unit: WorkbookSnapshot, lang: 'zh' | 'en' = 'zh') => conform(countyTemplate(), unit, { lang }).map((i) => `${i.rule} ${i.sheet}!${i.cell}`);

function changed(change: (unit: WorkbookSnapshot) => void): WorkbookSnapshot {
  const unit = filledUnit();
  change(unit);
  return unit;
}

function message(unit: WorkbookSnapshot, at: string, lang: 'zh' | 'en' = 'zh'): string {
  const issue = conform(countyTemplate(), unit, { lang }).find((i) => `${i.sheet}!${i.cell}` === at);
  if (!issue) throw new Error(`nothing at ${at}`);
  return issue.message;
}

const dept = (u: WorkbookSnapshot) => sheetOf(u, '部门整体绩效');
const form = (u: WorkbookSnapshot) => sheetOf(u, '项目支出绩效自评表');
const list = (u: WorkbookSnapshot) => sheetOf(u, '项目汇总表');

describe('a unit that kept the template', () => {
  test('the template against itself: nothing', () => {
    expect(found(countyTemplate())).toEqual([]);
  });

  test('filled in, with two projects more than the list has rows and a second project of indicators: nothing', () => {
    const unit = filledUnit();
    // The fill really happened: amounts, scores, reasons, a longer list whose SUMs grew.
    expect(list(unit).values[13][1]).toBe('综合文化站免费开放');
    expect(list(unit).formulas.E15).toBe('=SUM(E5:E14)');
    expect(sheetOf(unit, '绩效指标表').values[8][0]).toBe('高标准农田建设');
    // A signature typed after the template's 填表人： label.
    expect(list(unit).values[16][0]).toBe('填表人：王五');
    expect(found(unit)).toEqual([]);
  });

  test('fewer projects than the list has rows: the unused rows deleted, the SUMs shrunk with them: nothing', () => {
    const unit = copyBook(countyTemplate());
    deleteRows(list(unit), 7, 5);
    setCell(list(unit), 'B5', '东村道路硬化工程');
    expect(list(unit).formulas.E8).toBe('=SUM(E5:E7)');
    expect(found(unit)).toEqual([]);
  });

  test('an indicator the template gives one row, split into two whose weights make the template\'s: nothing', () => {
    const unit = changed((u) => {
      setCell(form(u), 'H14', 10);
      insertRows(form(u), 14, [[null, null, '数量指标', '村道硬化条数', null, '≥3条', '3条', 10]]);
    });
    expect(form(unit).formulas.H21).toBe('=H7+SUM(H14:H20)');
    expect(found(unit)).toEqual([]);
  });
});

describe('sheets', () => {
  test('a missing sheet is reported on the first sheet, by name', () => {
    const unit = changed((u) => (u.sheets = u.sheets.filter((s) => s.name !== '部门整体绩效')));
    expect(found(unit)).toEqual(['template.sheet-missing 项目汇总表!A1']);
    expect(message(unit, '项目汇总表!A1')).toBe('缺少模板中的工作表“部门整体绩效”；请从财政局下发的模板中复制回来，不要删除或改名。');
  });

  test('a renamed sheet is recognised by its content and compared all the same', () => {
    const unit = changed((u) => {
      sheetOf(u, '绩效指标表').name = '指标表';
      setCell(sheetOf(u, '指标表'), 'G5', 15);
    });
    expect(found(unit)).toEqual(['template.sheet-renamed 指标表!A1', 'template.weight-changed 指标表!G5']);
    expect(message(unit, '指标表!A1')).toBe('此工作表在模板中名为“绩效指标表”；请改回模板中的名称。');
  });

  test('a sheet the unit added is named as such (info), not compared', () => {
    const unit = changed((u) => u.sheets.push({ name: '情况说明', values: [['本年度情况说明']], formulas: {}, merges: [] }));
    expect(found(unit)).toEqual(['template.sheet-added 情况说明!A1']);
    expect(conform(countyTemplate(), unit)[0].severity).toBe('info');
  });

  test('the form sheet copied for a second project: the copy is compared with the template\'s form', () => {
    const unit = changed((u) => {
      const copy = JSON.parse(JSON.stringify(form(u)));
      copy.name = '项目支出绩效自评表 (2)';
      setCell(copy, 'H15', 20);
      u.sheets.push(copy);
    });
    expect(found(unit)).toEqual(['template.sheet-copied 项目支出绩效自评表 (2)!A1', 'template.weight-changed 项目支出绩效自评表 (2)!H15']);
  });

  test('two forms stacked on one sheet: the second against the template\'s form too', () => {
    const unit = changed((u) => {
      const sheet = form(u);
      const height = sheet.values.length;
      const second = JSON.parse(JSON.stringify(sheet));
      insertRows(second, 0, Array.from({ length: height + 1 }, () => []));
      sheet.values.push([], ...second.values.slice(height + 1));
      sheet.merges.push(...second.merges);
      Object.assign(sheet.formulas, second.formulas);
      setCell(sheet, `B${height + 1 + 14}`, '产出');
    });
    expect(found(unit)).toEqual(['template.text-changed 项目支出绩效自评表!B36']);
  });
});

describe('header columns', () => {
  test('a deleted column: reported once, where it was', () => {
    const unit = changed((u) => deleteColumn(list(u), 2));
    expect(found(unit)).toEqual(['template.column-missing 项目汇总表!C3']);
    expect(message(unit, '项目汇总表!C3')).toBe('缺少模板中的“项目类别”列（模板中为C列）；请按模板补回该列。');
  });

  test('an inserted column inside the table: reported once; the columns after it are not "moved"', () => {
    const unit = changed((u) => insertColumn(list(u), 3, { 2: '资金来源' }));
    expect(list(unit).formulas.F15).toBe('=SUM(F5:F14)');
    expect(found(unit)).toEqual(['template.column-inserted 项目汇总表!D3']);
    expect(message(unit, '项目汇总表!D3')).toBe('表内插入了模板没有的列“资金来源”；请删除该列，需要补充的说明请写在表外。');
  });

  test('a column inserted under the merged band 项目资金（万元）: reported at its label, the SUMs beside it still the template\'s', () => {
    const unit = changed((u) => insertColumn(list(u), 5, { 3: '备注' }));
    expect(list(unit).merges).toContain('D3:G3');
    expect(found(unit)).toEqual(['template.column-inserted 项目汇总表!F4']);
    expect(message(unit, '项目汇总表!F4')).toBe('表内插入了模板没有的列“备注”；请删除该列，需要补充的说明请写在表外。');
  });

  test('headers renamed in the second header row, under the band: each at its cell', () => {
    const unit = changed((u) => {
      setCell(list(u), 'E4', '资金合计');
      setCell(list(u), 'F4', '支出金额');
    });
    expect(found(unit)).toEqual(['template.column-renamed 项目汇总表!E4', 'template.column-renamed 项目汇总表!F4']);
    expect(message(unit, '项目汇总表!E4')).toBe('模板此处表头为“全年预算数（A）”，现为“资金合计”；请按模板恢复表头。');
  });

  test('a renamed header: what the template has there', () => {
    const unit = changed((u) => setCell(list(u), 'F4', '实际支出'));
    expect(found(unit)).toEqual(['template.column-renamed 项目汇总表!F4']);
    expect(message(unit, '项目汇总表!F4')).toBe('模板此处表头为“全年执行数（B）”，现为“实际支出”；请按模板恢复表头。');
  });

  test('the same header with other brackets or spaces is the same header', () => {
    expect(found(changed((u) => setCell(list(u), 'F4', '全年执行数 (B)')))).toEqual([]);
  });

  test('two columns swapped: one moved column, with both places', () => {
    const unit = changed((u) => {
      for (const line of list(u).values) if (line.length > 9) [line[8], line[9]] = [line[9], line[8]];
    });
    expect(found(unit)).toEqual(['template.column-moved 项目汇总表!I3']);
    expect(message(unit, '项目汇总表!I3')).toBe('“评价等级”列在模板中为J列，现为I列；请按模板恢复列的顺序。');
  });
});

describe('fixed texts and weights', () => {
  test('an 一级指标 label retyped in the form', () => {
    const unit = changed((u) => setCell(form(u), 'B14', '产出'));
    expect(found(unit)).toEqual(['template.text-changed 项目支出绩效自评表!B14']);
    expect(message(unit, '项目支出绩效自评表!B14')).toBe('模板此处“一级指标”为“产出指标”，现为“产出”；这是财政局设定的内容，请按模板恢复。');
  });

  test('a 二级指标 label in the indicator list, and the second project\'s copy of it', () => {
    const unit = changed((u) => {
      setCell(sheetOf(u, '绩效指标表'), 'C4', '质量');
      setCell(sheetOf(u, '绩效指标表'), 'C13', '效益');
    });
    expect(found(unit)).toEqual(['template.text-changed 绩效指标表!C4', 'template.text-changed 绩效指标表!C13']);
  });

  test('an 一级 label carrying its weight, 产出指标(50分), is the same label', () => {
    expect(found(changed((u) => setCell(form(u), 'B14', '产出指标（50分）')))).toEqual([]);
  });

  test('评分标准 shortened by the unit', () => {
    const unit = changed((u) => setCell(dept(u), `D${rowOf(dept(u), 2, '结转结余率', 10) + 1}`, '结转结余率为0得10分'));
    expect(found(unit)).toEqual(['template.text-changed 部门整体绩效!D21']);
    expect(message(unit, '部门整体绩效!D21')).toBe('模板此处“评分标准”为“结转结余率为0得10分，每增加1个百分点扣1分”，现为“结转结余率为0得10分”；这是财政局设定的内容，请按模板恢复。');
  });

  test('分值 retyped: on the department table, an indicator, the 预算执行率 row', () => {
    const unit = changed((u) => {
      setCell(dept(u), `E${rowOf(dept(u), 2, '预算编制合理性') + 1}`, '15分');
      setCell(form(u), 'H14', 25);
      setCell(form(u), 'H7', 5);
    });
    expect(found(unit)).toEqual(['template.weight-changed 项目支出绩效自评表!H7', 'template.weight-changed 项目支出绩效自评表!H14', 'template.weight-changed 部门整体绩效!E19']);
    expect(message(unit, '部门整体绩效!E19')).toBe('模板规定此处分值为10，现为15分；分值由财政局设定，请按模板填写。');
  });

  test('分值 typed as text of the same number is the same weight', () => {
    expect(found(changed((u) => setCell(form(u), 'H14', '20分')))).toEqual([]);
  });
});

describe('formulas', () => {
  test('a SUM replaced by its value: the message quotes the template\'s formula', () => {
    const unit = changed((u) => setCell(list(u), 'E15', 3296.42291));
    expect(found(unit)).toEqual(['template.formula-replaced 项目汇总表!E15']);
    expect(message(unit, '项目汇总表!E15')).toBe('模板此处为公式 =SUM(E5:E12)，现为数值 3296.42291；请恢复公式（可从模板复制此单元格）。');
  });

  test('a SUM that leaves out the last project: the row it misses, and the range that covers them all', () => {
    const unit = changed((u) => (list(u).formulas.E15 = '=SUM(E5:E13)'));
    expect(found(unit)).toEqual(['template.formula-short 项目汇总表!E15']);
    expect(message(unit, '项目汇总表!E15')).toBe('公式 =SUM(E5:E13) 没有包括表内第14行（模板此处为 =SUM(E5:E12)，应包括表内全部行）；请把范围改为 E5:E14。');
  });

  test('another function over the same rows is another formula', () => {
    const unit = changed((u) => (list(u).formulas.E15 = '=AVERAGE(E5:E14)'));
    expect(found(unit)).toEqual(['template.formula-changed 项目汇总表!E15']);
    expect(message(unit, '项目汇总表!E15')).toBe('模板此处为公式 =SUM(E5:E12)，现为公式 =AVERAGE(E5:E14)；请按模板恢复公式。');
  });

  test('projects added in rows inserted directly above 合计, outside the SUMs: each total names the rows it leaves out', () => {
    const added = [[11, '新增甲', '专项项目', 10, 10, 9], [12, '新增乙', '专项项目', 5, 5, 5]];
    const unit = changed((u) => insertRows(list(u), rowOf(list(u), 0, '合计'), added));
    expect(list(unit).formulas.E17).toBe('=SUM(E5:E14)');
    expect(found(unit)).toEqual(['template.formula-short 项目汇总表!D17', 'template.formula-short 项目汇总表!E17', 'template.formula-short 项目汇总表!F17']);
    expect(message(unit, '项目汇总表!E17')).toBe('公式 =SUM(E5:E14) 没有包括表内第15–16行（模板此处为 =SUM(E5:E12)，应包括表内全部行）；请把范围改为 E5:E16。');
    expect(message(unit, '项目汇总表!E17', 'en')).toBe('The formula =SUM(E5:E14) leaves out row(s) 15–16 of the table (the template has =SUM(E5:E12) here, over all the table\'s rows); extend the range to E5:E16.');
  });

  test('the same rows with the SUMs extended over them: nothing', () => {
    const extended = changed((u) => {
      insertRows(list(u), rowOf(list(u), 0, '合计'), [[11, '新增甲', '专项项目', 10, 10, 9]]);
      for (const c of 'DEF') list(u).formulas[`${c}16`] = `=SUM(${c}5:${c}15)`;
    });
    expect(found(extended)).toEqual([]);
  });

  test('a SUM shrunk over list rows left blank: still short of the table, blank rows are rows to fill', () => {
    const unit = copyBook(countyTemplate());
    list(unit).formulas.E13 = '=SUM(E5:E10)';
    expect(found(unit)).toEqual(['template.formula-short 项目汇总表!E13']);
    expect(message(unit, '项目汇总表!E13')).toBe('公式 =SUM(E5:E10) 没有包括表内第11–12行（模板此处为 =SUM(E5:E12)，应包括表内全部行）；请把范围改为 E5:E12。');
  });

  test('the execution rate typed over the bureau\'s =G7/F7, and a total cleared', () => {
    const unit = changed((u) => {
      setCell(form(u), 'I7', 1);
      setCell(form(u), 'I20', null);
    });
    expect(found(unit)).toEqual(['template.formula-replaced 项目支出绩效自评表!I7', 'template.formula-replaced 项目支出绩效自评表!I20']);
    expect(message(unit, '项目支出绩效自评表!I20')).toBe('模板此处为公式 =K7+SUM(I14:I19)，现为空白；请恢复公式（可从模板复制此单元格）。');
  });
});

describe('rows', () => {
  test('a row inserted into the department table', () => {
    const unit = changed((u) => insertRows(dept(u), rowOf(dept(u), 2, '政府采购执行率', 10) + 1, [['预算执行', '预算执行管理', '资金拨付及时性', '及时拨付得5分', 5, 5, '是']]));
    expect(found(unit)).toEqual(['template.row-inserted 部门整体绩效!A23']);
    expect(message(unit, '部门整体绩效!A23')).toBe('部门整体绩效自评表内插入了模板没有的行“预算执行 预算执行管理 资金拨付及时性 及时拨付得5分”；这里的行由财政局设定，请删除该行，需要补充的内容请写在表外。');
  });

  test('a fund row inserted into the form, and a row above its fund block', () => {
    const unit = changed((u) => {
      insertRows(form(u), 10, [[null, null, '      自筹资金', null, 5, 5, 5]]);
      insertRows(form(u), 4, [['项目负责人', null, '张三']]);
    });
    expect(found(unit)).toEqual(['template.row-inserted 项目支出绩效自评表!A5', 'template.row-inserted 项目支出绩效自评表!C12']);
  });

  test('an indicator row inserted into the form\'s preset block, without 分值: the group and its points named', () => {
    const unit = changed((u) => insertRows(form(u), 15, [[null, null, null, '自加指标', null, '≥1个', '1个']]));
    expect(form(unit).formulas.H21).toBe('=H7+SUM(H14:H20)');
    expect(found(unit)).toEqual(['template.indicator-inserted 项目支出绩效自评表!D16']);
    expect(message(unit, '项目支出绩效自评表!D16')).toBe('项目支出绩效自评表内插入了模板没有的指标行“自加指标 ≥1个 1个”；“质量指标”的分值由财政局定为15分。如需在其下列多个三级指标，请把这15分分配到这几行（合计仍为15分）；否则请删除该行。');
  });

  test('an indicator row inserted into a project\'s block of the indicator list, with points of its own: reported; the second project\'s block is not', () => {
    const unit = changed((u) => insertRows(sheetOf(u, '绩效指标表'), 4, [[null, null, null, '自加', '≥1个', '1个', 5]]));
    expect(found(unit)).toEqual(['template.indicator-inserted 绩效指标表!D5']);
    expect(message(unit, '绩效指标表!D5', 'en')).toBe('An indicator row the template does not have ("自加 ≥1个 1个 5") was inserted into the indicator list; the bureau set "质量指标" at 15 points. To give it several third-level indicators, split those 15 points over the rows (still 15 in all); otherwise remove the row.');
  });

  test('a row of an 一级 / 二级 the template does not have, inside the form\'s indicator block', () => {
    const unit = changed((u) => insertRows(form(u), 18, [[null, '可持续影响指标', '生态效益指标', '植被恢复', null, '明显改善', '达成年度指标', 5]]));
    expect(found(unit)).toEqual(['template.row-inserted 项目支出绩效自评表!B19']);
    expect(message(unit, '项目支出绩效自评表!B19')).toBe('项目支出绩效自评表内插入了模板没有的行“可持续影响指标 生态效益指标 植被恢复 明显改善”；这里的行由财政局设定，请删除该行，需要补充的内容请写在表外。');
  });

  test('a template whose indicator rows carry no 分值: rows the unit adds there are its own', () => {
    const template = countyTemplate();
    for (let r = 14; r <= 19; r++) setCell(sheetOf(template, '项目支出绩效自评表'), `H${r}`, null);
    const unit = filledUnit(template);
    insertRows(form(unit), 15, [[null, null, null, '自加指标', null, '≥1个', '1个', 5]]);
    expect(conform(template, unit).filter((i) => i.sheet === '项目支出绩效自评表')).toEqual([]);
  });

  test('a department item deleted: what the template has there', () => {
    const unit = changed((u) => deleteRows(dept(u), rowOf(dept(u), 2, '债务风险控制')));
    expect(found(unit)).toEqual(['template.row-missing 部门整体绩效!A24']);
    expect(message(unit, '部门整体绩效!A24')).toBe('模板此处有一行“债务管理 债务管理 债务风险控制 无新增隐性债务得10分”（模板第24行），现已删除或清空；请按模板补回。');
  });

  test('the bureau\'s 成本指标 row deleted from the form', () => {
    const unit = changed((u) => deleteRows(form(u), 16));
    expect(found(unit)).toEqual(['template.row-missing 项目支出绩效自评表!C17']);
    expect(message(unit, '项目支出绩效自评表!C17')).toBe('模板此处有一行“成本指标 5”（模板第17行），现已删除或清空；请按模板补回。');
  });

  test('several base-data rows deleted together: one issue naming them', () => {
    const unit = changed((u) => deleteRows(dept(u), rowOf(dept(u), 0, '政府采购预算数'), 2));
    expect(found(unit)).toEqual(['template.row-missing 部门整体绩效!A10']);
    expect(message(unit, '部门整体绩效!A10')).toBe('模板此处有2行“政府采购预算数、实际政府采购金额”（模板第10–11行），现已删除或清空；请按模板补回。');
  });
});

test('messages in English', () => {
  const unit = changed((u) => setCell(list(u), 'E15', 3296.42291));
  expect(message(unit, '项目汇总表!E15', 'en')).toBe('The template has the formula =SUM(E5:E12) here, now the number 3296.42291; restore the formula (copy the cell from the template).');
});

describe('formulas as references', () => {
  test('references are split out; quoted text, function names and sheet names are not cells', () => {
    expect(tokenize('SUM(H11:H18)+LOG10(A1)&"B2"')).toEqual([
      { kind: 'text', text: 'SUM(' },
      { kind: 'ref', sheet: null, from: { row: 10, col: 7 }, to: { row: 17, col: 7 } },
      { kind: 'text', text: ')+LOG10(' },
      { kind: 'ref', sheet: null, from: { row: 0, col: 0 }, to: { row: 0, col: 0 } },
      { kind: 'text', text: ')&"B2"' },
    ]);
    expect(tokenize("'项目 汇总'!$E$5+Sheet2!C:C")).toEqual([
      { kind: 'ref', sheet: '项目 汇总', from: { row: 4, col: 4 }, to: { row: 4, col: 4 } },
      { kind: 'text', text: '+' },
      { kind: 'ref', sheet: 'Sheet2', from: { row: null, col: 2 }, to: { row: null, col: 2 } },
    ]);
    expect(skeleton('=SUM(H11:H18) / G7')).toBe('=SUM(#)/#');
  });

  test('another sheet\'s cell is read through that sheet\'s alignment', () => {
    const identity = { row: (r: number) => r, rowKept: () => true, col: (c: number) => c, colKept: () => true, body: () => null };
    const shifted = { ...identity, row: (r: number) => (r >= 6 ? r - 2 : r) };
    const ctx = { map: (sheet: string | null) => (sheet === '指标表' ? { templateSheet: '绩效指标表', refs: shifted } : sheet === null ? { templateSheet: '汇总', refs: identity } : null) };
    expect(compareFormula('=绩效指标表!G7*2', '=指标表!G9*2', ctx).kind).toBe('same');
    expect(compareFormula('=绩效指标表!G7*2', '=指标表!G7*2', ctx).kind).toBe('other');
    expect(compareFormula('=绩效指标表!G7*2', '=其他!G9*2', ctx).kind).toBe('other');
  });
});

test('the real public form: the blank against the filled copy (shared/reference)', async () => {
  const read = async (name: string) => (await readWorkbook(readFileSync(resolve(__dirname, '../../../shared/reference', name)), name)).snapshot;
  const issues = conform(await read('public-selfeval-form-blank.xlsx'), await read('public-selfeval-form-filled.xlsx'));
  // The filled copy lost the stray 项目名称 label in its fund header, and moved 绩效指标 down into the indicator rows.
  expect(issues.map((i) => `${i.rule} ${i.sheet}!${i.cell} ${i.message}`)).toEqual([
    'template.column-renamed 项目支出绩效自评表!C6 模板此处表头为“项目名称”，现为空；请按模板恢复表头。',
    'template.column-renamed 项目支出绩效自评表!A10 模板此处表头为“绩效指标”，现为空；请按模板恢复表头。',
  ]);
});
