// XML parts through a streaming tokenizer (saxes: strict, so a damaged part is refused, not guessed at),
// with the offsets the patch writer needs, and the few string helpers for writing XML.

import { SaxesParser } from 'saxes';

export interface XmlElement {
  /** The local name: `x:c` and `c` are both "c" (strict files and some writers use prefixes). */
  name: string;
  /** The prefix as written, with its colon ("x:"), or "": new elements beside this one use it too. */
  prefix: string;
  /** Attributes by their name as written (`r`, `s`, `r:id`). */
  attributes: Record<string, string>;
  /** Offset of the start tag's `<`. */
  readonly start: number;
  /** Offset just past the start tag's `>`. */
  end: number;
  selfClosing: boolean;
  /** 0 for the root element. */
  depth: number;
}

export interface XmlVisitor {
  open?(element: XmlElement): void;
  /** `end` is the offset just past the end tag (or the `/>` of an empty element). */
  close?(name: string, end: number, depth: number): void;
  text?(text: string): void;
}

export class XmlError extends Error {}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/** An element as the visitor sees it. Its start is found only when asked: most elements' never are. */
class Element implements XmlElement {
  constructor(
    private readonly xml: string,
    readonly name: string,
    readonly prefix: string,
    readonly attributes: Record<string, string>,
    readonly end: number,
    readonly selfClosing: boolean,
    readonly depth: number,
  ) {}

  get start(): number {
    // The start tag's `<` is the last one before its end: attribute values cannot hold a raw `<`.
    return this.xml.lastIndexOf('<', this.end - 1);
  }
}

/** Walks a part's elements in document order. Throws XmlError when the part is not well-formed XML. */
export function scanXml(xml: string, visitor: XmlVisitor): void {
  const parser = new SaxesParser({ position: false });
  let depth = 0;
  parser.on('error', (e) => {
    throw new XmlError(e.message);
  });
  parser.on('opentag', (tag) => {
    const colon = tag.name.indexOf(':');
    const name = colon < 0 ? tag.name : tag.name.slice(colon + 1);
    const prefix = colon < 0 ? '' : tag.name.slice(0, colon + 1);
    visitor.open?.(new Element(xml, name, prefix, tag.attributes as Record<string, string>, parser.position, tag.isSelfClosing, depth));
    depth++;
  });
  parser.on('closetag', (tag) => {
    depth--;
    visitor.close?.(localName(tag.name), parser.position, depth);
  });
  if (visitor.text) {
    parser.on('text', visitor.text);
    parser.on('cdata', visitor.text);
  }
  parser.write(xml).close();
}

/** An attribute by its local name (`r:id` for "id"), for the few that carry a namespace prefix. */
export function attribute(element: XmlElement, local: string): string | undefined {
  const attrs = element.attributes;
  if (local in attrs) return attrs[local];
  for (const name in attrs) if (name.endsWith(`:${local}`) && !name.startsWith('xmlns')) return attrs[name];
  return undefined;
}

export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

/**
 * A start tag with attributes set (a value) or removed (null); everything else in it stays as written.
 * New attributes go before the closing `>` or `/>`.
 */
export function setAttributes(tag: string, values: Record<string, string | null>): string {
  let out = tag;
  for (const [name, value] of Object.entries(values)) {
    const existing = new RegExp(`\\s${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*=\\s*("[^"]*"|'[^']*')`);
    if (existing.test(out)) {
      out = out.replace(existing, value === null ? '' : ` ${name}="${escapeAttribute(value)}"`);
    } else if (value !== null) {
      const close = out.endsWith('/>') ? out.length - 2 : out.length - 1;
      out = `${out.slice(0, close).replace(/\s+$/, '')} ${name}="${escapeAttribute(value)}"${out.slice(close)}`;
    }
  }
  return out;
}

/** Text decoded as the part was written: UTF-8, or UTF-16 with its byte-order mark. The mark is kept. */
export function decodePart(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be', { ignoreBOM: true }).decode(bytes);
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

/** Text encoded as its original was (decodePart's inverse for the same encoding). */
export function encodePart(text: string, like: Uint8Array): Uint8Array {
  const le = like[0] === 0xff && like[1] === 0xfe;
  const be = like[0] === 0xfe && like[1] === 0xff;
  if (!le && !be) return new TextEncoder().encode(text);
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out[2 * i + (le ? 0 : 1)] = code & 0xff;
    out[2 * i + (le ? 1 : 0)] = code >> 8;
  }
  return out;
}

/** Strictly ascending by offset, then by length removed (no two alike, so a sort would keep nothing in place). */
function ascending(edits: Edit[]): boolean {
  for (let i = 1; i < edits.length; i++) {
    const a = edits[i - 1];
    const b = edits[i];
    if (a.at > b.at || (a.at === b.at && a.remove >= b.remove)) return false;
  }
  return true;
}

/** A change to a text: `remove` characters at `at` replaced by `text`. */
export interface Edit {
  at: number;
  remove: number;
  text: string;
}

/**
 * Edits applied from the end, so each offset still points where it did in the original. At one offset a
 * replacement goes before an insertion's text is placed in front of it: insertions land before what is replaced.
 */
export function applyEdits(text: string, edits: Edit[]): string {
  // Edits are mostly made in document order: then the order from the end is theirs reversed, no sort needed.
  const sorted = ascending(edits) ? [...edits].reverse() : [...edits].sort((a, b) => b.at - a.at || b.remove - a.remove);
  const parts: string[] = [];
  let end = text.length;
  for (const e of sorted) {
    parts.push(text.slice(e.at + e.remove, end), e.text);
    end = e.at;
  }
  parts.push(text.slice(0, end));
  return parts.reverse().join('');
}
