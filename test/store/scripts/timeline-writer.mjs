// Test script: argv[2] compiled store index.js, argv[3] events dir. Appends ev-0, ev-1, … one at
// a time through appendJsonl (whose day file stays open between appends) and prints each id once
// its append has resolved, until killed.
const [store, eventsDir] = process.argv.slice(2);
const { appendJsonl } = await import(store);
const occurredAt = '2025-01-31T12:00:00.000Z';
const padding = 'p'.repeat(2048);

for (let index = 0; ; index += 1) {
  const id = `ev-${index}`;
  await appendJsonl(eventsDir, { id, occurredAt, padding });
  process.stdout.write(`${id}\n`);
}
