// A form or department sheet left as the bureau's template gave it is said once, not checked cell by cell
// (review 2, finding 4): the bureau's own template, and a unit that filled only its list and indicator list.
import { readFileSync } from 'fs';
import { join } from 'path';
import { analyse, draftReport, type WorkbookSnapshot } from '../../src/engine';
import { readWorkbookSync } from '../../src/gateways/xlsx';
import { buildReview, STATUS_TEXT, unitReview, unitStatus } from '../../src/engine/review';
import { copyBook, setCell, sheetOf } from '../support/edit';

const TEMPLATE = readWorkbookSync(new Uint8Array(readFileSync(join(__dirname, '../../assets/template.xlsx'))), 'template.xlsx').snapshot;
const FORM_BLANK = '此自评表未填写（无项目名称、指标和金额），未作校验；如该项目须单独填报自评表，请填写。';
const DEPT_BLANK = '此部门整体绩效自评表未填写（无基础数据和自评得分），未作校验；如须开展部门整体绩效自评，请填写。';
const INDICATORS_BLANK = '此绩效指标表未填写（无项目名称、三级指标和指标值），未作校验；如有项目的绩效指标须在此表填报，请填写。';
const NOTHING_FILLED = '工作簿中的自评表格均未填写（没有项目、指标或部门整体自评数据）；请填写后再报送。';

const brief = (book: WorkbookSnapshot) => analyse(book).issues.map((i) => [i.severity, `${i.sheet}!${i.cell}`, i.message]);

/** The template with only its 项目汇总表 and 绩效指标表 filled in, correctly. */
function listsOnly(): WorkbookSnapshot {
  const book = copyBook(TEMPLATE);
  const list = sheetOf(book, '项目汇总表');
  for (const [address, value] of [['A5', 1], ['B5', '东村道路硬化工程'], ['C5', '基本建设'], ['D5', 80], ['E5', 80], ['F5', 80], ['D15', 80], ['E15', 80], ['F15', 80]] as const) setCell(list, address, value);
  const ind = sheetOf(book, '绩效指标表');
  setCell(ind, 'A3', '东村道路硬化工程');
  const rows: Array<[string, string, string]> = [
    ['道路硬化面积', '≥5000平方米', '5800平方米'], ['工程验收合格率', '=100%', '100%'], ['按期完工率', '=100%', '100%'],
    ['工程造价', '≤80万元', '80万元'], ['沿线群众出行时间缩短', '≥20%', '25%'], ['沿线群众满意度', '≥90%', '95%'],
  ];
  rows.forEach(([l3, target, actual], i) => {
    setCell(ind, `D${3 + i}`, l3);
    setCell(ind, `E${3 + i}`, target);
    setCell(ind, `F${3 + i}`, actual);
  });
  return book;
}

describe('the bureau\'s blank template', () => {
  test('the untouched indicator list, form and department sheet give one info each; sent back as a whole, the workbook is one error', () => {
    const a = analyse(TEMPLATE);
    expect(brief(TEMPLATE)).toEqual([
      ['error', '项目汇总表!A1', NOTHING_FILLED],
      ['info', '绩效指标表!A2', INDICATORS_BLANK],
      ['info', '项目支出绩效自评表!C4', FORM_BLANK],
      ['info', '部门整体绩效!A32', DEPT_BLANK],
    ]);
    expect(a.issues.find((i) => i.rule === 'form.blank')?.severity).toBe('info');
    expect(a.plan.writes).toEqual([]);
    expect(a.model.forms).toEqual([]);
    expect(a.model.departments).toEqual([]);
    expect(a.model.unfilled.forms.map((f) => f.nameCell)).toEqual([{ sheet: '项目支出绩效自评表', row: 3, col: 2 }]);
    expect(a.model.unfilled.departments.map((d) => d.sheet)).toEqual(['部门整体绩效']);
    expect([a.model.indicatorLists, a.model.unfilled.indicatorLists.map((l) => l.sheet)]).toEqual([[], ['绩效指标表']]);
    // Before: 7 errors on the indicator list (A3, E3–E8), 7 on the form (F7, F14–F19), 9 warnings on the department sheet.
    expect(draftReport(TEMPLATE)).toBeNull();
  });

  test('in English', () => {
    const messages = analyse(TEMPLATE, { lang: 'en' }).issues.filter((i) => i.severity === 'info').map((i) => i.message);
    expect(messages).toEqual([
      'This indicator list is not filled in (no project names, indicators or values), so it was not checked; fill it in if projects report their indicators here.',
      'This self-evaluation form is not filled in (no project name, indicators or amounts), so it was not checked; fill it in if the project needs a form of its own.',
      'This department-wide table is not filled in (no base figures, no scores), so it was not checked; fill it in if the department-wide self-evaluation is required.',
    ]);
  });
});

describe('a unit that filled only the list and the indicator list', () => {
  const book = listsOnly();
  const a = analyse(book);

  test('no error or warning from the untouched sheets, one info each, nothing written there', () => {
    const untouched = a.issues.filter((i) => i.sheet === '项目支出绩效自评表' || i.sheet === '部门整体绩效');
    expect(untouched.map((i) => [i.rule, i.cell])).toEqual([['form.blank', 'C4'], ['dept.blank', 'A32']]);
    expect(a.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(new Set(a.plan.writes.map((w) => w.sheet))).toEqual(new Set(['项目汇总表', '绩效指标表']));
    // The one project is the list's, with its indicators; the blank form adds none.
    expect(a.model.projects.map((p) => [p.name, p.form, p.indicators.length, p.score?.toFixed(2)])).toEqual([['东村道路硬化工程', null, 6, '100.00']]);
  });

  test('the review passes it, with no department; the report has no department part', () => {
    const u = unitReview({ file: '青山镇.xlsx', analysis: a, snapshot: book, issues: a.issues, compared: false });
    expect([u.errors, u.warnings, u.department, u.projects]).toEqual([0, 0, null, 1]);
    expect(STATUS_TEXT[unitStatus(u)]).toBe('通过');
    expect(buildReview([u]).notes).toEqual([]);
    const summary = draftReport(book);
    expect(summary?.facts.department).toBeNull();
    expect(summary?.facts.projects?.projects.map((p) => p.name)).toEqual(['东村道路硬化工程']);
    expect(summary?.document.blocks.some((b) => JSON.stringify(b).includes('部门整体'))).toBe(false);
  });
});

test('a unit that filled only a form: its untouched indicator list is one info, no error', () => {
  const book = copyBook(TEMPLATE);
  setCell(sheetOf(book, '项目支出绩效自评表'), 'C4', '东村道路硬化工程');
  const a = analyse(book);
  expect(a.issues.filter((i) => i.sheet === '绩效指标表').map((i) => [i.severity, i.cell, i.message])).toEqual([['info', 'A2', INDICATORS_BLANK]]);
  expect(a.issues.map((i) => i.rule)).not.toContain('workbook.nothing-filled');
});

describe('what makes a form or a department sheet filled', () => {
  test('a form with only its project name typed is checked in full', () => {
    const book = copyBook(TEMPLATE);
    setCell(sheetOf(book, '项目支出绩效自评表'), 'C4', '东村道路硬化工程');
    const form = brief(book).filter(([, at]) => at.startsWith('项目支出绩效自评表!'));
    expect(form.map(([s, at]) => [s, at])).toEqual([
      ['error', '项目支出绩效自评表!F7'],
      ...['F14', 'F15', 'F16', 'F17', 'F18', 'F19'].map((c) => ['error', `项目支出绩效自评表!${c}`]),
      ['warning', '项目支出绩效自评表!I20'],
    ]);
    expect(form[0][2]).toBe('项目“东村道路硬化工程”：全年预算数为0或未填写，无法计算预算执行率；请填写调整后的全年预算数。');
  });

  test('an actual value typed, or text in an amount cell, makes a nameless form filled', () => {
    for (const [address, value] of [['G14', '5800平方米'], ['F7', '待定'], ['K7', 10], ['B12', '完成道路硬化']] as const) {
      const book = copyBook(TEMPLATE);
      setCell(sheetOf(book, '项目支出绩效自评表'), address, value);
      const rules = analyse(book).issues.filter((i) => i.sheet === '项目支出绩效自评表').map((i) => i.rule);
      expect([address, rules.includes('form.blank'), rules.some((r) => r !== 'form.blank')]).toEqual([address, false, true]);
    }
  });

  test('the bureau\'s formulas and placeholders do not make a form filled, and what reading them met is not said', () => {
    const book = copyBook(TEMPLATE);
    const form = sheetOf(book, '项目支出绩效自评表');
    setCell(form, 'F7', 0, '=SUM(F8:F10)');
    setCell(form, 'E8', '—');
    // A formula saved without its result (openpyxl): reading it says so, but the form is blank.
    setCell(form, 'G7', null, '=SUM(G8:G10)');
    form.uncalculated = ['G7'];
    expect(analyse(book).issues.filter((i) => i.sheet === '项目支出绩效自评表').map((i) => [i.rule, i.cell])).toEqual([['form.blank', 'C4']]);
  });

  test('a department sheet with one score or one base figure typed is checked', () => {
    for (const [address, value] of [['F33', 2], ['D5', 2740.2]] as const) {
      const book = copyBook(TEMPLATE);
      setCell(sheetOf(book, '部门整体绩效'), address, value);
      const a = analyse(book);
      const dept = a.issues.filter((i) => i.sheet === '部门整体绩效');
      expect([address, dept.some((i) => i.rule === 'dept.blank'), dept.some((i) => i.rule === 'dept.score-missing')]).toEqual([address, false, true]);
      expect(a.model.departments.length).toBe(1);
    }
  });
});
