// The progress bar of `selfeval batch` on a terminal: files done of all, files a second, the file being
// read. One line on stderr, redrawn at most ten times a second and cleared at the end; nothing at all
// when stderr is not a terminal (a log, a pipe) or when the output is JSON.

import type { Lang } from '../engine';

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Display width: a CJK character takes two columns of a terminal. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/** The end of `text` that fits in `width` columns, "…" marking what was cut. */
function tail(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  const chars = [...text];
  let w = 1;
  let i = chars.length;
  while (i > 0 && w + displayWidth(chars[i - 1]) <= width) w += displayWidth(chars[--i]);
  return `…${chars.slice(i).join('')}`;
}

const BAR = 20;

export class Progress {
  private done = 0;
  private current = '';
  private drawn = -Infinity;
  private readonly began: number;

  constructor(private readonly stream: ProgressStream, private readonly total: number, private readonly lang: Lang, private readonly now: () => number = Date.now) {
    this.began = now();
  }

  static wanted(stream: ProgressStream, json: boolean): boolean {
    return !json && stream.isTTY === true;
  }

  started(name: string): void {
    this.current = name;
    this.draw(false);
  }

  finished(): void {
    this.done++;
    this.draw(this.done === this.total);
  }

  /** The line as it stands: bar, done/total, rate, current file, fitted to the terminal's width. */
  line(): string {
    const filled = this.total ? Math.round((this.done / this.total) * BAR) : BAR;
    const seconds = Math.max((this.now() - this.began) / 1000, 0.001);
    const rate = this.done / seconds;
    const speed = this.lang === 'zh' ? `${rate.toFixed(1)} 个/秒` : `${rate.toFixed(1)} files/s`;
    const head = `${'█'.repeat(filled)}${'░'.repeat(BAR - filled)} ${this.done}/${this.total}  ${speed}  `;
    // A terminal that does not say its width (0) is taken as 80 columns.
    const room = (this.stream.columns || 80) - 1 - displayWidth(head);
    return head + (room > 3 ? tail(this.current, room) : '');
  }

  private draw(force: boolean): void {
    const at = this.now();
    if (!force && at - this.drawn < 100) return;
    this.drawn = at;
    this.stream.write(`\r\x1b[2K${this.line()}`);
  }

  /** Clears the line, so what follows starts on a clean one. */
  end(): void {
    this.stream.write('\r\x1b[2K');
  }
}
