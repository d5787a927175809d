// A counting fake of the Excel JavaScript API over an ExcelModel, as strict as Excel: calls queue until
// context.sync(); a loaded property (and isNullObject) can be read only after a sync that loaded it,
// otherwise PropertyNotLoaded; a request and a response are weighed as Office.js would send them, format
// operations included, and refused whole past 5 MB; the model applies Excel's other limits.
// For the exact requests, the same tests run through the real runtime (officeRuntime.ts).
import { type Area, areaToA1, parseArea } from '../../src/engine/address';
import type { OfficeApi } from '../../src/gateways/office';
import { ExcelError, ExcelModel, type ModelChart, type ModelSheet } from './excelModel';

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
/** Bytes of a new object path, its instantiation and its reference (measured through the runtime: 150–300). */
const PATH = 250;
/** Bytes of an action without its arguments (measured: 80–110). */
const ACTION = 110;
const json = (v: unknown) => Buffer.byteLength(JSON.stringify(v) ?? '', 'utf8');

class NotLoaded extends ExcelError {
  constructor(name: string) {
    super('PropertyNotLoaded', `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
  }
}

/** One request being built: its steps run in order at sync; each returns the bytes it adds to the response. */
class Batch {
  steps: Array<() => number> = [];
  bytes = 0;
  constructor(readonly model: ExcelModel) {}

  queue(bytes: number, step: () => number | void): void {
    this.bytes += bytes;
    this.steps.push(() => step() ?? 0);
  }

  async sync(): Promise<void> {
    const steps = this.steps;
    const bytes = this.bytes;
    this.steps = [];
    this.bytes = 0;
    if (!steps.length) return;
    await Promise.resolve();
    this.model.beginRequest(bytes);
    let response = 0;
    // Like Excel: steps run in order; a failing one stops the batch without undoing those before it.
    for (const step of steps) response += step();
    this.model.endRequest(response);
  }
}

/** An object of write-only properties (reading one before loading it is an error, as in Office.js). */
function setters(names: Record<string, (value: never) => void>): Record<string, unknown> {
  const out = {};
  for (const [name, set] of Object.entries(names)) Object.defineProperty(out, name, { set, get: () => { throw new NotLoaded(name); } });
  return out;
}

/** What every proxy shares: its target resolved at sync time, and properties readable once loaded. */
abstract class Proxy<T> {
  private loadedProps: Record<string, unknown> | null = null;
  private isNull: boolean | undefined;
  private queuedPath = false;
  constructor(protected readonly batch: Batch, private readonly target: () => T | null) {}

  /** The target now (in a step); a null object's steps do nothing. */
  resolve(): T | null {
    return this.target();
  }

  /** Queues an action on this object (its path counted once per request). */
  protected act(bytes: number, step: (target: T) => number | void): void {
    const pathBytes = this.queuedPath ? 0 : PATH;
    this.queuedPath = true;
    this.batch.queue(ACTION + bytes + pathBytes, () => {
      this.queuedPath = false;
      const t = this.resolve();
      this.isNull = t === null;
      return t === null ? 0 : step(t);
    });
  }

  protected queueLoad(props: string[], read: (target: T, prop: string) => unknown): void {
    this.act(json(props), (t) => {
      const out: Record<string, unknown> = {};
      for (const p of props) out[p] = read(t, p);
      this.loadedProps = { ...this.loadedProps, ...out };
      return json(out);
    });
  }

  protected loaded<V>(name: string): V {
    if (!this.loadedProps || !(name in this.loadedProps)) throw new NotLoaded(name);
    return this.loadedProps[name] as V;
  }

  get isNullObject(): boolean {
    if (this.isNull === undefined) throw new NotLoaded('isNullObject');
    return this.isNull;
  }
}

const props = (spec: string | string[]) => (Array.isArray(spec) ? spec : spec.split(',')).map((p) => p.trim()).filter(Boolean);

class FakeWorkbook {
  readonly worksheets: FakeWorksheets;
  readonly customXmlParts: FakeParts;
  constructor(batch: Batch) {
    this.worksheets = new FakeWorksheets(batch);
    this.customXmlParts = new FakeParts(batch);
  }
}

class FakeWorksheets extends Proxy<ExcelModel> {
  private loadedItems: FakeWorksheet[] | null = null;
  constructor(batch: Batch) {
    super(batch, () => batch.model);
  }

  load(spec: string): void {
    const wanted = props(spec).map((p) => p.replace(/^items\//, ''));
    this.act(json(wanted), (model) => {
      this.loadedItems = model.sheets.map((s) => {
        const ws = new FakeWorksheet(this.batch, () => s);
        ws.preload(s, wanted);
        return ws;
      });
      return 80 * model.sheets.length;
    });
  }

  get items(): FakeWorksheet[] {
    if (!this.loadedItems) throw new NotLoaded('items');
    return this.loadedItems;
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.batch, () => this.batch.model.sheet(name));
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.batch, () => this.batch.model.sheetOrNull(name));
  }

  add(name: string): FakeWorksheet {
    let added: ModelSheet | null = null;
    this.act(json(name), (model) => {
      added = model.add(name);
    });
    return new FakeWorksheet(this.batch, () => added ?? this.batch.model.sheet(name));
  }
}

class FakeWorksheet extends Proxy<ModelSheet> {
  readonly protection = new FakeProtection(this);
  readonly charts: FakeCharts;
  readonly pageLayout: { orientation: string; paperSize: string; zoom: unknown; setPrintArea(area: string): void };
  private pre: Record<string, unknown> | null = null;

  constructor(batch: Batch, target: () => ModelSheet | null) {
    super(batch, target);
    this.charts = new FakeCharts(batch, target);
    const layout = (key: string, value: unknown) => this.act(json(value), (s) => {
      s.pageLayout[key] = value;
    });
    this.pageLayout = {
      set orientation(v: string) { layout('orientation', v); },
      set paperSize(v: string) { layout('paperSize', v); },
      set zoom(v: unknown) { layout('zoom', v); },
      setPrintArea: (area: string) => layout('printArea', area),
    } as never;
  }

  /** Properties that came with the collection's items. */
  preload(sheet: ModelSheet, wanted: string[]): void {
    this.pre = {};
    if (wanted.includes('name')) this.pre.name = sheet.name;
    if (wanted.includes('protection/protected')) this.pre['protection/protected'] = sheet.protected;
  }

  prop<V>(name: string): V {
    if (this.pre && name in this.pre) return this.pre[name] as V;
    return this.loaded<V>(name);
  }

  load(spec: string): void {
    this.queueLoad(props(spec), (s, p) => {
      if (p === 'name') return s.name;
      if (p === 'position') return this.batch.model.position(s);
      if (p === 'id') return s.id;
      if (p === 'protection/protected') return s.protected;
      throw new ExcelError('NotImplemented', `load worksheet.${p}`);
    });
  }

  get name(): string {
    return this.prop('name');
  }

  get position(): number {
    return this.prop('position');
  }

  set position(value: number) {
    this.act(json(value), (s) => this.batch.model.setPosition(s, value));
  }

  set showGridlines(value: boolean) {
    this.act(5, (s) => {
      s.showGridlines = value;
    });
  }

  activate(): void {
    this.act(0, (s) => {
      this.batch.model.active = s.name;
    });
  }

  delete(): void {
    this.act(0, (s) => this.batch.model.delete(s));
  }

  getRange(address?: string): FakeRange {
    const area = address === undefined ? { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 } : parseArea(address);
    return new FakeRange(this.batch, () => this.sheetTarget(area), json(address ?? null));
  }

  getRangeByIndexes(top: number, left: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.batch, () => {
      if (rows < 1 || cols < 1 || top + rows > MAX_ROWS || left + cols > MAX_COLS) throw new ExcelError('InvalidArgument', 'range outside the sheet');
      return this.sheetTarget({ top, left, bottom: top + rows - 1, right: left + cols - 1 });
    }, 20);
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.batch, () => {
      const sheet = this.resolve();
      const area = sheet && this.batch.model.usedArea(sheet, valuesOnly);
      return sheet && area ? { sheet, area } : null;
    }, 5);
  }

  private sheetTarget(area: Area) {
    const sheet = this.resolve();
    return sheet ? { sheet, area } : null;
  }
}

class FakeProtection {
  constructor(private readonly ws: FakeWorksheet) {}
  get protected(): boolean {
    return this.ws.prop('protection/protected');
  }
}

type RangeTarget = { sheet: ModelSheet; area: Area };

class FakeRange extends Proxy<RangeTarget> {
  readonly format: FakeFormat;
  constructor(batch: Batch, target: () => RangeTarget | null, readonly argBytes: number) {
    super(batch, target);
    this.format = new FakeFormat(this);
  }

  get model(): ExcelModel {
    return this.batch.model;
  }

  /** Exposed to the format proxies: an action on this range. */
  on(bytes: number, step: (t: RangeTarget) => number | void): void {
    this.act(bytes + this.argBytes, step);
  }

  load(spec: string | string[]): void {
    const m = this.batch.model;
    this.queueLoad(props(spec), (t, p) => {
      switch (p) {
        case 'values': return m.values(t.sheet, t.area);
        case 'formulas': return m.formulas(t.sheet, t.area);
        case 'numberFormat': return m.numberFormats(t.sheet, t.area);
        case 'rowIndex': return t.area.top;
        case 'columnIndex': return t.area.left;
        case 'rowCount': return t.area.bottom - t.area.top + 1;
        case 'columnCount': return t.area.right - t.area.left + 1;
        case 'address': return `'${t.sheet.name}'!${areaToA1(t.area)}`;
        default: throw new ExcelError('NotImplemented', `load range.${p}`);
      }
    });
  }

  get values(): unknown[][] { return this.loaded('values'); }
  get formulas(): unknown[][] { return this.loaded('formulas'); }
  get numberFormat(): unknown[][] { return this.loaded('numberFormat'); }
  get rowIndex(): number { return this.loaded('rowIndex'); }
  get columnIndex(): number { return this.loaded('columnIndex'); }
  get rowCount(): number { return this.loaded('rowCount'); }
  get columnCount(): number { return this.loaded('columnCount'); }
  get address(): string { return this.loaded('address'); }

  set values(v: unknown[][]) {
    this.on(json(v), (t) => this.batch.model.writeValues(t.sheet, t.area, v));
  }

  set numberFormat(v: unknown[][]) {
    this.on(json(v), (t) => this.batch.model.writeNumberFormats(t.sheet, t.area, v));
  }

  merge(across = false): void {
    this.on(5, (t) => this.batch.model.merge(t.sheet, t.area, across));
  }

  unmerge(): void {
    this.on(0, (t) => this.batch.model.unmerge(t.sheet, t.area));
  }

  clear(applyTo = 'All'): void {
    this.on(json(applyTo), (t) => this.batch.model.clear(t.sheet, t.area, applyTo));
  }

  select(): void {
    this.on(0, (t) => {
      this.batch.model.selected = `${t.sheet.name}!${areaToA1(t.area)}`;
      this.batch.model.active = t.sheet.name;
    });
  }

  getEntireColumn(): FakeRange {
    return new FakeRange(this.batch, () => {
      const t = this.resolve();
      return t && { sheet: t.sheet, area: { ...t.area, top: 0, bottom: MAX_ROWS - 1 } };
    }, this.argBytes);
  }

  getEntireRow(): FakeRange {
    return new FakeRange(this.batch, () => {
      const t = this.resolve();
      return t && { sheet: t.sheet, area: { ...t.area, left: 0, right: MAX_COLS - 1 } };
    }, this.argBytes);
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.batch, () => {
      const t = this.resolve();
      if (!t) return null;
      const areas = this.batch.model.mergedAreas(t.sheet, t.area);
      return areas.length ? areas : null;
    });
  }
}

class FakeRangeAreas extends Proxy<Area[]> {
  load(spec: string): void {
    const wanted = props(spec);
    this.queueLoad(['areas'], (areas) => {
      if (!wanted.every((p) => /^areas\/items\/(rowIndex|columnIndex|rowCount|columnCount)$/.test(p))) throw new ExcelError('NotImplemented', `load rangeAreas ${spec}`);
      return areas.map((a) => ({ rowIndex: a.top, columnIndex: a.left, rowCount: a.bottom - a.top + 1, columnCount: a.right - a.left + 1 }));
    });
  }

  get areas(): { items: Array<{ rowIndex: number; columnIndex: number; rowCount: number; columnCount: number }> } {
    return { items: this.loaded('areas') };
  }
}

/** Range.format and what hangs from it: every property set is an action on the range, counted. */
class FakeFormat {
  readonly font: Record<string, unknown>;
  readonly fill: Record<string, unknown>;
  readonly borders: { getItem(edge: string): Record<string, unknown> };
  constructor(private readonly range: FakeRange) {
    const styles = (prefix: string, names: string[]) => setters(Object.fromEntries(names.map((n) => [n, (v: unknown) => this.style(`${prefix}.${n}`, v)])));
    this.font = styles('font', ['name', 'size', 'bold', 'color']);
    this.fill = styles('fill', ['color']);
    this.borders = { getItem: (edge: string) => styles(`borders.${edge}`, ['style', 'color']) };
  }

  private style(property: string, value: unknown): void {
    this.range.on(PATH + json(value), (t) => this.range.model.setStyle(t.sheet, t.area, property, value));
  }

  set horizontalAlignment(v: string) { this.style('horizontalAlignment', v); }
  set verticalAlignment(v: string) { this.style('verticalAlignment', v); }
  set wrapText(v: boolean) { this.style('wrapText', v); }

  set columnWidth(v: number) {
    this.range.on(PATH + json(v), (t) => {
      for (let c = t.area.left; c <= t.area.right; c++) t.sheet.columnWidths.set(c, v);
    });
  }

  set rowHeight(v: number) {
    this.range.on(PATH + json(v), (t) => {
      for (let r = t.area.top; r <= t.area.bottom; r++) t.sheet.rowHeights.set(r, v);
    });
  }

  set useStandardHeight(v: boolean) {
    this.range.on(PATH + 5, (t) => {
      if (v) for (let r = t.area.top; r <= t.area.bottom; r++) t.sheet.rowHeights.delete(r);
    });
  }
}

class FakeCharts extends Proxy<ModelSheet> {
  private loadedItems: FakeChart[] | null = null;

  add(type: string, source: FakeRange, seriesBy: string): FakeChart {
    let chart: ModelChart | null = null;
    this.act(json([type, seriesBy]) + PATH, (s) => {
      chart = this.batch.model.addChart(s, type, areaToA1((source.resolve() as RangeTarget).area));
    });
    return new FakeChart(this.batch, () => this.resolve() && chart && { sheet: this.resolve() as ModelSheet, chart });
  }

  load(): void {
    this.act(10, (s) => {
      this.loadedItems = s.charts.map((chart) => new FakeChart(this.batch, () => ({ sheet: s, chart })));
      return 40 * s.charts.length;
    });
  }

  get items(): FakeChart[] {
    if (!this.loadedItems) throw new NotLoaded('items');
    return this.loadedItems;
  }
}

type ChartTarget = { sheet: ModelSheet; chart: ModelChart };

class FakeChart extends Proxy<ChartTarget> {
  readonly title = setters({ text: (v: string) => this.act(json(v) + PATH, (t) => { t.chart.title = v; }) });
  readonly legend = setters({ visible: (v: boolean) => this.act(5 + PATH, (t) => { t.chart.legendVisible = v; }) });
  readonly series = {
    getItemAt: () => ({
      setXAxisValues: (range: FakeRange) => this.act(2 * PATH, (t) => {
        t.chart.categories = areaToA1((range.resolve() as RangeTarget).area);
      }),
    }),
  };

  setPosition(start: FakeRange, end: FakeRange): void {
    this.act(2 * PATH, (t) => {
      t.chart.position = [areaToA1((start.resolve() as RangeTarget).area), areaToA1((end.resolve() as RangeTarget).area)];
    });
  }

  delete(): void {
    this.act(0, (t) => this.batch.model.deleteChart(t.sheet, t.chart));
  }
}

class FakeParts extends Proxy<ExcelModel> {
  constructor(batch: Batch) {
    super(batch, () => batch.model);
  }

  getByNamespace(ns: string): FakePartCollection {
    return new FakePartCollection(this.batch, ns);
  }

  add(xml: string): FakePart {
    let id = '';
    this.act(json(xml), (model) => {
      id = model.addPart(xml).id;
    });
    return new FakePart(this.batch, () => this.batch.model.customXmlParts.find((p) => p.id === id) ?? null);
  }
}

class FakePartCollection extends Proxy<string> {
  private loadedItems: FakePart[] | null = null;
  constructor(batch: Batch, private readonly ns: string) {
    super(batch, () => ns);
  }

  load(): void {
    this.act(json(this.ns), (ns) => {
      const parts = this.batch.model.partsByNamespace(ns);
      this.loadedItems = parts.map((p) => new FakePart(this.batch, () => this.batch.model.customXmlParts.find((q) => q === p) ?? null));
      return 60 * parts.length;
    });
  }

  get items(): FakePart[] {
    if (!this.loadedItems) throw new NotLoaded('items');
    return this.loadedItems;
  }

  getOnlyItemOrNullObject(): FakePart {
    return new FakePart(this.batch, () => {
      const found = this.batch.model.partsByNamespace(this.ns);
      if (found.length > 1) throw new ExcelError('InvalidOperation', 'more than one part in the namespace');
      return found[0] ?? null;
    });
  }
}

class FakePart extends Proxy<{ id: string; xml: string }> {
  getXml(): { readonly value: string } {
    let value: string | null = null;
    this.act(0, (p) => {
      value = p.xml;
      return Buffer.byteLength(p.xml, 'utf8');
    });
    return {
      get value(): string {
        if (value === null) throw new NotLoaded('value');
        return value;
      },
    };
  }

  delete(): void {
    this.act(0, (p) => this.batch.model.deletePart(p as never));
  }
}

export class FakeExcel extends ExcelModel {
  api(): OfficeApi {
    return {
      supports: (v) => this.supports(v),
      run: async (options, batch) => {
        this.beginRun(options);
        const b = new Batch(this);
        const context = { workbook: new FakeWorkbook(b), sync: () => b.sync() };
        return batch(context as unknown as Excel.RequestContext);
      },
    };
  }
}
