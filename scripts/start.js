// `npm start`: takes the port first (so a busy port is said at once, not after the build), builds the
// pane and the offline web page, and says how to open them in a browser and how to sideload the add-in.
// The page Excel loads takes office.js from Microsoft's CDN, as it will in production.
const { execFileSync } = require('child_process');
const path = require('path');
const { serve } = require('./serve');

const root = path.join(__dirname, '..');
const port = Number(process.env.PORT || 3000);

serve({ port }).then(({ url, secure }) => {
  console.log(`Port ${port} is ours. Building the task pane and web page (webpack)…`);
  try {
    execFileSync(process.execPath, [require.resolve('webpack/bin/webpack.js')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  } catch {
    console.error('The build failed (see above).');
    process.exit(1);
  }
  console.log(`
绩效自评助手 is running.

  Web page (opens with the bundled sample workbook; open your own .xlsx there; loads no office.js):
    ${url}

  Excel add-in: sideload manifest.xml, which points at https://localhost:3000/taskpane.html
  (the steps for Excel on Windows, on the Mac and on the web are in README.md, "Trying it in Excel").${port === 3000 ? '' : `
  This server is on port ${port}: for Excel, run it on 3000 or change the port in manifest.xml.`}
${secure ? '' : `
  Served over plain http: Excel needs https. Install Office's development certificates once with
    npx office-addin-dev-certs install
  and run npm start again.`}
Press Ctrl+C to stop.`);
}, (error) => {
  const why = error.code === 'EADDRINUSE' ? 'it is in use by another program' : error.message;
  console.error(`Cannot listen on port ${port}: ${why}. Stop that program, or set PORT to another port, e.g. PORT=3100 npm start
(the manifest points at port 3000: sideloading in Excel needs 3000 free).`);
  process.exit(1);
});
