import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { CLI } from '../support/cli.js';

/**
 * A harness run whose state directory fills up mid-run, on a real 256 KiB tmpfs that bubblewrap
 * mounts (`--size`): the first case fills the disk, the next evidence write fails.
 */

const work = mkdtempSync(join(tmpdir(), 'contracts-diskfull-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const FILLER = `
import fs from 'node:fs';
const document = JSON.parse(fs.readFileSync(0, 'utf8'));
if (JSON.stringify(document).includes('"filler"')) {
  try { for (;;) fs.appendFileSync(process.env.STATE + '/filler.bin', Buffer.alloc(4096)); } catch {}
}
process.stdout.write('ok');
`;

/** Checks the state directory from inside the sandbox and prints one JSON line. */
const INSPECT = `
import fs from 'node:fs';
import path from 'node:path';
const state = process.argv[2];
const files = [];
const walk = (dir) => { for (const name of fs.readdirSync(dir)) { const full = path.join(dir, name); if (fs.statSync(full).isDirectory()) walk(full); else files.push(path.relative(state, full)); } };
walk(state);
const json = files.filter((file) => file.endsWith('.json'));
const readable = json.every((file) => { try { JSON.parse(fs.readFileSync(path.join(state, file), 'utf8')); return true; } catch { return false; } });
process.stdout.write(JSON.stringify({ leftovers: files.filter((file) => /\\.(lock|tmp)$|\\.tmp-/.test(file) || file.endsWith('.live')), readable, records: json.filter((file) => file.startsWith('harness-runs/')).length }) + '\\n');
`;

test('disk full names ENOSPC and the path, leaves no lock or temp file, and the run recovers as failed', () => {
  const state = join(work, 'state');
  mkdirSync(join(work, 'suites'), { recursive: true });
  mkdirSync(state);
  writeFileSync(
    join(work, 'suites', 'fill.json'),
    JSON.stringify({
      id: 'fill',
      cases: [
        { id: 'filler', expected: { exitCode: 0 } },
        { id: 'after', expected: { exitCode: 0 } },
      ],
    }),
  );
  writeFileSync(join(work, 'fill.mjs'), FILLER);
  writeFileSync(join(work, 'inspect.mjs'), INSPECT);
  const input = JSON.stringify({
    suiteRef: 'fill',
    executor: {
      kind: 'command',
      argv: [process.execPath, join(work, 'fill.mjs')],
      env: { STATE: state },
    },
  });
  const contracts = `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)}`;
  const script = [
    `${contracts} harness run --cwd ${work} --state-dir ${state} --input '${input}' 2>${work}/run.err; echo "exit=$?"`,
    `${JSON.stringify(process.execPath)} ${work}/inspect.mjs ${state}`,
    `rm ${state}/filler.bin`,
    `run=$(ls ${state}/harness-runs | grep '\\.json$' | sed 's/\\.json$//')`,
    `${contracts} call harness.run.get --cwd ${work} --state-dir ${state} --input "{\\"runId\\":\\"$run\\"}" | ${JSON.stringify(process.execPath)} -e 'const r = JSON.parse(require("fs").readFileSync(0, "utf8")).run; console.log(JSON.stringify([r.status, r.steps.map((s) => s.status)]))'`,
  ].join('\n');
  const result = spawnSync(
    'bwrap',
    [
      '--dev-bind',
      '/',
      '/',
      '--size',
      '262144',
      '--tmpfs',
      state,
      '--die-with-parent',
      'sh',
      '-c',
      script,
    ],
    { encoding: 'utf8' },
  );
  if (result.error)
    throw new Error(`bubblewrap (bwrap) is required for this test: ${result.error.message}`);
  const [exitLine, inspected, recovered] = result.stdout.trim().split('\n');
  const stderr = spawnSync('cat', [join(work, 'run.err')], { encoding: 'utf8' }).stdout;
  expect({
    exitLine,
    stderr: stderr.replace(/hr-[0-9a-f]+/g, 'hr-ID').replace(/\d{4}-\d{2}-\d{2}/g, 'DATE'),
    inspected: JSON.parse(inspected!),
    recovered: JSON.parse(recovered!),
  }).toStrictEqual({
    exitLine: 'exit=1',
    // The first write after the filler case is its evidence or the timeline's lock: the run makes
    // both at once and promises no order between them, so either one meets the full disk.
    stderr: expect.stringMatching(
      /^contracts: STORAGE_FULL: no space left on device \(ENOSPC\) (writing evidence\/hr-ID\/filler\.json|locking events\/DATE\.jsonl\.lock)\n$/,
    ),
    inspected: { leftovers: [], readable: true, records: 1 },
    recovered: ['failed', ['failed', 'failed']],
  });
});
