// Files saved by WPS can hold overlapping merged areas (the public 自评表 does: B12:Q19 and B13:Q19 …).
// Excel repairs them on open; ExcelJS refuses the whole file. Drop each merge that overlaps one kept
// before it, in file order, and say which.

import JSZip from 'jszip';
import { type Area, parseArea } from '../../engine/address';

export interface DroppedMerge {
  sheet: string;
  range: string;
  other: string;
}

function overlaps(a: Area, b: Area): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** Sheet XML paths to sheet names, from workbook.xml and its relationships. */
async function sheetNames(zip: JSZip): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const workbook = await zip.file('xl/workbook.xml')?.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')?.async('string');
  if (!workbook || !rels) return names;
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?(xl\/)?/, 'xl/'));
  }
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]+)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    const path = id ? targets.get(id) : undefined;
    if (name && path) names.set(path, decodeXml(name));
  }
  return names;
}

function decodeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** Returns the file with overlapping merges removed (the same bytes when there were none). */
export async function dropOverlappingMerges(data: Uint8Array, zip: JSZip): Promise<{ data: Uint8Array; dropped: DroppedMerge[] }> {
  const dropped: DroppedMerge[] = [];
  const names = await sheetNames(zip);
  let changed = false;
  for (const path of Object.keys(zip.files).filter((p) => /^xl\/worksheets\/[^/]+\.xml$/.test(p))) {
    const xml = await zip.file(path)!.async('string');
    const block = /<mergeCells\b[^>]*>([\s\S]*?)<\/mergeCells>/.exec(xml);
    if (!block) continue;
    const kept: Array<{ ref: string; area: Area }> = [];
    let removed = 0;
    for (const m of block[1].matchAll(/<mergeCell\b[^>]*\bref="([^"]+)"[^>]*\/>/g)) {
      const area = parseArea(m[1]);
      const clash = kept.find((k) => overlaps(k.area, area));
      if (clash) {
        dropped.push({ sheet: names.get(path) ?? path, range: m[1], other: clash.ref });
        removed++;
      } else {
        kept.push({ ref: m[1], area });
      }
    }
    if (removed === 0) continue;
    const body = kept.map((k) => `<mergeCell ref="${k.ref}"/>`).join('');
    zip.file(path, xml.replace(block[0], kept.length ? `<mergeCells count="${kept.length}">${body}</mergeCells>` : ''));
    changed = true;
  }
  if (!changed) return { data, dropped };
  return { data: await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }), dropped };
}
