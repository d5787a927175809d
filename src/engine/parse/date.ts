// Time targets (时效指标) are dates, not units (RULES.md §1.4): '12月底前完成', '2023年9月底前',
// '6月30日前', '年底前', '三季度末', '2025-11-20', or an Excel date serial. A text names a span of days
// (a month, a quarter, a day) in a year it may leave out: the year of the evaluation then.

import type { CellValue } from '../snapshot';
import { remembered } from '../remember';
import { fold } from '../text';

/** A month and a day; day null is the month's last day. */
export type MonthDay = [month: number, day: number | null];

/** A date as written: the span of days it names within its year, and whether it is a deadline. */
export interface DateText {
  year: number | null;
  /** First and last day of the span (inclusive). */
  start: MonthDay;
  end: MonthDay;
  /** 前 / 以前 / 之前 / 内 / 截止 / ≤: a deadline, not an event. */
  before: boolean;
  /** A month written alone ('12月'): as a deadline with 前 it reads two ways, before or by that month. */
  monthOnly: boolean;
}

/** Days as day numbers (days since 1970-01-01), both ends included. */
export interface DaySpan {
  first: number;
  last: number;
}

const CN_DIGITS: Record<string, number> = { '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9, '十': 10, '十一': 11, '十二': 12 };

/** Words in front of a date: the deadline ones make it a deadline. */
const LEAD = /^(<=|≤|<|截至|截止|不晚于|不迟于|在|于|已于|已在|计划|力争|预计|确保|须|需|应)+/;
const LEAD_DEADLINE = /(<=|≤|<|截至|截止|不晚于|不迟于)/;
const BEFORE = /^(前|以前|之前|内|以内|止|截止|为止)/;

function cnNumbers(text: string): string {
  // 十二月 → 12月, 三季度 → 3季度: month and quarter names in Chinese numerals.
  return text.replace(/(十二|十一|十|一|二|三|四|五|六|七|八|九)(?=月|季度|季)/g, (n: string) => String(CN_DIGITS[n]));
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function yearOk(year: number | null): boolean {
  return year === null || (year >= 1900 && year <= 2199);
}

function date(year: number | null, start: MonthDay, end: MonthDay, rest: string, lead: boolean, monthOnly = false): DateText {
  return { year, start, end, before: lead || BEFORE.test(rest), monthOnly };
}

const validDay = (year: number | null, month: number, day: number | null) =>
  yearOk(year) && month >= 1 && month <= 12 && (day === null || (day >= 1 && day <= daysIn(year ?? 2000, month)));

type Reader = (m: RegExpExecArray, deadline: boolean) => DateText | null;

/** The forms of a date, most specific first; each regex's last group is the text after the date. */
const FORMS: Array<[string, Reader]> = [
  // 2025-11-20, 2025/11/20, 2025.11
  ['(\\d{4})[-/.](\\d{1,2})(?:[-/.](\\d{1,2}))?(?![\\d.])(.*)$', (m, deadline) => {
    const [year, month, day] = [Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : null];
    return validDay(year, month, day) ? date(year, [month, day ?? 1], [month, day], m[4], deadline, day === null) : null;
  }],
  // (2025年)12月(31日 | 底 | 末 | 上旬 | 中旬 | 下旬)
  ['(?:(\\d{4})年度?)?(\\d{1,2})月份?(?:(\\d{1,2})[日号])?(底|末|上旬|中旬|下旬)?(.*)$', (m, deadline) => {
    const year = m[1] ? Number(m[1]) : null;
    const month = Number(m[2]);
    const day = m[3] ? Number(m[3]) : null;
    if (!validDay(year, month, day)) return null;
    if (day !== null) return date(year, [month, day], [month, day], m[5], deadline);
    const part = m[4];
    if (part === '底' || part === '末') return date(year, [month, null], [month, null], m[5], deadline);
    if (part === '上旬') return date(year, [month, 1], [month, 10], m[5], deadline);
    if (part === '中旬') return date(year, [month, 11], [month, 20], m[5], deadline);
    if (part === '下旬') return date(year, [month, 21], [month, null], m[5], deadline);
    return date(year, [month, 1], [month, null], m[5], deadline, true);
  }],
  // (2025年)(第)3季度(末) · 上半年 · 下半年
  ['(?:(\\d{4})年度?)?(?:第?([1-4])季度?(末|底)?|(上半年|下半年))(.*)$', (m, deadline) => {
    const year = m[1] ? Number(m[1]) : null;
    if (!yearOk(year)) return null;
    const [from, to] = m[2] ? [Number(m[2]) * 3 - 2, Number(m[2]) * 3] : m[4] === '上半年' ? [1, 6] : [7, 12];
    return m[3] ? date(year, [to, null], [to, null], m[5], deadline) : date(year, [from, 1], [to, null], m[5], deadline);
  }],
  // 2025年底 · 2025年内 · 2025年完成
  ['(\\d{4})年度?(?:(底|末)|(?=内|完成|前|以前|之前|以内|实施|完工|建成))(.*)$', (m, deadline) => {
    const year = Number(m[1]);
    if (!yearOk(year)) return null;
    return m[2] ? date(year, [12, null], [12, null], m[3], deadline) : yearLong(year);
  }],
  // 年底前 · 年末 · 年内 · 当年 · 本年度
  ['(年底|年末|年内|当年|本年度?)(.*)$', (m, deadline) =>
    m[1] === '年底' || m[1] === '年末' ? date(null, [12, null], [12, null], m[2], deadline) : yearLong(null)],
];

/** 年内 / 2025年完成: by the year's end as a deadline; the whole year as a completion. */
function yearLong(year: number | null): DateText {
  return { year, start: [1, 1], end: [12, null], before: true, monthOnly: false };
}

const COMPILED = new Map<string, RegExp>();

/**
 * The date a text names, or null. A target must start with it ('12月底前完成'); an actual value may
 * name it anywhere ('项目于2024年3月完工') when `anywhere` is set.
 */
export function parseDateText(raw: string, anywhere = false): DateText | null {
  return anywhere ? datesAnywhere(raw) : datesAtStart(raw);
}

/** A text's date is shared by every cell that holds the same text: read it, never change it. */
const datesAtStart = remembered((raw: string) => readDateText(raw, false));
const datesAnywhere = remembered((raw: string) => readDateText(raw, true));

function readDateText(raw: string, anywhere: boolean): DateText | null {
  let text = cnNumbers(fold(raw).replace(/\s+/g, ''));
  const lead = LEAD.exec(text);
  const deadline = lead !== null && LEAD_DEADLINE.test(lead[0]);
  if (lead) text = text.slice(lead[0].length);
  for (const [source, read] of FORMS) {
    const key = `${anywhere ? '' : '^'}${source}`;
    let re = COMPILED.get(key);
    if (!re) COMPILED.set(key, (re = new RegExp(key)));
    const m = re.exec(text);
    // A figure right before it is another number ('112月' is no month).
    if (!m || (m.index > 0 && /\d$/.test(text.slice(0, m.index)))) continue;
    const found = read(m, deadline);
    if (found) return found;
  }
  return null;
}

/** An Excel date serial (a date-formatted cell) as a day number; null for numbers that are no date. */
export function serialDay(value: number): number | null {
  // 1900-01-01 … 2199-12-31 in Excel's 1900 system; serial 25569 is 1970-01-01.
  if (!Number.isInteger(value) || value < 367 || value > 109574) return null;
  return value - 25569;
}

function dayNumber(year: number, [month, day]: MonthDay): number {
  return Math.round(Date.UTC(year, month - 1, day ?? daysIn(year, month)) / 86400000);
}

/** The days a completion names, in `year` when it writes none. */
export function completionSpan(d: DateText, year: number): DaySpan {
  const y = d.year ?? year;
  return { first: dayNumber(y, d.start), last: dayNumber(y, d.end) };
}

/**
 * The last day a target allows. '12月底前', '6月30日前', '11月完成', '三季度末' allow one day; '12月前'
 * reads as before December or by December, so it spans [30 November, 31 December].
 */
export function deadlineSpan(d: DateText, year: number): DaySpan {
  const y = d.year ?? year;
  const last = dayNumber(y, d.end);
  return d.before && d.monthOnly ? { first: dayNumber(y, d.start) - 1, last } : { first: last, last };
}

/** A day number as a clerk writes it: 2025年12月31日. */
/** A day as Chinese text writes it ("2025年12月31日"), or in ISO form for English ("2025-12-31"). */
export function formatDay(day: number, lang: 'zh' | 'en' = 'zh'): string {
  const d = new Date(day * 86400000);
  if (lang === 'en') return d.toISOString().slice(0, 10);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

export type DateComparison =
  | { kind: 'met' | 'missed'; deadline: DaySpan }
  | { kind: 'unclear'; reason: 'no-year' | 'overlap' };

/**
 * A completion (a date text, or a day number from a date cell) against a deadline. `year` is the
 * evaluation year for texts that write none; when it is unknown, a text with a year and one without
 * cannot be compared.
 */
export function compareDates(target: DateText, done: DateText | number, year: number | null): DateComparison {
  const doneHasYear = typeof done === 'number' || done.year !== null;
  if (year === null && (target.year !== null) !== doneHasYear) return { kind: 'unclear', reason: 'no-year' };
  // Neither writes a year and none is known: the same year; a leap one, so that 2月29日 is a date.
  const base = year ?? target.year ?? 2000;
  const deadline = deadlineSpan(target, base);
  const span = typeof done === 'number' ? { first: done, last: done } : completionSpan(done, base);
  if (span.last <= deadline.first) return { kind: 'met', deadline };
  if (span.first > deadline.last) return { kind: 'missed', deadline };
  return { kind: 'unclear', reason: 'overlap' };
}

/** A completion as a cell holds it: a date text anywhere in it, or an Excel date serial. */
export function parseCompletion(value: CellValue): DateText | number | null {
  if (typeof value === 'number') return serialDay(value);
  if (typeof value !== 'string') return null;
  return parseDateText(value, true);
}
