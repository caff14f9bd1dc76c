// tsc writes dist/cli/main.js without the executable bit; npm sets it only when it links a bin
// that already exists, which a workspace install does before `prepare` builds dist/.
import { chmodSync } from 'node:fs';

chmodSync(new URL('../dist/cli/main.js', import.meta.url), 0o755);
