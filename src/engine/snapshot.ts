// The engine's only view of a workbook: plain data, filled by a gateway (Office.js, ExcelJS, memory).

/** A cell as Excel reports it. Error values (#DIV/0!, #REF! …) arrive as their text. */
export type CellValue = number | string | boolean | null;

export interface SheetSnapshot {
  name: string;
  /** Row-major values starting at A1; rows may be ragged; a merged area holds its value in its top-left cell only. */
  values: CellValue[][];
  /** Formulas by A1 address (`{ "H14": "=SUM(H11:H13)" }`); cells without a formula are absent. */
  formulas: Record<string, string>;
  /** Merged areas as A1 ranges ("A1:K1"). */
  merges: string[];
  /** True when the sheet is protected: its cells cannot be written. */
  protected?: boolean;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
}
