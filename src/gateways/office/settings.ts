// The pane's settings kept in the workbook (Office.context.document.settings, stored in the add-in's web
// extension part of the file): the next user of the file sees the same profile, year and unit, and the
// web page reads the same part (gateways/addinParts.ts).

/// <reference types="office-js" />

import { SETTINGS_KEY } from '../addinParts';

/** The settings as stored (to be checked by the caller), or null. */
export function loadDocumentSettings(): unknown {
  return Office.context.document.settings.get(SETTINGS_KEY) ?? null;
}

export function saveDocumentSettings(value: unknown): Promise<void> {
  Office.context.document.settings.set(SETTINGS_KEY, value);
  return new Promise((resolve, reject) => {
    Office.context.document.settings.saveAsync((result) => {
      if (result.status === Office.AsyncResultStatus.Succeeded) resolve();
      else reject(result.error);
    });
  });
}
