// Test agent: starts a grandchild in its own process group that ignores SIGTERM, writes
// `pids.json` ({agent, grandchild}) into AGENT_ARTIFACTS_DIR, prints `started`, then sleeps 60 s.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const grandchild = spawn(
  process.execPath,
  ['-e', "process.on('SIGTERM', () => {}); setTimeout(() => {}, 60000);"],
  { stdio: 'ignore' },
);
const dir = process.env.AGENT_ARTIFACTS_DIR;
writeFileSync(
  join(dir, 'pids.json'),
  JSON.stringify({ agent: process.pid, grandchild: grandchild.pid }),
);
process.stdout.write('started\n');
setTimeout(() => {}, 60000);
