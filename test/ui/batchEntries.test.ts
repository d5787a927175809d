// What the web page's 批量审核 takes from a drop: a dropped folder walked through the browser's entry API
// (folders within folders, a folder handed over in batches, .git-like folders left out), dropped files as
// they are, and a folder input's files by their path in it. (The whole page in Chromium: test/browser/batch.test.ts.)
import { chosenEntries, droppedEntries } from '../../src/ui/useBatch';

/** A file or folder entry as Chromium hands it over; readEntries gives `batch` children at a time, then none. */
function entry(fullPath: string, children?: unknown[], batch = 2): FileSystemEntry {
  const name = fullPath.split('/').pop() as string;
  const file = { name } as File;
  if (!children) return { isFile: true, isDirectory: false, name, fullPath, file: (ok: (f: File) => void) => ok(file) } as unknown as FileSystemEntry;
  return {
    isFile: false, isDirectory: true, name, fullPath,
    createReader: () => {
      let at = 0;
      return { readEntries: (ok: (e: unknown[]) => void) => { ok(children.slice(at, at + batch)); at += batch; } };
    },
  } as unknown as FileSystemEntry;
}

const item = (value: FileSystemEntry | null, file: File | null) => ({ kind: 'file', webkitGetAsEntry: () => value, getAsFile: () => file });

test('a dropped folder: every file under it by its path, in name order; hidden folders left out', async () => {
  const folder = entry('/收件', [
    entry('/收件/青山镇.xlsx'),
    entry('/收件/乡镇', [entry('/收件/乡镇/西河乡.xlsx'), entry('/收件/乡镇/东坡镇.xlsx'), entry('/收件/乡镇/北山镇.xlsx')]),
    entry('/收件/.git', [entry('/收件/.git/HEAD')]),
    entry('/收件/~$青山镇.xlsx'),
  ]);
  const loose = { name: '补报.xlsx' } as File;
  const data = { items: [item(folder, null), item(null, loose)] } as unknown as DataTransfer;
  const got = await droppedEntries(data);
  expect(got.map((e) => e.path)).toEqual(['收件/~$青山镇.xlsx', '收件/乡镇/东坡镇.xlsx', '收件/乡镇/北山镇.xlsx', '收件/乡镇/西河乡.xlsx', '收件/青山镇.xlsx', '补报.xlsx']);
  expect(got[5].file).toBe(loose);
});

test('a folder input: each file by its path in the folder; a plain file input: by its name', () => {
  const files = [{ name: '东坡镇.xlsx', webkitRelativePath: '收件/乡镇/东坡镇.xlsx' }, { name: '青山镇.xlsx', webkitRelativePath: '' }] as unknown as FileList;
  expect(chosenEntries(files).map((e) => e.path)).toEqual(['收件/乡镇/东坡镇.xlsx', '青山镇.xlsx']);
  expect(chosenEntries(null)).toEqual([]);
});
