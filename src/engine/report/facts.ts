// Every figure the report states, computed from the recognised workbook (REPORT.md, RULES.md §2–3).
// The report's sentences only format these; no number is typed twice.

import type { Dec } from '../decimal';
import type { Analysis, Project } from '../model';
import { DEFAULT_PROFILE, getProfile } from '../profile';
import { fold } from '../text';
import { type DepartmentFacts, departmentFacts } from './department-facts';
import { type ProjectFacts, projectFacts, type StatedTotal } from './project-facts';

export interface ReportFacts {
  year: number | null;
  unitName: string | null;
  /** The project part; null when the workbook has no project (a department sheet only). */
  projects: ProjectFacts | null;
  /** The department-wide part; null when the workbook has no department sheet. */
  department: DepartmentFacts | null;
  errors: number;
  warnings: number;
  missingReasons: number;
}

/** The year most often written in titles ("（2025年度）", "2025年度…汇总表"); the later one on a tie. */
export function detectYear(titles: string[]): number | null {
  const counts = new Map<number, number>();
  for (const t of titles) {
    for (const m of fold(t).matchAll(/(20\d{2})\s*年度?/g)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [year, n] of counts) if (best === null || n > (counts.get(best) ?? 0) || (n === counts.get(best) && year > best)) best = year;
  return best;
}

/**
 * The unit named most often in the forms (实施单位) and the list (部门名称); when no table names it, the name a
 * title puts before its year ("青山镇人民政府2025年度部门整体支出绩效自评表"). A form's 主管部门 is not the unit
 * (a township's form names its county department there): with no 实施单位 the unit stays unknown.
 */
function detectUnit(projects: Project[], titles: string[]): string | null {
  return mostOften(projects.map((p) => p.form?.unit || p.listRow?.unit || '')) ?? mostOften(titles.map(unitBeforeYear));
}

/** "东坡镇2025年度项目支出绩效自评汇总表" → 东坡镇; "项目支出绩效自评表（2025年度）" names none. */
function unitBeforeYear(title: string): string {
  const before = /^(.{2,30}?)(20\d{2})\s*年度?/.exec(fold(title).trim())?.[1].trim() ?? '';
  return /[表:：（()]/.test(before) ? '' : before;
}

/** The non-empty name written most often; the first in code-point order on a tie. */
function mostOften(names: string[]): string | null {
  const counts = new Map<string, number>();
  for (const name of names) if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? null;
}

export interface ReportSettings {
  year?: number | null;
  unitName?: string | null;
  /** Texts to look for the unit's name in (sheet titles): the first rows' text. */
  titles?: string[];
  /** A total as the workbook stated it before filling, or null where none was typed. */
  stated?: (sheet: string, row: number, col: number) => Dec | null;
}

export function reportFacts(analysis: Analysis, settings: ReportSettings = {}): ReportFacts {
  const { projects, departments } = analysis.model;
  const profile = getProfile(analysis.profile) ?? DEFAULT_PROFILE;
  const stated = settings.stated ?? (() => null);
  const statedTotals = projects.flatMap((p): StatedTotal[] => {
    const f = p.form;
    if (!f || f.totalRow === null || p.score === null) return [];
    const value = stated(f.sheet, f.totalRow, f.totalCols.score);
    return value !== null && value.minus(p.score).abs().gt(profile.tolerance) ? [{ project: p, stated: value }] : [];
  });
  const d = departments[0];
  const titles = settings.titles ?? [];
  return {
    // The year the analysis used for time targets: as given, or from the titles above the tables.
    year: settings.year ?? analysis.year,
    unitName: settings.unitName || detectUnit(projects, titles),
    projects: projects.length ? projectFacts(projects, profile, statedTotals) : null,
    department: d ? departmentFacts(d, profile, d.totalRow === null ? null : stated(d.sheet, d.totalRow, d.cols.score)) : null,
    errors: analysis.issues.filter((i) => i.severity === 'error').length,
    warnings: analysis.issues.filter((i) => i.severity === 'warning').length,
    missingReasons: analysis.issues.filter((i) => i.rule === 'reason.missing-short' || i.rule === 'reason.missing-over' || i.rule === 'dept.reason-missing').length,
  };
}
