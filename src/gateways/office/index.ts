// The Office.js gateway: the open workbook <-> snapshot and plan. The only code that calls Excel.run.
export { officeApi, type OfficeApi, PAYLOAD_BUDGET } from './api';
export { readSnapshot, type ReadResult } from './read';
export { applyPlan, type ApplyOptions, type ApplyResult, PartialWriteError, StalePlanError } from './apply';
export { previewUndo, undoLastFill, type UndoOutcome } from './undo';
export { writeSummarySheet } from './summary';
export { selectCell } from './select';
export { describeOfficeError } from './errors';
export { planBlocks, type Block } from './blocks';
export { loadDocumentSettings, saveDocumentSettings } from './settings';
