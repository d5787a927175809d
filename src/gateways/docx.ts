// The report as a Word document (.docx), for pasting into the unit's official report: 仿宋 body text with
// first-line indents, 黑体 / 楷体 headings, header lines with blanks to fill, bordered tables, A4 portrait.

import { AlignmentType, BorderStyle, Document, Packer, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun, UnderlineType, WidthType } from 'docx';
import { type Block, type Column, headerLines, type ReportDocument, type TableValue } from '../engine';

const BODY = '仿宋';
const SIZE = 32; // half-points: 16 pt, 三号, the size of official documents
const TABLE_SIZE = 21; // 10.5 pt, 五号
const MARGIN = { top: 2098, bottom: 1984, left: 1588, right: 1474 };
const TEXT_WIDTH = 11906 - MARGIN.left - MARGIN.right;
/** Twips of one em at the table size: a CJK character's width. */
const EM = TABLE_SIZE * 10;
/** Word's default cell margins (108 twips each side) and a little room for bold and rounding. */
const CELL_PADDING = 216 + 60;

type TableBlock = Extract<Block, { kind: 'table' }>;

function text(value: TableValue, column: Column): string {
  if (value === null || value === '') return '';
  if (typeof value === 'string') return value;
  if (column.format === 'percent') return `${(value * 100).toFixed(2)}%`;
  if (column.format === 'score') return value.toFixed(2);
  return String(value);
}

function width(s: string): number {
  let w = 0;
  // Digits are half an em in 仿宋; fallback fonts draw them wider, so allow 0.6.
  for (const ch of s) w += ch.charCodeAt(0) > 0x2e7f ? EM : EM * 0.6;
  return w;
}

/**
 * Column widths across the A4 text width: each column at least as wide as its header's longest line and
 * its longest number (neither may wrap inside a word), the rest to the text columns, names first.
 */
export function columnWidths(block: TableBlock): number[] {
  const least = block.columns.map((c, i) => {
    const header = Math.max(...headerLines(c.title).map(width));
    const numbers = block.rows.map((r) => (typeof r[i] === 'number' ? width(text(r[i], c)) : 0));
    return Math.max(header, ...numbers) + CELL_PADDING;
  });
  const share = block.columns.map((c) => (c.format !== 'text' ? 0.3 : c.centred ? 0.2 : c.title.includes('名称') ? 3 : 2));
  const spare = TEXT_WIDTH - least.reduce((a, b) => a + b, 0);
  if (spare < 0) return least.map((w) => Math.floor((w * TEXT_WIDTH) / (TEXT_WIDTH - spare)));
  const shares = share.reduce((a, b) => a + b, 0);
  return least.map((w, i) => w + Math.floor((spare * share[i]) / shares));
}

function table(block: TableBlock): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const widths = columnWidths(block);
  const cell = (lines: string[], header: boolean, align: (typeof AlignmentType)[keyof typeof AlignmentType]) => new TableCell({
    borders: { top: border, bottom: border, left: border, right: border },
    shading: header ? { type: ShadingType.CLEAR, fill: 'D9E1F2', color: 'auto' } : undefined,
    children: [new Paragraph({
      alignment: align,
      children: lines.map((line, i) => new TextRun({ text: line, font: BODY, size: TABLE_SIZE, bold: header, break: i > 0 ? 1 : undefined })),
    })],
  });
  // A header that does not fit on one line breaks between its words.
  const header = (c: Column, i: number) => (width(c.title) + CELL_PADDING <= widths[i] ? [c.title] : headerLines(c.title));
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: block.columns.map((c, i) => cell(header(c, i), true, AlignmentType.CENTER)) }),
      ...block.rows.map((r) => new TableRow({
        children: r.map((v, i) => {
          const c = block.columns[i];
          const align = c.centred ? AlignmentType.CENTER : typeof v === 'number' ? AlignmentType.RIGHT : AlignmentType.LEFT;
          return cell([text(v, c)], false, align);
        }),
      })),
    ],
  });
}

function paragraphs(block: Block): Array<Paragraph | Table> {
  const run = (t: string) => new TextRun({ text: t, font: BODY, size: SIZE });
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ spacing: { before: 240, after: 120 }, children: [new TextRun({ text: block.text, font: '黑体', size: SIZE })] })];
    case 'subheading':
      return [new Paragraph({ indent: { firstLine: 640 }, children: [new TextRun({ text: block.text, font: '楷体', size: SIZE, bold: true })] })];
    case 'paragraph':
      return [new Paragraph({ indent: { firstLine: 640 }, spacing: { line: 560 }, children: [run(block.text)] })];
    case 'placeholder':
      return [new Paragraph({
        indent: { firstLine: 640 },
        children: [new TextRun({ text: block.text, font: BODY, size: SIZE, bold: true, color: 'C00000', shading: { type: ShadingType.CLEAR, fill: 'FFF2CC', color: 'auto' } })],
      })];
    case 'field':
      // The blank is a line to write on: underlined ideographic spaces.
      return [new Paragraph({
        children: [run(`${block.label}：`), new TextRun({ text: block.value || '\u3000'.repeat(12), font: BODY, size: SIZE, underline: { type: UnderlineType.SINGLE } })],
      })];
    case 'table':
      // An empty line after the table keeps the next paragraph off its border.
      return [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: block.caption, font: '黑体', size: 24 })] }), table(block), new Paragraph({})];
  }
}

export async function reportDocx(doc: ReportDocument): Promise<Uint8Array> {
  const children: Array<Paragraph | Table> = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [new TextRun({ text: doc.title, font: '方正小标宋简体', size: 44 })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: doc.subtitle, font: BODY, size: 24 })] }),
    ...doc.blocks.flatMap(paragraphs),
  ];
  const document = new Document({
    creator: 'SelfEval 绩效自评助手',
    title: doc.title,
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 }, margin: MARGIN } }, children }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
