// docProps/app.xml lists the sheet names (TitlesOfParts) under counted headings (HeadingPairs: 工作表 3,
// 命名范围 2 …). A sheet added to the workbook is added there too, after the other worksheets.

import { applyEdits, escapeText, scanXml, setAttributes } from './xml';

/** Headings Excel and WPS write for worksheets, in the languages our users' Office runs in. */
const WORKSHEET_HEADINGS = new Set(['worksheets', '工作表', '工作表名称', 'arbeitsblätter', 'feuilles de calcul', 'hojas de cálculo', 'ワークシート']);

interface Spot {
  start: number;
  tagEnd: number;
  end: number;
}

export function addSheetTitle(xml: string, name: string): string {
  let section: 'pairs' | 'titles' | null = null;
  const pairs: Array<{ label: string; count: number; text: Spot | null }> = [];
  const titles: Spot[] = [];
  let titlesVector: Spot | null = null;
  let lpstrPrefix = '';
  let inText = false;
  let text = '';
  let open: Spot | null = null;
  scanXml(xml, {
    open(el) {
      if (el.depth === 1) section = el.name === 'HeadingPairs' ? 'pairs' : el.name === 'TitlesOfParts' ? 'titles' : null;
      if (!section) return;
      if (section === 'titles' && el.name === 'vector') titlesVector = { start: el.start, tagEnd: el.end, end: el.end };
      if (el.name === 'lpstr' || el.name === 'i4') {
        if (section === 'titles') lpstrPrefix = el.prefix;
        open = { start: el.start, tagEnd: el.end, end: el.end };
        inText = true;
        text = '';
      }
    },
    close(tag, end, depth) {
      if (depth === 1) section = null;
      if (!section || (tag !== 'lpstr' && tag !== 'i4') || !open) return;
      inText = false;
      const spot = { ...open, end };
      open = null;
      if (section === 'titles') titles.push(spot);
      else if (tag === 'lpstr') pairs.push({ label: text.trim(), count: 0, text: null });
      else if (pairs.length) {
        const pair = pairs[pairs.length - 1];
        pair.count = Number(text);
        pair.text = { start: spot.tagEnd, tagEnd: spot.tagEnd, end: xml.lastIndexOf('<', end - 1) };
      }
    },
    text(t) {
      if (inText) text += t;
    },
  });
  const vector = titlesVector as Spot | null;
  if (!vector || pairs.length === 0 || pairs.reduce((n, p) => n + p.count, 0) !== titles.length) return xml; // not a layout we know: leave it
  const at = Math.max(0, pairs.findIndex((p) => WORKSHEET_HEADINGS.has(p.label.toLowerCase())));
  const pair = pairs[at];
  if (!pair.text) return xml;
  const before = pairs.slice(0, at + 1).reduce((n, p) => n + p.count, 0);
  const insertAt = before > 0 ? titles[before - 1].end : vector.tagEnd;
  const vectorTag = xml.slice(vector.start, vector.tagEnd);
  return applyEdits(xml, [
    { at: insertAt, remove: 0, text: `<${lpstrPrefix}lpstr>${escapeText(name)}</${lpstrPrefix}lpstr>` },
    { at: pair.text.start, remove: pair.text.end - pair.text.start, text: String(pair.count + 1) },
    { at: vector.start, remove: vector.tagEnd - vector.start, text: setAttributes(vectorTag, { size: String(titles.length + 1) }) },
  ]);
}
