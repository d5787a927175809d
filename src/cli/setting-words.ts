// A profile file's less common settings in the words of the bureau that wrote them: header and row
// aliases under the column's own name, shares as percents, lists joined. Never raw JSON field names.

import { getProfile, type Lang } from '../engine';

type Words = { zh: string; en: string };

/** Alias tables: each field is named by its first spelling in the national profile (全年预算数, 预算执行率 …). */
const ALIASES: Record<string, Words> = {
  projectHeaders: { zh: '项目汇总表列名', en: 'Project list headers' },
  indicatorHeaders: { zh: '绩效指标表列名', en: 'Indicator list headers' },
  fundHeaders: { zh: '自评表资金列名', en: 'Form fund headers' },
  fundRows: { zh: '自评表资金行名', en: 'Form fund rows' },
  departmentHeaders: { zh: '部门整体表列名', en: 'Department table headers' },
  departmentBase: { zh: '部门整体基础数据名称', en: 'Department base data labels' },
  departmentRates: { zh: '部门整体比率名称', en: 'Department rate labels' },
};

const LISTS: Record<string, Words> = {
  classifiedMarks: { zh: '涉密项目标记', en: 'Classified-project marks' },
  totalLabels: { zh: '合计行的写法', en: 'Total-row labels' },
  bonusLabels: { zh: '加分项的写法', en: 'Bonus-row labels' },
  deductionLabels: { zh: '扣分项的写法', en: 'Deduction-row labels' },
  categories: { zh: '部门整体一级指标顺序', en: 'Department categories in order' },
};

const SHARES: Record<string, Words> = {
  consistencyMargin: { zh: '指标完成度高于执行率得分率多少时提示', en: 'Warn when indicator completion exceeds the execution score rate by' },
  lowExecutionRate: { zh: '执行率低于多少时提示', en: 'Warn when the execution rate is below' },
};

const GRADES: Record<string, Words> = { achieved: { zh: '达成', en: 'achieved' }, partial: { zh: '部分达成', en: 'partly achieved' }, notAchieved: { zh: '未达成', en: 'not achieved' } };

const percent = (share: unknown) => `${Math.round(Number(share) * 10000) / 100}%`;

/** The national name of `field` in alias table `table` (its first spelling), or the field itself. */
function fieldName(table: string, field: string): string {
  const national = getProfile('national') as unknown as Record<string, Record<string, string[]>>;
  return national[table]?.[field]?.[0] ?? field;
}

/** One line per setting (a department table gives one per part it sets); labels and values in `lang`. */
export function settingWords(key: string, value: unknown, lang: Lang): string[] {
  const zh = lang === 'zh';
  const colon = zh ? '：' : ': ';
  const sep = zh ? '、' : ', ';
  const say = (label: Words, text: string) => `${label[lang]}${colon}${text}`;
  if (ALIASES[key]) {
    const entries = Object.entries(value as Record<string, string[]>);
    return [say(ALIASES[key], entries.map(([field, names]) => `${fieldName(key, field)}${zh ? '也写作' : ' also as '}${names.join(sep)}`).join(zh ? '；' : '; '))];
  }
  if (LISTS[key]) return [say(LISTS[key], (value as string[]).join(sep))];
  if (SHARES[key]) return [say(SHARES[key], percent(value))];
  switch (key) {
    case 'departmentTable':
      return Object.entries(value as Record<string, unknown>).flatMap(([part, v]) => {
        if (part === 'standards') return [];
        if (part === 'absoluteRates') return [say({ zh: '按绝对值计分的比率', en: 'Rates scored on their absolute value' }, (v as string[]).map((r) => fieldName('departmentRates', r)).join(sep))];
        return settingWords(part, v, lang);
      });
    case 'capExecutionScore':
      return [say({ zh: '预算执行率得分不超过其分值', en: 'Execution score capped at its weight' }, value ? (zh ? '是' : 'yes') : (zh ? '否' : 'no'))];
    case 'carryOverBase':
      return [say({ zh: '结转结余率的分母', en: 'Carry-over rate denominator' }, value === 'executed' ? (zh ? '全年执行数' : 'the executed amount') : (zh ? '年初结转结余＋本年财政拨款' : 'carry-over at the start + this year\'s appropriation'))];
    case 'qualitativeBands':
    case 'qualitativeDefaults': {
      const label = key === 'qualitativeBands'
        ? { zh: '定性指标各档下限（占分值）', en: 'Qualitative bands, lower bound (share of the weight)' }
        : { zh: '定性得分为空时建议（占分值）', en: 'Suggested qualitative score when blank (share of the weight)' };
      return [say(label, Object.entries(value as Record<string, number>).map(([g, share]) => `${GRADES[g]?.[lang] ?? g} ${percent(share)}`).join(sep))];
    }
    case 'qualitativePhrases':
      return [say({ zh: '定性评价用语', en: 'Qualitative phrases' }, Object.entries(value as Record<string, string[]>).map(([g, words]) => `${GRADES[g]?.[lang] ?? g}${colon}${words.join(sep)}`).join(zh ? '；' : '; '))];
    default:
      return [say({ zh: `设置 ${key}`, en: `Setting ${key}` }, JSON.stringify(value))];
  }
}
