// `npm run make:assets` makes the same bytes every run, and the committed assets are what it makes
// (the CLI build in dist/node is what it runs: npm install and npm run build:cli make it).
import { execFileSync } from 'child_process';
import { readFileSync } from 'fs';
import { join } from 'path';
import { tempDir } from '../support/files';

const ROOT = join(__dirname, '../..');

test('make:assets is deterministic, and assets/ holds what it makes', () => {
  const runs = [tempDir(), tempDir()].map((dir) => {
    execFileSync(process.execPath, [join(ROOT, 'scripts/make-assets.js')], { env: { ...process.env, ASSETS_DIR: dir }, stdio: 'pipe' });
    return dir;
  });
  for (const name of ['sample.xlsx', 'template.xlsx']) {
    const [a, b] = runs.map((dir) => readFileSync(join(dir, name)));
    expect(a.equals(b)).toBe(true);
    expect(a.equals(readFileSync(join(ROOT, 'assets', name)))).toBe(true);
  }
});
