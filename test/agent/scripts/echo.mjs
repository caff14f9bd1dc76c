// Test agent: copies its stdin payload to <AGENT_ARTIFACTS_DIR>/payload.json, writes
// nested/note.md and change.diff, prints one line on stdout and one on stderr, exits 0.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const payload = JSON.parse(readFileSync(0, 'utf8'));
const dir = process.env.AGENT_ARTIFACTS_DIR;
writeFileSync(
  join(dir, 'payload.json'),
  JSON.stringify({ payload, runIdEnv: process.env.AGENT_RUN_ID, extra: process.env.EXTRA ?? null }),
);
mkdirSync(join(dir, 'nested'), { recursive: true });
writeFileSync(join(dir, 'nested', 'note.md'), '# note\n');
writeFileSync(join(dir, 'change.diff'), '--- a\n+++ b\n');
process.stdout.write(`done ${payload.runId}\n`);
process.stderr.write('a warning\n');
