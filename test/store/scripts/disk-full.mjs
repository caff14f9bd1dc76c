// Test script, run inside bubblewrap on a tiny tmpfs. argv[2]: packages/runtime/dist/store/index.js,
// argv[3]: the tmpfs mount. Writes a record and a timeline line, fills the tmpfs, then tries a
// record write, a lock and a timeline append on the full disk, and again with one page free (so a
// lock file fits but the data does not), and prints what happened as one JSON line.
import {
  closeSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  truncateSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';

const [store, mount] = process.argv.slice(2);
const { appendJsonl, withFileLock, writeJsonAtomic } = await import(store);

const PAGE = 4096;
const stateDir = path.join(mount, 'state');
const runs = path.join(stateDir, 'harness-runs');
const events = path.join(stateDir, 'events');
const record = path.join(runs, 'r-1.json');
const day = path.join(events, '2025-01-31.jsonl');
const occurredAt = '2025-01-31T10:00:00.000Z';
const options = { root: stateDir };

await writeJsonAtomic(record, { version: 1 }, options);
await appendJsonl(events, { id: 'ev-1', occurredAt }, options);
const recordBefore = readFileSync(record, 'utf8');
const dayBefore = readFileSync(day, 'utf8');

// Fill the tmpfs: page-sized writes until the device is full.
const filler = path.join(mount, 'filler');
const fillerFd = openSync(filler, 'w');
let full = false;
try {
  for (;;) writeSync(fillerFd, Buffer.alloc(PAGE, 1));
} catch (error) {
  full = error.code === 'ENOSPC';
} finally {
  closeSync(fillerFd);
}

const openFds = () => readdirSync('/proc/self/fd').length;
const fdsBefore = openFds();

async function outcome(attempt) {
  try {
    await attempt();
    return { resolved: true };
  } catch (error) {
    return { name: error.name, message: error.message, code: error.code, status: error.status };
  }
}

let lockActionRan = false;
/** A record write, a lock and a timeline append: none may leave a temp or lock file behind. */
async function attempts() {
  lockActionRan = false;
  return {
    write: await outcome(() =>
      writeJsonAtomic(record, { version: 2, note: 'n'.repeat(2 * PAGE) }, options),
    ),
    lock: await outcome(() =>
      withFileLock(
        path.join(runs, 'r-1.lock'),
        async () => {
          lockActionRan = true;
        },
        options,
      ),
    ),
    // Over a page, so it cannot fit in the free end of the day file's last page.
    append: await outcome(() =>
      appendJsonl(events, { id: 'ev-2', occurredAt, padding: 'p'.repeat(2 * PAGE) }, options),
    ),
  };
}

/** What is on disk after the attempts. */
function leftovers() {
  return {
    recordKept: readFileSync(record, 'utf8') === recordBefore,
    dayKept: readFileSync(day, 'utf8') === dayBefore,
    runs: readdirSync(runs).sort(),
    events: readdirSync(events).sort(),
  };
}

const onFullDisk = { ...(await attempts()), lockActionRan, ...leftovers() };
// One free page: a lock file's pid fits, a record or a timeline line over a page does not.
truncateSync(filler, statSync(filler).size - PAGE);
const onePageFree = { ...(await attempts()), lockActionRan, ...leftovers() };

// Counted before process.stdout is first touched: setting it up opens a descriptor.
const result = JSON.stringify({
  full,
  onFullDisk,
  onePageFree,
  fdsLeaked: openFds() - fdsBefore,
});
process.stdout.write(`${result}\n`);
