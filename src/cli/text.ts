// What the command line says, in Chinese and English.

import type { Lang, Severity } from '../engine';

export const USAGE: Record<Lang, string> = {
  zh: `用法：
  selfeval check FILE [--profile NAME] [--json] [--lang zh|en]
      校验自评工作簿，按工作表列出问题。退出码：0 无错误，1 有错误，2 文件无法使用。
  selfeval fill FILE -o OUT [--in-place] [--no-summary] [--report-sheet 表名] [--year N] [--unit 单位] [--profile NAME] [--json] [--lang zh|en]
      计算执行率、得分、总分和等级，写入新文件 OUT（--in-place 时覆盖原文件），列出改动，并生成“自评报告”工作表。
  selfeval report FILE [-o OUT.txt|OUT.md|OUT.docx] [--year N] [--unit 单位] [--profile NAME]
      按工作簿数据起草自评报告：不加 -o 时直接输出文字，加 -o 时写成文本、Markdown 或 Word 文件。

评分方案（--profile）：PROFILES`,
  en: `Usage:
  selfeval check FILE [--profile NAME] [--json] [--lang zh|en]
      Check a self-evaluation workbook and list the issues by sheet. Exit 0: no error, 1: errors, 2: unusable file.
  selfeval fill FILE -o OUT [--in-place] [--no-summary] [--report-sheet NAME] [--year N] [--unit NAME] [--profile NAME] [--json] [--lang zh|en]
      Compute rates, scores, totals and grades into a new file OUT (--in-place overwrites FILE), list the changes,
      and write the summary sheet 自评报告.
  selfeval report FILE [-o OUT.txt|OUT.md|OUT.docx] [--year N] [--unit NAME] [--profile NAME]
      Draft the self-evaluation report from the workbook: printed as text, or written as text, Markdown or Word.

Scoring profiles (--profile): PROFILES`,
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
    profile: (label: string) => `评分方案：${label}`,
    found: (parts: string[]) => `识别到：${parts.join('、')}`,
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
    unknownCommand: (cmd: string) => `未知命令“${cmd}”。`,
    writeFailed: (file: string, why: string) => `无法写入 ${file}：${why}`,
    summaryWritten: (sheet: string) => `已生成自评报告工作表“${sheet}”。`,
    reportWritten: (file: string) => `自评报告已写入 ${file}。`,
    reportFormat: (formats: string) => `报告文件的扩展名应为 ${formats} 之一。`,
    badYear: (year: string) => `年度“${year}”不是有效的年份。`,
    hiddenSheet: '（隐藏的工作表：请先取消隐藏再修改）',
    unknownOption: (option: string) => `不认识的选项 ${option}；运行 selfeval --help 查看用法。`,
    badOptionValue: (option: string) => `选项 ${option} 的值缺失或多余；运行 selfeval --help 查看用法。`,
    badSheetName: (name: string) => `工作表名称“${name}”无效：应为 1～31 个字符，不能含 : \\ / ? * [ ]，也不能以单引号开头或结尾。`,
    extension: (ext: string) => `输出文件的扩展名应与输入文件相同（${ext}）；否则 Excel 无法打开（.xlsm 的宏也会丢失）。`,
    outputFolder: (path: string) => `输出路径 ${path} 是文件夹；请指定文件名，如 ${path.replace(/[\\/]+$/, '')}/结果.xlsx。`,
    why: (code: string | undefined) => WHY_ZH[code ?? ''] ?? '写入失败，请检查路径和权限',
  },
  en: {
    profile: (label: string) => `Scoring profile: ${label}`,
    found: (parts: string[]) => `Recognised: ${parts.join(', ')}`,
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
    unknownCommand: (cmd: string) => `Unknown command "${cmd}".`,
    writeFailed: (file: string, why: string) => `Cannot write ${file}: ${why}`,
    summaryWritten: (sheet: string) => `Wrote the summary sheet "${sheet}".`,
    reportWritten: (file: string) => `Wrote the report to ${file}.`,
    reportFormat: (formats: string) => `The report file must end in one of ${formats}.`,
    badYear: (year: string) => `"${year}" is not a valid year.`,
    hiddenSheet: ' (a hidden sheet: unhide it to make changes)',
    unknownOption: (option: string) => `Unknown option ${option}; run selfeval --help for the usage.`,
    badOptionValue: (option: string) => `Option ${option} lacks its value or takes none; run selfeval --help for the usage.`,
    badSheetName: (name: string) => `The sheet name "${name}" cannot be used: 1 to 31 characters, none of : \\ / ? * [ ], not starting or ending with an apostrophe.`,
    extension: (ext: string) => `The output file must have the input's extension (${ext}); Excel would not open it otherwise (and an .xlsm would lose its macros).`,
    outputFolder: (path: string) => `The output ${path} is a folder; name a file in it.`,
    why: (code: string | undefined) => WHY_EN[code ?? ''] ?? 'the write failed; check the path and permissions',
  },
} as const;
