// A counting fake of the Excel JavaScript API, for the Office.js gateway's tests. Like the real one it
// batches: writes and loads wait for context.sync(), loaded properties can only be read after it, and a
// batch whose request or response passes the payload limit is refused whole with Excel's error code.
import { parseA1, parseArea, toA1 } from '../../src/engine/address';
import type { OfficeApi } from '../../src/gateways/office';

export interface FakeSheet {
  name: string;
  cells: Map<string, { value: unknown; formula?: string; format?: string }>;
  merges: string[];
  protected?: boolean;
  charts: Array<{ type: string; values: string; categories?: string; title?: string }>;
  deleted?: boolean;
}

export interface FakeOptions {
  supports?: string[];
  payloadLimit?: number;
  cellLimit?: number;
}

class OfficeError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

export class FakeExcel {
  sheets: FakeSheet[] = [];
  syncs = 0;
  runs: Array<{ mergeUndoGroup?: boolean }> = [];
  /** Range writes (values assignments) that reached the workbook, by A1 range. */
  valueWrites: string[] = [];
  selected: string | null = null;
  active: string | null = null;
  private pendingOps: Array<() => void> = [];
  private pendingLoads: Array<() => number> = [];
  private requestBytes = 0;

  constructor(readonly options: FakeOptions = {}) {}

  addSheet(name: string, rows: unknown[][], extra: Partial<Pick<FakeSheet, 'merges' | 'protected'>> & { formulas?: Record<string, string> } = {}): FakeSheet {
    const sheet: FakeSheet = { name, cells: new Map(), merges: extra.merges ?? [], protected: extra.protected, charts: [] };
    rows.forEach((row, r) => row.forEach((v, c) => {
      if (v !== null && v !== undefined && v !== '') sheet.cells.set(toA1(r, c), { value: v });
    }));
    for (const [address, formula] of Object.entries(extra.formulas ?? {})) {
      sheet.cells.set(address, { ...(sheet.cells.get(address) ?? { value: null }), formula });
    }
    this.sheets.push(sheet);
    return sheet;
  }

  value(sheet: string, address: string): unknown {
    return this.sheet(sheet)?.cells.get(address)?.value ?? null;
  }

  format(sheet: string, address: string): string | undefined {
    return this.sheet(sheet)?.cells.get(address)?.format;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name && !s.deleted);
  }

  api(): OfficeApi {
    const supported = new Set(this.options.supports ?? ['1.7', '1.8', '1.9', '1.13', '1.20']);
    return {
      supports: (v) => supported.has(v),
      run: async (options, batch) => {
        this.runs.push({ mergeUndoGroup: options.mergeUndoGroup });
        return batch(this.context() as unknown as Excel.RequestContext);
      },
    };
  }

  private limit(): number {
    return this.options.payloadLimit ?? 5_000_000;
  }

  private queue(op: () => void, bytes = 50): void {
    this.requestBytes += bytes;
    this.pendingOps.push(op);
  }

  private async sync(): Promise<void> {
    this.syncs++;
    const ops = this.pendingOps;
    const loads = this.pendingLoads;
    const request = this.requestBytes;
    this.pendingOps = [];
    this.pendingLoads = [];
    this.requestBytes = 0;
    if (request > this.limit()) throw new OfficeError('RequestPayloadSizeLimitExceeded');
    // Like Excel: operations run in order, and a failing one stops the batch without undoing the ones before.
    for (const op of ops) op();
    let response = 0;
    for (const load of loads) response += load();
    if (response > this.limit()) throw new OfficeError('ResponsePayloadSizeLimitExceeded');
  }

  /** The next sync fails with this code (cell-edit mode, a switched workbook). */
  failNextSync(code: string): void {
    this.pendingOps.unshift(() => {
      throw new OfficeError(code);
    });
  }

  private context() {
    const fake = this;
    const worksheets = {
      items: [] as ReturnType<typeof makeSheet>[],
      load() {
        fake.pendingLoads.push(() => {
          worksheets.items = fake.sheets.filter((s) => !s.deleted).map((s) => makeSheet(s.name));
          return 100 * worksheets.items.length;
        });
      },
      getItem: (name: string) => makeSheet(name),
      getItemOrNullObject: (name: string) => makeSheet(name, true),
      add(name: string) {
        const proxy = makeSheet(name);
        fake.queue(() => {
          fake.sheets.push({ name, cells: new Map(), merges: [], charts: [] });
        });
        return proxy;
      },
    };

    function makeSheet(name: string, orNull = false) {
      const state = () => fake.sheet(name);
      const proxy = {
        get name() {
          return name;
        },
        isNullObject: false,
        position: 0,
        protection: { protected: false, load() {} },
        showGridlines: true,
        pageLayout: { orientation: '', paperSize: '', zoom: {}, setPrintArea() {} },
        charts: {
          add(type: string, range: { address: string }) {
            const chart = { type, values: range.address, categories: undefined as string | undefined, title: undefined as string | undefined };
            fake.queue(() => state()?.charts.push(chart));
            return {
              title: { set text(t: string) { chart.title = t; } },
              legend: { visible: true },
              series: { getItemAt: () => ({ setXAxisValues: (r: { address: string }) => { chart.categories = r.address; } }) },
              setPosition() {},
            };
          },
        },
        load() {
          fake.pendingLoads.push(() => {
            proxy.isNullObject = orNull && !state();
            proxy.position = fake.sheets.filter((s) => !s.deleted).findIndex((s) => s.name === name);
            return 50;
          });
        },
        delete() {
          fake.queue(() => {
            const s = state();
            if (s) s.deleted = true;
          });
        },
        activate() {
          fake.queue(() => (fake.active = name));
        },
        getRange: (address: string) => makeRange(name, parseArea(address)),
        getRangeByIndexes: (top: number, left: number, rows: number, cols: number) => makeRange(name, { top, left, bottom: top + rows - 1, right: left + cols - 1 }),
        getUsedRangeOrNullObject: () => usedRange(name),
      };
      // protection is a navigation property loaded with the sheet
      fake.pendingLoads.push(() => {
        proxy.protection.protected = state()?.protected === true;
        return 0;
      });
      return proxy;
    }

    function usedRange(sheet: string) {
      const s = fake.sheet(sheet);
      let area = null as null | { top: number; left: number; bottom: number; right: number };
      for (const address of s?.cells.keys() ?? []) {
        const { row, col } = parseA1(address);
        area = area
          ? { top: Math.min(area.top, row), left: Math.min(area.left, col), bottom: Math.max(area.bottom, row), right: Math.max(area.right, col) }
          : { top: row, left: col, bottom: row, right: col };
      }
      const range = makeRange(sheet, area ?? { top: 0, left: 0, bottom: 0, right: 0 });
      range.isNullObject = area === null;
      return range;
    }

    function makeRange(sheet: string, area: { top: number; left: number; bottom: number; right: number }) {
      const rows = area.bottom - area.top + 1;
      const cols = area.right - area.left + 1;
      const address = `${toA1(area.top, area.left)}:${toA1(area.bottom, area.right)}`;
      let loaded = false;
      const data = { values: [] as unknown[][], formulas: [] as unknown[][] };
      const format = {
        font: {}, fill: {}, borders: { getItem: () => ({}) }, columnWidth: 0, rowHeight: 0,
        horizontalAlignment: '', verticalAlignment: '', wrapText: false,
      };
      const range = {
        address,
        isNullObject: false,
        rowIndex: area.top,
        columnIndex: area.left,
        rowCount: rows,
        columnCount: cols,
        format,
        get values() {
          if (!loaded) throw new Error('values read before context.sync()');
          return data.values;
        },
        set values(v: unknown[][]) {
          const bytes = JSON.stringify(v).length;
          fake.queue(() => {
            const s = fake.sheet(sheet) as FakeSheet;
            if (s.protected) throw new OfficeError('AccessDenied');
            fake.valueWrites.push(`${sheet}!${address}`);
            v.forEach((line, r) => line.forEach((value, c) => {
              if (value === null) return;
              const key = toA1(area.top + r, area.left + c);
              const text = typeof value === 'string' && value.startsWith("'") ? value.slice(1) : value;
              s.cells.set(key, { ...(s.cells.get(key) ?? {}), value: text, formula: undefined });
            }));
          }, bytes);
        },
        get formulas() {
          if (!loaded) throw new Error('formulas read before context.sync()');
          return data.formulas;
        },
        set numberFormat(v: unknown[][]) {
          fake.queue(() => {
            const s = fake.sheet(sheet) as FakeSheet;
            v.forEach((line, r) => line.forEach((f, c) => {
              if (f === null) return;
              const key = toA1(area.top + r, area.left + c);
              s.cells.set(key, { ...(s.cells.get(key) ?? { value: null }), format: f as string });
            }));
          }, JSON.stringify(v).length);
        },
        load(props: string) {
          fake.pendingLoads.push(() => {
            if (rows * cols > (fake.options.cellLimit ?? 5_000_000)) throw new OfficeError('RangeExceedsLimit');
            const s = fake.sheet(sheet);
            data.values = [];
            data.formulas = [];
            for (let r = 0; r < rows; r++) {
              const vs: unknown[] = [];
              const fs: unknown[] = [];
              for (let c = 0; c < cols; c++) {
                const cell = s?.cells.get(toA1(area.top + r, area.left + c));
                vs.push(cell?.value ?? '');
                fs.push(cell?.formula ?? cell?.value ?? '');
              }
              data.values.push(vs);
              data.formulas.push(fs);
            }
            loaded = true;
            let bytes = 0;
            if (props.includes('values')) bytes += JSON.stringify(data.values).length;
            if (props.includes('formulas')) bytes += JSON.stringify(data.formulas).length;
            return bytes;
          });
        },
        getMergedAreasOrNullObject() {
          const merged = {
            isNullObject: true,
            address: '',
            load() {
              fake.pendingLoads.push(() => {
                const list = fake.sheet(sheet)?.merges ?? [];
                merged.isNullObject = list.length === 0;
                merged.address = list.map((m) => `'${sheet}'!${m}`).join(', ');
                return merged.address.length;
              });
            },
          };
          return merged;
        },
        merge() {
          fake.queue(() => fake.sheet(sheet)?.merges.push(address));
        },
        select() {
          fake.queue(() => (fake.selected = `${sheet}!${toA1(area.top, area.left)}`));
        },
        getEntireColumn: () => ({ format }),
        getEntireRow: () => ({ format }),
      };
      return range;
    }

    return { workbook: { worksheets }, sync: () => fake.sync() };
  }
}
