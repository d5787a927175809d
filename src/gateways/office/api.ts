// The one place that touches Excel.run: an adapter the gateway's functions take, so tests can hand them a
// counting fake of the Excel API instead.

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

/** Excel on the web caps a request and a response at 5 MB; stay under it with room for the envelope. */
export const PAYLOAD_BUDGET = 4_000_000;
/** Excel caps one range read at 5,000,000 cells. */
export const CELLS_PER_READ = 5_000_000;

const SIZE_ERRORS = new Set(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded', 'PayloadTooLarge', 'RangeExceedsLimit', 'OperationCellsExceedLimit']);

export function isSizeError(error: unknown): boolean {
  return SIZE_ERRORS.has((error as { code?: string } | null)?.code ?? '');
}
