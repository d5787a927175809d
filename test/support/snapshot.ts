// Snapshots written by hand in tests: rows of values from A1, with merges and formulas.
import type { Analysis, CellValue, Issue, SheetSnapshot, WorkbookSnapshot } from '../../src/engine';

export function sheet(name: string, values: CellValue[][], extra: Partial<Omit<SheetSnapshot, 'name' | 'values'>> = {}): SheetSnapshot {
  return { ...extra, name, values, formulas: extra.formulas ?? {}, merges: extra.merges ?? [], protected: extra.protected };
}

export function book(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { sheets };
}

/** Issues of one rule, as "sheet!cell" strings: the shape most assertions want. */
export function where(analysis: Analysis, rule: string): string[] {
  return analysis.issues.filter((i: Issue) => i.rule === rule).map((i) => `${i.sheet}!${i.cell}`);
}

export function issue(analysis: Analysis, rule: string, at?: string): Issue {
  const found = analysis.issues.find((i) => i.rule === rule && (at === undefined || `${i.sheet}!${i.cell}` === at));
  if (!found) throw new Error(`no ${rule}${at ? ` at ${at}` : ''}; got:\n${analysis.issues.map((i) => `${i.rule} ${i.sheet}!${i.cell}`).join('\n')}`);
  return found;
}

/** The planned value of a cell, or undefined when nothing is written there. */
export function planned(analysis: Analysis, at: string): number | string | undefined {
  return analysis.plan.writes.find((w) => `${w.sheet}!${w.cell}` === at)?.value;
}

/** A layout from src/samples as the snapshot a gateway would read from it. */
export function fromSpec(spec: import('../../src/samples/layouts').SheetSpec, extra: { protected?: boolean } = {}): SheetSnapshot {
  return { name: spec.name, values: spec.rows, formulas: { ...spec.formulas }, merges: [...spec.merges], protected: extra.protected };
}
