// What `selfeval template` and `--template` say, in Chinese and English.

import { CARRIER_SHEET, type CarriedSettings, getProfile, type Lang, problemText } from '../engine';
import { settingWords } from './setting-words';

const PROBLEM = {
  zh: { changed: '已被改动', unreadable: '无法读取', newer: '由更新版本的本工具写入', invalid: '有误' },
  en: { changed: 'was changed', unreadable: 'cannot be read', newer: 'was written by a newer version of this tool', invalid: 'is not valid' },
} as const;

/** The settings a profile file sets, one line each, as the bureau wrote them. */
function settingLines(carried: CarriedSettings, lang: Lang): string[] {
  const p = carried.profile!;
  const json = (carried.settings?.profile ?? {}) as Record<string, unknown>;
  const zh = lang === 'zh';
  const lines: string[] = [];
  const colon = zh ? '：' : ': ';
  const base = getProfile((json.base as string | undefined) ?? 'national');
  lines.push(zh ? `代号 ${p.name}，以“${base?.label.zh}”为基础` : `name ${p.name}, based on "${base?.label.en}"`);
  const bands = p.gradeBands.map((b, i) => (i === p.gradeBands.length - 1 ? `${b.grade} < ${p.gradeBands[i - 1]?.min ?? 0}` : `${b.grade} ≥ ${b.min}`));
  lines.push(`${zh ? '评价等级' : 'Grades'}${colon}${bands.join(zh ? '，' : ', ')}`);
  lines.push(zh
    ? `反向指标：${p.reverseRule === 'linear' ? '线性扣分（FASP2）' : '目标÷实际×分值'}`
    : `Reverse indicators: ${p.reverseRule === 'linear' ? 'linear deduction (FASP2)' : 'target ÷ actual × weight'}`);
  const weights = [[zh ? '预算执行率' : 'budget execution', p.executionWeight], ...Object.entries(p.level1Weights)].map(([k, v]) => `${k} ${v}`);
  lines.push(`${zh ? '分值' : 'Weights'}${colon}${weights.join(zh ? '，' : ', ')}`);
  lines.push(zh
    ? `容差：${p.tolerance}；实际值达到目标的 ${Math.round(p.overAchievementRatio * 100)}% 及以上须说明偏差原因`
    : `Tolerance: ${p.tolerance}; an actual at ${Math.round(p.overAchievementRatio * 100)}% of the target or more needs a reason`);
  const standards = Object.entries(p.departmentTable.standards);
  if (standards.length) lines.push(`${zh ? '部门点数表评分标准' : 'Department scoring standards'}${colon}${standards.map(([k, v]) => `${k}${colon}${v}`).join(zh ? '；' : '; ')}`);
  const shown = new Set(['name', 'label', 'base', 'gradeBands', 'reverseRule', 'executionWeight', 'level1Weights', 'tolerance', 'overAchievementRatio']);
  for (const [key, value] of Object.entries(json)) {
    if (shown.has(key) || (key === 'departmentTable' && Object.keys(value as object).every((k) => k === 'standards'))) continue;
    lines.push(...settingWords(key, value, lang));
  }
  const unit = carried.settings?.unitName;
  if (unit) lines.push(zh ? `单位名称单元格：${unit.sheet}!${unit.cell}${unit.label ? `（标签“${unit.label}”）` : ''}` : `Unit-name cell: ${unit.sheet}!${unit.cell}${unit.label ? ` (label "${unit.label}")` : ''}`);
  return lines.map((l) => `  ${l}`);
}

export const TT = {
  zh: {
    templateUnusable: (file: string, c: CarriedSettings, lang: Lang) => `模板 ${file} 内置的评分方案${PROBLEM.zh[c.problem!]}${c.problems.length ? `：${c.problems.map((p) => problemText(p, lang)).join('；')}` : ''}；请用 selfeval template 重新写入评分方案。`,
    profileProblems: (file: string, n: number) => `评分方案文件 ${file} 有 ${n} 处错误（格式见 schema/profile.schema.json）：`,
    needProfile: '请用 --profile 给出评分方案文件（如 county.json）或预置方案名称。',
    needOutput: '请用 -o 指定输出文件，例如 -o 模板-含规则.xlsx。',
    sameFile: '输出文件不能是模板本身；请另存为新文件。',
    extension: (ext: string) => `输出文件应与模板同为 ${ext} 文件。`,
    structureLocked: (file: string) => `${file} 的工作簿结构受保护，无法加入评分方案工作表；请在 Excel 中“审阅 > 保护工作簿”撤销结构保护后再试。`,
    unknownPreset: (name: string) => `未知的评分方案“${name}”；请给出 .json 评分方案文件，或预置方案名称。`,
    badUnitCell: (ref: string, sheets: string[]) => `单位名称单元格“${ref}”无效；请写成“工作表!单元格”，如 ${sheets[0] ?? 'Sheet1'}!B2（工作表：${sheets.join('、')}）。`,
    written: (file: string, label: string, before: CarriedSettings | null) =>
      `已写入 ${file}：评分方案“${label}”保存在隐藏工作表“${CARRIER_SHEET}”中${before?.profile ? `（替换了原有的“${before.profile.label.zh}”）` : ''}。用此模板填写的工作簿将按此方案评分。`,
    unitCellWritten: (cell: string, label: string) => `单位名称单元格：${cell}${label ? `（标签“${label}”）` : ''}；自评报告标题中的单位名称取自此处。`,
    unitCellKept: (cell: string, label: string) => `单位名称单元格：保留原有的 ${cell}${label ? `（标签“${label}”）` : ''}；如需更改，请用 --unit-cell 指定。`,
    unitCellGone: (cell: string) => `原有的单位名称单元格 ${cell} 所在的工作表已不在（或已隐藏），未保留；请用 --unit-cell 重新指定。`,
    unitCellUnread: '原有的评分方案无法读取，其中的单位名称单元格（如有）未能保留；如需要，请用 --unit-cell 指定。',
    show: (file: string, c: CarriedSettings | null, lang: Lang) => {
      if (!c) return `${file} 没有内置评分方案；可用 selfeval template ${file} --profile county.json -o 新模板.xlsx 写入。`;
      if (c.problem) return TT.zh.templateUnusable(file, c, lang);
      return [`${file} 内置评分方案：${c.profile!.label.zh}`, ...settingLines(c, lang)].join('\n');
    },
  },
  en: {
    templateUnusable: (file: string, c: CarriedSettings, lang: Lang) => `The scoring profile template ${file} carries ${PROBLEM.en[c.problem!]}${c.problems.length ? `: ${c.problems.map((p) => problemText(p, lang)).join('; ')}` : ''}; write it again with selfeval template.`,
    profileProblems: (file: string, n: number) => `The profile file ${file} has ${n} problem(s) (its format: schema/profile.schema.json):`,
    needProfile: 'Give the profile with --profile: a profile file (county.json) or a preset name.',
    needOutput: 'Give the output file with -o, for example -o template-with-rules.xlsx.',
    sameFile: 'The output cannot be the template itself; write a new file.',
    extension: (ext: string) => `The output must be a ${ext} file, like the template.`,
    structureLocked: (file: string) => `The structure of ${file} is protected, so the profile's sheet cannot be added; remove the workbook protection (Review > Protect Workbook) and try again.`,
    unknownPreset: (name: string) => `Unknown scoring profile "${name}"; give a .json profile file or a preset name.`,
    badUnitCell: (ref: string, sheets: string[]) => `The unit-name cell "${ref}" is not valid; write it as sheet!cell, like ${sheets[0] ?? 'Sheet1'}!B2 (sheets: ${sheets.join(', ')}).`,
    written: (file: string, label: string, before: CarriedSettings | null) =>
      `Wrote ${file}: the profile "${label}" is kept in the hidden sheet "${CARRIER_SHEET}"${before?.profile ? ` (replacing "${before.profile.label.en}")` : ''}. Workbooks filled from this template are scored by it.`,
    unitCellWritten: (cell: string, label: string) => `Unit-name cell: ${cell}${label ? ` (label "${label}")` : ''}; the report's title takes the unit's name from it.`,
    unitCellKept: (cell: string, label: string) => `Unit-name cell: kept the existing ${cell}${label ? ` (label "${label}")` : ''}; give --unit-cell to change it.`,
    unitCellGone: (cell: string) => `The existing unit-name cell ${cell} is on a sheet that is gone (or hidden), so it was not kept; give it again with --unit-cell.`,
    unitCellUnread: 'The existing profile could not be read, so its unit-name cell (if any) was not kept; give one with --unit-cell if needed.',
    show: (file: string, c: CarriedSettings | null, lang: Lang) => {
      if (!c) return `${file} carries no scoring profile; write one with selfeval template ${file} --profile county.json -o new-template.xlsx.`;
      if (c.problem) return TT.en.templateUnusable(file, c, lang);
      return [`${file} carries the scoring profile: ${c.profile!.label.en}`, ...settingLines(c, lang)].join('\n');
    },
  },
} as const;
