// The add-in's own data in an .xlsx package, where Excel keeps it, so a file carries it between Excel and
// the web page:
// - the pane's settings: a property of the add-in's web extension part (xl/webextensions/webextension*.xml),
//   which is where Office stores an add-in's document settings (Office.context.document.settings);
// - the last fill's record: a custom XML part in our namespace (customXml/item*.xml), which Excel's
//   workbook.customXmlParts finds by that namespace.
// Pure functions over a package's parts; the file gateway's Package provides them.

import { FILL_RECORD_NAMESPACE } from './fillRecord';

/** The add-in's id (manifest.xml <Id>): a web extension part naming it holds our settings. */
export const ADDIN_ID = '6f1c2b7e-4d3a-4f0e-9b61-2c8e5a7d9f14';
export const ADDIN_VERSION = '0.1.0.0';
/** The settings' key in the add-in's document settings (see gateways/office/settings.ts). */
export const SETTINGS_KEY = 'selfeval';

export interface PackageRelationship {
  id: string;
  type: string;
  part: string | null;
}

/** What these functions need of a package (the file gateway's Package has it). */
export interface PackageParts {
  has(part: string): boolean;
  text(part: string): string;
  /** Adds or replaces a part, registering its content type. */
  write(part: string, data: string, contentType?: string): void;
  /** Removes a part, its relationships part and its content type. */
  remove(part: string): void;
  /** A part's relationships ("" for the package's own). */
  relationships(source: string): PackageRelationship[];
  addRelationship(source: string, type: string, part: string): string;
}

const WE_NS = 'http://schemas.microsoft.com/office/webextensions/webextension/2010/11';
const WETP_NS = 'http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const TYPE = {
  taskpanes: 'http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes',
  webextension: 'http://schemas.microsoft.com/office/2011/relationships/webextension',
  customXml: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml',
  customXmlProps: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps',
};
const CONTENT = {
  webextension: 'application/vnd.ms-office.webextension+xml',
  taskpanes: 'application/vnd.ms-office.webextensiontaskpanes+xml',
  customXml: 'application/xml',
  customXmlProps: 'application/vnd.openxmlformats-officedocument.customXmlProperties+xml',
};
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const unescapeXml = (text: string) => text.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n))).replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16))).replace(/&amp;/g, '&');
const sameId = (a: string, b: string) => a.replace(/[{}]/g, '').toLowerCase() === b.replace(/[{}]/g, '').toLowerCase();

/** Every web extension part of the workbook (through the task panes part the package points to). */
function webExtensionParts(pkg: PackageParts): string[] {
  const out: string[] = [];
  for (const panes of pkg.relationships('').filter((r) => r.type === TYPE.taskpanes && r.part && pkg.has(r.part))) {
    for (const r of pkg.relationships(panes.part as string)) if (r.type === TYPE.webextension && r.part && pkg.has(r.part)) out.push(r.part);
  }
  return out;
}

/** Our web extension part: the one whose reference names the add-in's id. */
function ourWebExtension(pkg: PackageParts): string | null {
  for (const part of webExtensionParts(pkg)) {
    const ref = /<(?:\w+:)?reference\b[^>]*\bid="([^"]*)"/.exec(pkg.text(part));
    if (ref && sameId(ref[1], ADDIN_ID)) return part;
  }
  return null;
}

/** The settings the workbook keeps for the add-in (the JSON Office wrote), or null. */
export function readAddinSettings(pkg: PackageParts): unknown {
  const part = ourWebExtension(pkg);
  if (!part) return null;
  for (const m of pkg.text(part).matchAll(/<(?:\w+:)?property\b([^>]*)\/?>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[1])?.[1];
    const value = /\bvalue="([^"]*)"/.exec(m[1])?.[1];
    if (name === undefined || value === undefined || unescapeXml(name) !== SETTINGS_KEY) continue;
    try {
      return JSON.parse(unescapeXml(value));
    } catch {
      return null; // not JSON: not settings this add-in wrote
    }
  }
  return null;
}

function newWebExtension(): string {
  // A new instance id derived from nothing random: the same file gets the same part.
  return `${DECLARATION}<we:webextension xmlns:we="${WE_NS}" id="{${ADDIN_ID.toUpperCase()}}">`
    + `<we:reference id="${ADDIN_ID}" version="${ADDIN_VERSION}" store="developer" storeType="Registry"/>`
    + '<we:alternateReferences/><we:properties/><we:bindings/>'
    + `<we:snapshot xmlns:r="${R_NS}"/></we:webextension>`;
}

/** The settings written into the add-in's web extension part (created, with a hidden task pane, if missing). */
export function writeAddinSettings(pkg: PackageParts, settings: unknown): void {
  let part = ourWebExtension(pkg);
  if (!part) {
    let panes = pkg.relationships('').find((r) => r.type === TYPE.taskpanes && r.part && pkg.has(r.part))?.part ?? null;
    if (!panes) {
      panes = 'xl/webextensions/taskpanes.xml';
      pkg.write(panes, `${DECLARATION}<wetp:taskpanes xmlns:wetp="${WETP_NS}"/>`, CONTENT.taskpanes);
      pkg.addRelationship('', TYPE.taskpanes, panes);
    }
    let n = 1;
    while (pkg.has(`xl/webextensions/webextension${n}.xml`)) n++;
    part = `xl/webextensions/webextension${n}.xml`;
    pkg.write(part, newWebExtension(), CONTENT.webextension);
    const id = pkg.addRelationship(panes, TYPE.webextension, part);
    // Hidden (visibility 0): the file does not open the pane by itself; the settings are there when it is opened.
    const pane = `<wetp:taskpane dockstate="right" visibility="0" width="350" row="1"><wetp:webextensionref xmlns:r="${R_NS}" r:id="${id}"/></wetp:taskpane>`;
    pkg.write(panes, appendChild(pkg.text(panes), 'taskpanes', pane));
  }
  const xml = pkg.text(part);
  const property = `<we:property name="${SETTINGS_KEY}" value="${escapeXml(JSON.stringify(settings))}"/>`;
  const existing = new RegExp(`<(\\w+:)?property\\b[^>]*\\bname="${SETTINGS_KEY}"[^>]*/>`).exec(xml);
  const prefix = /<(\w+):webextension\b/.exec(xml)?.[1];
  const own = prefix ? property.replace(/we:/g, `${prefix}:`) : property.replace(/we:/g, '');
  if (existing) pkg.write(part, xml.slice(0, existing.index) + own + xml.slice(existing.index + existing[0].length));
  else pkg.write(part, appendChild(xml, 'properties', own));
}

/** `child` added as the last child of the first element named `name` (any prefix), written empty or not. */
function appendChild(xml: string, name: string, child: string): string {
  const open = new RegExp(`<((?:\\w+:)?${name})\\b[^>]*?(/?)>`).exec(xml);
  if (!open) throw new Error(`no <${name}> element`);
  if (open[2] === '/') {
    const start = open.index;
    const tag = open[0].slice(0, -2).trimEnd();
    return `${xml.slice(0, start)}${tag}>${child}</${open[1]}>${xml.slice(start + open[0].length)}`;
  }
  const close = xml.indexOf(`</${open[1]}>`, open.index);
  return xml.slice(0, close) + child + xml.slice(close);
}

/** The custom XML parts of the workbook with their root namespace. */
function customXmlParts(pkg: PackageParts, workbook: string): Array<{ part: string; relId: string }> {
  return pkg.relationships(workbook).filter((r) => r.type === TYPE.customXml && r.part && pkg.has(r.part)).map((r) => ({ part: r.part as string, relId: r.id }));
}

const rootNamespace = (xml: string) => /<(?:[\w.-]+:)?[\w.-]+(?:\s[^>]*?)?\sxmlns(?::[\w.-]+)?="([^"]*)"/.exec(xml.replace(/<\?[^>]*\?>/g, ''))?.[1] ?? null;

/** The last fill's record part's XML, or null. */
export function readFillRecordXml(pkg: PackageParts, workbook = 'xl/workbook.xml'): string | null {
  for (const { part } of customXmlParts(pkg, workbook)) {
    const xml = pkg.text(part);
    if (rootNamespace(xml) === FILL_RECORD_NAMESPACE) return xml;
  }
  return null;
}

/** Replaces the fill record (null removes it), as Excel would keep a custom XML part. */
export function writeFillRecordXml(pkg: PackageParts, xml: string | null, workbook = 'xl/workbook.xml'): void {
  const found = customXmlParts(pkg, workbook).find(({ part }) => rootNamespace(pkg.text(part)) === FILL_RECORD_NAMESPACE);
  if (found && xml !== null) {
    pkg.write(found.part, xml);
    return;
  }
  if (found) {
    // Out with its properties part and the workbook's relationship to it.
    const rels = relsPartOf(workbook);
    pkg.write(rels, pkg.text(rels).replace(new RegExp(`<(\\w+:)?Relationship\\b[^>]*\\bId="${found.relId}"[^>]*/>`), ''));
    pkg.remove(found.part);
    for (const r of pkg.relationships(found.part)) if (r.part) pkg.remove(r.part);
    return;
  }
  if (xml === null) return;
  let n = 1;
  while (pkg.has(`customXml/item${n}.xml`) || pkg.has(`customXml/itemProps${n}.xml`)) n++;
  const item = `customXml/item${n}.xml`;
  const props = `customXml/itemProps${n}.xml`;
  pkg.write(item, xml, CONTENT.customXml);
  pkg.write(props, `${DECLARATION}<ds:datastoreItem ds:itemID="{${datastoreId(n)}}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">`
    + `<ds:schemaRefs><ds:schemaRef ds:uri="${FILL_RECORD_NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>`, CONTENT.customXmlProps);
  pkg.addRelationship(item, TYPE.customXmlProps, props);
  pkg.addRelationship(workbook, TYPE.customXml, item);
}

/** A stable id for the n-th data store item we add (Excel needs one; it need not be random). */
function datastoreId(n: number): string {
  return `5E1FE7A1-${String(n).padStart(4, '0')}-4C0D-9A11-00000000F111`;
}

function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}
