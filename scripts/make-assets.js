// Rebuilds assets/template.xlsx and assets/sample.xlsx from src/samples (run: npm run make:assets).
const { writeFileSync } = require('fs');
const { join } = require('path');
const { specsToWorkbook } = require('../dist/node/samples/write');
const { sampleSheets, templateSheets } = require('../dist/node/samples/township');

async function write(name, specs) {
  const file = join(__dirname, '..', 'assets', name);
  writeFileSync(file, Buffer.from(await specsToWorkbook(specs).xlsx.writeBuffer()));
  console.log(`wrote ${file}`);
}

(async () => {
  await write('template.xlsx', templateSheets());
  await write('sample.xlsx', sampleSheets());
})();
