// The report as .docx: header lines with blanks, and table headers that never break inside a word.
import JSZip from 'jszip';
import { draftReport, headerLines, type ReportDocument } from '../../src/engine';
import { columnWidths, reportDocx } from '../../src/gateways/docx';
import { sampleSheets } from '../../src/samples/township';
import { book, fromSpec } from '../support/snapshot';

const sample = () => draftReport(book(...sampleSheets().map((s) => fromSpec(s))))!.document;

/** The header rows of the document's tables: for each header cell, its text runs. */
async function headerCells(doc: ReportDocument): Promise<string[][]> {
  const xml = await (await JSZip.loadAsync(await reportDocx(doc))).file('word/document.xml')!.async('string');
  const rows = [...xml.matchAll(/<w:tr>(?:(?!<\/w:tr>).)*?<w:tblHeader\/>(?:(?!<\/w:tr>).)*<\/w:tr>/gs)].map((m) => m[0]);
  return rows.flatMap((row) => [...row.matchAll(/<w:tc>.*?<\/w:tc>/gs)].map((cell) => [...cell[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1])));
}

test('headers break only between words, where they break at all', () => {
  expect(headerLines('自评得分')).toEqual(['自评得分']);
  expect(headerLines('资金数额（万元）')).toEqual(['资金数额', '（万元）']);
  expect(headerLines('绩效目标实现程度')).toEqual(['绩效目标', '实现程度']);
  expect(headerLines('一级指标')).toEqual(['一级指标']);
});

test('every table header cell is its title whole or its title at its word breaks (no 自评得/分)', async () => {
  const doc = sample();
  const titles = doc.blocks.flatMap((b) => (b.kind === 'table' ? b.columns.map((c) => c.title) : []));
  const cells = await headerCells(doc);
  expect(cells).toHaveLength(titles.length);
  cells.forEach((runs, i) => expect([[titles[i]], headerLines(titles[i])]).toContainEqual(runs));
  expect(cells.find((runs) => runs.join('') === '自评得分')).toEqual(['自评得分']);
});

test('columns are at least as wide as their header\'s longest line and their longest number', () => {
  const table = sample().blocks.find((b) => b.kind === 'table' && b.caption === '项目自评结果');
  if (table?.kind !== 'table') throw new Error('no project table');
  const widths = columnWidths(table);
  // 10.5 pt: a CJK character is 210 twips; cell margins 216.
  expect(widths[4]).toBeGreaterThanOrEqual(4 * 210 + 216); // 自评得分 on one line
  expect(widths[2]).toBeGreaterThanOrEqual(10 * 105 + 216); // 1759.62291
  expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(11906 - 1588 - 1474);
  expect(widths[1]).toBe(Math.max(...widths)); // the names get the room
});

test('the header lines are blanks to fill', async () => {
  const xml = await (await JSZip.loadAsync(await reportDocx(sample()))).file('word/document.xml')!.async('string');
  for (const label of ['单位（盖章）：', '填报人：', '联系电话：', '填报日期：']) expect(xml).toContain(`>${label}<`);
});
