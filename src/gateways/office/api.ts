// The one place that touches Excel.run: an adapter the gateway's functions take, so tests can hand them a
// counting fake of the Excel API, or the real Office.js runtime with a stub host, instead.

/// <reference types="office-js" />

export interface OfficeApi {
  run<T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** Whether the host supports an ExcelApi requirement set ("1.13", "1.20"). */
  supports(version: string): boolean;
}

export function officeApi(): OfficeApi {
  return {
    run: (options, batch) => Excel.run(options, batch),
    supports: (version) => Office.context.requirements.isSetSupported('ExcelApi', version),
  };
}

/**
 * Options for a batch. `delayForCellEdit`: while the user is typing in a cell, Excel waits for them to
 * finish instead of failing the batch. `undo`: the batch's writes become one undo step where ExcelApi
 * 1.20 offers undo groups (before 1.20 Excel clears its undo stack after an add-in writes).
 */
export function runOptions(api: OfficeApi, undo = false): Excel.RunOptions {
  return { delayForCellEdit: true, ...(undo && api.supports('1.20') ? { mergeUndoGroup: true } : {}) };
}

/** Excel on the web caps a request and a response at 5 MB; stay under it with room for the envelope. */
export const PAYLOAD_BUDGET = 4_000_000;
/** Past 5,000,000 cells a range's `values` and `formulas` come back null. */
export const CELLS_PER_READ = 5_000_000;

/** Excel's codes for "too much at once": halving the request is the cure. */
const SIZE_ERRORS = new Set(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded', 'RangeExceedsLimit', 'OperationCellsExceedLimit']);

export function isSizeError(error: unknown): boolean {
  return SIZE_ERRORS.has((error as { code?: string } | null)?.code ?? '');
}

/** Excel's codes for a workbook that cannot be used right now: retrying smaller would not help. */
const STATE_ERRORS = new Set(['AccessDenied', 'InvalidOperationInCellEditMode', 'InactiveWorkbook', 'ItemNotFound', 'UndoNotSupported', 'ApiNotFound']);

export function isStateError(error: unknown): boolean {
  return STATE_ERRORS.has((error as { code?: string } | null)?.code ?? '');
}

/** The bytes a string takes in UTF-8: what a request's JSON weighs (a Chinese character is three). */
export function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export function jsonBytes(value: unknown): number {
  return utf8Bytes(JSON.stringify(value));
}
