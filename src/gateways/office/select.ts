// Brings a cell into view: its sheet activated, the cell selected (re-created from its address each time).

/// <reference types="office-js" />

import { type OfficeApi, runOptions } from './api';

export async function selectCell(api: OfficeApi, sheet: string, cell: string): Promise<void> {
  await api.run(runOptions(api), async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(cell).select();
    await context.sync();
  });
}
