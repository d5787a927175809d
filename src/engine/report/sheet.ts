// The report laid out as a sheet: six columns that print on A4 portrait, paragraphs merged across and
// wrapped with heights estimated from their length, tables with borders. Plain data; gateways render it.

import { toA1 } from '../address';
import { type Block, type ColumnFormat, headerLines, type ReportDocument, type TableValue } from './document';

export type CellStyle =
  | 'title' | 'subtitle' | 'heading' | 'subheading' | 'paragraph' | 'placeholder' | 'caption'
  | 'tableHeader' | 'tableText' | 'tableCentred' | 'tableNumber';

export interface SheetCell {
  row: number;
  col: number;
  /** Strings are text, always: a name such as "=SUM(1)" must never become a formula. */
  value: string | number;
  style: CellStyle;
  numberFormat: string | null;
}

/** A chart to draw beside the print area (Office.js can; the file gateway cannot, and the table holds the same figures). */
export interface ChartDescription {
  type: 'column';
  title: string;
  categories: string;
  values: string;
  /** The cell its top-left corner sits on. */
  anchor: string;
}

export interface SheetDescription {
  name: string;
  /** Column widths in Excel's character units. */
  columnWidths: number[];
  /** Row heights in points, by row (0-based); rows not listed keep the default height. */
  rowHeights: Record<number, number>;
  cells: SheetCell[];
  merges: string[];
  charts: ChartDescription[];
  rowCount: number;
}

export const DEFAULT_SUMMARY_SHEET = '自评报告';
const WIDTHS = [16, 30, 14, 14, 10, 10];
const TOTAL_WIDTH = WIDTHS.reduce((a, b) => a + b, 0);
/** Points per wrapped line at the paragraph font (11 pt 宋体). */
const LINE_HEIGHT = 15;

export const NUMBER_FORMATS: Record<ColumnFormat, string | null> = {
  text: null,
  amount: '0.00####',
  percent: '0.00%',
  score: '0.00',
  count: '0',
};

/** Display width in column units: a CJK character at 10–11 pt measures about 1.75 (seen in LibreOffice's A4 render). */
function displayWidth(text: string): number {
  // By character code, not `for of`: every cell of a 2,000-project report is measured, and the iterator
  // costs more than the sum. A surrogate pair is one character: its second half adds nothing.
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff && i > 0 && (text.charCodeAt(i - 1) & 0xfc00) === 0xd800) continue;
    width += isWide(code) ? 1.75 : 1;
  }
  return width;
}

/** CJK ideographs, radicals, punctuation and full-width forms. */
function isWide(code: number): boolean {
  return (code >= 0x2e80 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xff00 && code <= 0xffef);
}

function lines(text: string, width: number): number {
  // Two units short of the edge: Excel wraps at punctuation, not exactly at the border.
  const usable = Math.max(width - 2, 4);
  return text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(displayWidth(part) / usable)), 0);
}

/** How a table's columns spread over the sheet's six columns. */
function spans(count: number): number[] {
  if (count >= WIDTHS.length) return WIDTHS.map(() => 1);
  const base = Math.floor(WIDTHS.length / count);
  const out = Array.from({ length: count }, () => base);
  out[0] += WIDTHS.length - base * count;
  return out;
}

export function reportSheet(doc: ReportDocument, name = DEFAULT_SUMMARY_SHEET): SheetDescription {
  const cells: SheetCell[] = [];
  const merges: string[] = [];
  const rowHeights: Record<number, number> = {};
  const charts: ChartDescription[] = [];
  let row = 0;
  const last = WIDTHS.length - 1;

  const line = (text: string, style: CellStyle, height: number) => {
    cells.push({ row, col: 0, value: text, style, numberFormat: null });
    merges.push(`${toA1(row, 0)}:${toA1(row, last)}`);
    rowHeights[row] = height;
    row++;
  };
  const paragraph = (text: string, style: CellStyle) => line(text, style, lines(text, TOTAL_WIDTH) * LINE_HEIGHT + 6);

  line(doc.title, 'title', 36);
  line(doc.subtitle, 'subtitle', 20);
  for (const block of doc.blocks) row = addBlock(block);

  function addBlock(block: Block): number {
    switch (block.kind) {
      case 'heading':
        rowHeights[row] = 8; // breathing space before a section
        row++;
        line(block.text, 'heading', 24);
        return row;
      case 'subheading':
        line(block.text, 'subheading', 20);
        return row;
      case 'paragraph':
      case 'placeholder':
        paragraph(block.text, block.kind);
        return row;
      case 'field':
        line(`${block.label}：${block.value}`, 'paragraph', 20);
        return row;
      case 'table':
        return addTable(block);
    }
  }

  function addTable(block: Extract<Block, { kind: 'table' }>): number {
    line(block.caption, 'caption', 20);
    const span = spans(block.columns.length);
    const put = (values: TableValue[], header: boolean) => {
      let col = 0;
      let height = 1;
      values.forEach((value, i) => {
        const width = WIDTHS.slice(col, col + span[i]).reduce((a, b) => a + b, 0);
        const format = block.columns[i].format;
        if (value !== null && value !== '') {
          const style: CellStyle = header ? 'tableHeader' : typeof value === 'number' ? 'tableNumber' : block.columns[i].centred ? 'tableCentred' : 'tableText';
          // A header too wide for its column breaks between words, never inside one (自评得/分).
          const text = header && typeof value === 'string' && displayWidth(value) > width - 2 ? headerLines(value).join('\n') : value;
          cells.push({ row, col, value: text, style, numberFormat: header ? null : NUMBER_FORMATS[format] });
          if (typeof text === 'string') height = Math.max(height, lines(text, width));
        } else {
          cells.push({ row, col, value: '', style: header ? 'tableHeader' : 'tableText', numberFormat: null });
        }
        if (span[i] > 1) merges.push(`${toA1(row, col)}:${toA1(row, col + span[i] - 1)}`);
        col += span[i];
      });
      rowHeights[row] = Math.max(height * LINE_HEIGHT + 6, header ? 30 : 20);
      row++;
    };
    const headerRow = row;
    put(block.columns.map((c) => c.title), true);
    for (const values of block.rows) put(values, false);
    if (block.chart && block.rows.length) {
      const valueCol = span[0];
      charts.push({
        type: block.chart, title: block.caption, anchor: toA1(headerRow - 1, WIDTHS.length + 1),
        categories: `${toA1(headerRow + 1, 0)}:${toA1(row - 1, 0)}`, values: `${toA1(headerRow + 1, valueCol)}:${toA1(row - 1, valueCol)}`,
      });
    }
    rowHeights[row] = 8; // breathing space between the table and the text after it
    return row + 1;
  }

  return { name, columnWidths: WIDTHS, rowHeights, cells, merges, charts, rowCount: row };
}
