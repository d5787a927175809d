// An .xlsx file (bytes) into a snapshot, reading the package itself: workbook.xml and its
// relationships, shared strings, number formats and each worksheet, within limits. No Node APIs: the
// offline web page uses it too.

import type { SheetSnapshot, WorkbookSnapshot } from '../../engine';
import { FileError } from './errors';
import { Package } from './package';
import { readSharedStrings } from './strings';
import { StyleBook } from './styles';
import { NotWorkbookError, readWorkbookInfo, type SheetEntry, type WorkbookInfo } from './workbook';
import { readWorksheet, type SheetLayoutIndex, TooManyCellsError } from './worksheet';
import { XmlError } from './xml';
import { ZipError } from './zip';

const MB = 1024 * 1024;

/** What one file may cost. A real bureau workbook of 2,100 projects unpacks to about 10 MB and 300,000 cells. */
export const LIMITS = {
  /** The file itself. */
  fileMB: 200,
  /** One part unpacked. */
  partMB: 128,
  /** All parts read, unpacked. */
  totalMB: 256,
  /** Non-empty cells (values and formulas) in all worksheets. */
  cells: 2_000_000,
};

/** Something reading noticed that is not the engine's business, shown beside its issues. */
export type FileNote =
  | { kind: 'merge-overlap'; sheet: string; ranges: string[] }
  | { kind: 'sheet-missing'; sheet: string };

export interface ReadSheetPart {
  entry: SheetEntry;
  index: SheetLayoutIndex;
}

export interface OpenedWorkbook {
  fileName: string;
  snapshot: WorkbookSnapshot;
  notes: FileNote[];
  /** The package as read: the writer patches copies of its parts, never the parts themselves. */
  readonly source: {
    pkg: Package;
    info: WorkbookInfo;
    styles: StyleBook | null;
    sheets: Map<string, ReadSheetPart>;
  };
  /** What the writer will put into the file, gathered until the bytes are asked for. */
  readonly pending: PendingChanges;
}

export interface PendingCell {
  row: number;
  col: number;
  /** null empties the cell, keeping its format (undo of a fill). */
  value: string | number | boolean | null;
  numberFormat: string | null;
}

export interface PendingPart {
  data: string | Uint8Array;
  contentType?: string;
  /** A relationship to the part from another ("" for the package itself), added unless one is there. */
  relationship?: { from: string; type: string };
}

export interface PendingChanges {
  /** Cell writes by sheet, then by A1 address (a later write to a cell replaces an earlier one). */
  cells: Map<string, Map<string, PendingCell>>;
  /** Other parts added or replaced, by part name. */
  parts: Map<string, PendingPart>;
  report: { name: string; replaces: string | null; sheet: import('../../engine').SheetDescription } | null;
}

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const startsWith = (data: Uint8Array, magic: number[]) => magic.every((b, i) => data[i] === b);

export async function readWorkbook(input: Uint8Array | ArrayBuffer, fileName: string): Promise<OpenedWorkbook> {
  return readWorkbookSync(input instanceof Uint8Array ? input : new Uint8Array(input), fileName);
}

export function readWorkbookSync(bytes: Uint8Array, fileName: string): OpenedWorkbook {
  if (startsWith(bytes, OLE2)) throw new FileError('xls', fileName);
  if (!startsWith(bytes, ZIP)) throw new FileError('not-workbook', fileName);
  if (bytes.length > LIMITS.fileMB * MB) throw new FileError('too-large', fileName, { limit: LIMITS.fileMB });
  try {
    return open(bytes, fileName);
  } catch (e) {
    if (e instanceof FileError) throw e;
    if (e instanceof ZipError) {
      if (e.problem === 'encrypted') throw new FileError('xls', fileName, {}, e);
      if (e.problem === 'too-large') throw new FileError('too-large', fileName, { limit: LIMITS.partMB, where: e.part }, e);
      throw new FileError('unreadable', fileName, {}, e);
    }
    if (e instanceof XmlError) throw new FileError('unreadable', fileName, {}, e);
    if (e instanceof NotWorkbookError) throw new FileError(e.binary ? 'xlsb' : 'not-workbook', fileName, {}, e);
    throw e;
  }
}

function open(bytes: Uint8Array, fileName: string): OpenedWorkbook {
  const pkg = Package.open(bytes, { entry: LIMITS.partMB * MB, total: LIMITS.totalMB * MB });
  const info = readWorkbookInfo(pkg);
  const strings = info.sharedStrings ? readSharedStrings(pkg.text(info.sharedStrings)) : [];
  const styles = info.styles ? new StyleBook(pkg.text(info.styles)) : null;
  const context = { name: '', strings, styles, date1904: info.date1904, cellBudget: LIMITS.cells };
  const sheets: SheetSnapshot[] = [];
  const parts = new Map<string, ReadSheetPart>();
  const notes: FileNote[] = [];
  for (const entry of info.sheets) {
    if (entry.kind !== 'worksheet') continue; // chartsheets and old dialog/macro sheets hold no cells to check
    if (!entry.part) {
      notes.push({ kind: 'sheet-missing', sheet: entry.name });
      continue;
    }
    context.name = entry.name;
    let read;
    try {
      read = readWorksheet(pkg.text(entry.part), context);
    } catch (e) {
      if (e instanceof TooManyCellsError) throw new FileError('too-many-cells', fileName, { limit: LIMITS.cells, where: entry.name }, e);
      throw e;
    }
    if (entry.state !== 'visible') read.snapshot.hidden = true;
    sheets.push(read.snapshot);
    parts.set(entry.name, { entry, index: read.index });
    if (read.overlapping.length) notes.push({ kind: 'merge-overlap', sheet: entry.name, ranges: read.overlapping.map((o) => o.range) });
  }
  // No worksheet at all is an empty workbook; worksheets whose parts are all missing, a damaged one.
  if (sheets.length === 0) throw new FileError(notes.length ? 'unreadable' : 'empty', fileName);
  return {
    fileName,
    snapshot: { sheets },
    notes,
    source: { pkg, info, styles, sheets: parts },
    pending: { cells: new Map(), parts: new Map(), report: null },
  };
}
