// The CLI's native deflater writes the same parts as the web page's fflate, and the report drafted from an
// analysis a door already has is the report drafted without it.
import { inflateRawSync } from 'zlib';
import { analyse, applyPlanToSnapshot, draftReport } from '../../src/engine';
import { applyPlan, readWorkbookSync, workbookBytes, writeSummary } from '../../src/gateways/xlsx';
import { nodeDeflater } from '../../src/cli/deflate';
import { formSheet, indicatorListSheet, projectListSheet, type ProjectSpec } from '../../src/samples/layouts';
import { specsToWorkbook } from '../../src/samples/write';
import { parts } from '../support/packages';

const indicators = [
  { l1: '产出指标', l2: '数量指标', l3: '完成数量', target: '≥100个', actual: '96个', weight: 30, reason: '' },
  { l1: '效益指标', l2: '社会效益指标', l3: '群众受益', target: '明显', actual: '效果明显', weight: 30 },
  { l1: '满意度指标', l2: '服务对象满意度指标', l3: '群众满意度', target: '≥90%', actual: '93%', weight: 30 },
];
const projects: ProjectSpec[] = Array.from({ length: 12 }, (_, i) => ({ name: `项目${i + 1}`, initial: 50, budget: 50 + i, executed: 40 + i, indicators }));

async function workbook(): Promise<Uint8Array> {
  const specs = [projectListSheet('项目汇总表', '汇总表', projects), indicatorListSheet('绩效指标表', '指标表', projects.slice(2)), formSheet('自评表', projects.slice(0, 2), 2025, '某县')];
  return new Uint8Array(await specsToWorkbook(specs).xlsx.writeBuffer());
}

function filled(bytes: Uint8Array, deflater?: typeof nodeDeflater): Uint8Array {
  const opened = readWorkbookSync(bytes, 'test.xlsx');
  const a = analyse(opened.snapshot);
  const summary = draftReport(applyPlanToSnapshot(opened.snapshot, a.plan))!;
  applyPlan(opened, a.plan);
  writeSummary(opened, summary.sheet);
  return workbookBytes(opened, deflater);
}

test('zlib and fflate write the same parts, in the same order', async () => {
  expect(nodeDeflater).toBeDefined(); // Node 20.15 and later have zlib.crc32
  const bytes = await workbook();
  const native = parts(filled(bytes, nodeDeflater));
  const portable = parts(filled(bytes));
  expect(Object.keys(native)).toEqual(Object.keys(portable));
  for (const name of Object.keys(portable)) expect(Buffer.from(native[name]).equals(Buffer.from(portable[name]))).toBe(true);
  // The file reads back as what was written: filled, nothing more to fill.
  expect(analyse(readWorkbookSync(filled(bytes, nodeDeflater), 'out.xlsx').snapshot).plan.writes).toEqual([]);
});

test('the deflater gives raw deflate data and the CRC-32 of its input', () => {
  const data = new TextEncoder().encode('<c r="A1"><v>1</v></c>'.repeat(100));
  const deflated = nodeDeflater!.deflate(data);
  expect(Buffer.from(inflateRawSync(deflated)).equals(Buffer.from(data))).toBe(true);
  expect(nodeDeflater!.crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
});

test('a report drafted with the analysis in hand is the report drafted without it', async () => {
  const snapshot = readWorkbookSync(await workbook(), 'test.xlsx').snapshot;
  const a = analyse(snapshot);
  expect(a.plan.writes.length).toBeGreaterThan(0);
  expect(draftReport(snapshot, {}, a)).toEqual(draftReport(snapshot));
  // A filled workbook has nothing left to fill: its own analysis is the one the report is drafted from.
  const done = applyPlanToSnapshot(snapshot, a.plan);
  expect(draftReport(done, {}, analyse(done))).toEqual(draftReport(done));
});
