// Excel's day numbers. In the 1900 system day 1 is 1900-01-01 and day 60 is the 29 February 1900 that
// never was (kept for Lotus 1-2-3); in the 1904 system day 0 is 1904-01-01.

const DAY = 86400000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** A day number as the date it shows ("2025-01-01", or "2025-01-01 08:30" with a time of day). */
export function dateText(serial: number, date1904: boolean): string {
  if (!date1904 && serial >= 60 && serial < 61) return '1900-02-29';
  const epoch = date1904 ? EPOCH_1904 : serial < 60 ? EPOCH_1900 + DAY : EPOCH_1900;
  const when = new Date(epoch + Math.round(serial * DAY / 60000) * 60000);
  if (Number.isNaN(when.getTime())) return String(serial);
  const iso = when.toISOString();
  const time = iso.slice(11, 16);
  return time === '00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}

/** An ISO 8601 date (a `t="d"` cell) as the day number the workbook's date system gives it. */
export function fromIsoDate(text: string, date1904: boolean): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(text.trim());
  if (!m) return null;
  const time = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0)) + Number(m[6] ?? 0) * 1000;
  if (date1904) return (time - EPOCH_1904) / DAY;
  const serial = (time - EPOCH_1900) / DAY;
  return serial < 61 ? serial - 1 : serial;
}
