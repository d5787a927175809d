// What the command line says, in Chinese and English.

import type { Lang, Severity } from '../engine';

/** Where the profile came from: chosen (--profile), the default, the workbook itself, or --template. */
export type ProfileFrom = 'chosen' | 'default' | 'workbook' | 'template';

export type Command = 'check' | 'fill' | 'report' | 'template' | 'batch';
export type OptionName =
  | 'output' | 'in-place' | 'no-summary' | 'report-sheet' | 'year' | 'unit' | 'profile' | 'json' | 'lang' | 'template' | 'show' | 'unit-cell' | 'jobs';

/** What each command takes: the help lists these, and an option a command does not take is refused. */
export const COMMAND_OPTIONS: Record<Command, OptionName[]> = {
  check: ['template', 'year', 'profile', 'json', 'lang'],
  fill: ['output', 'in-place', 'no-summary', 'report-sheet', 'template', 'year', 'unit', 'profile', 'json', 'lang'],
  // The report is drafted in Chinese, the language the bureau receives: no --lang en, no JSON.
  report: ['output', 'template', 'year', 'unit', 'profile'],
  template: ['profile', 'unit-cell', 'output', 'show', 'json', 'lang'],
  batch: ['output', 'jobs', 'template', 'year', 'profile', 'json', 'lang'],
};

interface HelpText {
  usage: string;
  commands: Record<Command, { synopsis: string; does: string }>;
  options: Record<OptionName, [string, string]>;
  /** Per-command wording of an option where it differs. */
  overrides: Partial<Record<Command, Partial<Record<OptionName, [string, string]>>>>;
  exit: string;
  more: string;
}

export const HELP: Record<Lang, HelpText> = {
  zh: {
    usage: '用法：',
    commands: {
      check: { synopsis: 'selfeval check FILE [选项]', does: '校验自评工作簿，按工作表列出问题。' },
      fill: { synopsis: 'selfeval fill FILE -o OUT [选项]', does: '计算执行率、得分、总分和等级，写入新文件 OUT，列出改动，并生成“自评报告”工作表。' },
      report: { synopsis: 'selfeval report FILE [选项]', does: '按工作簿数据起草自评报告（中文）：不加 -o 时直接输出文字。' },
      template: {
        synopsis: 'selfeval template 模板.xlsx --profile county.json -o 模板-含规则.xlsx | --show',
        does: '把本县的评分方案（格式见 schema/profile.schema.json）和单位名称单元格写入模板（一张深度隐藏、受保护的工作表）；用此模板填写的工作簿，各命令、任务窗格和网页都按此方案评分。--show 显示模板内置的方案。',
      },
      batch: {
        synopsis: 'selfeval batch 文件夹|文件… -o 审核汇总.xlsx [选项]',
        does: '审核多个单位的工作簿（文件夹中的 .xlsx/.xlsm，含子文件夹）：写出审核汇总（单位汇总、问题清单、退回意见、项目明细、执行率图）；无法读取的文件列出原因，不中断。',
      },
    },
    options: {
      output: ['-o, --output OUT', '输出文件（.xlsx）'],
      'in-place': ['--in-place', '覆盖原文件（代替 -o）'],
      'no-summary': ['--no-summary', '不生成“自评报告”工作表'],
      'report-sheet': ['--report-sheet 表名', '报告工作表的名称（默认“自评报告”）'],
      year: ['--year N', '评价年度：报告标题中的年度，也用于未写年份的时效指标（默认从工作簿标题识别）'],
      unit: ['--unit 单位', '报告中的单位名称（默认从工作簿识别）'],
      profile: ['--profile NAME', '评分方案：PROFILES（旧名称 provincial 即 grades-80-70-60，仍可使用）'],
      json: ['--json', '以 JSON 输出结果（字段见 README）'],
      lang: ['--lang zh|en', '提示信息的语言（默认 zh）'],
      template: ['--template 模板.xlsx', '对照财政局下发的空白模板，列出单位改动了模板的地方；模板内置的评分方案随之使用'],
      show: ['--show', '显示模板内置的评分方案'],
      'unit-cell': ['--unit-cell 表!B2', '模板中填写单位名称的单元格'],
      jobs: ['--jobs N', '同时审核的线程数（默认为CPU核数；文件不多时更少）'],
    },
    overrides: {
      check: { year: ['--year N', '评价年度，用于未写年份的时效指标（默认从工作簿标题识别）'] },
      report: { output: ['-o, --output OUT', '写成文本（.txt）、Markdown（.md）或 Word（.docx）文件'] },
      template: { profile: ['--profile county.json', '评分方案文件，或预设方案名'], output: ['-o, --output OUT', '写出的模板（.xlsx）'] },
      batch: {
        output: ['-o, --output OUT.xlsx', '审核汇总工作簿'], json: ['--json', '以 JSON 输出各单位结果、问题和合计（字段见 README）'],
        year: ['--year N', '评价年度，用于未写年份的时效指标（默认从各工作簿标题识别）'],
      },
    },
    exit: '退出码：0 无错误，1 发现错误（fill 仍写出文件；batch 中有单位有错误或文件无法读取），2 文件或参数无法使用，3 程序内部错误（batch 仍写出审核汇总）。',
    more: '“selfeval 命令 --help”只显示该命令的说明。',
  },
  en: {
    usage: 'Usage:',
    commands: {
      check: { synopsis: 'selfeval check FILE [options]', does: 'Check a self-evaluation workbook and list the issues by sheet.' },
      fill: { synopsis: 'selfeval fill FILE -o OUT [options]', does: 'Compute rates, scores, totals and grades into a new file OUT, list the changes, and write the summary sheet 自评报告.' },
      report: { synopsis: 'selfeval report FILE [options]', does: 'Draft the self-evaluation report from the workbook, in Chinese (the language the finance bureau receives); printed when no -o is given. It takes no --lang.' },
      template: {
        synopsis: 'selfeval template TEMPLATE.xlsx --profile county.json -o TEMPLATE-WITH-RULES.xlsx | --show',
        does: 'Write the county\'s scoring profile (format: schema/profile.schema.json) and the unit-name cell into the template (a very hidden, protected sheet); workbooks filled from it are scored by it in every door. --show prints the profile a template carries.',
      },
      batch: {
        synopsis: 'selfeval batch FOLDER|FILE… -o REVIEW.xlsx [options]',
        does: 'Review many units\' workbooks (every .xlsx/.xlsm in the folders, sub-folders included) and write the review workbook: units, issues, notes to return, projects, a chart; a file that cannot be read is listed with its reason, the run goes on.',
      },
    },
    options: {
      output: ['-o, --output OUT', 'the output file (.xlsx)'],
      'in-place': ['--in-place', 'overwrite FILE instead of writing OUT'],
      'no-summary': ['--no-summary', 'do not write the 自评报告 sheet'],
      'report-sheet': ['--report-sheet NAME', 'the report sheet\'s name (default 自评报告)'],
      year: ['--year N', 'the year evaluated: in the report\'s title, and for time targets that write no year (default: found in the workbook\'s titles)'],
      unit: ['--unit NAME', 'the unit named in the report (default: found in the workbook)'],
      profile: ['--profile NAME', 'scoring profile: PROFILES (the old name provincial is grades-80-70-60 and still works)'],
      json: ['--json', 'print the result as JSON (fields in the README)'],
      lang: ['--lang zh|en', 'the language of the messages (default zh)'],
      template: ['--template TEMPLATE.xlsx', 'compare with the bureau\'s blank template and list where the unit changed it; the profile it carries is used'],
      show: ['--show', 'print the profile the template carries'],
      'unit-cell': ['--unit-cell SHEET!B2', 'the template\'s cell for the unit\'s name'],
      jobs: ['--jobs N', 'worker threads (default: one per CPU core; fewer for a few files)'],
    },
    overrides: {
      check: { year: ['--year N', 'the year evaluated, for time targets that write no year (default: found in the workbook\'s titles)'] },
      report: { output: ['-o, --output OUT', 'write a text (.txt), Markdown (.md) or Word (.docx) file'] },
      template: { profile: ['--profile county.json', 'a profile file, or a preset\'s name'], output: ['-o, --output OUT', 'the template written (.xlsx)'] },
      batch: {
        output: ['-o, --output OUT.xlsx', 'the review workbook'], json: ['--json', 'print each unit\'s result, the issues and the totals as JSON (fields in the README)'],
        year: ['--year N', 'the year evaluated, for time targets that write no year (default: found in each workbook\'s titles)'],
      },
    },
    exit: 'Exit codes: 0 no error, 1 errors were found (fill still writes the file; for batch: a unit has errors or a file cannot be read), 2 unusable file or arguments, 3 an internal error (batch still writes the review).',
    more: '"selfeval COMMAND --help" shows that command only.',
  },
};

/** The help for one command, or for all of them. */
export function helpText(lang: Lang, profiles: string, only?: Command): string {
  const h = HELP[lang];
  const commands = only ? [only] : (Object.keys(COMMAND_OPTIONS) as Command[]);
  const out = [h.usage];
  for (const command of commands) {
    out.push(`  ${h.commands[command].synopsis}`, `      ${h.commands[command].does}`);
    for (const option of COMMAND_OPTIONS[command]) {
      const [flag, what] = h.overrides[command]?.[option] ?? h.options[option];
      out.push(`      ${flag.length < 22 ? flag.padEnd(22) : `${flag}  `}${what.replace('PROFILES', profiles)}`);
    }
    out.push('');
  }
  out.push(h.exit);
  if (!only) out.push(h.more);
  return out.join('\n');
}

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

/** "1 error", "3 errors". */
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

export const T = {
  zh: {
    profile: (label: string, from: ProfileFrom) => `评分方案：${label}${{ chosen: '', default: '', workbook: '（工作簿内置，来自财政局模板）', template: '（来自模板）' }[from]}`,
    template: (file: string, n: number) => (n ? `对照模板 ${file}：有 ${n} 处与模板不一致（规则 template.*）。` : `对照模板 ${file}：与模板一致。`),
    found: (parts: string[]) => `识别到：${parts.join('、')}`,
    lists: (n: number, rows: number) => `项目汇总表 ${n} 张（${rows} 个项目）`,
    indicatorLists: (n: number, rows: number) => `绩效指标表 ${n} 张（${rows} 个指标）`,
    forms: (n: number) => `项目支出绩效自评表 ${n} 份`,
    departments: (n: number) => `部门整体绩效自评表 ${n} 张`,
    unfilled: (n: number) => `未填写（未校验）的表 ${n} 张`,
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
    notTaken: (option: string, command: string) => `${command} 命令不接受 ${option}${option === '--lang' ? '：报告以中文起草，即财政部门收取的语言' : ''}；“selfeval ${command} --help”列出它接受的选项。`,
    hiddenSheet: '（隐藏的工作表：请先取消隐藏再修改）',
    unknownOption: (option: string) => `不认识的选项 ${option}；运行 selfeval --help 查看用法。`,
    badOptionValue: (option: string) => `选项 ${option} 的值缺失或多余；运行 selfeval --help 查看用法。`,
    badSheetName: (name: string) => `工作表名称“${name}”无效：应为 1～31 个字符，不能含 : \\ / ? * [ ]，也不能以单引号开头或结尾。`,
    extension: (ext: string) => `输出文件的扩展名应与输入文件相同（${ext}）；否则 Excel 无法打开（.xlsm 的宏也会丢失）。`,
    outputFolder: (path: string) => `输出路径 ${path} 是文件夹；请指定文件名，如 ${path.replace(/[\\/]+$/, '')}/结果.xlsx。`,
    why: (code: string | undefined) => WHY_ZH[code ?? ''] ?? '写入失败，请检查路径和权限',
  },
  en: {
    profile: (label: string, from: ProfileFrom) => `Scoring profile: ${label}${{ chosen: '', default: '', workbook: ' (carried by the workbook, from the bureau\'s template)', template: ' (from the template)' }[from]}`,
    template: (file: string, n: number) => (n ? `Compared with the template ${file}: ${count(n, 'difference')} (rules template.*).` : `Compared with the template ${file}: no difference.`),
    found: (parts: string[]) => `Recognised: ${parts.join(', ')}`,
    lists: (n: number, rows: number) => `${count(n, 'project list')} (${count(rows, 'project')})`,
    indicatorLists: (n: number, rows: number) => `${count(n, 'indicator list')} (${count(rows, 'indicator')})`,
    forms: (n: number) => count(n, 'self-evaluation form'),
    departments: (n: number) => count(n, 'department-wide sheet'),
    unfilled: (n: number) => `${count(n, 'table')} not filled in (not checked)`,
    totals: (e: number, w: number, i: number) => `${count(e, 'error')}, ${count(w, 'warning')}, ${i} info.`,
    clean: 'No issues found.',
    wrote: (file: string, n: number) => `Wrote ${file}: ${count(n, 'computed cell')} changed.`,
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
    notTaken: (option: string, command: string) => `${command} does not take ${option}${option === '--lang' ? ': the report is drafted in Chinese, the language the finance bureau receives' : ''}; "selfeval ${command} --help" lists what it takes.`,
    hiddenSheet: ' (a hidden sheet: unhide it to make changes)',
    unknownOption: (option: string) => `Unknown option ${option}; run selfeval --help for the usage.`,
    badOptionValue: (option: string) => `Option ${option} lacks its value or takes none; run selfeval --help for the usage.`,
    badSheetName: (name: string) => `The sheet name "${name}" cannot be used: 1 to 31 characters, none of : \\ / ? * [ ], not starting or ending with an apostrophe.`,
    extension: (ext: string) => `The output file must have the input's extension (${ext}); Excel would not open it otherwise (and an .xlsm would lose its macros).`,
    outputFolder: (path: string) => `The output ${path} is a folder; name a file in it.`,
    why: (code: string | undefined) => WHY_EN[code ?? ''] ?? 'the write failed; check the path and permissions',
  },
} as const;
