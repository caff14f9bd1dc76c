// Test agent: writes <BARRIER_DIR>/<runId>.started, then waits (60 s at most) until
// BARRIER_COUNT markers exist; exits 0 when they do, 1 otherwise.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const { runId } = JSON.parse(readFileSync(0, 'utf8'));
const dir = process.env.BARRIER_DIR;
const want = Number(process.env.BARRIER_COUNT ?? '2');
writeFileSync(join(dir, `${runId}.started`), '');
const deadline = Date.now() + 60000;
const timer = setInterval(() => {
  const seen = readdirSync(dir).filter((name) => name.endsWith('.started')).length;
  if (seen >= want) {
    clearInterval(timer);
    process.stdout.write(`met ${seen}\n`);
  } else if (Date.now() > deadline) {
    clearInterval(timer);
    process.exitCode = 1;
  }
}, 50);
