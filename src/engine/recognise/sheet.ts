// Every table of one sheet, in the order analysis needs them: forms first, then the lists in the rows
// no form takes, then the department sheet in the rows no table takes.

import type { Findings } from '../findings';
import type { Grid } from '../grid';
import type { Department, Form, IndicatorList, ProjectList } from '../model';
import type { ScoringProfile } from '../profile';
import { findDepartment } from './department';
import { findForms } from './form';
import { findLists } from './lists';

export interface RecognisedSheet {
  forms: Form[];
  lists: ProjectList[];
  indicatorLists: IndicatorList[];
  department: Department | null;
}

export function recogniseSheet(grid: Grid, profile: ScoringProfile, findings: Findings): RecognisedSheet {
  const forms = findForms(grid, profile, findings);
  const taken: Array<[number, number]> = forms.map((f) => [f.top, f.bottom]);
  const tables = findLists(grid, profile, findings, taken);
  for (const l of tables.lists) taken.push([l.headerRow, Math.max(l.totalRow ?? 0, ...l.rows.map((r) => r.row))]);
  for (const l of tables.indicatorLists) taken.push([l.headerRow, Math.max(l.headerRow, ...l.indicators.map((i) => i.row))]);
  const department = findDepartment(grid, profile, findings, (row) => taken.some(([top, bottom]) => row >= top && row <= bottom));
  return { forms, lists: tables.lists, indicatorLists: tables.indicatorLists, department };
}
