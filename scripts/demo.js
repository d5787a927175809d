// `npm start` (until the task pane exists): the command line on the bundled sample workbook.
const { mkdirSync } = require('fs');
const { join, relative } = require('path');
const { main } = require('../dist/node/cli/main');

(async () => {
  const root = join(__dirname, '..');
  const input = join(root, 'assets', 'sample.xlsx');
  const output = join(root, 'out', 'sample-filled.xlsx');
  mkdirSync(join(root, 'out'), { recursive: true });
  console.log(`$ selfeval fill ${relative(root, input)} -o ${relative(root, output)}\n`);
  const code = await main(['fill', input, '-o', output]);
  console.log(`\n结果已写入 ${output}`);
  console.log('用 Excel 或 WPS 打开它，对照上面的问题逐项修改；也可以对自己的工作簿运行：npx selfeval check 文件.xlsx');
  // Errors in the sample are expected (it is there to show them): the demo itself succeeded.
  process.exitCode = code === 2 ? 2 : 0;
})();
