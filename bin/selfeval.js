#!/usr/bin/env node
// The installed command: runs the CLI compiled by `npm install` (the prepare script builds dist/node).
const path = require('path');
let cli;
try {
  cli = require(path.join(__dirname, '..', 'dist', 'node', 'cli', 'main.js'));
} catch (e) {
  if (e.code !== 'MODULE_NOT_FOUND') throw e;
  process.stderr.write('selfeval is not built yet: run "npm install" (or "npm run build:cli") in the project folder.\n');
  process.exit(2);
}
// Piped into `head`: the reader went away, stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => { if (e.code === 'EPIPE') process.exit(process.exitCode || 0); throw e; });
}
cli.main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e) => { process.stderr.write(`selfeval: internal error: ${e && e.message ? e.message : e}\n`); process.exitCode = 3; },
);
