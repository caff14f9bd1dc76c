import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { compareCodeUnits } from './core/code-units.js';
import { locateBwrap } from './process/sandbox.js';
import type { RuntimeOptions } from './runtime-options.js';

/**
 * What keeps a runtime with `sandbox: 'required'` from starting: bubblewrap missing, and every
 * executor (`executors/<name>.json`) or agent (`agents/<key>.json`) definition that does not ask for
 * `"sandbox": "bwrap"` (or is not JSON), each named by its path relative to `cwd`. Empty when the
 * policy is `optional` or everything is sandboxed. `serve --sandbox required` refuses to start on a
 * non-empty answer; a definition added later is refused when a run names it.
 */
export async function sandboxPolicyProblems(options: RuntimeOptions): Promise<string[]> {
  if (options.sandbox !== 'required') return [];
  const problems: string[] = [];
  if (locateBwrap() === undefined) {
    problems.push('bubblewrap (bwrap) is not on PATH; install the Debian package bubblewrap');
  }
  for (const dir of [options.executorsDir, options.agentsDir]) {
    let names: string[];
    try {
      names = (await readdir(dir)).filter((name) => name.endsWith('.json'));
    } catch {
      continue;
    }
    for (const name of names.sort(compareCodeUnits)) {
      const file = path.join(dir, name);
      const shown = path.relative(options.cwd, file) || file;
      try {
        const definition = JSON.parse(await readFile(file, 'utf8')) as { sandbox?: unknown };
        if (definition?.sandbox !== 'bwrap') problems.push(`${shown} has no "sandbox": "bwrap"`);
      } catch {
        problems.push(`${shown} is not a readable JSON definition`);
      }
    }
  }
  return problems;
}
