// The engine's one entry: snapshot in; recognised model, issues and plan out. Pure and deterministic.

import { parseA1 } from './address';
import { evaluateIndicator } from './compute/indicator';
import { computeForm } from './compute/form';
import { assembleProjects } from './compute/project';
import { Findings } from './findings';
import { Grid } from './grid';
import { computeDepartment } from './compute/department';
import type { Analysis, AnalyseOptions, Department, Form, Issue, IndicatorList, Model, ProjectList } from './model';
import { PlanBuilder } from './plan';
import { DEFAULT_PROFILE, getProfile, PROFILES, type ScoringProfile } from './profile';
import { isClassified } from './recognise/indicators';
import { type RecognisedSheet, recogniseSheet } from './recognise/sheet';
import { isReportSheet } from './report';
import { detectYear } from './report/facts';
import type { WorkbookSnapshot } from './snapshot';
import { isCarrierSheet, type UnitNameCell } from './template/carrier';
import { type CarriedSettings, carriedSettings, unitNameIn } from './template/settings';

export class UnknownProfileError extends Error {
  constructor(readonly profile: string) {
    super(`unknown scoring profile "${profile}" (known: ${Object.keys(PROFILES).join(', ')})`);
  }
}

/** Tables left as the template gave them. */
export function unfilledCount(model: Pick<Model, 'unfilled'>): number {
  return model.unfilled.forms.length + model.unfilled.indicatorLists.length + model.unfilled.departments.length;
}

export function analyse(snapshot: WorkbookSnapshot, options: AnalyseOptions = {}): Analysis {
  const findings = new Findings(options.lang ?? 'zh');
  const { profile, source, carried } = chooseProfile(snapshot, options, findings);
  // The report sheet this tool wrote holds a project table too: it is output, not input; the template's
  // settings sheet is no table at all.
  const grids = new Map(snapshot.sheets.filter((s) => !isReportSheet(s) && !isCarrierSheet(s)).map((s) => [s.name, new Grid(s)] as const));

  const forms: Form[] = [];
  const lists: ProjectList[] = [];
  const indicatorLists: IndicatorList[] = [];
  const departments: Array<{ grid: Grid; department: Department }> = [];
  // Left as the template gave them: said at recognition, neither checked nor computed.
  const unfilled: Model['unfilled'] = { forms: [], indicatorLists: [], departments: [] };
  const titles: string[] = [];
  for (const grid of grids.values()) {
    const tables = recogniseSheet(grid, profile, findings);
    for (const f of tables.forms) (f.blank ? unfilled.forms : forms).push(f);
    lists.push(...tables.lists);
    for (const l of tables.indicatorLists) (l.blank ? unfilled.indicatorLists : indicatorLists).push(l);
    if (tables.department?.blank) unfilled.departments.push(tables.department);
    else if (tables.department) departments.push({ grid, department: tables.department });
    titles.push(...titlesAbove(grid, tables));
  }
  // Messages about a project's rows name the project.
  for (const l of lists) for (const r of l.rows) findings.subject(l.sheet, r.row, r.name, r.classified);
  for (const f of forms) for (let row = f.top; row <= f.bottom; row++) findings.subject(f.sheet, row, f.name, isClassified(f.name, profile));
  for (const l of indicatorLists) for (const i of l.indicators) findings.subject(i.sheet, i.row, i.project, i.classified);
  for (const { department: d } of departments) for (const i of d.items) findings.subject(d.sheet, i.row, i.level3 || i.level2 || i.level1, false, 'item');

  // Time targets without a year are in the year of the evaluation: as given, or as the titles say.
  const year = options.year ?? detectYear(titles);
  const indicators = [...forms.flatMap((f) => f.indicators), ...indicatorLists.flatMap((l) => l.indicators)];
  for (const ind of indicators) evaluateIndicator(ind, profile, findings, year);

  const plan = new PlanBuilder(grids, findings);
  const formScores = forms.map((form) => computeForm(form, profile, findings, plan));
  const projects = assembleProjects({ lists, forms, formScores, indicatorLists }, profile, findings, plan);
  for (const { grid, department } of departments) computeDepartment(grid, department, profile, findings, plan);

  if (forms.length + lists.length + indicatorLists.length + departments.length + unfilledCount({ unfilled }) === 0) {
    findings.add('workbook.no-table', snapshot.sheets[0]?.name ?? '', 0, 0);
  } else if (projects.length === 0 && departments.length === 0 && indicators.length === 0) {
    // The bureau's template sent back as it came: each blank table was said, but the workbook as a whole goes back.
    findings.add('workbook.nothing-filled', snapshot.sheets[0]?.name ?? '', 0, 0);
  }
  const built = plan.build(); // may add the protected-sheet issues: before the issues are sorted
  return {
    model: { projects, departments: departments.map((d) => d.department), forms, lists, indicatorLists, indicators, unfilled },
    issues: sortIssues(findings.issues, snapshot),
    plan: built,
    profile: profile.name,
    profileLabel: profile.label,
    profileSource: source,
    unitName: unitName(snapshot, carried?.settings?.unitName ?? options.unitNameCell),
    year,
  };
}

/**
 * The texts of the title rows above a sheet's first table ("2025年度…汇总表", "（2025年度）"), at most the
 * first three rows: a year written in a table's rows is data (a completion date), never the evaluation's.
 * A sheet without a table has no title to read.
 */
function titlesAbove(grid: Grid, tables: RecognisedSheet): string[] {
  const tops = [
    ...tables.forms.map((f) => f.top), ...tables.lists.map((l) => l.headerRow), ...tables.indicatorLists.map((l) => l.headerRow),
    ...(tables.department ? [tables.department.top] : []),
  ];
  if (tops.length === 0) return [];
  return grid.rows(0, Math.min(3, ...tops)).flatMap((row) => grid.cols(row).map((col) => grid.value(row, col)).filter((v): v is string => typeof v === 'string'));
}

function unitName(snapshot: WorkbookSnapshot, cell: UnitNameCell | undefined): string | null {
  return cell ? unitNameIn(snapshot, cell) : null;
}

/**
 * The profile to score by: the one asked for, else the one the workbook carries from its template, else
 * the national default. A carried profile that cannot be used, or is set aside, is said.
 */
function chooseProfile(snapshot: WorkbookSnapshot, options: AnalyseOptions, findings: Findings): { profile: ScoringProfile; source: Analysis['profileSource']; carried: CarriedSettings | null } {
  const carried = carriedSettings(snapshot);
  const first = snapshot.sheets[0]?.name ?? '';
  let profile: ScoringProfile | null = null;
  if (options.profile !== undefined) {
    profile = typeof options.profile === 'string' ? getProfile(options.profile) : options.profile;
    if (!profile) throw new UnknownProfileError(options.profile as string);
  }
  if (carried?.problem) {
    const used = (profile ?? DEFAULT_PROFILE).label[findings.lang];
    findings.add('template.settings-unusable', first, 0, 0, { sheet: carried.sheet, problem: carried.problem, detail: carried.problems[0]?.[findings.lang] ?? '', used });
  } else if (carried?.profile && profile && JSON.stringify(profile) !== JSON.stringify(carried.profile)) {
    findings.add('template.settings-set-aside', first, 0, 0, { carried: carried.profile.label[findings.lang], used: profile.label[findings.lang] });
  }
  if (profile) return { profile, source: 'chosen', carried };
  if (carried?.profile) return { profile: carried.profile, source: 'workbook', carried };
  return { profile: DEFAULT_PROFILE, source: 'default', carried };
}

/** By sheet order, then row, then column: the order a reader walks the workbook. */
export function sortIssues(issues: Issue[], snapshot: WorkbookSnapshot): Issue[] {
  const order = new Map(snapshot.sheets.map((s, i) => [s.name, i]));
  return issues
    .map((issue, index) => ({ issue, index, sheet: order.get(issue.sheet) ?? 0, p: parseA1(issue.cell) }))
    .sort((a, b) => a.sheet - b.sheet || a.p.row - b.p.row || a.p.col - b.p.col || a.index - b.index)
    .map((x) => x.issue);
}
