// The in-memory gateway: a plan applied to a snapshot. Tests use it to re-run the engine on its own output.

import type { Plan, WorkbookSnapshot } from '../engine';
import { parseA1 } from '../engine';

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
