// The report's sheet description drawn into the ExcelJS workbook. A sheet of that name that this tool
// wrote before is replaced in place; a user's own sheet of that name is never touched.

import ExcelJS from 'exceljs';
import type { CellStyle, SheetDescription } from '../../engine';
import { REPORT_SUBTITLE } from '../../engine';

const FONT = '宋体';
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BOX = { top: THIN, left: THIN, bottom: THIN, right: THIN };

const STYLES: Record<CellStyle, Partial<ExcelJS.Style>> = {
  title: { font: { name: FONT, size: 16, bold: true }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } },
  subtitle: { font: { name: FONT, size: 10, color: { argb: 'FF595959' } }, alignment: { horizontal: 'center', vertical: 'middle' } },
  heading: { font: { name: '黑体', size: 12, bold: true }, alignment: { vertical: 'middle' } },
  subheading: { font: { name: '楷体', size: 11, bold: true }, alignment: { vertical: 'middle' } },
  paragraph: { font: { name: FONT, size: 11 }, alignment: { vertical: 'top', wrapText: true, indent: 1 } },
  placeholder: {
    font: { name: FONT, size: 11, bold: true, color: { argb: 'FFC00000' } },
    alignment: { vertical: 'top', wrapText: true, indent: 1 },
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } },
  },
  caption: { font: { name: FONT, size: 10, bold: true }, alignment: { horizontal: 'center', vertical: 'bottom' } },
  tableHeader: {
    font: { name: FONT, size: 10, bold: true }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } }, border: BOX,
  },
  tableText: { font: { name: FONT, size: 10 }, alignment: { vertical: 'middle', wrapText: true }, border: BOX },
  tableCentred: { font: { name: FONT, size: 10 }, alignment: { horizontal: 'center', vertical: 'middle' }, border: BOX },
  tableNumber: { font: { name: FONT, size: 10 }, alignment: { horizontal: 'right', vertical: 'middle' }, border: BOX },
};

/** A name for the report that does not take a user's own sheet. */
function freeName(workbook: ExcelJS.Workbook, wanted: string): string {
  for (let n = 2; ; n++) {
    const name = `${wanted}(${n})`;
    if (!workbook.getWorksheet(name)) return name;
  }
}

/** Writes the report sheet and returns the name it was written under. */
export function writeSummary(workbook: ExcelJS.Workbook, sheet: SheetDescription): string {
  let name = sheet.name;
  // ExcelJS orders sheets by orderNo (not in its typings): the replaced report keeps its place.
  type Ordered = ExcelJS.Worksheet & { orderNo?: number };
  let orderNo: number | undefined;
  const existing = workbook.getWorksheet(name);
  if (existing) {
    if (existing.getCell('A2').value === REPORT_SUBTITLE) {
      orderNo = (existing as Ordered).orderNo;
      workbook.removeWorksheet(existing.id);
    } else {
      name = freeName(workbook, name);
    }
  }
  const ws = workbook.addWorksheet(name, {
    views: [{ showGridLines: false }],
    pageSetup: {
      paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true,
      margins: { left: 0.6, right: 0.6, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
  });
  if (orderNo !== undefined) (ws as Ordered).orderNo = orderNo;
  sheet.columnWidths.forEach((width, i) => (ws.getColumn(i + 1).width = width));
  for (const [row, height] of Object.entries(sheet.rowHeights)) ws.getRow(Number(row) + 1).height = height;
  for (const c of sheet.cells) {
    const cell = ws.getCell(c.row + 1, c.col + 1);
    // A plain value: ExcelJS makes formulas only from { formula }, so "=x" in a name stays text.
    cell.value = c.value;
    cell.style = { ...STYLES[c.style], ...(c.numberFormat ? { numFmt: c.numberFormat } : {}) };
  }
  for (const range of sheet.merges) {
    ws.mergeCells(range);
    // Borders of a merged table cell belong on every cell it covers, or the grid shows gaps.
    const [from, to] = range.split(':');
    const first = ws.getCell(from);
    if (!first.style.border) continue;
    const last = ws.getCell(to);
    for (let col = Number(first.col) + 1; col <= Number(last.col); col++) ws.getCell(Number(first.row), col).style = { ...first.style };
  }
  ws.pageSetup.printArea = `A1:F${sheet.rowCount}`;
  return name;
}
