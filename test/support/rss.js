// Preloaded into a CLI run by the bad-input suite (node -r): writes the process's peak resident memory
// (KiB) to the file named in SELFEVAL_RSS_FILE when it exits. VmHWM is this process's own peak; getrusage
// would also count the memory of the test process it was forked from.
const { readFileSync, writeFileSync } = require('fs');
process.on('exit', () => {
  const file = process.env.SELFEVAL_RSS_FILE;
  if (!file) return;
  const peak = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  writeFileSync(file, peak ? peak[1] : String(process.resourceUsage().maxRSS));
});
