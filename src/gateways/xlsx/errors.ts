// Why a file cannot be used, said so that a finance officer knows what to do.

import type { Lang } from '../../engine';

export type FileProblem = 'not-found' | 'not-workbook' | 'xls' | 'unreadable' | 'empty';

const TEXT: Record<FileProblem, { zh: (f: string) => string; en: (f: string) => string }> = {
  'not-found': {
    zh: (f) => `找不到文件 ${f}；请检查路径。`,
    en: (f) => `File not found: ${f}; check the path.`,
  },
  'not-workbook': {
    zh: (f) => `${f} 不是 Excel 工作簿（.xlsx）；请选择财政局下发的自评表文件。`,
    en: (f) => `${f} is not an Excel workbook (.xlsx); choose the self-evaluation workbook.`,
  },
  xls: {
    zh: (f) => `${f} 是旧版 .xls 格式或已加密的工作簿，无法直接读取；请在 Excel 或 WPS 中“另存为”未加密的 .xlsx 后再试。`,
    en: (f) => `${f} is an old .xls file or an encrypted workbook; save it as an unencrypted .xlsx in Excel or WPS and try again.`,
  },
  unreadable: {
    zh: (f) => `${f} 已损坏或无法解析；请在 Excel 或 WPS 中打开后重新保存为 .xlsx 再试。`,
    en: (f) => `${f} is damaged or cannot be parsed; open it in Excel or WPS, save it again as .xlsx and retry.`,
  },
  empty: {
    zh: (f) => `${f} 中没有工作表。`,
    en: (f) => `${f} has no worksheets.`,
  },
};

export class FileError extends Error {
  constructor(readonly problem: FileProblem, readonly file: string, readonly detail?: string) {
    super(TEXT[problem].en(file));
  }

  describe(lang: Lang): string {
    return TEXT[this.problem][lang](this.file);
  }
}
