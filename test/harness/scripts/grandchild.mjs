// Test script: starts a grandchild that inherits stdout/stderr and outlives this process.
// argv[2]: 'same-group' (ignores SIGTERM, stays in the group) or 'escaped' (own session).
// argv[3]: file that receives the grandchild's pid. This process then waits 30 s, or exits at
// once when argv[4] is 'exit'.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const [mode, pidFile] = process.argv.slice(2);
const grandchild = spawn(
  process.execPath,
  ['-e', "process.on('SIGTERM', () => {}); setTimeout(() => {}, 30000);"],
  { stdio: ['ignore', 'inherit', 'inherit'], detached: mode === 'escaped' },
);
writeFileSync(pidFile, String(grandchild.pid));
process.stdout.write('started\n');
if (process.argv[4] === 'exit') grandchild.unref();
else setTimeout(() => {}, 30000);
