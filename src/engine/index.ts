// The engine's public surface: what gateways and doors may use.
export { analyse, sortIssues, unfilledCount, UnknownProfileError } from './analyse';
export { toA1, parseA1, parseArea, areaToA1 } from './address';
export { PROFILES, DEPRECATED_PROFILES, DEFAULT_PROFILE, getProfile } from './profile';
export type { ScoringProfile, ScoringStandard, DepartmentTable } from './profile';
export type { CellValue, SheetSnapshot, WorkbookSnapshot } from './snapshot';
export type {
  Analysis, AnalyseOptions, CellWrite, Issue, Model, Plan, Project, Indicator, Form, WriteKind, Department, DepartmentItem, DepartmentItemKind,
  DepartmentCategory,
} from './model';
export type { Lang, Severity, RuleId } from './messages';
export { RULES } from './messages';
export { summarise, isReportSheet, reportText, reportMarkdown, headerLines, DEFAULT_SUMMARY_SHEET, REPORT_SUBTITLE } from './report';
export { draftReport, nothingToReport, recognisedAny } from './report/draft';
export { applyPlanToSnapshot } from './apply';
export type { Summary, SummaryOptions, SheetDescription, SheetCell, CellStyle, ChartDescription, ReportDocument, ReportFacts, Block, Column, ColumnFormat, TableValue } from './report';
export { displayValue } from './plan';
export { conform } from './template';
export type { ConformOptions } from './template';
export { CARRIER_SHEET, carrierSheet, isCarrierSheet, readCarrier, withoutCarrier } from './template/carrier';
export type { TemplateSettings, UnitNameCell } from './template/carrier';
export { carriedSettings, labelLeftOf, unitNameIn } from './template/settings';
export type { CarriedSettings } from './template/settings';
export { profileFromJson, profileFromText, problemText } from './profile-file';
export type { ProfileProblem, ProfileFileResult } from './profile-file';
