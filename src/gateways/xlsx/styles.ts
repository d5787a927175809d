// styles.xml: read what the reader needs (which cell formats show dates), and append what the writer
// needs (a written cell's format with another number format; the formats of a new sheet). Nothing is
// ever renumbered: new fonts, fills, borders, number formats and cell formats go after the existing
// ones, and an element identical to one already there is reused, so running twice adds nothing.

import { isDateCode, isPercentCode } from '../numberFormats';
import { applyEdits, type Edit, escapeAttribute, scanXml, setAttributes } from './xml';

/** A cell's look, for sheets this tool writes. Colours are RRGGBB. */
export interface CellFormat {
  font?: { name?: string; size?: number; bold?: boolean; italic?: boolean; color?: string };
  /** A solid background colour. */
  fill?: string;
  /** A thin box around the cell, in this colour. */
  border?: string;
  alignment?: { horizontal?: 'left' | 'center' | 'right'; vertical?: 'top' | 'center' | 'bottom'; wrapText?: boolean; indent?: number };
  numberFormat?: string;
}

type Section = 'numFmts' | 'fonts' | 'fills' | 'borders' | 'cellXfs';
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];
const CHILD: Record<Section, string> = { numFmts: 'numFmt', fonts: 'font', fills: 'fill', borders: 'border', cellXfs: 'xf' };

interface Place {
  start: number;
  /** Just past the start tag. */
  tagEnd: number;
  /** Offset of the end tag's `<` (tagEnd for an empty element). */
  close: number;
  selfClosing: boolean;
  prefix: string;
}

const BUILTIN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '0.00E+00': 11, '@': 49 };
const BUILTIN_CODES = new Map(Object.entries(BUILTIN_FORMATS).map(([code, id]) => [id, code]));
const BUILTIN_DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);
const DEFAULT_XF = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';

/** An element without namespace prefixes on its tags (`<x:xf>` → `<xf>`): the form new elements are kept in. */
const unprefixed = (e: string) => e.replace(/<(\/?)[a-zA-Z0-9]+:/g, '<$1');

/** A new styles part for a package that has none, or for a new workbook: 宋体 11 as the default font. */
export function defaultStylesXml(main: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<styleSheet xmlns="${main}">`
    + '<fonts count="1"><font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font></fonts>'
    + '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    + `<cellXfs count="1">${DEFAULT_XF}</cellXfs>`
    + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';
}

export class StyleBook {
  private readonly places = new Map<string, Place>();
  private readonly existing: Record<Section, string[]> = { numFmts: [], fonts: [], fills: [], borders: [], cellXfs: [] };
  private readonly added: Record<Section, string[]> = { numFmts: [], fonts: [], fills: [], borders: [], cellXfs: [] };
  private readonly formatCodes = new Map<number, string>();
  private readonly xfFormat: number[] = [];
  private rootClose = -1;
  /** Existing elements without prefixes, for comparing with new ones; and formats already derived. */
  private readonly plain: Record<Section, string[]> = { numFmts: [], fonts: [], fills: [], borders: [], cellXfs: [] };
  private readonly derived = new Map<string, number>();
  /** Whether each cell format shows dates, or percents, by index, as asked for (every number read asks). */
  private readonly dateXfs: boolean[] = [];
  private readonly percentXfs: boolean[] = [];
  private rootPrefix = '';

  constructor(private readonly xml: string) {
    const stack: Array<{ section: Section; start: number }> = [];
    scanXml(xml, {
      open: (el) => {
        if (el.depth === 0) this.rootPrefix = el.prefix;
        if (el.depth === 1 && ORDER.includes(el.name)) {
          this.places.set(el.name, { start: el.start, tagEnd: el.end, close: el.end, selfClosing: el.selfClosing, prefix: el.prefix });
        }
        const section = (Object.keys(CHILD) as Section[]).find((s) => CHILD[s] === el.name);
        if (el.depth === 2 && section && this.places.has(section) && this.inside(section, el.start)) {
          stack.push({ section, start: el.start });
          if (section === 'numFmts') this.formatCodes.set(Number(el.attributes.numFmtId), el.attributes.formatCode ?? '');
          if (section === 'cellXfs') this.xfFormat.push(Number(el.attributes.numFmtId ?? 0));
        }
      },
      close: (name, end, depth) => {
        if (depth === 2 && stack.length && CHILD[stack[stack.length - 1].section] === name) {
          const { section, start } = stack.pop()!;
          const element = xml.slice(start, end);
          this.existing[section].push(element);
          this.plain[section].push(unprefixed(element));
        }
        if (depth === 1 && this.places.has(name)) {
          const place = this.places.get(name)!;
          if (!place.selfClosing) place.close = xml.lastIndexOf('<', end - 1);
        }
        if (depth === 0) this.rootClose = xml.lastIndexOf('<', end - 1);
      },
    });
  }

  private inside(section: string, at: number): boolean {
    const place = this.places.get(section)!;
    return at >= place.tagEnd && place.close === place.tagEnd && !place.selfClosing;
  }

  /** A book to append to without changing this one. */
  copy(): StyleBook {
    return new StyleBook(this.xml);
  }

  /** True when cell format `xf` shows numbers as dates or times. */
  isDate(xf: number): boolean {
    let date = this.dateXfs[xf];
    if (date === undefined) {
      const id = this.xfFormat[xf] ?? 0;
      const code = this.formatCodes.get(id);
      date = code !== undefined ? isDateCode(code) : BUILTIN_DATE_IDS.has(id);
      if (Number.isInteger(xf) && xf >= 0 && xf < 1 << 20) this.dateXfs[xf] = date;
    }
    return date;
  }

  /** True when cell format `xf` shows numbers as percents (0.6 as 60%). */
  isPercent(xf: number): boolean {
    let percent = this.percentXfs[xf];
    if (percent === undefined) {
      const id = this.xfFormat[xf] ?? 0;
      const code = this.formatCodes.get(id);
      percent = code !== undefined ? isPercentCode(code) : id === 9 || id === 10;
      if (Number.isInteger(xf) && xf >= 0 && xf < 1 << 20) this.percentXfs[xf] = percent;
    }
    return percent;
  }

  /** The cell format that looks like `base` but shows numbers with `code`. */
  withNumberFormat(base: number, code: string): number {
    const memo = `${base}\u0000${code}`;
    let xf = this.derived.get(memo);
    if (xf === undefined) {
      const id = this.numberFormatId(code);
      if (this.xfFormat[base] === id) {
        xf = base;
      } else {
        const source = this.plain.cellXfs[base] ?? DEFAULT_XF;
        const end = source.indexOf('>') + 1;
        const tag = setAttributes(source.slice(0, end), { numFmtId: String(id), applyNumberFormat: '1' });
        xf = this.element('cellXfs', tag + source.slice(end), id);
      }
      this.derived.set(memo, xf);
    }
    return xf;
  }

  /** A cell format from a description, for the sheets this tool writes. */
  format(format: CellFormat): number {
    const font = format.font ?? {};
    const fontXml = `<font>${font.bold ? '<b/>' : ''}${font.italic ? '<i/>' : ''}<sz val="${font.size ?? 11}"/>`
      + `${font.color ? `<color rgb="FF${font.color}"/>` : ''}<name val="${escapeAttribute(font.name ?? '宋体')}"/><family val="3"/><charset val="134"/></font>`;
    const fontId = this.element('fonts', fontXml);
    const fillId = format.fill ? this.element('fills', `<fill><patternFill patternType="solid"><fgColor rgb="FF${format.fill}"/><bgColor indexed="64"/></patternFill></fill>`) : 0;
    const side = (name: string) => `<${name} style="thin"><color rgb="FF${format.border}"/></${name}>`;
    const borderId = format.border ? this.element('borders', `<border>${['left', 'right', 'top', 'bottom'].map(side).join('')}<diagonal/></border>`) : 0;
    const numFmtId = format.numberFormat ? this.numberFormatId(format.numberFormat) : 0;
    const a = format.alignment;
    const alignment = a
      ? `<alignment${a.horizontal ? ` horizontal="${a.horizontal}"` : ''}${a.vertical ? ` vertical="${a.vertical}"` : ''}${a.wrapText ? ' wrapText="1"' : ''}${a.indent ? ` indent="${a.indent}"` : ''}/>`
      : '';
    const applied = `${numFmtId ? ' applyNumberFormat="1"' : ''}${fontId ? ' applyFont="1"' : ''}${fillId ? ' applyFill="1"' : ''}${borderId ? ' applyBorder="1"' : ''}${a ? ' applyAlignment="1"' : ''}`;
    const xf = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applied}${alignment ? `>${alignment}</xf>` : '/>'}`;
    return this.element('cellXfs', xf, numFmtId);
  }

  get changed(): boolean {
    return Object.values(this.added).some((list) => list.length > 0);
  }

  /** styles.xml with the new elements appended to their lists and the lists' counts updated. */
  render(): string {
    const edits: Edit[] = [];
    for (const section of Object.keys(CHILD) as Section[]) {
      const added = this.added[section];
      if (added.length === 0) continue;
      const place = this.places.get(section);
      const count = String(this.existing[section].length + added.length);
      const prefix = place?.prefix ?? this.rootPrefix;
      const body = added.map((e) => (prefix ? e.replace(/<(\/?)(?=[a-zA-Z])/g, `<$1${prefix}`) : e)).join('');
      if (!place) {
        // A list the part lacks goes where the schema's order puts it.
        const next = ORDER.slice(ORDER.indexOf(section) + 1).map((s) => this.places.get(s)?.start).find((at) => at !== undefined);
        edits.push({ at: next ?? this.rootClose, remove: 0, text: `<${prefix}${section} count="${count}">${body}</${prefix}${section}>` });
        continue;
      }
      const tag = this.xml.slice(place.start, place.tagEnd);
      if (place.selfClosing) {
        edits.push({ at: place.start, remove: place.tagEnd - place.start, text: `${setAttributes(tag, { count }).replace(/\s*\/>$/, '>')}${body}</${prefix}${section}>` });
      } else {
        edits.push({ at: place.close, remove: 0, text: body });
        edits.push({ at: place.start, remove: place.tagEnd - place.start, text: setAttributes(tag, { count }) });
      }
    }
    return applyEdits(this.xml, edits);
  }

  private numberFormatId(code: string): number {
    if (code in BUILTIN_FORMATS) return BUILTIN_FORMATS[code];
    for (const [id, existing] of this.formatCodes) if (existing === code) return id;
    const id = Math.max(163, ...this.formatCodes.keys()) + 1;
    this.formatCodes.set(id, code);
    this.added.numFmts.push(`<numFmt numFmtId="${id}" formatCode="${escapeAttribute(code)}"/>`);
    return id;
  }

  /** The index of an element identical to `xml` in its list, appending it when there is none. */
  private element(section: Section, xml: string, numFmtId?: number): number {
    let index = 0;
    for (const list of [this.plain[section], this.added[section]]) {
      for (const e of list) {
        if (e === xml) return index;
        index++;
      }
    }
    this.added[section].push(xml);
    if (section === 'cellXfs') this.xfFormat.push(numFmtId ?? 0);
    return index;
  }

  /** The number format code of a cell format ("General" when it has none of its own): the web page records it before a fill, for undo. */
  formatCode(xf: number): string {
    const id = this.xfFormat[xf] ?? 0;
    return this.formatCodes.get(id) ?? BUILTIN_CODES.get(id) ?? 'General';
  }
}
