// A workbook as Excel keeps it, with the rules and limits Excel enforces, behind both test doors of the
// Office.js gateway: the counting fake (fakeExcel.ts) and the real Office.js runtime with a stub host
// (officeRuntime.ts). What Excel does with a request lives here once, so the two cannot disagree.
//
// Limits and behaviours modelled (each one something the gateway met or must not meet):
// - a request or a response over 5 MB is refused (RequestPayloadSizeLimitExceeded / Response…);
// - a range of more than 5,000,000 cells loads `values` and `formulas` as null;
// - getMergedAreasOrNullObject returns the areas whose top-left cell is in the range and fails above 512;
// - getUsedRange without valuesOnly counts cells that only carry formatting;
// - strings written through `values` are parsed ("2024", "0012", "50%", "1-2", "=…") unless the cell's
//   number format is "@" or the string is quote-prefixed;
// - inside an undo group (mergeUndoGroup), Worksheet.delete, and on desktop setting a position, throw
//   UndoNotSupported;
// - a protected sheet refuses cell writes and formatting, a protected workbook structure refuses
//   adding and deleting sheets (both AccessDenied).
import { type Area, parseArea, toA1 } from '../../src/engine/address';
import type { CellValue } from '../../src/engine';

export class ExcelError extends Error {
  constructor(readonly code: string, message = code) {
    super(message);
  }
}

export interface ModelCell {
  value: CellValue;
  formula?: string;
  numberFormat?: string;
  /** Formatting by property ("font.bold", "fill.color", "borders.EdgeTop.style" …). */
  style?: Record<string, unknown>;
}

export interface ModelChart {
  name: string;
  type: string;
  values: string;
  categories?: string;
  title?: string;
  legendVisible?: boolean;
  position?: [string, string];
}

export class ModelSheet {
  cells = new Map<string, ModelCell>();
  merges: Area[] = [];
  charts: ModelChart[] = [];
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  protected = false;
  showGridlines = true;
  pageLayout: Record<string, unknown> = {};
  constructor(readonly id: string, public name: string) {}

  cell(row: number, col: number): ModelCell | undefined {
    return this.cells.get(toA1(row, col));
  }

  private touch(row: number, col: number): ModelCell {
    const key = toA1(row, col);
    let cell = this.cells.get(key);
    if (!cell) this.cells.set(key, (cell = { value: null }));
    return cell;
  }

  setValue(row: number, col: number, value: CellValue, formula?: string): void {
    const cell = this.touch(row, col);
    cell.value = value;
    cell.formula = formula;
  }

  setNumberFormat(row: number, col: number, format: string): void {
    this.touch(row, col).numberFormat = format;
  }

  setStyle(row: number, col: number, property: string, value: unknown): void {
    const cell = this.touch(row, col);
    cell.style = { ...cell.style, [property]: value };
  }
}

export interface ModelOptions {
  /** Requirement sets the host supports; by default everything up to ExcelApi 1.20. */
  supports?: string[];
  /** 'web' (the default) or 'desktop': desktop also refuses a sheet position inside an undo group. */
  platform?: 'web' | 'desktop';
  payloadLimit?: number;
  cellLimit?: number;
  mergeLimit?: number;
}

export const PAYLOAD_LIMIT = 5_000_000;
export const CELL_LIMIT = 5_000_000;
export const MERGE_LIMIT = 512;

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** What Excel makes of a string typed or written through `values` into a cell of General format. */
export function parseEntry(text: string, year = 2025): { value: CellValue; formula?: string; numberFormat?: string } {
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (/^=./.test(text) || /^[+-][^\d.\s]/.test(text)) return { value: null, formula: text.startsWith('=') ? text : `=${text}` };
  const t = text.trim();
  if (/^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d*)?([eE][+-]?\d+)?$/.test(t) || /^[+-]?\.\d+$/.test(t)) return { value: Number(t.replace(/,/g, '')) };
  const percent = /^([+-]?\d+(\.\d+)?)%$/.exec(t);
  if (percent) return { value: Number(percent[1]) / 100, numberFormat: percent[2] ? '0.00%' : '0%' };
  if (/^(TRUE|FALSE)$/i.test(t)) return { value: t.toUpperCase() === 'TRUE' };
  const date = /^(\d{1,4})[-/](\d{1,2})(?:[-/](\d{1,4}))?$/.exec(t);
  if (date) {
    const [a, b, c] = [Number(date[1]), Number(date[2]), date[3] === undefined ? null : Number(date[3])];
    const [y, m, d] = c === null ? [year, a, b] : a > 31 ? [a, b, c] : [c, a, b];
    if (m >= 1 && m <= 12 && d >= 1 && d <= 31) return { value: (Date.UTC(y, m - 1, d) - EXCEL_EPOCH) / 86_400_000, numberFormat: 'm/d/yyyy' };
  }
  return { value: text };
}

interface Part {
  id: string;
  xml: string;
}

function namespaceOf(xml: string): string | null {
  return /<(?:[\w.-]+:)?[\w.-]+[^>]*?\sxmlns(?::[\w.-]+)?="([^"]*)"/.exec(xml)?.[1] ?? null;
}

export class ExcelModel {
  sheets: ModelSheet[] = [];
  customXmlParts: Part[] = [];
  structureProtected = false;
  active: string | null = null;
  selected: string | null = null;
  /** Every Excel.run: its options, and the size in bytes of each request it sent and response it got. */
  runs: Array<{ mergeUndoGroup: boolean; delayForCellEdit: boolean; requests: number[]; responses: number[] }> = [];
  /** Every getMergedAreasOrNullObject call: how many areas it returned. */
  mergeCalls: number[] = [];
  private nextSheet = 1;
  private nextPart = 1;
  private nextChart = 1;
  private failures: string[] = [];
  readonly supported: Set<string>;

  constructor(readonly options: ModelOptions = {}) {
    this.supported = new Set(options.supports ?? ['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '1.8', '1.9', '1.10', '1.11', '1.12', '1.13', '1.14', '1.15', '1.16', '1.17', '1.18', '1.19', '1.20']);
  }

  get payloadLimit(): number {
    return this.options.payloadLimit ?? PAYLOAD_LIMIT;
  }

  get syncs(): number {
    return this.runs.reduce((n, r) => n + r.requests.length, 0);
  }

  /** All requests of all runs, in bytes. */
  get requests(): number[] {
    return this.runs.flatMap((r) => r.requests);
  }

  supports(version: string): boolean {
    return this.supported.has(version);
  }

  // ---- building a workbook in a test -------------------------------------------------------------

  addSheet(name: string, rows: unknown[][] = [], extra: { merges?: string[]; formulas?: Record<string, string>; protected?: boolean; formatted?: string } = {}): ModelSheet {
    const sheet = new ModelSheet(`{${String(this.nextSheet++).padStart(8, '0')}-0001-0000-0000-000000000000}`, name);
    rows.forEach((row, r) => row?.forEach((v, c) => {
      if (v !== null && v !== undefined && v !== '') sheet.setValue(r, c, v as CellValue);
    }));
    for (const [address, formula] of Object.entries(extra.formulas ?? {})) {
      const { top, left } = parseArea(address);
      sheet.setValue(top, left, sheet.cell(top, left)?.value ?? null, formula);
    }
    sheet.merges = (extra.merges ?? []).map(parseArea);
    sheet.protected = extra.protected ?? false;
    // Cells with formatting only (a border drawn down to row 100,000): they widen the plain used range.
    if (extra.formatted) {
      const a = parseArea(extra.formatted);
      sheet.setStyle(a.top, a.left, 'fill.color', '#FFFFFF');
      sheet.setStyle(a.bottom, a.right, 'fill.color', '#FFFFFF');
    }
    this.sheets.push(sheet);
    return sheet;
  }

  value(sheet: string, address: string): CellValue {
    const { top, left } = parseArea(address);
    return this.sheet(sheet).cell(top, left)?.value ?? null;
  }

  format(sheet: string, address: string): string | undefined {
    const { top, left } = parseArea(address);
    return this.sheet(sheet).cell(top, left)?.numberFormat;
  }

  /** The next request fails with this code before doing anything (cell-edit mode, a switched workbook). */
  failNextSync(code: string): void {
    this.failures.push(code);
  }

  // ---- a run and its requests --------------------------------------------------------------------

  beginRun(options: { mergeUndoGroup?: boolean; delayForCellEdit?: boolean }): void {
    this.runs.push({ mergeUndoGroup: options.mergeUndoGroup === true, delayForCellEdit: options.delayForCellEdit === true, requests: [], responses: [] });
  }

  private get run() {
    if (!this.runs.length) this.beginRun({});
    return this.runs[this.runs.length - 1];
  }

  /** Called with a request's size before it runs: refuses it whole when it is too large. */
  beginRequest(bytes: number): void {
    this.run.requests.push(bytes);
    const failure = this.failures.shift();
    if (failure) throw new ExcelError(failure);
    if (bytes > this.payloadLimit) throw new ExcelError('RequestPayloadSizeLimitExceeded');
  }

  endRequest(responseBytes: number): void {
    this.run.responses.push(responseBytes);
    if (responseBytes > this.payloadLimit) throw new ExcelError('ResponsePayloadSizeLimitExceeded');
  }

  // ---- worksheets --------------------------------------------------------------------------------

  sheetOrNull(nameOrId: string): ModelSheet | null {
    const key = nameOrId.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key || s.id === nameOrId) ?? null;
  }

  sheet(nameOrId: string): ModelSheet {
    const sheet = this.sheetOrNull(nameOrId);
    if (!sheet) throw new ExcelError('ItemNotFound', `no sheet ${nameOrId}`);
    return sheet;
  }

  add(name: string): ModelSheet {
    if (this.structureProtected) throw new ExcelError('AccessDenied', 'the workbook structure is protected');
    if (this.sheetOrNull(name)) throw new ExcelError('ItemAlreadyExists');
    return this.addSheet(name);
  }

  delete(sheet: ModelSheet): void {
    if (this.run.mergeUndoGroup) throw new ExcelError('UndoNotSupported', 'Worksheet.delete cannot be undone');
    if (this.structureProtected) throw new ExcelError('AccessDenied', 'the workbook structure is protected');
    this.sheets = this.sheets.filter((s) => s !== sheet);
    if (this.active === sheet.name) this.active = null;
  }

  position(sheet: ModelSheet): number {
    return this.sheets.indexOf(sheet);
  }

  setPosition(sheet: ModelSheet, position: number): void {
    if (this.run.mergeUndoGroup && this.options.platform === 'desktop') throw new ExcelError('UndoNotSupported', 'Worksheet.position cannot be undone');
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.sheets.splice(position, 0, sheet);
  }

  // ---- ranges ------------------------------------------------------------------------------------

  usedArea(sheet: ModelSheet, valuesOnly: boolean): Area | null {
    let area: Area | null = null;
    for (const [key, cell] of sheet.cells) {
      const hasValue = (cell.value !== null && cell.value !== '') || cell.formula !== undefined;
      if (!hasValue && (valuesOnly || (!cell.style && !cell.numberFormat))) continue;
      const { top: row, left: col } = parseArea(key);
      area = area
        ? { top: Math.min(area.top, row), left: Math.min(area.left, col), bottom: Math.max(area.bottom, row), right: Math.max(area.right, col) }
        : { top: row, left: col, bottom: row, right: col };
    }
    return area;
  }

  private grid<T>(sheet: ModelSheet, area: Area, pick: (cell: ModelCell | undefined) => T): T[][] | null {
    if ((area.bottom - area.top + 1) * (area.right - area.left + 1) > (this.options.cellLimit ?? CELL_LIMIT)) return null;
    const out: T[][] = [];
    for (let r = area.top; r <= area.bottom; r++) {
      const line: T[] = [];
      for (let c = area.left; c <= area.right; c++) line.push(pick(sheet.cell(r, c)));
      out.push(line);
    }
    return out;
  }

  values(sheet: ModelSheet, area: Area): unknown[][] | null {
    return this.grid(sheet, area, (cell) => cell?.value ?? '');
  }

  /** A formula cell gives its formula; any other cell its value, quote-prefixed text without the quote. */
  formulas(sheet: ModelSheet, area: Area): unknown[][] | null {
    return this.grid(sheet, area, (cell) => cell?.formula ?? cell?.value ?? '');
  }

  numberFormats(sheet: ModelSheet, area: Area): unknown[][] | null {
    return this.grid(sheet, area, (cell) => cell?.numberFormat ?? 'General');
  }

  private writable(sheet: ModelSheet): void {
    if (sheet.protected) throw new ExcelError('AccessDenied', `${sheet.name} is protected`);
  }

  private checkShape(area: Area, grid: unknown[][]): void {
    const rows = area.bottom - area.top + 1;
    const cols = area.right - area.left + 1;
    if (grid.length !== rows || grid.some((line) => line.length !== cols)) throw new ExcelError('InvalidArgument', 'the array does not match the size of the range');
  }

  writeValues(sheet: ModelSheet, area: Area, grid: unknown[][]): void {
    this.writable(sheet);
    this.checkShape(area, grid);
    grid.forEach((line, r) => line.forEach((v, c) => {
      if (v === null || v === undefined) return;
      const row = area.top + r;
      const col = area.left + c;
      if (v === '') return sheet.setValue(row, col, null);
      if (typeof v !== 'string') return sheet.setValue(row, col, v as CellValue);
      if (sheet.cell(row, col)?.numberFormat === '@') return sheet.setValue(row, col, v);
      const parsed = parseEntry(v);
      sheet.setValue(row, col, parsed.value, parsed.formula);
      if (parsed.numberFormat && (sheet.cell(row, col)?.numberFormat ?? 'General') === 'General') sheet.setNumberFormat(row, col, parsed.numberFormat);
    }));
  }

  writeNumberFormats(sheet: ModelSheet, area: Area, grid: unknown[][]): void {
    this.writable(sheet);
    this.checkShape(area, grid);
    grid.forEach((line, r) => line.forEach((f, c) => {
      if (f !== null && f !== undefined) sheet.setNumberFormat(area.top + r, area.left + c, String(f));
    }));
  }

  setStyle(sheet: ModelSheet, area: Area, property: string, value: unknown): void {
    this.writable(sheet);
    for (let r = area.top; r <= area.bottom; r++) for (let c = area.left; c <= area.right; c++) sheet.setStyle(r, c, property, value);
  }

  mergedAreas(sheet: ModelSheet, area: Area): Area[] {
    const found = sheet.merges.filter((m) => m.top >= area.top && m.top <= area.bottom && m.left >= area.left && m.left <= area.right);
    if (found.length > (this.options.mergeLimit ?? MERGE_LIMIT)) throw new ExcelError('GeneralException', `${found.length} merged areas: more than the 512 getMergedAreasOrNullObject returns`);
    this.mergeCalls.push(found.length);
    return found;
  }

  merge(sheet: ModelSheet, area: Area, across: boolean): void {
    this.writable(sheet);
    const overlaps = (m: Area) => !(m.bottom < area.top || m.top > area.bottom || m.right < area.left || m.left > area.right);
    sheet.merges = sheet.merges.filter((m) => !overlaps(m));
    if (across) for (let r = area.top; r <= area.bottom; r++) sheet.merges.push({ ...area, top: r, bottom: r });
    else sheet.merges.push(area);
  }

  unmerge(sheet: ModelSheet, area: Area): void {
    this.writable(sheet);
    sheet.merges = sheet.merges.filter((m) => m.bottom < area.top || m.top > area.bottom || m.right < area.left || m.left > area.right);
  }

  clear(sheet: ModelSheet, area: Area, applyTo = 'All'): void {
    this.writable(sheet);
    for (const key of [...sheet.cells.keys()]) {
      const { top: r, left: c } = parseArea(key);
      if (r < area.top || r > area.bottom || c < area.left || c > area.right) continue;
      const cell = sheet.cells.get(key) as ModelCell;
      if (applyTo === 'All' || applyTo === 'Contents') Object.assign(cell, { value: null, formula: undefined });
      if (applyTo === 'All' || applyTo === 'Formats') Object.assign(cell, { numberFormat: undefined, style: undefined });
      if (cell.value === null && cell.formula === undefined && !cell.numberFormat && !cell.style) sheet.cells.delete(key);
    }
    if (applyTo === 'All' || applyTo === 'Formats') this.unmerge(sheet, area);
  }

  addChart(sheet: ModelSheet, type: string, values: string): ModelChart {
    this.writable(sheet);
    const chart: ModelChart = { name: `Chart ${this.nextChart++}`, type, values };
    sheet.charts.push(chart);
    return chart;
  }

  deleteChart(sheet: ModelSheet, chart: ModelChart): void {
    sheet.charts = sheet.charts.filter((c) => c !== chart);
  }

  // ---- custom XML parts --------------------------------------------------------------------------

  partsByNamespace(ns: string): Part[] {
    return this.customXmlParts.filter((p) => namespaceOf(p.xml) === ns);
  }

  addPart(xml: string): Part {
    if (!namespaceOf(xml) && !/^\s*(<\?xml[^>]*>\s*)?<[\w:.-]+/.test(xml)) throw new ExcelError('InvalidArgument', 'not XML');
    const part = { id: `{${String(this.nextPart++).padStart(8, '0')}-CAFE-4000-8000-000000000000}`, xml };
    this.customXmlParts.push(part);
    return part;
  }

  deletePart(part: Part): void {
    this.customXmlParts = this.customXmlParts.filter((p) => p !== part);
  }
}
