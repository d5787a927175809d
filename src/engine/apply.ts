// A plan applied to a snapshot: the workbook as filling would leave it. The report is drafted from it,
// so that it never quotes a figure filling corrects; tests re-run the engine on it.

import { parseA1 } from './address';
import type { Plan } from './model';
import { FORMAT_RATE } from './plan';
import type { WorkbookSnapshot } from './snapshot';

export function applyPlanToSnapshot(snapshot: WorkbookSnapshot, plan: Plan): WorkbookSnapshot {
  const sheets = snapshot.sheets.map((s) => ({ ...s, values: s.values.slice() }));
  // Rows the plan writes are copied before they change; the others are shared with the original, which
  // nothing changes: a snapshot is never written to in place.
  const copied = new Map(sheets.map((s) => [s.name, new Set<number>()]));
  const percents = new Map<string, Set<string>>();
  for (const write of plan.writes) {
    const sheet = sheets.find((s) => s.name === write.sheet);
    if (!sheet) throw new Error(`no sheet "${write.sheet}"`);
    const { row, col } = parseA1(write.cell);
    while (sheet.values.length <= row) sheet.values.push([]);
    const rows = copied.get(sheet.name)!;
    if (!rows.has(row)) {
      sheet.values[row] = [...(sheet.values[row] ?? [])];
      rows.add(row);
    }
    const line = sheet.values[row];
    while (line.length < col) line.push(null);
    line[col] = write.value;
    // A rate is written with a percent format: its fraction reads as the percent it shows.
    if (write.numberFormat === FORMAT_RATE) {
      if (!percents.has(sheet.name)) percents.set(sheet.name, new Set(sheet.percents));
      percents.get(sheet.name)!.add(write.cell);
    }
  }
  for (const sheet of sheets) if (percents.has(sheet.name)) sheet.percents = [...percents.get(sheet.name)!];
  return { sheets };
}
