// The report's sheet description drawn in the open workbook: created, or replaced where this tool wrote it
// before (its A2 holds the report's subtitle); a user's own sheet of that name is left alone. Values and
// number formats go in one block each; the band table gets a column chart beside the print area.

/// <reference types="office-js" />

import { type CellStyle, REPORT_SUBTITLE, type SheetDescription, toA1 } from '../../engine';
import { parseArea } from '../../engine/address';
import type { OfficeApi } from './api';
import { asText } from './blocks';

interface Look {
  font?: { name?: string; size?: number; bold?: boolean; color?: string };
  fill?: string;
  horizontal?: 'Left' | 'Center' | 'Right';
  vertical?: 'Top' | 'Center' | 'Bottom';
  wrap?: boolean;
  border?: boolean;
}

const LOOKS: Record<CellStyle, Look> = {
  title: { font: { name: '宋体', size: 16, bold: true }, horizontal: 'Center', vertical: 'Center', wrap: true },
  subtitle: { font: { name: '宋体', size: 10, color: '#595959' }, horizontal: 'Center', vertical: 'Center' },
  heading: { font: { name: '黑体', size: 12, bold: true }, vertical: 'Center' },
  subheading: { font: { name: '楷体', size: 11, bold: true }, vertical: 'Center' },
  paragraph: { font: { name: '宋体', size: 11 }, vertical: 'Top', wrap: true },
  placeholder: { font: { name: '宋体', size: 11, bold: true, color: '#C00000' }, fill: '#FFF2CC', vertical: 'Top', wrap: true },
  caption: { font: { name: '宋体', size: 10, bold: true }, horizontal: 'Center', vertical: 'Bottom' },
  tableHeader: { font: { name: '宋体', size: 10, bold: true }, fill: '#D9E1F2', horizontal: 'Center', vertical: 'Center', wrap: true, border: true },
  tableText: { font: { name: '宋体', size: 10 }, vertical: 'Center', wrap: true, border: true },
  tableCentred: { font: { name: '宋体', size: 10 }, horizontal: 'Center', vertical: 'Center', border: true },
  tableNumber: { font: { name: '宋体', size: 10 }, horizontal: 'Right', vertical: 'Center', border: true },
};

/** Points per character unit of column width (Excel's default font). */
const POINTS_PER_WIDTH_UNIT = 6;

function style(range: Excel.Range, look: Look): void {
  const f = range.format;
  if (look.font?.name) f.font.name = look.font.name;
  if (look.font?.size) f.font.size = look.font.size;
  if (look.font?.bold) f.font.bold = true;
  if (look.font?.color) f.font.color = look.font.color;
  if (look.fill) f.fill.color = look.fill;
  if (look.horizontal) f.horizontalAlignment = look.horizontal;
  if (look.vertical) f.verticalAlignment = look.vertical;
  if (look.wrap) f.wrapText = true;
  if (look.border) {
    for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const) f.borders.getItem(edge).style = 'Continuous';
  }
}

/** Writes the report sheet, selects it, and returns the name it was written under. */
export async function writeSummarySheet(api: OfficeApi, sheet: SheetDescription): Promise<string> {
  return api.run({ mergeUndoGroup: api.supports('1.20') }, async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    const existing = sheets.getItemOrNullObject(sheet.name);
    existing.load('position');
    await context.sync();

    let name = sheet.name;
    let position: number | null = null;
    if (!existing.isNullObject) {
      const a2 = existing.getRange('A2');
      a2.load('values');
      await context.sync();
      if (a2.values[0][0] === REPORT_SUBTITLE) {
        position = existing.position;
        existing.delete();
      } else {
        const taken = new Set(sheets.items.map((s) => s.name));
        for (let n = 2; taken.has(name); n++) name = `${sheet.name}(${n})`;
      }
    }

    const ws = sheets.add(name);
    if (position !== null) ws.position = position;
    const width = sheet.columnWidths.length;
    const values: Array<Array<string | number>> = Array.from({ length: sheet.rowCount }, () => Array<string | number>(width).fill(''));
    const formats: Array<Array<string | null>> = values.map((r) => r.map(() => null));
    for (const c of sheet.cells) {
      values[c.row][c.col] = asText(c.value);
      formats[c.row][c.col] = c.numberFormat;
    }
    const all = ws.getRangeByIndexes(0, 0, sheet.rowCount, width);
    all.values = values;
    all.numberFormat = formats as unknown[][];

    const mergeAt = new Map<string, string>();
    for (const range of sheet.merges) mergeAt.set(range.split(':')[0], range);
    for (const range of sheet.merges) ws.getRange(range).merge(false);
    for (const c of sheet.cells) style(ws.getRange(mergeAt.get(toA1(c.row, c.col)) ?? toA1(c.row, c.col)), LOOKS[c.style]);
    sheet.columnWidths.forEach((w, i) => (ws.getRangeByIndexes(0, i, 1, 1).getEntireColumn().format.columnWidth = w * POINTS_PER_WIDTH_UNIT));
    for (const [row, height] of Object.entries(sheet.rowHeights)) ws.getRangeByIndexes(Number(row), 0, 1, 1).getEntireRow().format.rowHeight = height;

    for (const chart of sheet.charts) {
      const drawn = ws.charts.add('ColumnClustered', ws.getRange(chart.values), 'Columns');
      drawn.title.text = chart.title;
      drawn.legend.visible = false;
      drawn.series.getItemAt(0).setXAxisValues(ws.getRange(chart.categories));
      const anchor = parseArea(chart.anchor);
      drawn.setPosition(ws.getRangeByIndexes(anchor.top, anchor.left, 1, 1), ws.getRangeByIndexes(anchor.top + 14, anchor.left + 5, 1, 1));
    }
    if (api.supports('1.8')) ws.showGridlines = false;
    if (api.supports('1.9')) {
      ws.pageLayout.orientation = 'Portrait';
      ws.pageLayout.paperSize = 'A4';
      ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      ws.pageLayout.setPrintArea(`A1:${toA1(sheet.rowCount - 1, width - 1)}`);
    }
    ws.activate();
    ws.getRange('A1').select();
    await context.sync();
    return name;
  });
}
