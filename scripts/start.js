// `npm start`: builds the pane and the offline web page, serves them on this machine, and says how to
// open them in a browser and how to sideload the add-in in Excel. Nothing here needs the internet.
const { execFileSync } = require('child_process');
const path = require('path');
const { serve } = require('./serve');

const root = path.join(__dirname, '..');
const port = Number(process.env.PORT || 3000);

console.log('Building the task pane and web page (webpack)…');
execFileSync(process.execPath, [require.resolve('webpack/bin/webpack.js'), '--env', 'office=local'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });

serve({ port }).then(({ url, secure }) => {
  console.log(`
绩效自评助手 is running.

  Web page (opens with the bundled sample workbook; open your own .xlsx there):
    ${url}

  Excel add-in (sideload manifest.xml, which points at https://localhost:${port}/taskpane.html):
    - Excel on the web: Insert > Add-ins > Upload My Add-in > choose manifest.xml
    - Excel desktop (Windows): put manifest.xml in a shared-folder catalog (Trust Center > Trusted Add-in Catalogs),
      then Insert > My Add-ins > Shared Folder; the 绩效自评助手 button appears on the Home tab.
${secure ? '' : `
  Served over plain http: Excel needs https. Install Office's development certificates once with
    npx office-addin-dev-certs install
  and run npm start again.`}
Press Ctrl+C to stop.`);
}, (error) => {
  console.error(`Cannot listen on port ${port}: ${error.message}. Set PORT to another port, e.g. PORT=3100 npm start`);
  process.exit(1);
});
