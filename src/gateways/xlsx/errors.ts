// Why a file cannot be used, said so that a finance officer knows what to do: one line, in Chinese by
// default.

import type { Lang } from '../../engine';

export type FileProblem = 'not-found' | 'not-file' | 'not-workbook' | 'xls' | 'xlsb' | 'unreadable' | 'empty' | 'too-large' | 'too-many-cells' | 'structure-locked';

export interface FileDetail {
  /** The limit that was passed, in its unit (MB or cells). */
  limit?: number;
  /** The part or sheet it concerns. */
  where?: string;
}

type Text = (f: string, d: FileDetail) => string;

const TEXT: Record<FileProblem, { zh: Text; en: Text }> = {
  'not-found': {
    zh: (f) => `找不到文件 ${f}；请检查路径。`,
    en: (f) => `File not found: ${f}; check the path.`,
  },
  'not-file': {
    zh: (f) => `${f} 不是普通文件（是文件夹、设备或管道）；请指定一个 .xlsx 工作簿文件。`,
    en: (f) => `${f} is not a regular file (it is a folder, a device or a pipe); name an .xlsx workbook file.`,
  },
  'not-workbook': {
    zh: (f) => `${f} 不是 Excel 工作簿（.xlsx）；请选择财政局下发的自评表文件。`,
    en: (f) => `${f} is not an Excel workbook (.xlsx); choose the self-evaluation workbook.`,
  },
  xls: {
    zh: (f) => `${f} 是旧版 .xls 格式或已加密的工作簿，无法直接读取；请在 Excel 或 WPS 中“另存为”未加密的 .xlsx 后再试。`,
    en: (f) => `${f} is an old .xls file or an encrypted workbook; save it as an unencrypted .xlsx in Excel or WPS and try again.`,
  },
  xlsb: {
    zh: (f) => `${f} 是二进制格式的工作簿（.xlsb），无法直接读取；请在 Excel 或 WPS 中“另存为” .xlsx 后再试。`,
    en: (f) => `${f} is a binary workbook (.xlsb); save it as .xlsx in Excel or WPS and try again.`,
  },
  unreadable: {
    zh: (f) => `${f} 已损坏或无法解析；请在 Excel 或 WPS 中打开后重新保存为 .xlsx 再试。`,
    en: (f) => `${f} is damaged or cannot be parsed; open it in Excel or WPS, save it again as .xlsx and retry.`,
  },
  empty: {
    zh: (f) => `${f} 中没有工作表。`,
    en: (f) => `${f} has no worksheets.`,
  },
  'too-large': {
    zh: (f, d) => `${f} 过大：${d.where ? `其中“${d.where}”` : '文件'}解压后超过 ${d.limit} MB，超出本工具的处理上限；请删除不需要的工作表或图片，或拆分工作簿后再试。`,
    en: (f, d) => `${f} is too large: ${d.where ? `"${d.where}"` : 'the file'} takes more than ${d.limit} MB unpacked, past this tool's limit; remove sheets or pictures you do not need, or split the workbook, and retry.`,
  },
  'too-many-cells': {
    zh: (f, d) => `${f} 的非空单元格超过 ${d.limit} 个${d.where ? `（读到工作表“${d.where}”时）` : ''}，超出本工具的处理上限；请删除无关的工作表或数据后再试。`,
    en: (f, d) => `${f} has more than ${d.limit} non-empty cells${d.where ? ` (reached on sheet "${d.where}")` : ''}, past this tool's limit; remove unrelated sheets or data and retry.`,
  },
  'structure-locked': {
    zh: (f) => `${f} 的工作簿结构受保护，不能添加自评报告工作表；请在 Excel 或 WPS 的“审阅 > 保护工作簿”中取消结构保护后再试，或把报告另存为 Word 文档。`,
    en: (f) => `${f} has its workbook structure protected, so no report sheet can be added; unprotect the structure (Review > Protect Workbook) in Excel or WPS and retry, or save the report as a Word document.`,
  },
};

export class FileError extends Error {
  constructor(readonly problem: FileProblem, readonly file: string, readonly detail: FileDetail = {}, readonly cause?: unknown) {
    super(TEXT[problem].en(file, detail));
  }

  describe(lang: Lang): string {
    return TEXT[this.problem][lang](this.file, this.detail);
  }
}
