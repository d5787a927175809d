// The engine's only view of a workbook: plain data, filled by a gateway (Office.js, the file package, memory).

/** A cell as Excel reports it. Error values (#DIV/0!, #REF! …) arrive as their text. */
export type CellValue = number | string | boolean | null;

export interface SheetSnapshot {
  name: string;
  /**
   * Row-major values starting at A1; rows may be ragged and sparse (holes where nothing is): a file with
   * one stray cell at XFD1048576 holds one element there, not a rectangle. A merged area holds its value
   * in its top-left cell only.
   */
  values: CellValue[][];
  /** Formulas by A1 address (`{ "H14": "=SUM(H11:H13)" }`); cells without a formula are absent. */
  formulas: Record<string, string>;
  /** Merged areas as A1 ranges ("A1:K1"), none overlapping another. */
  merges: string[];
  /** True when the sheet is protected: its cells cannot be written. */
  protected?: boolean;
  /** True when the workbook hides the sheet: its issues are where a user does not look without unhiding it. */
  hidden?: boolean;
  /**
   * Formula cells saved without a result (by a program that does not calculate, such as openpyxl): their
   * value is unknown, not blank. Addresses in A1.
   */
  uncalculated?: string[];
  /** Cells whose number format shows a date, with the date as shown ("2025-01-01"): a day number, not an amount. */
  dates?: Record<string, string>;
  /**
   * Number cells whose number format shows a percent (0.6 shown as 60%), by A1 address; absent when
   * there are none.
   */
  percents?: string[];
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
}
