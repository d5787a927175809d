// A plan applied to the ExcelJS workbook it was read from; everything else in the file stays as it was.

import type ExcelJS from 'exceljs';
import type { Plan } from '../../engine';

export function applyPlan(workbook: ExcelJS.Workbook, plan: Plan): void {
  for (const write of plan.writes) {
    const sheet = workbook.getWorksheet(write.sheet);
    if (!sheet) throw new Error(`sheet "${write.sheet}" is not in the workbook the plan was made from`);
    const cell = sheet.getCell(write.cell);
    // A string is set as a plain value: ExcelJS makes formulas only from { formula }, so text stays text.
    cell.value = write.value;
    // ExcelJS shares one style object among cells read with the same style: setting numFmt on it would
    // change every one of them. Give the written cell a copy of its own.
    if (write.numberFormat) cell.style = { ...cell.style, numFmt: write.numberFormat };
  }
}

export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
