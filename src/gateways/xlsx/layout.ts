// A sheet this tool writes, described as data (cells with their look, widths, heights, merges, print
// setup), turned into a worksheet part; its formats are appended to the workbook's styles. Used for the
// 自评报告 sheet added to a unit's workbook and for workbooks made from scratch (create.ts).

import { parseArea, toA1 } from '../../engine/address';
import type { ChartLayout } from './chart';
import { cellXml } from './patch';
import type { StringTable } from './string-table';
import type { CellFormat, StyleBook } from './styles';
import { escapeAttribute, escapeText } from './xml';

export interface LayoutCell {
  row: number;
  col: number;
  /** Strings are always text: "=SUM(A1)" is written as text, never as a formula. */
  value: string | number | boolean | null;
  format?: CellFormat;
}

export interface PageSetup {
  orientation: 'portrait' | 'landscape';
  /** Excel's paper code: 9 is A4. */
  paperSize?: number;
  /** Pages across and down to fit the sheet on (0: as many as it takes). */
  fitToWidth?: number;
  fitToHeight?: number;
  centredHorizontally?: boolean;
  /** Inches, as Excel keeps them. */
  margins?: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  /** Excel header/footer codes: &P the page, &N the pages. */
  footer?: string;
}

export interface SheetLayout {
  name: string;
  /** Widths in Excel's character units, from column A. */
  columnWidths: number[];
  /** Heights in points by 0-based row. */
  rowHeights?: Record<number, number>;
  cells: LayoutCell[];
  merges?: string[];
  showGridLines?: boolean;
  page?: PageSetup;
  /** Rows and columns kept in view while the rest scrolls (a frozen header). */
  freeze?: { rows: number; cols?: number };
  /** The area given filter buttons (its first row is the header), as "A3:W40". */
  autoFilter?: string;
  /** Rows printed again at the top of every page (0-based, inclusive): the header of a long table. */
  printTitleRows?: [number, number];
  /** Charts drawn over the sheet (new workbooks only: see create.ts). */
  charts?: ChartLayout[];
}

export interface Namespaces {
  main: string;
  rel: string;
}

/** The sheet's frozen panes: the top rows and left columns stay while the rest scrolls. */
function sheetView(layout: SheetLayout): string {
  const grid = layout.showGridLines === false ? ' showGridLines="0"' : '';
  const rows = layout.freeze?.rows ?? 0;
  const cols = layout.freeze?.cols ?? 0;
  if (rows === 0 && cols === 0) return `<sheetView${grid} workbookViewId="0"/>`;
  const pane = rows && cols ? 'bottomRight' : rows ? 'bottomLeft' : 'topRight';
  const corner = toA1(rows, cols);
  return `<sheetView${grid} workbookViewId="0">`
    + `<pane${cols ? ` xSplit="${cols}"` : ''}${rows ? ` ySplit="${rows}"` : ''} topLeftCell="${corner}" activePane="${pane}" state="frozen"/>`
    + `<selection pane="${pane}" activeCell="${corner}" sqref="${corner}"/></sheetView>`;
}

/**
 * `drawing`: the relationship id of the sheet's drawing part, when it has charts; `strings`: the new
 * workbook's shared strings (without it, text is written inline).
 */
export function worksheetXml(layout: SheetLayout, styles: StyleBook, ns: Namespaces, drawing?: string, strings?: StringTable): string {
  const cells = new Map<number, Map<number, { value: LayoutCell['value']; style: number }>>();
  const put = (row: number, col: number, value: LayoutCell['value'], style: number) => {
    let line = cells.get(row);
    if (!line) cells.set(row, (line = new Map()));
    line.set(col, { value, style });
  };
  // Cells share their format objects (a report's table has thousands of cells and a dozen formats): each is made once.
  const formats = new Map<CellFormat, number>();
  const styleOf = (format: CellFormat): number => {
    let style = formats.get(format);
    if (style === undefined) formats.set(format, (style = styles.format(format)));
    return style;
  };
  for (const c of layout.cells) put(c.row, c.col, c.value, c.format ? styleOf(c.format) : 0);
  // A merged area shows the borders and fill of every cell it covers: give them its first cell's format.
  for (const range of layout.merges ?? []) {
    const area = parseArea(range);
    const style = cells.get(area.top)?.get(area.left)?.style ?? 0;
    if (style === 0) continue;
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) if (!cells.get(r)?.has(c)) put(r, c, null, style);
    }
  }

  const heights = layout.rowHeights ?? {};
  const rowNumbers = [...new Set([...cells.keys(), ...Object.keys(heights).map(Number)])].sort((a, b) => a - b);
  let lastCol = 0;
  const rows = rowNumbers.map((r) => {
    const line = [...(cells.get(r) ?? new Map()).entries()].sort((a, b) => a[0] - b[0]);
    if (line.length) lastCol = Math.max(lastCol, line[line.length - 1][0]);
    const height = heights[r] !== undefined ? ` ht="${heights[r]}" customHeight="1"` : '';
    const body = line.map(([c, { value, style }]) => {
      if (value === null || value === '') return emptyCell(r, c, style);
      if (typeof value === 'string' && strings) return `<c r="${toA1(r, c)}"${style ? ` s="${style}"` : ''} t="s"><v>${strings.index(value)}</v></c>`;
      return cellXml(r, c, value, style, '');
    }).join('');
    return body ? `<row r="${r + 1}"${height}>${body}</row>` : `<row r="${r + 1}"${height}/>`;
  });
  const lastRow = rowNumbers.length ? rowNumbers[rowNumbers.length - 1] : 0;

  const page = layout.page;
  const fit = page && (page.fitToWidth !== undefined || page.fitToHeight !== undefined);
  const widths = layout.columnWidths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  const merges = layout.merges?.length ? `<mergeCells count="${layout.merges.length}">${layout.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
  const m = page?.margins ?? { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
    + `<worksheet xmlns="${ns.main}" xmlns:r="${ns.rel}">`
    + (fit ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '')
    + `<dimension ref="A1:${toA1(lastRow, lastCol)}"/>`
    + `<sheetViews>${sheetView(layout)}</sheetViews>`
    + '<sheetFormatPr defaultRowHeight="14.25"/>'
    + (widths ? `<cols>${widths}</cols>` : '')
    + (rows.length ? `<sheetData>${rows.join('')}</sheetData>` : '<sheetData/>')
    + (layout.autoFilter ? `<autoFilter ref="${layout.autoFilter}"/>` : '')
    + merges
    + (page?.centredHorizontally ? '<printOptions horizontalCentered="1"/>' : '')
    + `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`
    + (page ? `<pageSetup paperSize="${page.paperSize ?? 9}" orientation="${page.orientation}"${page.fitToWidth !== undefined ? ` fitToWidth="${page.fitToWidth}"` : ''}${page.fitToHeight !== undefined ? ` fitToHeight="${page.fitToHeight}"` : ''}/>` : '')
    + (page?.footer ? `<headerFooter><oddFooter>${escapeText(page.footer)}</oddFooter></headerFooter>` : '')
    + (drawing ? `<drawing r:id="${drawing}"/>` : '')
    + '</worksheet>';
}

function emptyCell(row: number, col: number, style: number): string {
  return `<c r="${escapeAttribute(toA1(row, col))}"${style ? ` s="${style}"` : ''}/>`;
}
