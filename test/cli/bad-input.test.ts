// Files and arguments that cannot be used, run through the built command as a user would: each ends with
// its exit code and one line in Chinese that says what to do, no stack trace, within 15 s and 1 GiB
// (measured: wall time around the process, peak memory reported by the process itself).
import { execFileSync, spawnSync } from 'child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { projectListSheet } from '../../src/samples/layouts';
import { tempDir, writeSpecs } from '../support/files';
import { NS, rels, SharedStrings, sheetData, worksheet, XML, zip } from '../support/packages';

const ROOT = resolve(__dirname, '../..');
const BIN = join(ROOT, 'bin/selfeval.js');
const RSS = join(__dirname, '../support/rss.js');
const MB = 1024 * 1024;

jest.setTimeout(600_000);

/** A workbook from sheet XML parts, with whatever else a case needs added or replaced. */
function book(sheets: Array<string | Uint8Array>, extra: Record<string, string | Uint8Array | null> = {}, level: 0 | 6 = 6): Uint8Array {
  const parts: Record<string, string | Uint8Array> = {
    '[Content_Types].xml': `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
    '_rels/.rels': rels([['rId1', 'officeDocument', 'xl/workbook.xml']]),
    'xl/workbook.xml': `${XML}<workbook xmlns="${NS.main}" xmlns:r="${NS.rel}"><sheets>${sheets.map((_, i) => `<sheet name="表${i + 1}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': rels(sheets.map((_, i) => [`rId${i + 1}`, 'worksheet', `worksheets/sheet${i + 1}.xml`])),
  };
  sheets.forEach((xml, i) => (parts[`xl/worksheets/sheet${i + 1}.xml`] = xml));
  for (const [name, data] of Object.entries(extra)) {
    if (data === null) delete parts[name];
    else parts[name] = data;
  }
  return zip(parts, level);
}

const plainSheet = (data: string, after = '') => `${XML}<worksheet xmlns="${NS.main}">${data}${after}</worksheet>`;
const cellsRow = (r: number, cells: string) => `<row r="${r}">${cells}</row>`;

/** A zip whose one entry declares `declared` bytes but inflates to `real` (a zip bomb, honest or lying). */
function bomb(real: number, declared: number): Uint8Array {
  const bytes = book([plainSheet('<sheetData/>')], { 'xl/worksheets/sheet1.xml': new Uint8Array(real) });
  // Patch the declared size in the local and central headers of that entry.
  const name = new TextEncoder().encode('xl/worksheets/sheet1.xml');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 0; at + 46 < bytes.length; at++) {
    const sig = view.getUint32(at, true);
    const nameAt = sig === 0x04034b50 ? at + 30 : sig === 0x02014b50 ? at + 46 : -1;
    if (nameAt < 0 || !name.every((b, i) => bytes[nameAt + i] === b)) continue;
    view.setUint32(sig === 0x04034b50 ? at + 22 : at + 24, declared, true);
  }
  return bytes;
}

interface Case {
  name: string;
  /** Makes the input (in `dir`) and returns its path; or a fixed path. */
  make: (dir: string) => string;
  args?: (file: string, dir: string) => string[];
  code: number;
  message: RegExp;
}

const valid = async (dir: string) => writeSpecs(dir, 'valid.xlsx', [projectListSheet('项目汇总表', '汇总表', [{ name: '道路维护', initial: 10, budget: 10, executed: 9.5, score: 95 }])]);
let validFile = '';

const file = (name: string, data: Uint8Array | string) => (dir: string) => {
  writeFileSync(join(dir, name), data);
  return join(dir, name);
};

const NO_TABLE = /未识别到项目汇总表、绩效指标表、项目支出绩效自评表或部门整体绩效自评表/;
const DAMAGED = /已损坏或无法解析；请在 Excel 或 WPS 中打开后重新保存/;
const NOT_WORKBOOK = /不是 Excel 工作簿（\.xlsx）/;
const NOT_FILE = /不是普通文件（是文件夹、设备或管道）/;
const TOO_LARGE = /过大：.*解压后超过 \d+ MB/;

function bigSheet(rows: number, cellsPerRow: (r: number) => string): string {
  const out: string[] = [];
  for (let r = 1; r <= rows; r++) out.push(`<row r="${r}">${cellsPerRow(r)}</row>`);
  return plainSheet(`<sheetData>${out.join('')}</sheetData>`);
}

function columnName(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const CASES: Case[] = [
  { name: 'a missing file', make: (d) => join(d, 'nowhere.xlsx'), code: 2, message: /找不到文件/ },
  { name: 'a folder', make: (d) => { mkdirSync(join(d, 'folder.xlsx')); return join(d, 'folder.xlsx'); }, code: 2, message: NOT_FILE },
  { name: '/dev/zero (a device: never read)', make: () => '/dev/zero', code: 2, message: NOT_FILE },
  { name: 'a FIFO (never opened: it would hang)', make: (d) => { execFileSync('mkfifo', [join(d, 'pipe.xlsx')]); return join(d, 'pipe.xlsx'); }, code: 2, message: NOT_FILE },
  { name: 'a symbolic link to a folder', make: (d) => { mkdirSync(join(d, 'real-folder')); symlinkSync(join(d, 'real-folder'), join(d, 'link.xlsx')); return join(d, 'link.xlsx'); }, code: 2, message: NOT_FILE },
  { name: 'a dangling symbolic link', make: (d) => { symlinkSync(join(d, 'gone.xlsx'), join(d, 'dangling.xlsx')); return join(d, 'dangling.xlsx'); }, code: 2, message: /找不到文件/ },
  { name: 'an empty file', make: file('empty.xlsx', ''), code: 2, message: NOT_WORKBOOK },
  { name: 'text named .xlsx', make: file('notes.xlsx', '项目名称,金额\n道路,10\n'), code: 2, message: NOT_WORKBOOK },
  { name: 'an old .xls (OLE2)', make: file('old.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)])), code: 2, message: /旧版 \.xls 格式或已加密/ },
  { name: 'a file over 200 MB', make: (d) => { writeFileSync(join(d, 'huge.xlsx'), 'PK\u0003\u0004'); truncateSync(join(d, 'huge.xlsx'), 201 * MB); return join(d, 'huge.xlsx'); }, code: 2, message: /过大：文件解压后超过 200 MB/ },
  { name: 'a zip holding a text file', make: file('zipped.xlsx', zip({ 'readme.txt': '你好' })), code: 2, message: NOT_WORKBOOK },
  { name: 'a Word document', make: file('doc.xlsx', zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document xmlns:w="w"/>' })), code: 2, message: NOT_WORKBOOK },
  { name: 'an OpenDocument spreadsheet', make: file('calc.xlsx', zip({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<office:document-content xmlns:office="o"/>' })), code: 2, message: NOT_WORKBOOK },
  { name: 'a binary workbook (.xlsb parts)', make: file('binary.xlsx', zip({ '_rels/.rels': rels([['rId1', 'officeDocument', 'xl/workbook.bin']]), 'xl/workbook.bin': new Uint8Array([1, 2, 3]) })), code: 2, message: /二进制格式的工作簿（\.xlsb）/ },
  { name: 'a zip cut short', make: (d) => { writeFileSync(join(d, 'cut.xlsx'), readFileSync(validFile).subarray(0, 300)); return join(d, 'cut.xlsx'); }, code: 2, message: DAMAGED },
  {
    name: 'corrupt deflate data',
    make: (d) => {
      const bytes = new Uint8Array(readFileSync(validFile));
      // Overwrite the middle of the first large entry's compressed data.
      for (let i = 0; i < 64; i++) bytes[Math.floor(bytes.length / 3) + i] ^= 0x5a;
      writeFileSync(join(d, 'deflate.xlsx'), bytes);
      return join(d, 'deflate.xlsx');
    },
    code: 2, message: DAMAGED,
  },
  {
    name: 'an encrypted zip entry',
    make: (d) => {
      const bytes = new Uint8Array(book([plainSheet('<sheetData/>')]));
      const view = new DataView(bytes.buffer);
      for (let at = 0; at + 4 < bytes.length; at++) if (view.getUint32(at, true) === 0x02014b50) bytes[at + 8] |= 1;
      writeFileSync(join(d, 'encrypted.xlsx'), bytes);
      return join(d, 'encrypted.xlsx');
    },
    code: 2, message: /旧版 \.xls 格式或已加密/,
  },
  {
    name: 'an unknown compression method',
    make: (d) => {
      const bytes = new Uint8Array(book([plainSheet('<sheetData/>')]));
      const view = new DataView(bytes.buffer);
      for (let at = 0; at + 4 < bytes.length; at++) if (view.getUint32(at, true) === 0x02014b50) view.setUint16(at + 10, 12, true);
      writeFileSync(join(d, 'bzip.xlsx'), bytes);
      return join(d, 'bzip.xlsx');
    },
    code: 2, message: DAMAGED,
  },
  {
    name: 'a central directory pointing past the end',
    make: (d) => {
      const bytes = new Uint8Array(readFileSync(validFile));
      new DataView(bytes.buffer).setUint32(bytes.length - 6, bytes.length + 1000, true);
      writeFileSync(join(d, 'pastend.xlsx'), bytes);
      return join(d, 'pastend.xlsx');
    },
    code: 2, message: DAMAGED,
  },
  {
    name: 'two entries of one name',
    make: (d) => {
      // An entry named sheetX becomes a second sheet1: the package no longer says which one is meant.
      const bytes = Buffer.from(book([plainSheet('<sheetData/>')], { 'xl/worksheets/sheetX.xml': plainSheet('<sheetData/>') }));
      writeFileSync(join(d, 'twice.xlsx'), Buffer.from(bytes.toString('latin1').replace(/sheetX\.xml/g, 'sheet1.xml'), 'latin1'));
      return join(d, 'twice.xlsx');
    },
    code: 2, message: DAMAGED,
  },
  { name: 'a zip bomb (2 GB declared)', make: file('bomb.xlsx', bomb(300 * MB, 2000 * MB)), code: 2, message: TOO_LARGE },
  { name: 'a zip bomb that understates its size', make: file('liar.xlsx', bomb(300 * MB, 1024)), code: 2, message: TOO_LARGE },
  {
    name: 'parts that together unpack past the total limit',
    make: (d) => {
      const filler = `<!--${' '.repeat(60 * MB)}-->`;
      const sheets = Array.from({ length: 5 }, () => plainSheet('<sheetData/>', filler));
      writeFileSync(join(d, 'total.xlsx'), book(sheets));
      return join(d, 'total.xlsx');
    },
    code: 2, message: TOO_LARGE,
  },
  { name: 'no workbook.xml', make: file('noworkbook.xlsx', book([plainSheet('<sheetData/>')], { 'xl/workbook.xml': null, '_rels/.rels': null })), code: 2, message: NOT_WORKBOOK },
  { name: 'workbook.xml that is not XML', make: file('badworkbook.xlsx', book([plainSheet('<sheetData/>')], { 'xl/workbook.xml': '<workbook><sheets><sheet name="a"' })), code: 2, message: DAMAGED },
  { name: 'a workbook without sheets', make: file('nosheets.xlsx', book([])), code: 2, message: /中没有工作表/ },
  { name: 'a sheet whose part is missing', make: file('nopart.xlsx', book([plainSheet('<sheetData/>')], { 'xl/worksheets/sheet1.xml': null })), code: 2, message: DAMAGED },
  { name: 'a sheet that is not XML', make: file('badsheet.xlsx', book([plainSheet('<sheetData><row r="1"><c r="A1"><v>1</v></row></sheetData>')])), code: 2, message: DAMAGED },
  { name: 'entities that expand (billion laughs)', make: file('laughs.xlsx', book([`<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><worksheet xmlns="${NS.main}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>`])), code: 2, message: DAMAGED },
  { name: 'a cell reference beyond XFD', make: file('badref.xlsx', book([plainSheet(`<sheetData>${cellsRow(1, '<c r="ZZZZ1"><v>1</v></c>')}</sheetData>`)])), code: 2, message: DAMAGED },
  { name: 'row 0', make: file('row0.xlsx', book([plainSheet('<sheetData><row r="0"><c><v>1</v></c></row></sheetData>')])), code: 2, message: DAMAGED },
  { name: 'a shared string index past the table', make: file('sst.xlsx', book([plainSheet(`<sheetData>${cellsRow(1, '<c r="A1" t="s"><v>99</v></c>')}</sheetData>`)])), code: 2, message: NO_TABLE },
  { name: 'bytes that are not UTF-8', make: file('latin1.xlsx', book([Buffer.concat([Buffer.from(plainSheet('<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>').replace('</worksheet>', '')), Buffer.from([0xc4, 0xe3, 0xba, 0xc3]), Buffer.from('</t></is></c></row></sheetData></worksheet>')])])), code: 2, message: NO_TABLE },
  { name: 'a UTF-16 workbook.xml', make: file('utf16.xlsx', book([plainSheet('<sheetData/>')], { 'xl/workbook.xml': new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`<?xml version="1.0" encoding="UTF-16"?><workbook xmlns="${NS.main}" xmlns:r="${NS.rel}"><sheets><sheet name="表1" sheetId="1" r:id="rId1"/></sheets></workbook>`, 'utf16le')])) })), code: 2, message: NO_TABLE },
  { name: '1,048,576 rows', make: file('rows.xlsx', book([bigSheet(1048576, (r) => `<c r="A${r}"><v>${r}</v></c>`)])), code: 2, message: NO_TABLE },
  { name: '16,384 columns', make: file('cols.xlsx', book([plainSheet(`<sheetData>${cellsRow(1, Array.from({ length: 16384 }, (_, c) => `<c r="${columnName(c)}1"><v>${c}</v></c>`).join(''))}</sheetData>`)])), code: 2, message: NO_TABLE },
  {
    name: 'more non-empty cells than the limit',
    make: file('cells.xlsx', book([bigSheet(1001, (r) => Array.from({ length: 2000 }, (_, c) => `<c><v>${(r + c) % 10}</v></c>`).join(''))])),
    code: 2, message: /非空单元格超过 2000000 个（读到工作表“表1”时）/,
  },
  {
    name: '60,000 merged areas',
    make: file('merges.xlsx', book([plainSheet(`<sheetData>${cellsRow(1, '<c r="A1"><v>1</v></c>')}</sheetData>`, `<mergeCells count="60000">${Array.from({ length: 60000 }, (_, i) => `<mergeCell ref="${columnName((i % 200) * 2)}${Math.floor(i / 200) * 2 + 2}:${columnName((i % 200) * 2 + 1)}${Math.floor(i / 200) * 2 + 3}"/>`).join('')}</mergeCells>`)])),
    code: 2, message: NO_TABLE,
  },
  {
    name: '60,000 merged areas that all overlap',
    make: file('overlaps.xlsx', book([plainSheet(`<sheetData>${cellsRow(1, '<c r="A1"><v>1</v></c>')}</sheetData>`, `<mergeCells count="60000">${Array.from({ length: 60000 }, (_, i) => `<mergeCell ref="A1:${columnName(1 + (i % 16000))}${2 + Math.floor(i / 16000)}"/>`).join('')}</mergeCells>`)])),
    code: 2, message: NO_TABLE,
  },
  {
    name: 'one stray cell at XFD1048576 beside the table (checked as usual)',
    make: (d) => {
      const strings = new SharedStrings();
      const spec = projectListSheet('项目汇总表', '汇总表', [{ name: '道路维护', initial: 10, budget: 10, executed: 9.5, score: 95 }]);
      const data = sheetData(spec.rows, strings).replace('</sheetData>', '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>');
      writeFileSync(join(d, 'stray.xlsx'), book([worksheet('<dimension ref="A1:XFD1048576"/>', data, '')], { 'xl/sharedStrings.xml': strings.xml(), 'xl/_rels/workbook.xml.rels': rels([['rId1', 'worksheet', 'worksheets/sheet1.xml'], ['rId2', 'sharedStrings', 'sharedStrings.xml']]) }));
      return join(d, 'stray.xlsx');
    },
    args: (f) => ['check', f],
    code: 0, message: /^$/,
  },
  {
    name: 'a 100 MB string in one cell',
    make: file('longtext.xlsx', book([plainSheet(`<sheetData>${cellsRow(1, `<c r="A1" t="inlineStr"><is><t>${'长'.repeat(25 * MB)}</t></is></c>`)}</sheetData>`)])),
    code: 2, message: NO_TABLE,
  },
  { name: 'an invalid --report-sheet (too long)', make: () => validFile, args: (f, d) => ['fill', f, '-o', join(d, 'out1.xlsx'), '--report-sheet', '2025年度青山镇人民政府部门整体支出绩效自评报告（初稿，供财政局审核）'], code: 2, message: /工作表名称“.*”无效/ },
  { name: 'an invalid --report-sheet (a slash)', make: () => validFile, args: (f, d) => ['fill', f, '-o', join(d, 'out2.xlsx'), '--report-sheet', '报告/2025'], code: 2, message: /工作表名称“报告\/2025”无效/ },
  { name: 'an unknown option', make: () => validFile, args: (f) => ['check', f, '--bogus'], code: 2, message: /^不认识的选项 --bogus；运行 selfeval --help 查看用法。$/m },
  { name: '-o without its value', make: () => validFile, args: (f) => ['fill', f, '-o'], code: 2, message: /^选项 -o 的值缺失或多余；/m },
  { name: '-o with another extension', make: () => validFile, args: (f, d) => ['fill', f, '-o', join(d, 'out.xlsm')], code: 2, message: /输出文件的扩展名应与输入文件相同（\.xlsx）/ },
  { name: '-o at a folder', make: () => validFile, args: (_f, d) => ['fill', validFile, '-o', d], code: 2, message: /是文件夹；请指定文件名/ },
  { name: '-o at a folder named like a workbook', make: (d) => { mkdirSync(join(d, 'out-folder.xlsx')); return validFile; }, args: (f, d) => ['fill', f, '-o', join(d, 'out-folder.xlsx')], code: 2, message: /是文件夹；请指定文件名/ },
  { name: '-o in a folder that does not exist', make: () => validFile, args: (f, d) => ['fill', f, '-o', join(d, 'no', 'such', 'out.xlsx')], code: 2, message: /无法写入 .*：所在文件夹不存在/ },
  { name: '-o under a file', make: () => validFile, args: (f) => ['fill', f, '-o', join(f, 'out.xlsx')], code: 2, message: /无法写入 .*：路径中有一段不是文件夹/ },
];

let dir: string;
beforeAll(async () => {
  dir = tempDir();
  validFile = await valid(dir);
  execFileSync('npx', ['tsc', '-p', 'tsconfig.cli.json'], { cwd: ROOT });
});

test('at least 40 kinds of bad input', () => {
  expect(CASES.length).toBeGreaterThanOrEqual(40);
});

describe.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  test('exit code, one line, no stack, under 15 s and 1 GiB', () => {
    const caseDir = join(dir, c.name.replace(/[^\w]+/g, '-'));
    mkdirSync(caseDir);
    const input = c.make(caseDir);
    const args = c.args ? c.args(input, caseDir) : ['check', input];
    const rss = join(caseDir, 'rss');
    const started = Date.now();
    const result = spawnSync(process.execPath, ['-r', RSS, BIN, ...args], { encoding: 'utf8', env: { ...process.env, SELFEVAL_RSS_FILE: rss }, timeout: 60_000 });
    const seconds = (Date.now() - started) / 1000;
    const peakMiB = Number(readFileSync(rss, 'utf8')) / 1024;
    expect({ code: result.status, stderr: result.stderr }).toEqual({ code: c.code, stderr: expect.stringMatching(c.code === 0 ? /^$/ : /^[^\n]+\n$/) });
    if (c.code !== 0) expect(result.stderr).toMatch(c.message);
    expect(result.stderr).not.toMatch(/\n\s+at |Error:|internal error/);
    expect(seconds).toBeLessThan(15);
    expect(peakMiB).toBeLessThan(1024);
    // A failed write leaves no temporary file behind.
    expect(readdirSync(caseDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    if (existsSync(dir)) expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    measured.push([c.name, seconds, peakMiB]);
  });
});

const measured: Array<[string, number, number]> = [];
afterAll(() => {
  // The figures, for the record (jest prints console output of a suite).
  if (measured.length) console.log(measured.map(([n, s, m]) => `${s.toFixed(2).padStart(6)} s ${m.toFixed(0).padStart(5)} MiB  ${n}`).join('\n'));
});
