// The engine's report sheet (SheetDescription) as a layout the sheet writer draws: each cell style of
// the report given its look, A4 portrait, one page wide, page numbers in the footer.

import type { CellStyle, SheetDescription } from '../../engine';
import type { SheetLayout } from './layout';
import type { CellFormat } from './styles';

const FONT = '宋体';
const GRID = '000000';

const FORMATS: Record<CellStyle, CellFormat> = {
  title: { font: { name: FONT, size: 16, bold: true }, alignment: { horizontal: 'center', vertical: 'center', wrapText: true } },
  subtitle: { font: { name: FONT, size: 10, color: '595959' }, alignment: { horizontal: 'center', vertical: 'center' } },
  heading: { font: { name: '黑体', size: 12, bold: true }, alignment: { vertical: 'center' } },
  subheading: { font: { name: '楷体', size: 11, bold: true }, alignment: { vertical: 'center' } },
  paragraph: { font: { name: FONT, size: 11 }, alignment: { vertical: 'top', wrapText: true, indent: 1 } },
  placeholder: { font: { name: FONT, size: 11, bold: true, color: 'C00000' }, fill: 'FFF2CC', alignment: { vertical: 'top', wrapText: true, indent: 1 } },
  caption: { font: { name: FONT, size: 10, bold: true }, alignment: { horizontal: 'center', vertical: 'bottom' } },
  tableHeader: { font: { name: FONT, size: 10, bold: true }, fill: 'D9E1F2', border: GRID, alignment: { horizontal: 'center', vertical: 'center', wrapText: true } },
  tableText: { font: { name: FONT, size: 10 }, border: GRID, alignment: { vertical: 'center', wrapText: true } },
  tableCentred: { font: { name: FONT, size: 10 }, border: GRID, alignment: { horizontal: 'center', vertical: 'center' } },
  tableNumber: { font: { name: FONT, size: 10 }, border: GRID, alignment: { horizontal: 'right', vertical: 'center' } },
};

/** The report sheet's layout. Charts are left out: the table beside which Excel would draw one holds the same figures. */
export function reportLayout(sheet: SheetDescription, name = sheet.name): SheetLayout {
  // One format object per style and number format, shared by its cells: the writer makes each format once.
  const withNumbers = new Map<string, CellFormat>();
  const formatOf = (style: CellStyle, numberFormat: string | null): CellFormat => {
    if (!numberFormat) return FORMATS[style];
    const key = `${style}\u0000${numberFormat}`;
    let format = withNumbers.get(key);
    if (!format) withNumbers.set(key, (format = { ...FORMATS[style], numberFormat }));
    return format;
  };
  return {
    name,
    columnWidths: sheet.columnWidths,
    rowHeights: sheet.rowHeights,
    cells: sheet.cells.map((c) => ({ row: c.row, col: c.col, value: c.value, format: formatOf(c.style, c.numberFormat) })),
    merges: sheet.merges,
    showGridLines: false,
    page: {
      orientation: 'portrait',
      paperSize: 9,
      fitToWidth: 1,
      fitToHeight: 0,
      centredHorizontally: true,
      margins: { left: 0.6, right: 0.6, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
      footer: '第 &P 页，共 &N 页',
    },
  };
}
