// Rebuilds assets/template.xlsx and assets/sample.xlsx from src/samples (run: npm run make:assets;
// ASSETS_DIR writes them elsewhere, as the test that checks them does).
// The same sources give the same bytes: the zip entries get a fixed date and are written again in order,
// so a rebuild changes the committed files only when their content changes.
const { writeFileSync } = require('fs');
const { join } = require('path');
const { unzipSync, zipSync } = require('fflate');
const { specsToWorkbook } = require('../dist/node/samples/write');
const { sampleSheets, templateSheets } = require('../dist/node/samples/township');

/** 2026-01-01 00:00 as the zip's local date and time, whatever the machine's time zone. */
const FIXED = new Date(2026, 0, 1, 0, 0, 0);

function deterministic(bytes) {
  const entries = unzipSync(bytes);
  const out = {};
  for (const [name, data] of Object.entries(entries)) out[name] = [data, { mtime: FIXED, level: 6 }];
  return zipSync(out);
}

async function write(name, specs) {
  const file = join(process.env.ASSETS_DIR || join(__dirname, '..', 'assets'), name);
  writeFileSync(file, deterministic(new Uint8Array(await specsToWorkbook(specs).xlsx.writeBuffer())));
  console.log(`wrote ${file}`);
}

(async () => {
  await write('template.xlsx', templateSheets());
  await write('sample.xlsx', sampleSheets());
})();
