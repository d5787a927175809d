// The report as plain text (to paste into the official document) and as Markdown.

import type { Block, Column, ReportDocument, TableValue } from './document';

function cellText(value: TableValue, column: Column): string {
  if (value === null || value === '') return '';
  if (typeof value === 'string') return value;
  switch (column.format) {
    case 'percent':
      return `${(value * 100).toFixed(2)}%`;
    case 'score':
      return value.toFixed(2);
    default:
      return String(value);
  }
}

function tableRows(block: Extract<Block, { kind: 'table' }>): string[][] {
  return [block.columns.map((c) => c.title), ...block.rows.map((r) => r.map((v, i) => cellText(v, block.columns[i])))];
}

/** Paragraphs start with two ideographic spaces, as Chinese official documents do. */
export function reportText(doc: ReportDocument): string {
  const out: string[] = [doc.title, doc.subtitle, ''];
  for (const block of doc.blocks) {
    switch (block.kind) {
      case 'heading':
        out.push('', block.text);
        break;
      case 'subheading':
        out.push(block.text);
        break;
      case 'paragraph':
      case 'placeholder':
        out.push(`\u3000\u3000${block.text}`);
        break;
      case 'field':
        out.push(`${block.label}：${block.value}`);
        break;
      case 'table':
        out.push(`\u3000\u3000${block.caption}：`);
        // Tab-separated: pasted into Word or WPS, the rows convert straight into a table.
        for (const r of tableRows(block)) out.push(r.join('\t'));
        break;
    }
  }
  return `${out.join('\n')}\n`;
}

const escapeMd = (text: string) => text.replace(/([\\|*_`#[\]<>])/g, '\\$1');

export function reportMarkdown(doc: ReportDocument): string {
  const out: string[] = [`# ${escapeMd(doc.title)}`, '', escapeMd(doc.subtitle), ''];
  for (const block of doc.blocks) {
    switch (block.kind) {
      case 'heading':
        out.push(`## ${escapeMd(block.text)}`, '');
        break;
      case 'subheading':
        out.push(`### ${escapeMd(block.text)}`, '');
        break;
      case 'paragraph':
        out.push(escapeMd(block.text), '');
        break;
      case 'placeholder':
        out.push(`**${escapeMd(block.text)}**`, '');
        break;
      case 'field':
        out.push(`${escapeMd(block.label)}：${escapeMd(block.value)}`, '');
        break;
      case 'table': {
        const [head, ...rows] = tableRows(block);
        out.push(`${escapeMd(block.caption)}：`, '', `| ${head.map(escapeMd).join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`);
        for (const r of rows) out.push(`| ${r.map(escapeMd).join(' | ')} |`);
        out.push('');
        break;
      }
    }
  }
  return out.join('\n');
}
