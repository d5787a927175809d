// What a workbook carries from its template: the county's scoring profile and the unit-name cell,
// read from the carrier sheet and checked as a profile file is.

import { parseA1 } from '../address';
import { Grid } from '../grid';
import { type ProfileProblem, profileFromJson } from '../profile-file';
import type { ScoringProfile } from '../profile';
import type { WorkbookSnapshot } from '../snapshot';
import { labelKey } from '../text';
import { readCarrier, type TemplateSettings, type UnitNameCell } from './carrier';

export type SettingsProblem = 'changed' | 'unreadable' | 'newer' | 'invalid';

export interface CarriedSettings {
  /** The carrier sheet's name. */
  sheet: string;
  settings: TemplateSettings | null;
  /** The profile, when it could be read and is valid. */
  profile: ScoringProfile | null;
  problem: SettingsProblem | null;
  problems: ProfileProblem[];
}

export function carriedSettings(snapshot: WorkbookSnapshot): CarriedSettings | null {
  const read = readCarrier(snapshot);
  if (!read) return null;
  if ('problem' in read) return { sheet: read.sheet, settings: null, profile: null, problem: read.problem, problems: [] };
  const result = profileFromJson(read.settings.profile);
  if ('problems' in result) return { sheet: read.sheet, settings: read.settings, profile: null, problem: 'invalid', problems: result.problems };
  return { sheet: read.sheet, settings: read.settings, profile: result.profile, problem: null, problems: [] };
}

/**
 * The unit's name from the cell the template marks. Where the unit moved it (rows inserted above), the
 * template's label finds it again: the value is the next filled cell right of the label.
 */
export function unitNameIn(snapshot: WorkbookSnapshot, cell: UnitNameCell): string | null {
  const sheet = snapshot.sheets.find((s) => s.name === cell.sheet);
  if (!sheet) return null;
  const grid = new Grid(sheet);
  const label = labelKey(cell.label);
  const valueRightOf = (row: number, col: number): string | null => {
    const next = grid.nextFilledRight(row, col);
    return next >= 0 ? grid.text(row, next) : null;
  };
  const at = parseA1(cell.cell);
  const area = grid.merge(at.row, at.col);
  const there = area ? grid.text(area.top, area.left) : grid.text(at.row, at.col);
  if (!label) return there || null;
  // The marked cell still sits right of its label: take it as it is.
  for (let c = at.col - 1; c >= 0; c--) {
    if (grid.isMergedTail(at.row, c) || grid.text(at.row, c) === '') continue;
    if (grid.label(at.row, c) === label) return there || null;
    break;
  }
  for (let r = 0; r < grid.rowCount; r++) {
    for (let c = 0; c < grid.colCount; c++) {
      if (!grid.isMergedTail(r, c) && grid.label(r, c) === label) return valueRightOf(r, c);
    }
  }
  return there || null;
}

/** The label a template shows left of a cell ("单位名称："), for `UnitNameCell.label`; '' when none. */
export function labelLeftOf(snapshot: WorkbookSnapshot, sheetName: string, address: string): string {
  const sheet = snapshot.sheets.find((s) => s.name === sheetName);
  if (!sheet) return '';
  const grid = new Grid(sheet);
  const at = parseA1(address);
  const area = grid.merge(at.row, at.col);
  const left = area ? area.left : at.col;
  for (let c = left - 1; c >= 0; c--) {
    if (!grid.isMergedTail(at.row, c) && grid.text(at.row, c) !== '') return grid.text(at.row, c);
  }
  return '';
}
