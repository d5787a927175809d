// A county's scoring profile as a bureau writes it (county.json, schema/profile.schema.json): a preset
// to start from and the settings that differ. Every bad field gets its own message that names it, says
// what it should be and what it is; nothing is half applied. Pure: parsed JSON in, a profile out.

import type { Lang } from './messages';
import { parseStandard } from './parse/standard';
import {
  type BaseField, DEPRECATED_PROFILES, type DepartmentField, type DepartmentRate, type FundField, type FundRowKind,
  type IndicatorField, type ProjectField, PROFILES, type QualitativeGrade, type ScoringProfile,
} from './profile';

export interface ProfileProblem {
  /** Where in the file: "gradeBands[1].min". */
  path: string;
  zh: string;
  en: string;
}

export type ProfileFileResult = { profile: ScoringProfile } | { problems: ProfileProblem[] };

type Json = unknown;
type Check = (value: Json, path: string, out: ProfileProblem[]) => boolean;

const KIND_ZH: Record<string, string> = { number: '数字', string: '文字', boolean: '布尔值（true 或 false）', array: '列表', object: '对象' };

function kindOf(value: Json): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return typeof value;
}

function shown(value: Json): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function problem(out: ProfileProblem[], path: string, zh: string, en: string): false {
  out.push({ path, zh: path ? `${path}：${zh}` : zh, en: path ? `${path}: ${en}` : en });
  return false;
}

const typed = (kind: string): Check => (value, path, out) =>
  kindOf(value) === kind || problem(out, path, `应为${KIND_ZH[kind]}，现为 ${shown(value)}`, `should be a ${kind}, is ${shown(value)}`);

function number(min: number, max: number, { above = false } = {}): Check {
  return (value, path, out) => {
    if (!typed('number')(value, path, out)) return false;
    const n = value as number;
    const low = above ? n > min : n >= min;
    if (Number.isFinite(n) && low && n <= max) return true;
    const zhRange = above ? `大于${min}、不超过${max}` : `${min}～${max}`;
    const enRange = above ? `above ${min} and at most ${max}` : `between ${min} and ${max}`;
    return problem(out, path, `应为${zhRange}之间的数，现为 ${shown(n)}`, `should be a number ${enRange}, is ${shown(n)}`);
  };
}

const share = number(0, 1);

function oneOf(values: readonly string[]): Check {
  return (value, path, out) => {
    if (typeof value === 'string' && values.includes(value)) return true;
    return problem(out, path, `应为 ${values.join('、')} 之一，现为 ${shown(value)}`, `should be one of ${values.join(', ')}, is ${shown(value)}`);
  };
}

const text: Check = (value, path, out) =>
  (typed('string')(value, path, out) && (value as string).trim() !== '') || (typeof value === 'string' && problem(out, path, '不能为空', 'must not be empty'));

function list(item: Check, minItems = 0): Check {
  return (value, path, out) => {
    if (!typed('array')(value, path, out)) return false;
    const items = value as Json[];
    let ok = items.map((v, i) => item(v, `${path}[${i}]`, out)).every(Boolean);
    if (items.length < minItems) ok = problem(out, path, `至少需要${minItems}项`, `needs at least ${minItems} items`);
    return ok;
  };
}

/** An object with known keys: each key checked, an unknown key named with the keys it could be. */
function shape(fields: Record<string, Check>, required: string[] = []): Check {
  return (value, path, out) => {
    if (!typed('object')(value, path, out)) return false;
    const obj = value as Record<string, Json>;
    let ok = true;
    const at = (key: string) => (path ? `${path}.${key}` : key);
    for (const key of required) if (!(key in obj)) ok = problem(out, at(key), '缺少此项', 'is missing');
    for (const [key, v] of Object.entries(obj)) {
      if (key === '$schema' && !path) continue;
      const check = fields[key];
      if (!check) ok = problem(out, at(key), `不是可用的设置；可用：${Object.keys(fields).join('、')}`, `is not a setting; known: ${Object.keys(fields).join(', ')}`);
      else ok = check(v, at(key), out) && ok;
    }
    return ok;
  };
}

/** An object whose keys are free (labels) or from a list, all values checked alike. */
function record(value: Check, keys?: readonly string[]): Check {
  const fields = keys ? Object.fromEntries(keys.map((k) => [k, value])) : null;
  return (v, path, out) => {
    if (fields) return shape(fields)(v, path, out);
    if (!typed('object')(v, path, out)) return false;
    return Object.entries(v as Record<string, Json>).map(([k, x]) => (k.trim() !== '' || problem(out, path, '名称不能为空', 'has an empty name')) && value(x, `${path}.${k}`, out)).every(Boolean);
  };
}

const standard: Check = (value, path, out) =>
  text(value, path, out) && (parseStandard(value as string) !== null
    || problem(out, path, `评分标准“${value}”无法识别；请写成“执行率×分值”“每低于1个百分点扣0.5分，扣完为止”“≥95%得10分；90%(含)-95%得8分”或“未公开的不得分”等形式`,
      `the scoring standard "${value}" cannot be read; write it as 执行率×分值, 每低于1个百分点扣0.5分，扣完为止, ≥95%得10分；90%(含)-95%得8分 or 未公开的不得分`));

const gradeBands: Check = (value, path, out) => {
  if (!list(shape({ grade: text, min: number(0, 100) }, ['grade', 'min']), 2)(value, path, out)) return false;
  const bands = value as Array<{ grade: string; min: number }>;
  let ok = true;
  for (let i = 1; i < bands.length; i++) {
    if (!(bands[i].min < bands[i - 1].min)) ok = problem(out, `${path}[${i}].min`, `应低于上一等级的下限${bands[i - 1].min}（等级从高到低排列）`, `must be below the previous grade's ${bands[i - 1].min} (grades go from highest to lowest)`);
  }
  if (bands[bands.length - 1].min !== 0) ok = problem(out, `${path}[${bands.length - 1}].min`, '最低等级的下限应为0，使每个分数都有等级', 'the lowest grade must start at 0, so that every score has a grade');
  const names = bands.map((b) => b.grade);
  names.forEach((g, i) => {
    if (names.indexOf(g) !== i) ok = problem(out, `${path}[${i}].grade`, `等级“${g}”重复`, `grade "${g}" appears twice`);
  });
  return ok;
};

const qualitativeBands: Check = (value, path, out) => {
  if (!shape({ achieved: number(0, 1, { above: true }), partial: number(0, 1, { above: true }) }, ['achieved', 'partial'])(value, path, out)) return false;
  const b = value as { achieved: number; partial: number };
  return b.partial < b.achieved || problem(out, `${path}.partial`, `应低于 achieved（${b.achieved}）`, `must be below achieved (${b.achieved})`);
};

const labels = list(text);
const aliases = <F extends string>(fields: readonly F[]) => record(labels, fields);

const PROJECT_FIELDS: ProjectField[] = ['seq', 'unit', 'name', 'category', 'initialBudget', 'budget', 'executed', 'executionRate', 'achievement', 'score', 'grade', 'note', 'goal', 'outcome'];
const INDICATOR_FIELDS: IndicatorField[] = ['project', 'level1', 'level2', 'level3', 'nature', 'measure', 'target', 'actual', 'weight', 'score', 'reason'];
const FUND_FIELDS: FundField[] = ['initialBudget', 'budget', 'executed', 'weight', 'executionRate', 'score'];
const FUND_ROWS: FundRowKind[] = ['total', 'appropriation', 'carryOver', 'other'];
const DEPARTMENT_FIELDS: DepartmentField[] = ['level1', 'level2', 'level3', 'standard', 'weight', 'score', 'applicable', 'reason'];
const BASE_FIELDS: BaseField[] = [
  'initialBudget', 'budget', 'executed', 'revenueBudget', 'revenueFinal', 'appropriation', 'carryOverStart', 'carryOverEnd',
  'procurementBudget', 'procurementActual', 'publicBudget', 'publicActual', 'threeBudget', 'threeActual', 'threeLastYear', 'staffQuota', 'staffActual',
];
export const DEPARTMENT_RATES: DepartmentRate[] = [
  'executionRate', 'adjustmentRate', 'carryOverRate', 'finalVarianceRate', 'procurementRate', 'publicCostRate', 'threeCostRate', 'threeCostChange', 'staffRate',
];
const GRADES: QualitativeGrade[] = ['achieved', 'partial', 'notAchieved'];

/** Settings whose lists add to the base preset's (more header spellings, more phrases) rather than replace them. */
const ADDED = ['projectHeaders', 'indicatorHeaders', 'fundHeaders', 'fundRows', 'departmentHeaders', 'departmentBase', 'departmentRates', 'qualitativePhrases', 'totalLabels', 'classifiedMarks'] as const;

const FIELDS: Record<string, Check> = {
  name: (v, p, out) => (typed('string')(v, p, out) && /^[a-z0-9][a-z0-9-]{0,39}$/.test(v as string))
    || (typeof v === 'string' && problem(out, p, `应为小写字母、数字和连字符（如 mouxian-2025），现为 ${shown(v)}`, `should be lower-case letters, digits and hyphens (like mouxian-2025), is ${shown(v)}`)),
  label: (v, p, out) => (typeof v === 'string' ? text(v, p, out) : shape({ zh: text, en: text }, ['zh', 'en'])(v, p, out)),
  base: oneOf([...Object.keys(PROFILES), ...Object.keys(DEPRECATED_PROFILES)]),
  executionWeight: number(0, 100),
  level1Weights: record(number(0, 100)),
  capExecutionScore: typed('boolean'),
  reverseRule: oneOf(['ratio', 'linear']),
  overAchievementRatio: number(1, 10, { above: true }),
  qualitativeBands,
  qualitativeDefaults: shape(Object.fromEntries(GRADES.map((g) => [g, share])), GRADES),
  gradeBands,
  tolerance: number(0, 1),
  consistencyMargin: share,
  lowExecutionRate: share,
  carryOverBase: oneOf(['available', 'executed']),
  departmentTable: shape({
    bonusLabels: labels,
    deductionLabels: labels,
    categories: labels,
    standards: record(standard),
    absoluteRates: list(oneOf(DEPARTMENT_RATES)),
  }),
  projectHeaders: aliases(PROJECT_FIELDS),
  indicatorHeaders: aliases(INDICATOR_FIELDS),
  fundHeaders: aliases(FUND_FIELDS),
  fundRows: aliases(FUND_ROWS),
  departmentHeaders: aliases(DEPARTMENT_FIELDS),
  departmentBase: aliases(BASE_FIELDS),
  departmentRates: aliases(DEPARTMENT_RATES),
  qualitativePhrases: aliases(GRADES),
  totalLabels: labels,
  classifiedMarks: labels,
};

/** The settings a profile file may hold (the schema's properties, checked against it in the tests). */
export const PROFILE_FILE_FIELDS = Object.keys(FIELDS);

type Spec = Record<string, Json>;

/** The preset with the file's settings laid over it. */
function build(spec: Spec): ScoringProfile {
  const baseName = (spec.base as string | undefined) ?? 'national';
  const base = PROFILES[DEPRECATED_PROFILES[baseName] ?? baseName];
  const out: Record<string, unknown> = { ...base, name: (spec.name as string | undefined) ?? 'template' };
  for (const [key, value] of Object.entries(spec)) {
    if (key === '$schema' || key === 'base' || key === 'name') continue;
    if (key === 'label') {
      out.label = typeof value === 'string' ? { zh: value, en: value } : value;
    } else if ((ADDED as readonly string[]).includes(key)) {
      const before = base[key as (typeof ADDED)[number]];
      if (Array.isArray(before)) out[key] = [...before, ...(value as string[]).filter((v) => !before.includes(v))];
      else {
        const merged: Record<string, string[]> = { ...(before as Record<string, string[]>) };
        for (const [field, more] of Object.entries(value as Record<string, string[]>)) merged[field] = [...(merged[field] ?? []), ...more.filter((m) => !(merged[field] ?? []).includes(m))];
        out[key] = merged;
      }
    } else if (key === 'departmentTable') {
      const table = value as Partial<ScoringProfile['departmentTable']>;
      out.departmentTable = { ...base.departmentTable, ...table, standards: { ...base.departmentTable.standards, ...(table.standards ?? {}) } };
    } else {
      out[key] = value;
    }
  }
  return out as unknown as ScoringProfile;
}

/** The weights a profile gives must make 100 with 预算执行率's. */
function checkWeights(profile: ScoringProfile, spec: Spec, out: ProfileProblem[]): void {
  if (!('level1Weights' in spec) && !('executionWeight' in spec)) return;
  const total = Object.values(profile.level1Weights).reduce((a, b) => a + b, profile.executionWeight);
  if (Math.abs(total - 100) > 1e-9) {
    const path = 'level1Weights' in spec ? 'level1Weights' : 'executionWeight';
    problem(out, path, `一级指标分值与预算执行率分值（${profile.executionWeight}）合计为${total}，应为100`, `the level-1 weights and budget execution's ${profile.executionWeight} add up to ${total}, not 100`);
  }
}

/** Reads a profile file's parsed JSON: the profile, or every problem found in it. */
export function profileFromJson(json: Json): ProfileFileResult {
  const problems: ProfileProblem[] = [];
  if (!shape(FIELDS, ['label'])(json, '', problems)) return { problems };
  const profile = build(json as Spec);
  checkWeights(profile, json as Spec, problems);
  return problems.length ? { problems } : { profile };
}

/** A profile file's text: JSON syntax errors are problems too. */
export function profileFromText(textOfFile: string): ProfileFileResult {
  try {
    return profileFromJson(JSON.parse(textOfFile));
  } catch (e) {
    const why = (e as Error).message;
    return { problems: [{ path: '', zh: `不是有效的 JSON：${why}`, en: `not valid JSON: ${why}` }] };
  }
}

export function problemText(p: ProfileProblem, lang: Lang): string {
  return lang === 'en' ? p.en : p.zh;
}
