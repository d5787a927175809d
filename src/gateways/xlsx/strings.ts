// Shared strings (sharedStrings.xml): each <si> is plain text or rich-text runs; phonetic guides (rPh)
// are not part of the text. Excel escapes characters XML cannot hold as _xHHHH_.

import { scanXml } from './xml';

/** "_x000D_" → "\r"; "_x005F_" escapes a literal underscore before "x". */
export function unescapeOoxml(text: string): string {
  return text.indexOf('_x') < 0 ? text : text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Characters XML 1.0 cannot hold, and literal "_xHHHH_" sequences, escaped the way Excel reads them. */
export function escapeOoxml(text: string): string {
  return text
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

/**
 * Collects the text of <t> elements inside a container (a shared string <si> or an inline <is>),
 * leaving out phonetic runs. Feed it the container's elements; `take()` gives the text and resets.
 */
export class RichText {
  private parts: string[] = [];
  private inT = false;
  private phonetic = 0;

  open(name: string, selfClosing: boolean): void {
    if (name === 'rPh') this.phonetic += selfClosing ? 0 : 1;
    else if (name === 't' && !selfClosing && this.phonetic === 0) this.inT = true;
  }

  close(name: string): void {
    if (name === 'rPh') this.phonetic = Math.max(0, this.phonetic - 1);
    else if (name === 't') this.inT = false;
  }

  text(text: string): void {
    if (this.inT) this.parts.push(text);
  }

  take(): string {
    const text = unescapeOoxml(this.parts.length === 1 ? this.parts[0] : this.parts.join(''));
    this.parts = [];
    return text;
  }
}

export function readSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  const rich = new RichText();
  let inSi = false;
  scanXml(xml, {
    open(el) {
      if (el.depth === 1 && el.name === 'si') inSi = true;
      else if (inSi) rich.open(el.name, el.selfClosing);
    },
    close(name, _end, depth) {
      if (depth === 1 && name === 'si') {
        if (inSi) strings.push(rich.take());
        inSi = false;
      } else if (inSi) rich.close(name);
    },
    text: (text) => rich.text(text),
  });
  return strings;
}
