// Test script: argv[2] compiled store index.js, argv[3] state dir, argv[4] mode.
// mode 'records': rewrites one large run record and appends timeline events until killed.
// mode 'events:<from>:<to>': appends events with ids ev-<from>..ev-<to>, then exits.
const [store, stateDir, mode] = process.argv.slice(2);
const { appendJsonl, writeJsonAtomic } = await import(store);
const occurredAt = '2025-01-31T23:59:59.000Z';

if (mode === 'records') {
  const padding = 'x'.repeat(512 * 1024);
  process.stdout.write('ready\n');
  for (let round = 0; ; round += 1) {
    await writeJsonAtomic(`${stateDir}/harness-runs/run-1.json`, {
      round,
      padding,
      steps: [round, round + 1],
    });
    await appendJsonl(`${stateDir}/events`, {
      id: `ev-${round}`,
      occurredAt,
      padding: padding.slice(0, 4096),
    });
  }
} else {
  const [, from, to] = mode.split(':').map(Number);
  for (let id = from; id <= to; id += 1) {
    await appendJsonl(`${stateDir}/events`, { id: `ev-${id}`, occurredAt, writer: process.pid });
  }
}
