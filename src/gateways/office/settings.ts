// The pane's settings kept in the workbook (Office.context.document.settings): the next user of the file
// sees the same profile, year and unit.

/// <reference types="office-js" />

const KEY = 'selfeval';

export function loadDocumentSettings<T>(fallback: T): T {
  const stored = Office.context.document.settings.get(KEY) as Partial<T> | null;
  return stored && typeof stored === 'object' ? { ...fallback, ...stored } : fallback;
}

export function saveDocumentSettings<T>(value: T): Promise<void> {
  Office.context.document.settings.set(KEY, value);
  return new Promise((resolve, reject) => {
    Office.context.document.settings.saveAsync((result) => {
      if (result.status === Office.AsyncResultStatus.Succeeded) resolve();
      else reject(result.error);
    });
  });
}
