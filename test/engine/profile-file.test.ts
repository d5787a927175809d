// A county's profile file (schema/profile.schema.json): read into a profile, every bad field named.
import Ajv from 'ajv';
import { readFileSync } from 'fs';
import { resolve } from 'path';
import { DEPRECATED_PROFILES, PROFILES } from '../../src/engine';
import { PROFILE_FILE_FIELDS, profileFromJson, profileFromText, type ProfileFileResult } from '../../src/engine/profile-file';

const SCHEMA = JSON.parse(readFileSync(resolve(__dirname, '../../schema/profile.schema.json'), 'utf8'));
const EXAMPLE = JSON.parse(readFileSync(resolve(__dirname, '../../schema/example-county.json'), 'utf8'));
const validate = new Ajv({ allErrors: true }).compile(SCHEMA);

const problems = (r: ProfileFileResult) => ('problems' in r ? r.problems.map((p) => p.zh) : []);
const profileOf = (r: ProfileFileResult) => {
  if ('problems' in r) throw new Error(r.problems.map((p) => p.zh).join('\n'));
  return r.profile;
};

describe('a county profile file', () => {
  test('the example: 85/75/60 grades, the linear reverse rule, standards and a header spelling on the national preset', () => {
    const p = profileOf(profileFromJson(EXAMPLE));
    expect(p.name).toBe('mouxian-2025');
    expect(p.label.zh).toBe('某某县2025年模板');
    expect(p.gradeBands.map((b) => `${b.grade}${b.min}`)).toEqual(['优85', '良75', '中60', '差0']);
    expect(p.reverseRule).toBe('linear');
    expect(p.departmentTable.standards['结转结余率']).toBe('结转结余率为0得满分，每增加1个百分点扣1分，扣完为止');
    expect(p.departmentTable.absoluteRates).toEqual(['finalVarianceRate']);
    // A spelling adds to the preset's; the rest of the preset stays.
    expect(p.projectHeaders.budget).toEqual([...PROFILES.national.projectHeaders.budget, '资金安排数']);
    expect(p.indicatorHeaders).toEqual(PROFILES.national.indicatorHeaders);
    expect(p.tolerance).toBe(0.01);
  });

  test('only a label: the national preset under the county\'s name', () => {
    const p = profileOf(profileFromJson({ label: '某某县' }));
    expect({ ...p, name: 'national', label: PROFILES.national.label }).toEqual(PROFILES.national);
    expect([p.name, p.label.zh, p.label.en]).toEqual(['template', '某某县', '某某县']);
  });

  test('another preset as the base, by its old name too', () => {
    expect(profileOf(profileFromJson({ label: 'x', base: 'fasp2' })).reverseRule).toBe('linear');
    expect(profileOf(profileFromJson({ label: 'x', base: 'provincial' })).gradeBands[0].min).toBe(80);
  });
});

describe('every bad field gets its own message', () => {
  test.each([
    [{ label: 'x', gradeBands: [{ grade: '优', min: 85 }, { grade: '良', min: 90 }, { grade: '差', min: 0 }] }, 'gradeBands[1].min：应低于上一等级的下限85（等级从高到低排列）'],
    [{ label: 'x', gradeBands: [{ grade: '优', min: 85 }, { grade: '良', min: 60 }] }, 'gradeBands[1].min：最低等级的下限应为0，使每个分数都有等级'],
    [{ label: 'x', gradeBands: [{ grade: '优', min: '85分' }, { grade: '差', min: 0 }] }, 'gradeBands[0].min：应为数字，现为 "85分"'],
    [{ label: 'x', gradeBands: [{ grade: '优', min: 85 }, { grade: '优', min: 0 }] }, 'gradeBands[1].grade：等级“优”重复'],
    [{ label: 'x', gradeBands: [{ grade: '优', min: 0 }] }, 'gradeBands：至少需要2项'],
    [{ label: 'x', gradeBands: [{ grade: '优', min: 120 }, { grade: '差', min: 0 }] }, 'gradeBands[0].min：应为0～100之间的数，现为 120'],
    [{ label: 'x', reverseRule: 'proportional' }, 'reverseRule：应为 ratio、linear 之一，现为 "proportional"'],
    [{ label: 'x', base: 'guangdong' }, 'base：应为 national、fasp2、grades-80-70-60、guangdong-township、hebei-county、provincial 之一，现为 "guangdong"'],
    [{ label: 'x', level1Weights: { '产出指标': 60, '效益指标': 30, '满意度指标': 10 } }, 'level1Weights：一级指标分值与预算执行率分值（10）合计为110，应为100'],
    [{ label: 'x', tolerance: -0.01 }, 'tolerance：应为0～1之间的数，现为 -0.01'],
    [{ label: 'x', overAchievementRatio: 1 }, 'overAchievementRatio：应为大于1、不超过10之间的数，现为 1'],
    [{ label: 'x', qualitativeBands: { achieved: 0.6, partial: 0.8 } }, 'qualitativeBands.partial：应低于 achieved（0.6）'],
    [{ label: 'x', capExecutionScore: 'yes' }, 'capExecutionScore：应为布尔值（true 或 false），现为 "yes"'],
    [{ label: 'x', departmentTable: { standards: { '预算执行率': '酌情打分' } } }, 'departmentTable.standards.预算执行率：评分标准“酌情打分”无法识别；请写成“执行率×分值”“每低于1个百分点扣0.5分，扣完为止”“≥95%得10分；90%(含)-95%得8分”或“未公开的不得分”等形式'],
    [{ label: 'x', departmentTable: { absoluteRates: ['varianceRate'] } }, 'departmentTable.absoluteRates[0]：应为 executionRate、adjustmentRate、carryOverRate、finalVarianceRate、procurementRate、publicCostRate、threeCostRate、threeCostChange、staffRate 之一，现为 "varianceRate"'],
    [{ label: 'x', projectHeaders: { budgets: ['资金安排数'] } }, 'projectHeaders.budgets：不是可用的设置；可用：seq、unit、name、category、initialBudget、budget、executed、executionRate、achievement、score、grade、note、goal、outcome'],
    [{ label: 'x', totalLabels: ['合计', ' '] }, 'totalLabels[1]：不能为空'],
    [{ label: 'x', name: '某某县' }, 'name：应为小写字母、数字和连字符（如 mouxian-2025），现为 "某某县"'],
    [{ label: { zh: '某某县' } }, 'label.en：缺少此项'],
    [{ name: 'x' }, 'label：缺少此项'],
    [[], '应为对象，现为 []'],
  ])('%j', (json, message) => {
    expect(problems(profileFromJson(json))).toContain(message);
  });

  test('an unknown setting is named with the ones there are; all problems at once, nothing applied', () => {
    const r = profileFromJson({ label: 'x', gradeBand: [], reverseRule: 'none', tolerance: '0.01' });
    expect(problems(r)).toEqual([
      expect.stringMatching(/^gradeBand：不是可用的设置；可用：name、label、base、executionWeight、/),
      'reverseRule：应为 ratio、linear 之一，现为 "none"',
      'tolerance：应为数字，现为 "0.01"',
    ]);
  });

  test('English messages name the same field', () => {
    const r = profileFromJson({ label: 'x', gradeBands: [{ grade: 'A', min: 85 }, { grade: 'B', min: 60 }] });
    expect('problems' in r && r.problems[0].en).toBe('gradeBands[1].min: the lowest grade must start at 0, so that every score has a grade');
  });

  test('a file that is not JSON', () => {
    expect(problems(profileFromText('{ "label": "x", }'))[0]).toMatch(/^不是有效的 JSON：/);
  });
});

describe('the schema says what the reader reads', () => {
  test('the same settings, the same presets', () => {
    expect(Object.keys(SCHEMA.properties).filter((k) => k !== '$schema').sort()).toEqual([...PROFILE_FILE_FIELDS].sort());
    expect([...SCHEMA.properties.base.enum].sort()).toEqual([...Object.keys(PROFILES), ...Object.keys(DEPRECATED_PROFILES)].sort());
  });

  test('the example and every file the reader takes are valid under the schema', () => {
    for (const json of [EXAMPLE, { label: 'x' }, { label: { zh: '甲', en: 'A' }, base: 'fasp2', qualitativePhrases: { achieved: ['圆满完成'] } }]) {
      expect(validate(json)).toBe(true);
      expect('profile' in profileFromJson(json)).toBe(true);
    }
  });

  test('what breaks the shape is refused by both', () => {
    for (const json of [{ label: 'x', reverseRule: 'none' }, { label: 'x', gradeBands: [{ grade: '优', min: '85' }, { grade: '差', min: 0 }] }, { label: 'x', extra: 1 }, { label: '' }, {}, { label: 'x', projectHeaders: { budgets: [] } }]) {
      expect(validate(json)).toBe(false);
      expect('problems' in profileFromJson(json)).toBe(true);
    }
  });
});
