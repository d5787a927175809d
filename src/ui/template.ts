// The bureau's template chosen in the pane or on the web page, remembered on this machine (the browser's
// storage), so it is chosen once and every workbook checked after is compared with it.

import { useCallback, useEffect, useState } from 'react';
import { type CarriedSettings, carriedSettings, type WorkbookSnapshot } from '../engine';
import { readWorkbook } from '../gateways/xlsx';

export interface ChosenTemplate {
  name: string;
  snapshot: WorkbookSnapshot;
  carried: CarriedSettings | null;
}

const KEY = 'selfeval.template';

function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

function fromBase64(text: string): Uint8Array {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

export async function readTemplate(name: string, bytes: Uint8Array): Promise<ChosenTemplate> {
  const { snapshot } = await readWorkbook(bytes, name);
  return { name, snapshot, carried: carriedSettings(snapshot) };
}

/** Where the template is kept: the browser's storage, or none (private windows may refuse it). */
function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export interface TemplateMemory {
  template: ChosenTemplate | null;
  /** False when the template could not be kept for next time (no storage, or it is full). */
  remembered: boolean;
  /** Reads the chosen file; throws (a FileError) when it is not a workbook, keeping the template there was. */
  choose(name: string, bytes: Uint8Array): Promise<ChosenTemplate>;
  forget(): void;
}

export function useTemplateMemory(): TemplateMemory {
  const [template, setTemplate] = useState<ChosenTemplate | null>(null);
  const [remembered, setRemembered] = useState(true);

  useEffect(() => {
    const kept = storage()?.getItem(KEY);
    if (!kept) return;
    try {
      const { name, data } = JSON.parse(kept) as { name: string; data: string };
      readTemplate(name, fromBase64(data)).then(setTemplate, () => storage()?.removeItem(KEY));
    } catch {
      storage()?.removeItem(KEY); // a damaged entry: forgotten rather than failing every start
    }
  }, []);

  const choose = useCallback(async (name: string, bytes: Uint8Array) => {
    const chosen = await readTemplate(name, bytes);
    setTemplate(chosen);
    try {
      const store = storage();
      store?.setItem(KEY, JSON.stringify({ name, data: toBase64(bytes) }));
      setRemembered(store !== null);
    } catch {
      setRemembered(false); // over the storage quota: used now, chosen again next time
    }
    return chosen;
  }, []);

  const forget = useCallback(() => {
    storage()?.removeItem(KEY);
    setTemplate(null);
    setRemembered(true);
  }, []);

  return { template, remembered, choose, forget };
}
