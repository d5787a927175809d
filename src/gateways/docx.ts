// The report as a Word document (.docx), for pasting into the unit's official report: 仿宋 body text with
// first-line indents, 黑体 / 楷体 headings, bordered tables, A4 portrait.

import { AlignmentType, BorderStyle, Document, Packer, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx';
import type { Block, Column, ReportDocument, TableValue } from '../engine';

const BODY = '仿宋';
const SIZE = 32; // half-points: 16 pt, 三号, the size of official documents
const MARGIN = { top: 2098, bottom: 1984, left: 1588, right: 1474 };
const TEXT_WIDTH = 11906 - MARGIN.left - MARGIN.right;

function text(value: TableValue, column: Column): string {
  if (value === null || value === '') return '';
  if (typeof value === 'string') return value;
  if (column.format === 'percent') return `${(value * 100).toFixed(2)}%`;
  if (column.format === 'score') return value.toFixed(2);
  return String(value);
}

function paragraph(block: Block): Paragraph | Table {
  switch (block.kind) {
    case 'heading':
      return new Paragraph({ spacing: { before: 240, after: 120 }, children: [new TextRun({ text: block.text, font: '黑体', size: SIZE })] });
    case 'subheading':
      return new Paragraph({ indent: { firstLine: 640 }, children: [new TextRun({ text: block.text, font: '楷体', size: SIZE, bold: true })] });
    case 'paragraph':
      return new Paragraph({ indent: { firstLine: 640 }, spacing: { line: 560 }, children: [new TextRun({ text: block.text, font: BODY, size: SIZE })] });
    case 'placeholder':
      return new Paragraph({
        indent: { firstLine: 640 },
        children: [new TextRun({ text: block.text, font: BODY, size: SIZE, bold: true, color: 'C00000', shading: { type: ShadingType.CLEAR, fill: 'FFF2CC', color: 'auto' } })],
      });
    case 'table': {
      const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
      const cell = (value: string, header: boolean, right: boolean, centred = false) => new TableCell({
        borders: { top: border, bottom: border, left: border, right: border },
        shading: header ? { type: ShadingType.CLEAR, fill: 'D9E1F2', color: 'auto' } : undefined,
        children: [new Paragraph({
          alignment: header || centred ? AlignmentType.CENTER : right ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [new TextRun({ text: value, font: BODY, size: 21, bold: header })],
        })],
      });
      // Names need room; numbers and grades little. Widths in twips across the A4 text width.
      const WEIGHT = { text: 2.3, amount: 2, percent: 1.6, score: 1.3, count: 1.3 };
      const weights = block.columns.map((c) => (c.title.includes('项目名称') ? 2.8 : c.centred ? 1.1 : WEIGHT[c.format]));
      const total = weights.reduce((a, b) => a + b, 0);
      return new Table({
        width: { size: TEXT_WIDTH, type: WidthType.DXA },
        layout: TableLayoutType.FIXED,
        columnWidths: weights.map((w) => Math.round((w / total) * TEXT_WIDTH)),
        rows: [
          new TableRow({ tableHeader: true, children: block.columns.map((c) => cell(c.title, true, false)) }),
          ...block.rows.map((r) => new TableRow({ children: r.map((v, i) => cell(text(v, block.columns[i]), false, typeof v === 'number', block.columns[i].centred)) })),
        ],
      });
    }
  }
}

export async function reportDocx(doc: ReportDocument): Promise<Uint8Array> {
  const children: Array<Paragraph | Table> = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [new TextRun({ text: doc.title, font: '方正小标宋简体', size: 44 })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: doc.subtitle, font: BODY, size: 24 })] }),
  ];
  for (const block of doc.blocks) {
    if (block.kind === 'table') children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: block.caption, font: '黑体', size: 24 })] }));
    children.push(paragraph(block));
  }
  const document = new Document({
    creator: 'SelfEval 绩效自评助手',
    title: doc.title,
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 }, margin: MARGIN } }, children }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
