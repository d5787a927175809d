// A plan applied to a snapshot: the workbook as filling would leave it. The report is drafted from it,
// so that it never quotes a figure filling corrects; tests re-run the engine on it.

import { parseA1 } from './address';
import type { Plan } from './model';
import type { WorkbookSnapshot } from './snapshot';

export function applyPlanToSnapshot(snapshot: WorkbookSnapshot, plan: Plan): WorkbookSnapshot {
  const sheets = snapshot.sheets.map((s) => ({ ...s, values: s.values.map((row) => [...row]) }));
  for (const write of plan.writes) {
    const sheet = sheets.find((s) => s.name === write.sheet);
    if (!sheet) throw new Error(`no sheet "${write.sheet}"`);
    const { row, col } = parseA1(write.cell);
    while (sheet.values.length <= row) sheet.values.push([]);
    const line = sheet.values[row];
    while (line.length < col) line.push(null);
    line[col] = write.value;
  }
  return { sheets };
}
