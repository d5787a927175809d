// The package (OPC) over the zip: parts by name, their content types, their relationships. Parts are
// read on demand and changed by name; content types and relationship parts are edited in place (an
// element added or removed), so whatever else they hold stays byte for byte.

import { type Deflater, ZipArchive, type ZipLimits } from './zip';
import { decodePart, encodePart, escapeAttribute, scanXml } from './xml';

export interface Relationship {
  id: string;
  /** The type's last segment ("worksheet", "styles"): the same in the transitional and strict schemas. */
  kind: string;
  type: string;
  /** The target as written. */
  target: string;
  /** The part it points to (zip name), or null for an external target. */
  part: string | null;
}

const CONTENT_TYPES = '[Content_Types].xml';
const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const TYPES_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';

/** The relationships part of a part ("xl/workbook.xml" → "xl/_rels/workbook.xml.rels"; "" for the package). */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target resolved against its source part, as a zip name. */
export function resolveTarget(source: string, target: string): string {
  let path = target;
  try {
    path = decodeURIComponent(target);
  } catch {
    // a stray % is taken literally
  }
  path = path.split('#')[0];
  const base = path.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') base.pop();
    else base.push(segment);
  }
  return base.join('/');
}

/** A target for `part` written relative to `source`'s folder. */
export function relativeTarget(source: string, part: string): string {
  const from = source.split('/').slice(0, -1);
  const to = part.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

export class Package {
  private readonly texts = new Map<string, string>();
  /** The first bytes of each part decoded: a part written back as text keeps its encoding. */
  private readonly marks = new Map<string, Uint8Array>();
  private readonly changed = new Map<string, Uint8Array | null>();
  private readonly relsCache = new Map<string, Relationship[]>();

  constructor(private readonly zip: ZipArchive) {}

  static open(bytes: Uint8Array, limits: ZipLimits): Package {
    return new Package(new ZipArchive(bytes, limits));
  }

  /** A package to change: the same parts as this one (its changes included), changed without touching this one. */
  fork(): Package {
    const copy = new Package(this.zip);
    for (const [name, data] of this.changed) copy.changed.set(name, data);
    for (const [name, text] of this.texts) copy.texts.set(name, text);
    for (const [name, mark] of this.marks) copy.marks.set(name, mark);
    return copy;
  }

  /** The part's name as the package spells it, or null when it has no such part. */
  find(part: string): string | null {
    const key = part.toLowerCase();
    for (const [name, data] of this.changed) if (name.toLowerCase() === key) return data ? name : null;
    return this.zip.find(part);
  }

  has(part: string): boolean {
    return this.find(part) !== null;
  }

  read(part: string): Uint8Array {
    const name = this.find(part);
    if (!name) throw new Error(`no part ${part}`);
    return this.changed.get(name) ?? this.zip.read(name);
  }

  /** A part's text, decoded once. */
  text(part: string): string {
    const name = this.find(part);
    if (!name) throw new Error(`no part ${part}`);
    let text = this.texts.get(name);
    if (text === undefined) {
      const bytes = this.read(name);
      text = decodePart(bytes);
      this.texts.set(name, text);
      this.marks.set(name, bytes.slice(0, 2));
    }
    return text;
  }

  /** Replaces or adds a part; a string is encoded as the part it replaces was (UTF-8 for a new one). */
  write(part: string, data: string | Uint8Array, contentType?: string): void {
    const name = this.find(part) ?? part;
    let bytes: Uint8Array;
    if (typeof data === 'string') {
      if (this.has(name) && !this.marks.has(name)) this.text(name);
      bytes = encodePart(data, this.marks.get(name) ?? new Uint8Array(0));
      this.texts.set(name, data);
    } else {
      bytes = data;
      this.texts.delete(name);
    }
    this.changed.set(name, bytes);
    if (name.endsWith('.rels')) this.relsCache.clear();
    if (contentType && this.contentType(name) !== contentType) this.setOverride(name, contentType);
  }

  /** Removes a part with its relationships part and its content-type override. */
  remove(part: string): void {
    const name = this.find(part);
    if (!name) return;
    this.changed.set(name, null);
    this.texts.delete(name);
    const rels = this.find(relsPartOf(name));
    if (rels) this.remove(rels);
    this.setOverride(name, null);
    this.relsCache.clear();
  }

  contentType(part: string): string | null {
    const types = this.contentTypes();
    const lower = `/${part}`.toLowerCase();
    const override = types.overrides.find((o) => o.part.toLowerCase() === lower);
    if (override) return override.type;
    const ext = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
    return types.defaults.get(ext) ?? null;
  }

  /** The relationships of a part ("" for the package's own). */
  relationships(source: string): Relationship[] {
    const relsPart = relsPartOf(source);
    let list = this.relsCache.get(relsPart);
    if (list) return list;
    list = [];
    if (this.has(relsPart)) {
      const found: Relationship[] = list;
      scanXml(this.text(relsPart), {
        open(el) {
          if (el.name !== 'Relationship') return;
          const target = el.attributes.Target ?? '';
          const type = el.attributes.Type ?? '';
          const external = el.attributes.TargetMode === 'External';
          found.push({ id: el.attributes.Id ?? '', type, kind: type.slice(type.lastIndexOf('/') + 1), target, part: external ? null : resolveTarget(source, target) });
        },
      });
    }
    this.relsCache.set(relsPart, list);
    return list;
  }

  /** Adds a relationship from `source` to `part`; returns its id. */
  addRelationship(source: string, type: string, part: string): string {
    const existing = this.relationships(source);
    const ids = new Set(existing.map((r) => r.id));
    let n = existing.length + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const element = `<Relationship Id="${id}" Type="${escapeAttribute(type)}" Target="${escapeAttribute(relativeTarget(source, part))}"/>`;
    const relsPart = relsPartOf(source);
    if (!this.has(relsPart)) {
      this.write(relsPart, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="${RELS_NS}">${element}</Relationships>`);
    } else {
      this.write(relsPart, insertBeforeClose(this.text(relsPart), 'Relationships', element));
    }
    return id;
  }

  /** The package as bytes: untouched parts copied as they were; changed ones deflated (by `deflater` when given). */
  bytes(deflater?: Deflater): Uint8Array {
    return this.zip.write(this.changed, deflater);
  }

  private contentTypes(): { defaults: Map<string, string>; overrides: Array<{ part: string; type: string; start: number; end: number }> } {
    const defaults = new Map<string, string>();
    const overrides: Array<{ part: string; type: string; start: number; end: number }> = [];
    if (!this.has(CONTENT_TYPES)) return { defaults, overrides };
    const open: Array<{ part: string; type: string; start: number }> = [];
    scanXml(this.text(CONTENT_TYPES), {
      open(el) {
        if (el.name === 'Default') defaults.set((el.attributes.Extension ?? '').toLowerCase(), el.attributes.ContentType ?? '');
        if (el.name === 'Override') open.push({ part: el.attributes.PartName ?? '', type: el.attributes.ContentType ?? '', start: el.start });
      },
      close(name, end) {
        const override = name === 'Override' ? open.pop() : undefined;
        if (override) overrides.push({ ...override, end });
      },
    });
    return { defaults, overrides };
  }

  private setOverride(part: string, type: string | null): void {
    if (!this.has(CONTENT_TYPES)) {
      if (type) this.write(CONTENT_TYPES, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Types xmlns="${TYPES_NS}"/>`);
      else return;
    }
    let xml = this.text(CONTENT_TYPES);
    const existing = this.contentTypes().overrides.find((o) => o.part.toLowerCase() === `/${part}`.toLowerCase());
    if (existing) xml = xml.slice(0, existing.start) + xml.slice(existing.end);
    if (type) xml = insertBeforeClose(xml, 'Types', `<Override PartName="/${escapeAttribute(part)}" ContentType="${escapeAttribute(type)}"/>`);
    this.write(CONTENT_TYPES, xml);
  }
}

/** `element` added as the last child of the root element `root` (which may be written empty: `<root/>`). */
export function insertBeforeClose(xml: string, root: string, element: string): string {
  let at = -1;
  let selfClosing = false;
  let prefix = '';
  scanXml(xml, {
    open(el) {
      if (el.depth === 0 && el.name === root) {
        selfClosing = el.selfClosing;
        prefix = el.prefix;
        if (selfClosing) at = el.start;
      }
    },
    close(name, end, depth) {
      if (depth === 0 && name === root && !selfClosing) at = xml.lastIndexOf('<', end - 1);
    },
  });
  if (at < 0) throw new Error(`no <${root}> element`);
  if (!selfClosing) return xml.slice(0, at) + element + xml.slice(at);
  const tagEnd = xml.indexOf('>', at) + 1;
  const tag = xml.slice(at, tagEnd);
  return `${xml.slice(0, at)}${tag.replace(/\s*\/>$/, '>')}${element}</${prefix}${root}>${xml.slice(tagEnd)}`;
}

