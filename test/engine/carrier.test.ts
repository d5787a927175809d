// The county's settings inside its template: the carrier sheet, the profile it carries, and the
// unit-name cell, as the engine reads them from a snapshot.
import { readFileSync } from 'fs';
import { resolve } from 'path';
import { analyse, CARRIER_SHEET, carrierSheet, conform, readCarrier, summarise, type TemplateSettings, type WorkbookSnapshot } from '../../src/engine';
import { unitNameIn } from '../../src/engine/template/settings';
import { countyTemplate, filledUnit, UNIT_NAME } from '../support/county';
import { copyBook, insertRows, setCell, sheetOf } from '../support/edit';
import { issue } from '../support/snapshot';

const COUNTY = JSON.parse(readFileSync(resolve(__dirname, '../../schema/example-county.json'), 'utf8'));
delete COUNTY.$schema;
const SETTINGS: TemplateSettings = { profile: COUNTY, unitName: { sheet: '项目汇总表', cell: 'B2', label: '单位名称：' } };

function carrying(book: WorkbookSnapshot, settings: TemplateSettings = SETTINGS): WorkbookSnapshot {
  const copy = copyBook(book);
  copy.sheets.push(carrierSheet(settings));
  return copy;
}

/** 东村道路硬化工程's form at 88.5 points: 良 by the national bands (80–90), 优 by the county's (≥ 85). */
function scoring885(book: WorkbookSnapshot): WorkbookSnapshot {
  const form = sheetOf(book, '项目支出绩效自评表');
  setCell(form, 'G15', '90%');
  setCell(form, 'G18', '部分达成年度指标并具有一定效果');
  setCell(form, 'I18', 20);
  return book;
}

const gradeCell = (book: WorkbookSnapshot, profile?: string) => analyse(book, { profile }).plan.writes.find((w) => w.sheet === '项目支出绩效自评表' && w.cell === 'H21')?.value;

describe('the carrier sheet', () => {
  test('holds the settings as JSON under a mark, a format and a check value; read back the same', () => {
    const sheet = carrierSheet(SETTINGS);
    expect(sheet.name).toBe(CARRIER_SHEET);
    expect(sheet.values[0][0]).toBe('SelfEval 评分方案：由财政局在模板中设定，单位请勿修改或删除此表。');
    expect(sheet.values[1][0]).toBe('selfeval-template/1');
    expect(sheet.values[2][0]).toMatch(/^fnv1a:[0-9a-f]{8}$/);
    expect(readCarrier({ sheets: [sheet] })).toEqual({ sheet: CARRIER_SHEET, settings: SETTINGS });
  });

  test('long settings are split over cells well under Excel\'s 32,767 characters, and joined again', () => {
    const phrases = Array.from({ length: 2000 }, (_, i) => `完成第${i}项`);
    const settings = { profile: { label: '长', qualitativePhrases: { achieved: phrases } } };
    const sheet = carrierSheet(settings);
    expect(sheet.values.length).toBeGreaterThan(4);
    expect(Math.max(...sheet.values.map((r) => String(r[0]).length))).toBeLessThanOrEqual(8000);
    expect(readCarrier({ sheets: [sheet] })).toEqual({ sheet: CARRIER_SHEET, settings });
  });

  test('an edited cell, a newer format and a broken text are each said', () => {
    const edited = carrierSheet(SETTINGS);
    edited.values[3][0] = String(edited.values[3][0]).replace('"min":85', '"min":80');
    expect(readCarrier({ sheets: [edited] })).toEqual({ sheet: CARRIER_SHEET, problem: 'changed' });
    const newer = carrierSheet(SETTINGS);
    newer.values[1][0] = 'selfeval-template/2';
    expect(readCarrier({ sheets: [newer] })).toEqual({ sheet: CARRIER_SHEET, problem: 'newer' });
    expect(readCarrier(filledUnit())).toBeNull();
  });
});

describe('a workbook carrying its county\'s profile is scored by it, with no option given', () => {
  test('88.5 points: 优 by the county\'s 85/75/60, 良 by the national default', () => {
    const unit = scoring885(filledUnit());
    expect(gradeCell(unit)).toBe('良');
    expect(gradeCell(carrying(unit))).toBe('优');
    const a = analyse(carrying(unit));
    expect([a.profile, a.profileLabel.zh, a.profileSource]).toEqual(['mouxian-2025', '某某县2025年模板', 'workbook']);
    expect(analyse(unit).profileSource).toBe('default');
  });

  test('the carrier sheet is not read as a table, nor reported on', () => {
    const a = analyse(carrying(filledUnit()));
    expect(a.issues.filter((i) => i.sheet === CARRIER_SHEET)).toEqual([]);
    expect(a.model.lists.map((l) => l.sheet)).toEqual(['项目汇总表']);
  });

  test('a profile chosen sets the carried one aside, and says so', () => {
    const a = analyse(carrying(scoring885(filledUnit())), { profile: 'national' });
    expect(a.plan.writes.find((w) => w.cell === 'H21' && w.sheet === '项目支出绩效自评表')?.value).toBe('良');
    expect(issue(a, 'template.settings-set-aside', '项目汇总表!A1').message).toBe('工作簿内置评分方案“某某县2025年模板”，本次按所选的“全国通用（财预〔2020〕10号）”评分。');
  });

  test('a carried profile that was edited is not used, and that is an error at the first sheet', () => {
    const unit = carrying(scoring885(filledUnit()));
    const sheet = sheetOf(unit, CARRIER_SHEET);
    sheet.values[3][0] = String(sheet.values[3][0]).replace('"min":85', '"min":80');
    const a = analyse(unit);
    expect(a.profileSource).toBe('default');
    expect(issue(a, 'template.settings-unusable', '项目汇总表!A1').message).toBe('工作簿内置的评分方案（隐藏工作表“评分方案（财政局设定）”）已被改动；本次按“全国通用（财预〔2020〕10号）”评分。请向财政局索取原模板，或另选评分方案。');
  });

  test('a carried profile that is not a valid profile names its bad field', () => {
    const a = analyse(carrying(filledUnit(), { profile: { label: 'x', reverseRule: 'none' } }));
    expect(issue(a, 'template.settings-unusable').message).toBe('工作簿内置的评分方案（隐藏工作表“评分方案（财政局设定）”）有误：reverseRule：应为 ratio、linear 之一，现为 "none"；本次按“全国通用（财预〔2020〕10号）”评分。请向财政局索取原模板，或另选评分方案。');
  });
});

describe('the unit-name cell', () => {
  test('the report\'s title takes the unit\'s name from it', () => {
    const unit = carrying(filledUnit());
    const a = analyse(unit);
    expect(a.unitName).toBe(UNIT_NAME);
    expect(summarise(a, unit).document.title).toContain(UNIT_NAME);
    // Without the template's mark the name typed in B2 is not known to be the unit's.
    const plain = filledUnit();
    expect(summarise(analyse(plain), plain).document.title).not.toContain(UNIT_NAME);
  });

  test('rows inserted above it: found again right of its label', () => {
    const unit = carrying(filledUnit());
    insertRows(sheetOf(unit, '项目汇总表'), 1, [['青山镇（盖章）']]);
    expect(unitNameIn(unit, SETTINGS.unitName!)).toBe(UNIT_NAME);
  });

  test('left blank: no name from it (the report asks for one)', () => {
    const unit = carrying(copyBook(countyTemplate()));
    expect(analyse(unit).unitName).toBeNull();
  });
});

describe('comparing with a template that carries a profile', () => {
  test('the unit\'s workbook carries the same: nothing; the settings sheet is not a sheet to compare', () => {
    expect(conform(carrying(countyTemplate()), carrying(filledUnit()))).toEqual([]);
  });

  test('the unit\'s workbook lost it, or carries another', () => {
    const lost = conform(carrying(countyTemplate()), filledUnit());
    expect(lost.map((i) => `${i.rule} ${i.sheet}!${i.cell}`)).toEqual(['template.settings-missing 项目汇总表!A1']);
    const other = conform(carrying(countyTemplate()), carrying(filledUnit(), { ...SETTINGS, profile: { ...COUNTY, label: '另一个县' } }));
    expect(other.map((i) => i.message)).toEqual(['此工作簿内置的评分方案“另一个县”与模板的“某某县2025年模板”不同；对照模板时，未另选评分方案即按模板的评分方案评分。']);
  });

  test('an older copy of the template: a profile of the same name set otherwise, or another unit-name cell, each said as such', () => {
    const template = carrying(countyTemplate());
    const bands = [{ grade: '优', min: 90 }, { grade: '良', min: 80 }, { grade: '中', min: 60 }, { grade: '差', min: 0 }];
    const older = conform(template, carrying(filledUnit(), { ...SETTINGS, profile: { ...COUNTY, gradeBands: bands } }));
    expect(older.map((i) => `${i.rule} ${i.message}`)).toEqual([
      'template.settings-differ 此工作簿内置的评分方案“某某县2025年模板”与模板中的同名方案设置不同（可能是用旧版模板填写的）；对照模板时，未另选评分方案即按模板的评分方案评分。',
    ]);
    const noCell = conform(template, carrying(filledUnit(), { profile: COUNTY }));
    expect(noCell.map((i) => `${i.rule} ${i.severity} ${i.message}`)).toEqual([
      'template.unit-cell-differs info 此工作簿内置的单位名称单元格未设定，模板中为 项目汇总表!B2（可能是用旧版模板填写的）；报告标题中的单位名称按模板的设定读取。',
    ]);
  });
});
