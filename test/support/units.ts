// A bureau's folder of units' workbooks, made here: a township with the sample's mistakes, a clean one,
// a county department's department-wide sheet only (in a sub-folder), and the files bureaus do get —
// not a workbook, a truncated download, an old .xls, an encrypted workbook (an OLE container, as Office
// saves one), an Office lock file and a Word document.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { departmentSheet, projectListSheet, type SheetSpec } from '../../src/samples/layouts';
import { specsToWorkbook } from '../../src/samples/write';

export const SAMPLE = resolve(__dirname, '../../assets/sample.xlsx');

/** 东坡镇: three projects, every figure filled in and consistent; no issue at all. */
export function cleanSpecs(): SheetSpec[] {
  return [projectListSheet('项目汇总表', '东坡镇人民政府2025年度项目支出绩效自评汇总表', [
    { name: '村道维修', category: '专项项目', initial: 120, budget: 120.5, executed: 118.25, achievement: 1, score: 96.5 },
    { name: '河道保洁', category: '经常性项目', initial: 40, budget: 40, executed: 36.8, achievement: 0.95, score: 88 },
    { name: '文化下乡', category: '专项项目', initial: 12.345678, budget: 12.345678, executed: 12.345678, achievement: 1, score: 100 },
  ])];
}

/** 县农业农村局: the department-wide sheet only; 18 + 28.8 + 5 + 38 = 89.8 of 100 (良). */
export function departmentSpecs(): SheetSpec[] {
  return [departmentSheet('部门整体绩效', '县农业农村局2025年度部门整体支出绩效自评表', {
    base: [['年初预算数', 1200], ['全年预算数', 1250], ['全年执行数', 1200], ['年初结转结余', 100], ['本年财政拨款', 1150], ['年末结转结余', 50]],
    rates: ['预算执行率', '结转结余率'],
    indicators: [
      { l1: '预算编制', l2: '预算编制管理', l3: '预算编制合理性', standard: '预算编制科学合理得20分', weight: 20, score: 18, reason: '部分项目预算细化不够' },
      { l1: '预算执行', l2: '预算执行管理', l3: '预算执行率', standard: '执行率×30', weight: 30, score: 28.8 },
      { l1: '预算执行', l2: '预算执行管理', l3: '结转结余率', standard: '结转结余率为0得10分', weight: 10, score: 5, reason: '年末结转50万元' },
      { l1: '预算绩效', l2: '预算绩效管理', l3: '绩效目标合理性', standard: '目标明确、细化量化得40分', weight: 40, score: 38, reason: '个别指标未量化' },
    ],
  })];
}

export async function specBytes(specs: SheetSpec[]): Promise<Buffer> {
  return Buffer.from(await specsToWorkbook(specs).xlsx.writeBuffer());
}

/** The first bytes of an OLE compound file (an .xls, or an .xlsx encrypted by Office), then its header's zeros. */
export function oleFile(): Buffer {
  const bytes = Buffer.alloc(1536);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes);
  return bytes;
}

/** The files as a browser hands them over (name within the folder, bytes). */
export async function unitFiles(): Promise<Array<{ name: string; bytes: Buffer }>> {
  const clean = await specBytes(cleanSpecs());
  return [
    { name: '青山镇.xlsx', bytes: readFileSync(SAMPLE) },
    { name: '东坡镇.xlsx', bytes: clean },
    { name: '县直部门/农业农村局.xlsx', bytes: await specBytes(departmentSpecs()) },
    { name: '损坏.xlsx', bytes: Buffer.from('单位,金额\n青山镇,100\n') },
    { name: '截断.xlsx', bytes: clean.subarray(0, Math.floor(clean.length / 2)) },
    { name: '旧版.xls', bytes: oleFile() },
    { name: '加密.xlsx', bytes: oleFile() },
    { name: '~$青山镇.xlsx', bytes: Buffer.from([0x08, 0x00, 0x41, 0x00]) },
    { name: '说明.docx', bytes: Buffer.from('PK') },
  ];
}

/** The folder `dir/单位` holding unitFiles(). */
export async function unitsFolder(dir: string): Promise<string> {
  const root = join(dir, '单位');
  for (const f of await unitFiles()) {
    const path = join(root, f.name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, f.bytes);
  }
  return root;
}

export function copySample(to: string): string {
  copyFileSync(SAMPLE, to);
  return to;
}
