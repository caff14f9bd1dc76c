// Test agent: reads stdin, writes a partial artifact, prints argv[2] on stderr, exits 3.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

readFileSync(0, 'utf8');
writeFileSync(join(process.env.AGENT_ARTIFACTS_DIR, 'partial.txt'), 'partial\n');
process.stderr.write(`first line\n${process.argv[2] ?? 'failure'}\n`);
process.exitCode = 3;
