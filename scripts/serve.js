// A small static server for the built pane: dist/web at /. Used by `npm start` and by the browser tests.
// Serves only files under that folder.
const fs = require('fs');
const http = require('http');
const https = require('https');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json',
  '.png': 'image/png', '.xml': 'application/xml', '.css': 'text/css',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
const MOUNTS = [['/', path.join(ROOT, 'dist', 'web')]];

function resolveFile(urlPath) {
  const clean = decodeURIComponent(urlPath.split('?')[0]);
  for (const [prefix, dir] of MOUNTS) {
    if (!clean.startsWith(prefix)) continue;
    const file = path.normalize(path.join(dir, clean.slice(prefix.length) || 'taskpane.html'));
    if (!file.startsWith(dir)) return null; // no ../ escapes
    return file;
  }
  return null;
}

function handler(req, res) {
  const file = resolveFile(req.url || '/');
  if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache' });
  fs.createReadStream(file).pipe(res);
}

/** Office dev certificates, where `npx office-addin-dev-certs install` put them. */
function devCertificates() {
  const dir = path.join(require('os').homedir(), '.office-addin-dev-certs');
  const cert = path.join(dir, 'localhost.crt');
  const key = path.join(dir, 'localhost.key');
  return fs.existsSync(cert) && fs.existsSync(key) ? { cert: fs.readFileSync(cert), key: fs.readFileSync(key) } : null;
}

/** Starts the server; resolves with it and its URL. `port` 0 picks a free one. */
function serve({ port = 3000, host = '127.0.0.1', secure = true } = {}) {
  const certs = secure ? devCertificates() : null;
  const server = certs ? https.createServer(certs, handler) : http.createServer(handler);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const actual = server.address().port;
      resolve({ server, url: `${certs ? 'https' : 'http'}://localhost:${actual}/taskpane.html`, secure: Boolean(certs) });
    });
  });
}

module.exports = { serve };
