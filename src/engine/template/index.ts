// Conformance: a unit's workbook against the bureau's blank template. Only what the bureau fixed is
// compared (sheets, header columns, fixed texts, 分值, formulas, the rows of its tables); what the unit
// fills in, and rows added to a list, are the unit's own. Pure: two snapshots in, issues out.

import { sortIssues } from '../analyse';
import { Findings } from '../findings';
import { Grid } from '../grid';
import type { Lang } from '../messages';
import type { Issue } from '../model';
import { DEFAULT_PROFILE, type ScoringProfile } from '../profile';
import { isReportSheet } from '../report';
import type { WorkbookSnapshot } from '../snapshot';
import { isCarrierSheet, type UnitNameCell } from './carrier';
import { carriedSettings } from './settings';
import { alignSheet, refMap, SheetComparer, type SegmentContext } from './compare';
import type { FormulaContext } from './formula';
import { type SheetLayout, sheetLayout } from './layout';
import { matchSheets } from './sheets';

export interface ConformOptions {
  /** Header aliases and total labels come from the profile, as in analysis. */
  profile?: ScoringProfile;
  lang?: Lang;
}

function layouts(snapshot: WorkbookSnapshot, profile: ScoringProfile): SheetLayout[] {
  // The report sheet this tool writes is output, in the template or not; the settings sheet is compared apart.
  return snapshot.sheets.filter((s) => !isReportSheet(s) && !isCarrierSheet(s)).map((s) => sheetLayout(new Grid(s), profile));
}

/** The template's settings (its profile) should have come with it into the unit's workbook. */
function compareSettings(template: WorkbookSnapshot, unit: WorkbookSnapshot, findings: Findings, at: string): void {
  const t = carriedSettings(template);
  if (!t?.profile) return;
  const u = carriedSettings(unit);
  const label = t.profile.label[findings.lang];
  if (!u) {
    findings.add('template.settings-missing', at, 0, 0, { label, sheet: t.sheet });
    return;
  }
  // The two are said apart: a unit filling an older copy of the template may differ in either.
  if (JSON.stringify(u.settings?.profile) !== JSON.stringify(t.settings?.profile)) {
    const unitLabel = u.profile?.label[findings.lang] ?? u.sheet;
    findings.add('template.settings-differ', at, 0, 0, { unit: unitLabel, template: label, sameName: unitLabel === label ? 1 : 0 });
  }
  const cell = (c: UnitNameCell | undefined) => (c ? `${c.sheet}!${c.cell}` : '');
  const [uCell, tCell] = [cell(u.settings?.unitName), cell(t.settings?.unitName)];
  if (u.settings && uCell !== tCell) findings.add('template.unit-cell-differs', at, 0, 0, { unit: uCell, template: tCell });
}

export function conform(template: WorkbookSnapshot, unit: WorkbookSnapshot, options: ConformOptions = {}): Issue[] {
  const profile = options.profile ?? DEFAULT_PROFILE;
  const findings = new Findings(options.lang ?? 'zh');
  const units = layouts(unit, profile);
  const { matches, missing, added } = matchSheets(layouts(template, profile), units);

  const first = unit.sheets[0]?.name ?? '';
  compareSettings(template, unit, findings, first);
  for (const t of missing) findings.add('template.sheet-missing', first, 0, 0, { sheet: t.grid.name });
  for (const u of added) findings.add('template.sheet-added', u.grid.name, 0, 0);
  for (const m of matches) {
    if (m.kind === 'renamed') findings.add('template.sheet-renamed', m.unit.grid.name, 0, 0, { template: m.template.grid.name });
    if (m.kind === 'copy') findings.add('template.sheet-copied', m.unit.grid.name, 0, 0, { template: m.template.grid.name });
  }

  const aligned = new Map(matches.map((m) => [m.unit.grid.name.toLowerCase(), { template: m.template.grid.name, contexts: alignSheet(m.template, m.unit) }]));
  for (const { contexts } of aligned.values()) {
    for (const ctx of contexts) {
      const formulas: FormulaContext = {
        map: (sheet) => {
          if (sheet === null) return { templateSheet: ctx.template.grid.name, refs: refMap(contexts, ctx) };
          const other = aligned.get(sheet.toLowerCase());
          return other ? { templateSheet: other.template, refs: refMap(other.contexts, other.contexts[0] as SegmentContext) } : null;
        },
      };
      new SheetComparer(ctx, formulas, findings).run();
    }
  }
  return sortIssues(findings.issues, unit);
}
