// Sheet descriptions into a styled .xlsx (bordered tables, bold headers, wrapped text, A4 landscape).

import ExcelJS from 'exceljs';
import type { SheetSpec } from './layouts';

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
const FONT = '宋体';

export function specsToWorkbook(specs: SheetSpec[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'SelfEval 绩效自评助手';
  // A fixed date: the same script makes the same file.
  wb.created = new Date(Date.UTC(2026, 0, 1));
  wb.modified = wb.created;
  for (const spec of specs) {
    const ws = wb.addWorksheet(spec.name, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    spec.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
    spec.rows.forEach((values, r) => {
      values.forEach((value, c) => {
        if (value === null) return;
        ws.getCell(r + 1, c + 1).value = value;
      });
    });
    for (const [address, formula] of Object.entries(spec.formulas)) {
      const cell = ws.getCell(address);
      const result = cell.value === null ? undefined : (cell.value as number | string);
      cell.value = { formula: formula.replace(/^=/, ''), result } as ExcelJS.CellFormulaValue;
    }
    for (const [top, bottom] of spec.tables) {
      for (let r = top; r <= bottom; r++) {
        for (let c = 0; c < spec.widths.length; c++) {
          const cell = ws.getCell(r + 1, c + 1);
          cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
          cell.alignment = { vertical: 'middle', wrapText: true };
          cell.font = { name: FONT, size: 10 };
        }
      }
    }
    for (const r of spec.headerRows) {
      ws.getRow(r + 1).eachCell({ includeEmpty: true }, (cell) => {
        cell.font = { name: FONT, size: 10, bold: true };
        cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
      });
    }
    for (const r of spec.titleRows) {
      const cell = ws.getCell(r + 1, 1);
      cell.font = { name: FONT, size: r === 0 ? 16 : 11, bold: r === 0 };
      cell.alignment = { horizontal: 'center', vertical: 'middle' };
      ws.getRow(r + 1).height = r === 0 ? 28 : 18;
    }
    for (const range of spec.merges) ws.mergeCells(range);
  }
  return wb;
}
