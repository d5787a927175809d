// The Office.js gateway: the open workbook <-> snapshot and plan. The only code that calls Excel.run.
export { officeApi, type OfficeApi, PAYLOAD_BUDGET } from './api';
export { readSnapshot, type ReadResult } from './read';
export { applyPlan, type ApplyResult, PartialWriteError } from './apply';
export { writeSummarySheet } from './summary';
export { selectCell } from './select';
export { describeOfficeError } from './errors';
export { planBlocks, type Block } from './blocks';
export { loadDocumentSettings, saveDocumentSettings } from './settings';
