// The real Office.js runtime (Excel on the web's excel-web-16.00.js from @microsoft/office-js) loaded in
// jsdom, with a stub host in place of Excel: the runtime builds and sends the exact requests our gateway
// would send, and the stub answers them from an ExcelModel. Every request's size is the byte length of
// the JSON body the runtime hands to the host, which is what Excel on the web measures against 5 MB.
//
// The stub speaks the RichApi protocol the runtime uses: object paths (global, property, indexer,
// method, reference id) and actions (instantiate, query, method, set property). It knows only the API
// the gateway uses; anything else fails loudly, so a new call cannot pass untested.
import { readFileSync } from 'fs';
import { JSDOM } from 'jsdom';
import { type Area, areaToA1, parseArea } from '../../src/engine/address';
import type { OfficeApi } from '../../src/gateways/office';
import { ExcelError, type ExcelModel, type ModelChart, type ModelSheet } from './excelModel';

const RUNTIME_FILE = require.resolve('@microsoft/office-js/dist/excel-web-16.00.js');
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
/** The Office.js error codes (OfficeJsErrorCode_ooe…) the runtime turns into Excel's size errors. */
const OOE_REQUEST_TOO_LARGE = 5103;
const OOE_RESPONSE_TOO_LARGE = 5104;

interface PathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] };
}

interface Action {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] };
  QueryInfo?: { Select?: string[]; Expand?: string[] };
}

export interface RequestBody {
  Actions: Action[];
  ObjectPaths: Record<string, PathInfo>;
}

type Node =
  | { kind: 'workbook' }
  | { kind: 'worksheets' }
  | { kind: 'sheet'; sheet: ModelSheet }
  | { kind: 'protection'; sheet: ModelSheet }
  | { kind: 'pageLayout'; sheet: ModelSheet }
  | { kind: 'range'; sheet: ModelSheet; area: Area }
  | { kind: 'format' | 'font' | 'fill' | 'borders'; sheet: ModelSheet; area: Area }
  | { kind: 'border'; sheet: ModelSheet; area: Area; edge: string }
  | { kind: 'rangeAreas' | 'rangeCollection'; sheet: ModelSheet; areas: Area[] }
  | { kind: 'charts'; sheet: ModelSheet }
  | { kind: 'chart' | 'chartTitle' | 'legend' | 'series' | 'seriesItem'; sheet: ModelSheet; chart: ModelChart }
  | { kind: 'parts' }
  | { kind: 'partsByNamespace'; ns: string }
  | { kind: 'part'; id: string };

const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);
const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/** One jsdom window with the runtime loaded; `api(model)` gives the gateway an OfficeApi on a model. */
export class OfficeRuntime {
  readonly window: Window & { eval(code: string): unknown; Excel: typeof Excel; OSF: any; OfficeExtension: typeof OfficeExtension };
  /** Request bodies as sent, when `keepBodies` is set (large fills make many megabytes). */
  bodies: RequestBody[] = [];
  keepBodies = false;
  private model: ExcelModel | null = null;
  private references = new Map<string, Node | null>();
  private nextReference = 1;

  constructor() {
    const dom = new JSDOM('<!doctype html><html><body></body></html>', { runScripts: 'outside-only', url: 'https://localhost:3000/taskpane.html' });
    this.window = dom.window as unknown as OfficeRuntime['window'];
    this.window.eval(readFileSync(RUNTIME_FILE, 'utf8'));
    const w = this.window;
    // Requirement sets as the model's host supports them: the runtime itself throws ApiNotFound for the rest.
    w.OSF._OfficeAppFactory = {
      ...w.OSF._OfficeAppFactory,
      getContext: () => ({ requirements: { isSetSupported: (name: string, version: string) => name !== 'ExcelApi' || (this.model?.supports(version) ?? true) } }),
    };
    w.OSF.DDA.RichApi.executeRichApiRequestAsync = (message: unknown[], callback: (result: unknown) => void) => {
      // Answer asynchronously, as a host across a process boundary does.
      setTimeout(() => callback(this.answer(message[4] as string)), 0);
    };
  }

  close(): void {
    this.window.close();
  }

  api(model: ExcelModel): OfficeApi {
    return {
      supports: (version) => model.supports(version),
      run: (options, batch) => {
        this.model = model;
        this.references.clear();
        model.beginRun(options);
        return this.window.Excel.run(options, batch as never) as Promise<never>;
      },
    };
  }

  private answer(text: string): unknown {
    const model = this.model as ExcelModel;
    const body = JSON.parse(text) as RequestBody;
    if (this.keepBodies) this.bodies.push(body);
    try {
      model.beginRequest(bytes(text));
    } catch (error) {
      const code = (error as ExcelError).code;
      if (code === 'RequestPayloadSizeLimitExceeded') return { status: 'failed', error: { code: OOE_REQUEST_TOO_LARGE, message: 'The request payload size has exceeded the limit.' } };
      return this.reply({ Results: [], Error: { Code: code, Message: (error as Error).message, HttpStatusCode: 400 } });
    }
    const { results, error, index } = this.execute(body);
    const response = error
      ? { Results: results, Error: { Code: error.code, Message: error.message, HttpStatusCode: 400, ActionIndex: index, Location: body.Actions[index]?.Name } }
      : { Results: results };
    const out = JSON.stringify(response);
    try {
      model.endRequest(bytes(out));
    } catch {
      return { status: 'failed', error: { code: OOE_RESPONSE_TOO_LARGE, message: 'The response payload size has exceeded the limit.' } };
    }
    return { status: 'succeeded', value: { data: [200, [], out] } };
  }

  private reply(response: unknown) {
    return { status: 'succeeded', value: { data: [200, [], JSON.stringify(response)] } };
  }

  private execute(body: RequestBody): { results: Array<{ ActionId: number; Value: unknown }>; error: ExcelError | null; index: number } {
    const resolved = new Map<number, Node | null>();
    const resolve = (id: number): Node | null => {
      if (resolved.has(id)) return resolved.get(id) as Node | null;
      const path = body.ObjectPaths[String(id)];
      if (!path) throw new ExcelError('InvalidObjectPath', `no object path ${id}`);
      const args = this.args(path.ArgumentInfo, resolve);
      let node: Node | null;
      if (path.ObjectPathType === 1) node = { kind: 'workbook' };
      else if (path.ObjectPathType === 6) {
        if (!this.references.has(path.Name)) throw new ExcelError('InvalidObjectPath', `unknown reference ${path.Name}`);
        node = this.references.get(path.Name) as Node | null;
      } else {
        const parent = resolve(path.ParentObjectPathId as number);
        if (parent === null) node = null; // the children of a null object are null objects
        else if (path.ObjectPathType === 4) node = this.property(parent, path.Name);
        else if (path.ObjectPathType === 5) node = this.index(parent, args);
        else if (path.ObjectPathType === 3) node = this.method(parent, path.Name, args) as Node | null;
        else throw new ExcelError('NotImplemented', `object path type ${path.ObjectPathType}`);
      }
      resolved.set(id, node);
      return node;
    };
    const results: Array<{ ActionId: number; Value: unknown }> = [];
    for (let i = 0; i < body.Actions.length; i++) {
      const action = body.Actions[i];
      try {
        const node = resolve(action.ObjectPathId);
        const path = body.ObjectPaths[String(action.ObjectPathId)];
        switch (action.ActionType) {
          case 1: { // instantiate: a kept object gets a reference id, so later requests can name it
            let value: unknown = node === null ? null : {};
            if (node !== null && path.ObjectPathType === 3) {
              const ref = `ref${this.nextReference++}`;
              this.references.set(ref, node);
              value = { _ReferenceId: ref };
            }
            results.push({ ActionId: action.Id, Value: value });
            break;
          }
          case 2:
            results.push({ ActionId: action.Id, Value: node === null ? null : this.query(node, action.QueryInfo?.Select ?? []) });
            break;
          case 3:
            // _KeepReference and _RemoveReference manage the host's references: nothing to do here.
            if (action.Name === '_KeepReference' || action.Name === '_RemoveReference' || node === null) break;
            results.push({ ActionId: action.Id, Value: this.method(node, action.Name, this.args(action.ArgumentInfo, resolve)) ?? null });
            break;
          case 4:
            if (node !== null) this.set(node, action.Name, (action.ArgumentInfo?.Arguments ?? [])[0]);
            break;
          default:
            throw new ExcelError('NotImplemented', `action type ${action.ActionType}`);
        }
      } catch (error) {
        if (!(error instanceof ExcelError)) throw error;
        return { results, error, index: i };
      }
    }
    return { results, error: null, index: -1 };
  }

  private args(info: PathInfo['ArgumentInfo'], resolve: (id: number) => Node | null): unknown[] {
    const args = info?.Arguments ?? [];
    const refs = info?.ReferencedObjectPathIds ?? [];
    return args.map((a, i) => (refs[i] ? resolve(refs[i]) : a));
  }

  // ---- the object model ----------------------------------------------------------------------------

  private property(node: Node, name: string): Node {
    switch (`${node.kind}.${name}`) {
      case 'workbook.Worksheets': return { kind: 'worksheets' };
      case 'workbook.CustomXmlParts': return { kind: 'parts' };
      case 'sheet.Protection': return { kind: 'protection', sheet: (node as { sheet: ModelSheet }).sheet };
      case 'sheet.PageLayout': return { kind: 'pageLayout', sheet: (node as { sheet: ModelSheet }).sheet };
      case 'sheet.Charts': return { kind: 'charts', sheet: (node as { sheet: ModelSheet }).sheet };
      case 'range.Format': return { ...(node as { sheet: ModelSheet; area: Area }), kind: 'format' };
      case 'format.Font': return { ...(node as { sheet: ModelSheet; area: Area }), kind: 'font' };
      case 'format.Fill': return { ...(node as { sheet: ModelSheet; area: Area }), kind: 'fill' };
      case 'format.Borders': return { ...(node as { sheet: ModelSheet; area: Area }), kind: 'borders' };
      case 'rangeAreas.Areas': return { ...(node as { sheet: ModelSheet; areas: Area[] }), kind: 'rangeCollection' };
      case 'chart.Title': return { ...(node as { sheet: ModelSheet; chart: ModelChart }), kind: 'chartTitle' };
      case 'chart.Legend': return { ...(node as { sheet: ModelSheet; chart: ModelChart }), kind: 'legend' };
      case 'chart.Series': return { ...(node as { sheet: ModelSheet; chart: ModelChart }), kind: 'series' };
      default:
        throw new ExcelError('NotImplemented', `${node.kind}.${name}`);
    }
  }

  private index(node: Node, args: unknown[]): Node {
    const m = this.model as ExcelModel;
    if (node.kind === 'worksheets') return { kind: 'sheet', sheet: m.sheet(String(args[0])) };
    if (node.kind === 'borders') return { ...node, kind: 'border', edge: String(args[0]) };
    if (node.kind === 'parts' || node.kind === 'partsByNamespace') {
      const id = String(args[0]);
      const found = node.kind === 'parts' ? m.customXmlParts.find((p) => p.id === id) : m.partsByNamespace(node.ns).find((p) => p.id === id);
      if (!found) throw new ExcelError('ItemNotFound', `no custom XML part ${id}`);
      return { kind: 'part', id };
    }
    if (node.kind === 'charts') {
      const chart = node.sheet.charts.find((c) => c.name === args[0]);
      if (!chart) throw new ExcelError('ItemNotFound');
      return { kind: 'chart', sheet: node.sheet, chart };
    }
    throw new ExcelError('NotImplemented', `${node.kind}[]`);
  }

  private method(node: Node, name: string, args: unknown[]): unknown {
    const m = this.model as ExcelModel;
    const rangeOf = (n: unknown) => n as { sheet: ModelSheet; area: Area };
    switch (`${node.kind}.${name}`) {
      case 'worksheets.GetItemOrNullObject': {
        const sheet = m.sheetOrNull(String(args[0]));
        return sheet ? { kind: 'sheet', sheet } : null;
      }
      case 'worksheets.Add': return { kind: 'sheet', sheet: m.add(String(args[0])) };
      case 'sheet.GetRange': {
        const sheet = (node as { sheet: ModelSheet }).sheet;
        return { kind: 'range', sheet, area: args[0] === null || args[0] === undefined ? { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 } : parseArea(String(args[0])) };
      }
      case 'sheet.GetRangeByIndexes': {
        const [top, left, rows, cols] = args as number[];
        if (rows < 1 || cols < 1 || top + rows > MAX_ROWS || left + cols > MAX_COLS) throw new ExcelError('InvalidArgument', 'range outside the sheet');
        return { kind: 'range', sheet: (node as { sheet: ModelSheet }).sheet, area: { top, left, bottom: top + rows - 1, right: left + cols - 1 } };
      }
      case 'sheet.GetUsedRangeOrNullObject': {
        const sheet = (node as { sheet: ModelSheet }).sheet;
        const area = m.usedArea(sheet, args[0] === true);
        return area ? { kind: 'range', sheet, area } : null;
      }
      case 'sheet.Activate':
        m.active = (node as { sheet: ModelSheet }).sheet.name;
        return undefined;
      case 'sheet.Delete':
        m.delete((node as { sheet: ModelSheet }).sheet);
        return undefined;
      case 'range.GetMergedAreasOrNullObject': {
        const r = rangeOf(node);
        const areas = m.mergedAreas(r.sheet, r.area);
        return areas.length ? { kind: 'rangeAreas', sheet: r.sheet, areas } : null;
      }
      case 'range.GetEntireColumn': {
        const r = rangeOf(node);
        return { kind: 'range', sheet: r.sheet, area: { ...r.area, top: 0, bottom: MAX_ROWS - 1 } };
      }
      case 'range.GetEntireRow': {
        const r = rangeOf(node);
        return { kind: 'range', sheet: r.sheet, area: { ...r.area, left: 0, right: MAX_COLS - 1 } };
      }
      case 'range._ValidateArraySize': {
        // The runtime sends large arrays in slices of about 1,500 cells; first it checks the whole fits.
        const { area } = rangeOf(node);
        if (args[0] !== area.bottom - area.top + 1 || args[1] !== area.right - area.left + 1) throw new ExcelError('InvalidArgument', 'the array does not match the size of the range');
        return undefined;
      }
      case 'range.GetRow': {
        const r = rangeOf(node);
        const row = r.area.top + (args[0] as number);
        if (row > r.area.bottom) throw new ExcelError('InvalidArgument', 'row outside the range');
        return { kind: 'range', sheet: r.sheet, area: { ...r.area, top: row, bottom: row } };
      }
      case 'range.GetBoundingRect': {
        const a = rangeOf(node).area;
        const b = rangeOf(args[0]).area;
        return { kind: 'range', sheet: rangeOf(node).sheet, area: { top: Math.min(a.top, b.top), left: Math.min(a.left, b.left), bottom: Math.max(a.bottom, b.bottom), right: Math.max(a.right, b.right) } };
      }
      case 'range.Merge': return m.merge(rangeOf(node).sheet, rangeOf(node).area, args[0] === true);
      case 'range.Unmerge': return m.unmerge(rangeOf(node).sheet, rangeOf(node).area);
      case 'range.Clear': return m.clear(rangeOf(node).sheet, rangeOf(node).area, (args[0] as string | null) ?? 'All');
      case 'range.Select':
        m.selected = `${rangeOf(node).sheet.name}!${areaToA1(rangeOf(node).area)}`;
        m.active = rangeOf(node).sheet.name;
        return undefined;
      case 'pageLayout.SetPrintArea':
        (node as { sheet: ModelSheet }).sheet.pageLayout.printArea = args[0];
        return undefined;
      case 'charts.Add': {
        const sheet = (node as { sheet: ModelSheet }).sheet;
        const source = rangeOf(args[1]);
        return { kind: 'chart', sheet, chart: m.addChart(sheet, String(args[0]), areaToA1(source.area)) };
      }
      case 'charts.GetItemAt': {
        const sheet = (node as { sheet: ModelSheet }).sheet;
        const chart = sheet.charts[args[0] as number];
        if (!chart) throw new ExcelError('ItemNotFound');
        return { kind: 'chart', sheet, chart };
      }
      case 'chart.SetPosition': {
        const c = node as { chart: ModelChart };
        c.chart.position = [areaToA1(rangeOf(args[0]).area), areaToA1(rangeOf(args[1]).area)];
        return undefined;
      }
      case 'chart.Delete': {
        const c = node as { sheet: ModelSheet; chart: ModelChart };
        m.deleteChart(c.sheet, c.chart);
        return undefined;
      }
      case 'series.GetItemAt':
        return { ...(node as { sheet: ModelSheet; chart: ModelChart }), kind: 'seriesItem' };
      case 'seriesItem.SetXAxisValues':
        (node as { chart: ModelChart }).chart.categories = areaToA1(rangeOf(args[0]).area);
        return undefined;
      case 'parts.GetByNamespace': return { kind: 'partsByNamespace', ns: String(args[0]) };
      case 'parts.Add': return { kind: 'part', id: m.addPart(String(args[0])).id };
      case 'partsByNamespace.GetOnlyItemOrNullObject': {
        const found = m.partsByNamespace((node as { ns: string }).ns);
        if (found.length > 1) throw new ExcelError('InvalidOperation', 'more than one part in the namespace');
        return found.length ? { kind: 'part', id: found[0].id } : null;
      }
      case 'part.GetXml': return this.part(node).xml;
      case 'part.SetXml':
        this.part(node).xml = String(args[0]);
        return undefined;
      case 'part.Delete':
        m.deletePart(this.part(node));
        return undefined;
      default:
        throw new ExcelError('NotImplemented', `${node.kind}.${name}()`);
    }
  }

  private part(node: Node) {
    const part = (this.model as ExcelModel).customXmlParts.find((p) => p.id === (node as { id: string }).id);
    if (!part) throw new ExcelError('ItemNotFound', 'no such custom XML part');
    return part;
  }

  private set(node: Node, name: string, value: unknown): void {
    const m = this.model as ExcelModel;
    const r = node as { sheet: ModelSheet; area: Area };
    switch (`${node.kind}.${name}`) {
      case 'range.Values': return m.writeValues(r.sheet, r.area, value as unknown[][]);
      case 'range.NumberFormat': return m.writeNumberFormats(r.sheet, r.area, value as unknown[][]);
      case 'sheet.Position': return m.setPosition(r.sheet, value as number);
      case 'sheet.Gridlines':
        r.sheet.showGridlines = value as boolean;
        return undefined;
      case 'pageLayout.Orientation':
      case 'pageLayout.PaperSize':
      case 'pageLayout.Zoom':
        r.sheet.pageLayout[name.charAt(0).toLowerCase() + name.slice(1)] = value;
        return undefined;
      case 'format.ColumnWidth':
        for (let c = r.area.left; c <= r.area.right; c++) r.sheet.columnWidths.set(c, value as number);
        return undefined;
      case 'format.RowHeight':
        for (let row = r.area.top; row <= r.area.bottom; row++) r.sheet.rowHeights.set(row, value as number);
        return undefined;
      case 'format.UseStandardHeight':
        if (value === true) for (let row = r.area.top; row <= r.area.bottom; row++) r.sheet.rowHeights.delete(row);
        return undefined;
      case 'format.HorizontalAlignment':
      case 'format.VerticalAlignment':
      case 'format.WrapText':
        return m.setStyle(r.sheet, r.area, name.charAt(0).toLowerCase() + name.slice(1), value);
      case 'font.Name':
      case 'font.Size':
      case 'font.Bold':
      case 'font.Color':
      case 'fill.Color':
        return m.setStyle(r.sheet, r.area, `${node.kind}.${name.toLowerCase()}`, value);
      case 'border.Style':
      case 'border.Color':
        return m.setStyle(r.sheet, r.area, `borders.${(node as { edge: string }).edge}.${name.toLowerCase()}`, value);
      case 'chartTitle.Text':
        (node as { chart: ModelChart }).chart.title = value as string;
        return undefined;
      case 'legend.Visible':
        (node as { chart: ModelChart }).chart.legendVisible = value as boolean;
        return undefined;
      default:
        throw new ExcelError('NotImplemented', `${node.kind}.${name} =`);
    }
  }

  private query(node: Node, select: string[]): unknown {
    const items = this.items(node);
    if (items) return { _Items: items.map((item) => this.select(item, select)) };
    return this.select(node, select);
  }

  private items(node: Node): Node[] | null {
    const m = this.model as ExcelModel;
    if (node.kind === 'worksheets') return m.sheets.map((sheet) => ({ kind: 'sheet', sheet }));
    if (node.kind === 'rangeCollection') return node.areas.map((area) => ({ kind: 'range', sheet: node.sheet, area }));
    if (node.kind === 'charts') return node.sheet.charts.map((chart) => ({ kind: 'chart', sheet: node.sheet, chart }));
    if (node.kind === 'partsByNamespace') return m.partsByNamespace(node.ns).map((p) => ({ kind: 'part', id: p.id }));
    return null;
  }

  /** The selected properties ("name", "protection/protected", "areas/rowIndex") as Excel returns them. */
  private select(node: Node, select: string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const nested = new Map<string, string[]>();
    for (const path of select) {
      const [head, ...rest] = path.split('/');
      if (rest.length) nested.set(head, [...(nested.get(head) ?? []), rest.join('/')]);
      else out[pascal(head)] = this.scalar(node, head);
    }
    for (const [head, rest] of nested) out[pascal(head)] = this.query(this.property(node, pascal(head)), rest);
    // Items of an indexed collection carry their id, as Excel's do: the runtime builds their paths from it.
    if (node.kind === 'sheet') out.Id = node.sheet.id;
    return out;
  }

  private scalar(node: Node, name: string): unknown {
    const m = this.model as ExcelModel;
    const r = node as { sheet: ModelSheet; area: Area };
    switch (`${node.kind}.${name}`) {
      case 'sheet.name': return r.sheet.name;
      case 'sheet.id': return r.sheet.id;
      case 'sheet.position': return m.position(r.sheet);
      case 'protection.protected': return r.sheet.protected;
      case 'range.values': return m.values(r.sheet, r.area);
      case 'range.formulas': return m.formulas(r.sheet, r.area);
      case 'range.numberFormat': return m.numberFormats(r.sheet, r.area);
      case 'range.rowIndex': return r.area.top;
      case 'range.columnIndex': return r.area.left;
      case 'range.rowCount': return r.area.bottom - r.area.top + 1;
      case 'range.columnCount': return r.area.right - r.area.left + 1;
      case 'range.address': return `${/^[\w.]+$/.test(r.sheet.name) ? r.sheet.name : `'${r.sheet.name.replace(/'/g, "''")}'`}!${areaToA1(r.area)}`;
      case 'rangeAreas.address': return (node as { sheet: ModelSheet; areas: Area[] }).areas.map((a) => `'${r.sheet.name}'!${areaToA1(a)}`).join(',');
      case 'chart.name': return (node as { chart: ModelChart }).chart.name;
      case 'part.id': return (node as { id: string }).id;
      default:
        throw new ExcelError('NotImplemented', `load ${node.kind}.${name}`);
    }
  }
}
