// What the command line says, in Chinese and English.

import type { Lang, Severity } from '../engine';

/** Where the profile came from: chosen (--profile), the default, the workbook itself, or --template. */
export type ProfileFrom = 'chosen' | 'default' | 'workbook' | 'template';

export const USAGE: Record<Lang, string> = {
  zh: `用法：
  selfeval check FILE [--template 模板.xlsx] [--profile NAME] [--json] [--lang zh|en]
      校验自评工作簿，按工作表列出问题；加 --template 时同时对照财政局下发的空白模板，列出单位改动了模板的地方。
      退出码：0 无错误，1 有错误，2 文件无法使用。
  selfeval fill FILE -o OUT [--in-place] [--no-summary] [--report-sheet 表名] [--year N] [--unit 单位] [--profile NAME] [--json] [--lang zh|en]
      计算执行率、得分、总分和等级，写入新文件 OUT（--in-place 时覆盖原文件），列出改动，并生成“自评报告”工作表。
  selfeval report FILE [-o OUT.txt|OUT.md|OUT.docx] [--year N] [--unit 单位] [--profile NAME]
      按工作簿数据起草自评报告：不加 -o 时直接输出文字，加 -o 时写成文本、Markdown 或 Word 文件。
  selfeval template 模板.xlsx --profile county.json [--unit-cell 工作表!B2] -o 模板-含规则.xlsx
      把本县的评分方案（格式见 schema/profile.schema.json）和单位名称单元格写入模板（一张深度隐藏、受保护的工作表）；
      用此模板填写的工作簿，各命令、任务窗格和网页都按此方案评分。
  selfeval template --show 模板.xlsx [--json]
      显示模板内置的评分方案。
  selfeval batch 单位1.xlsx 单位2.xlsx … [--template 模板.xlsx] [--profile NAME] [-o 汇总.csv] [--json]
      逐个校验多个单位的工作簿，每个一行：单位名称（取自模板标记的单元格）、评分方案、项目数、错误、警告、与模板不一致处。

评分方案（--profile）：PROFILES，或评分方案文件 county.json
  （旧名称 provincial 即 grades-80-70-60，仍可使用）。不指定时按工作簿内置的评分方案，没有则按全国通用方案。`,
  en: `Usage:
  selfeval check FILE [--template TEMPLATE.xlsx] [--profile NAME] [--json] [--lang zh|en]
      Check a self-evaluation workbook and list the issues by sheet; with --template, also compare it with the
      bureau's blank template and list where the unit changed it. Exit 0: no error, 1: errors, 2: unusable file.
  selfeval fill FILE -o OUT [--in-place] [--no-summary] [--report-sheet NAME] [--year N] [--unit NAME] [--profile NAME] [--json] [--lang zh|en]
      Compute rates, scores, totals and grades into a new file OUT (--in-place overwrites FILE), list the changes,
      and write the summary sheet 自评报告.
  selfeval report FILE [-o OUT.txt|OUT.md|OUT.docx] [--year N] [--unit NAME] [--profile NAME]
      Draft the self-evaluation report from the workbook: printed as text, or written as text, Markdown or Word.
  selfeval template TEMPLATE.xlsx --profile county.json [--unit-cell SHEET!B2] -o TEMPLATE-WITH-RULES.xlsx
      Write the county's scoring profile (format: schema/profile.schema.json) and the unit-name cell into the
      template (a very hidden, protected sheet); workbooks filled from it are scored by it in every door.
  selfeval template --show TEMPLATE.xlsx [--json]
      Show the profile a template carries.
  selfeval batch UNIT1.xlsx UNIT2.xlsx … [--template TEMPLATE.xlsx] [--profile NAME] [-o SUMMARY.csv] [--json]
      Check many units' workbooks, one line each: the unit (from the cell the template marks), the profile,
      projects, errors, warnings and differences from the template.

Scoring profiles (--profile): PROFILES, or a profile file county.json
  (the old name provincial is grades-80-70-60 and still works). Not given: the profile the workbook carries, else the national one.`,
};

export const SEVERITY: Record<Lang, Record<Severity, string>> = {
  zh: { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};

const WHY_ZH: Record<string, string> = {
  EACCES: '没有写入权限', EPERM: '没有写入权限', EROFS: '所在位置只读', ENOSPC: '磁盘空间不足', ENOENT: '所在文件夹不存在',
  ENOTDIR: '路径中有一段不是文件夹', EISDIR: '这是一个文件夹', EBUSY: '文件被其他程序占用',
};
const WHY_EN: Record<string, string> = {
  EACCES: 'permission denied', EPERM: 'permission denied', EROFS: 'read-only location', ENOSPC: 'disk full', ENOENT: 'the folder does not exist',
  ENOTDIR: 'a part of the path is not a folder', EISDIR: 'it is a folder', EBUSY: 'the file is in use',
};

export const T = {
  zh: {
    profile: (label: string, from: ProfileFrom) => `评分方案：${label}${{ chosen: '', default: '', workbook: '（工作簿内置，来自财政局模板）', template: '（来自模板）' }[from]}`,
    found: (parts: string[]) => `识别到：${parts.join('、')}`,
    template: (file: string, n: number) => (n ? `对照模板 ${file}：有 ${n} 处与模板不一致（规则 template.*）。` : `对照模板 ${file}：与模板一致。`),
    lists: (n: number, rows: number) => `项目汇总表 ${n} 张（${rows} 个项目）`,
    indicatorLists: (n: number, rows: number) => `绩效指标表 ${n} 张（${rows} 个指标）`,
    forms: (n: number) => `项目支出绩效自评表 ${n} 份`,
    departments: (n: number) => `部门整体绩效自评表 ${n} 张`,
    totals: (e: number, w: number, i: number) => `共 ${e} 个错误、${w} 个警告、${i} 条提示。`,
    clean: '未发现问题。',
    wrote: (file: string, n: number) => `已写入 ${file}：改动 ${n} 个计算单元格。`,
    nothing: (file: string) => `计算结果与工作簿一致，无需改动；已写出 ${file}。`,
    blank: '（空）',
    usageError: (msg: string) => `参数错误：${msg}`,
    needOutput: '请用 -o OUT 指定输出文件，或加 --in-place 覆盖原文件。',
    sameFile: '输出文件与输入文件相同；如确要覆盖原文件，请加 --in-place。',
    unknownProfile: (name: string, known: string) => `未知的评分方案“${name}”；可选：${known}。`,
    deprecatedProfile: (old: string, now: string) => `评分方案“${old}”已改名为“${now}”（等级80/70/60不是FASP2的项目规则，FASP2为90/80/60，即“fasp2”）；旧名称暂时仍可用。`,
    unknownCommand: (cmd: string) => `未知命令“${cmd}”。`,
    writeFailed: (file: string, why: string) => `无法写入 ${file}：${why}`,
    summaryWritten: (sheet: string) => `已生成自评报告工作表“${sheet}”。`,
    reportWritten: (file: string) => `自评报告已写入 ${file}。`,
    reportFormat: (formats: string) => `报告文件的扩展名应为 ${formats} 之一。`,
    badYear: (year: string) => `年度“${year}”不是有效的年份。`,
    hiddenSheet: '（隐藏的工作表：请先取消隐藏再修改）',
    badSheetName: (name: string) => `工作表名称“${name}”无效：应为 1～31 个字符，不能含 : \\ / ? * [ ]，也不能以单引号开头或结尾。`,
    extension: (ext: string) => `输出文件的扩展名应与输入文件相同（${ext}）；否则 Excel 无法打开（.xlsm 的宏也会丢失）。`,
    outputFolder: (path: string) => `输出路径 ${path} 是文件夹；请指定文件名，如 ${path.replace(/[\\/]+$/, '')}/结果.xlsx。`,
    why: (code: string | undefined) => WHY_ZH[code ?? ''] ?? '写入失败，请检查路径和权限',
  },
  en: {
    profile: (label: string, from: ProfileFrom) => `Scoring profile: ${label}${{ chosen: '', default: '', workbook: ' (carried by the workbook, from the bureau\'s template)', template: ' (from the template)' }[from]}`,
    found: (parts: string[]) => `Recognised: ${parts.join(', ')}`,
    template: (file: string, n: number) => (n ? `Compared with the template ${file}: ${n} difference(s) (rules template.*).` : `Compared with the template ${file}: no difference.`),
    lists: (n: number, rows: number) => `${n} project list(s) (${rows} projects)`,
    indicatorLists: (n: number, rows: number) => `${n} indicator list(s) (${rows} indicators)`,
    forms: (n: number) => `${n} self-evaluation form(s)`,
    departments: (n: number) => `${n} department-wide sheet(s)`,
    totals: (e: number, w: number, i: number) => `${e} error(s), ${w} warning(s), ${i} info.`,
    clean: 'No issues found.',
    wrote: (file: string, n: number) => `Wrote ${file}: ${n} computed cell(s) changed.`,
    nothing: (file: string) => `The computed cells already hold the right values; wrote ${file} unchanged.`,
    blank: '(blank)',
    usageError: (msg: string) => `Usage error: ${msg}`,
    needOutput: 'Give the output file with -o OUT, or --in-place to overwrite the input.',
    sameFile: 'The output is the input file; add --in-place to overwrite it.',
    unknownProfile: (name: string, known: string) => `Unknown scoring profile "${name}"; known: ${known}.`,
    deprecatedProfile: (old: string, now: string) => `The scoring profile "${old}" is now called "${now}" (80/70/60 is not FASP2's project rule, which is 90/80/60: "fasp2"); the old name still works for now.`,
    unknownCommand: (cmd: string) => `Unknown command "${cmd}".`,
    writeFailed: (file: string, why: string) => `Cannot write ${file}: ${why}`,
    summaryWritten: (sheet: string) => `Wrote the summary sheet "${sheet}".`,
    reportWritten: (file: string) => `Wrote the report to ${file}.`,
    reportFormat: (formats: string) => `The report file must end in one of ${formats}.`,
    badYear: (year: string) => `"${year}" is not a valid year.`,
    hiddenSheet: ' (a hidden sheet: unhide it to make changes)',
    badSheetName: (name: string) => `The sheet name "${name}" cannot be used: 1 to 31 characters, none of : \\ / ? * [ ], not starting or ending with an apostrophe.`,
    extension: (ext: string) => `The output file must have the input's extension (${ext}); Excel would not open it otherwise (and an .xlsm would lose its macros).`,
    outputFolder: (path: string) => `The output ${path} is a folder; name a file in it.`,
    why: (code: string | undefined) => WHY_EN[code ?? ''] ?? 'the write failed; check the path and permissions',
  },
} as const;
