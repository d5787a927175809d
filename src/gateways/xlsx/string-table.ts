// The shared-string table of a workbook made from scratch: each text written once, cells pointing at it
// by number. A review repeats its file, unit, sheet and rule names on every row: this keeps the parts
// small and each text escaped once. (Cells written into a unit's workbook stay inline: see patch.ts.)

import { escapeOoxml } from './strings';
import { escapeText } from './xml';

export class StringTable {
  private readonly numbers = new Map<string, number>();
  private readonly items: string[] = [];
  private uses = 0;

  index(text: string): number {
    this.uses++;
    let n = this.numbers.get(text);
    if (n === undefined) {
      n = this.items.length;
      this.numbers.set(text, n);
      // A carriage return as Excel writes it: XML would read "\r\n" back as "\n".
      const held = escapeOoxml(text).replace(/\r/g, '_x000D_');
      this.items.push(`<si><t${/^\s|\s$/.test(text) ? ' xml:space="preserve"' : ''}>${escapeText(held)}</t></si>`);
    }
    return n;
  }

  get size(): number {
    return this.items.length;
  }

  xml(main: string): string {
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<sst xmlns="${main}" count="${this.uses}" uniqueCount="${this.items.length}">${this.items.join('')}</sst>`;
  }
}
