// Before the tests: Debian's Chromium for the browser test. Installed with apt-get when missing and this
// user may (root, as on CI); otherwise a clear instruction. No browser is ever downloaded by npm.
const { execSync } = require('child_process');
const { existsSync } = require('fs');

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/chromium-headless-shell'].filter(Boolean);
const found = () => CANDIDATES.find((p) => existsSync(p));

if (!found()) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root && existsSync('/usr/bin/apt-get')) {
    console.log('Installing Debian\'s chromium for the browser test (apt-get)…');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
  } else {
    console.error('The browser test needs Chromium: install Debian\'s package (sudo apt-get install chromium) or set CHROMIUM_PATH.');
    process.exit(1);
  }
}
console.log(`chromium: ${found()}`);
