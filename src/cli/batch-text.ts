// What `selfeval batch` says on the terminal, in Chinese and English. The review workbook itself is in
// Chinese: it is the bureau's document, and its notes go to the units.

import type { SkippedFile, UnitStatus } from '../engine/review';

const SKIPPED_ZH: Record<SkippedFile['kind'], string> = {
  lock: 'Office 临时文件', hidden: '隐藏或系统文件', other: '不是 Excel 工作簿', output: '本次写出的审核汇总', review: '以前写出的审核汇总',
};
const SKIPPED_EN: Record<SkippedFile['kind'], string> = {
  lock: 'Office lock file', hidden: 'hidden or system file', other: 'not an Excel workbook', output: 'the review being written', review: 'a review written before',
};

export const BT = {
  zh: {
    head: ['文件', '单位', '执行率', '换算得分', '错误', '警告', '状态'],
    status: { unreadable: '无法读取', errors: '需退回修改', warnings: '请核实', clean: '通过' } as Record<UnitStatus, string>,
    unreadable: (reason: string) => `无法读取：${reason}`,
    done: (files: number, threads: number, seconds: number) => `审核 ${files} 个文件（${threads} 个线程），用时 ${seconds.toFixed(1)} 秒。`,
    totals: (readable: number, unreadable: number, returned: number, errors: number, warnings: number) =>
      `可读取 ${readable} 个，无法读取 ${unreadable} 个；需退回修改 ${returned} 个；错误共 ${errors} 处，警告共 ${warnings} 处。`,
    skipped: (list: SkippedFile[]) => `未审核 ${list.length} 个文件：${list.map((s) => `${s.file}（${SKIPPED_ZH[s.kind]}）`).join('、')}。`,
    written: (file: string) => `已写入 ${file}：单位汇总、问题清单、退回意见、项目明细和执行率图。`,
    noOutput: '加 -o 审核汇总.xlsx 可写出审核汇总工作簿（单位汇总、问题清单、退回意见、项目明细和执行率图）。',
    noWorkbooks: (inputs: string) => `在 ${inputs} 中没有找到 .xlsx 或 .xlsm 工作簿。`,
    notFound: (path: string) => `找不到 ${path}；请检查文件夹或文件的路径。`,
    outputExtension: '审核汇总写成 Excel 工作簿：-o 的文件名应以 .xlsx 结尾，如 -o 审核汇总.xlsx。',
    badJobs: (value: string) => `--jobs 应为 1 到 64 之间的整数，而不是“${value}”。`,
    fault: (file: string, stack: string) => `处理 ${file} 时程序出错（已在审核汇总中注明）：\n${stack}`,
  },
  en: {
    head: ['File', 'Unit', 'Execution', 'Converted', 'Errors', 'Warnings', 'Status'],
    status: { unreadable: 'unreadable', errors: 'to be returned', warnings: 'to be checked', clean: 'passed' } as Record<UnitStatus, string>,
    unreadable: (reason: string) => `unreadable: ${reason}`,
    done: (files: number, threads: number, seconds: number) => `Reviewed ${files} file(s) on ${threads} thread(s) in ${seconds.toFixed(1)} s.`,
    totals: (readable: number, unreadable: number, returned: number, errors: number, warnings: number) =>
      `${readable} readable, ${unreadable} unreadable; ${returned} to be returned; ${errors} error(s), ${warnings} warning(s).`,
    skipped: (list: SkippedFile[]) => `Not reviewed, ${list.length} file(s): ${list.map((s) => `${s.file} (${SKIPPED_EN[s.kind]})`).join(', ')}.`,
    written: (file: string) => `Wrote ${file}: 单位汇总 (units), 问题清单 (issues), 退回意见 (notes to return), 项目明细 (projects) and 执行率图 (chart).`,
    noOutput: 'Add -o 审核汇总.xlsx to write the review workbook (units, issues, notes to return, projects and a chart).',
    noWorkbooks: (inputs: string) => `No .xlsx or .xlsm workbook found in ${inputs}.`,
    notFound: (path: string) => `${path} not found; check the folder's or the file's path.`,
    outputExtension: 'The review is an Excel workbook: the -o file name must end in .xlsx, e.g. -o review.xlsx.',
    badJobs: (value: string) => `--jobs takes a whole number from 1 to 64, not "${value}".`,
    fault: (file: string, stack: string) => `Internal error on ${file} (noted in the review):\n${stack}`,
  },
};
