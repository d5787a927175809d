// What a number format code shows, for both gateways: the file's styles.xml and Office.js's
// `numberFormat` give the same codes ("0.00%", "yyyy-mm-dd", "General").

/** True for a number format code that shows a date or a time (y, m, d, h, s outside quotes and brackets). */
export function isDateCode(code: string): boolean {
  const bare = code.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/[_*]./g, '').replace(/\[(?![hms]+\])[^\]]*\]/gi, '');
  return /[ymdhs]/i.test(bare);
}

/** True for a number format code that shows a percent (a % outside quotes, in its first section). */
export function isPercentCode(code: string): boolean {
  const first = code.replace(/"[^"]*"/g, '').replace(/\\./g, '').split(';')[0];
  return first.includes('%');
}
