import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

import { expect, test } from 'vitest';

import { runCommand } from '../../packages/runtime/src/process/run-command.js';
import { DEFAULT_CAPTURE_LIMIT_BYTES } from '../../packages/runtime/src/process/stream-capture.js';

const flood = fileURLToPath(new URL('./scripts/flood.mjs', import.meta.url));
const MIB = 1024 * 1024;

// Collect garbage while sampling, so the peak measures what the executor keeps, not read buffers
// that are already garbage but not yet collected.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

test('128 MiB of stdout: capture stays at the limit, memory stays bounded, rules see the tail', async () => {
  gc();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
    gc();
  }, 10);
  const marker = 'END-OF-FLOOD-MARKER';
  const result = await runCommand({
    argv: [process.execPath, flood, '128', marker],
    stdin: '',
    needles: { stdout: [marker, 'never-written'] },
  });
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);

  expect({
    outcome: result.outcome,
    exitCode: result.exitCode,
    captured: result.stdout.captured.length,
    truncated: result.stdout.truncated,
    totalBytes: result.stdout.totalBytes,
    found: [...result.stdout.found],
  }).toStrictEqual({
    outcome: 'exited',
    exitCode: 0,
    captured: DEFAULT_CAPTURE_LIMIT_BYTES,
    truncated: true,
    totalBytes: 128 * MIB + marker.length,
    found: [marker],
  });
  // The stream is 128 MiB; holding it would grow RSS by at least that much.
  expect(peak - baseline).toBeLessThan(64 * MIB);
});
