import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The floor of the generator benchmark, run as its own process: load ts-morph, then parse every
 * `.ts` file under argv[2] with `ts.createSourceFile` and nothing else. `--load-only` stops after
 * loading ts-morph.
 */
const { ts } = await import('ts-morph');
if (!process.argv.includes('--load-only')) {
  const dir = process.argv[2]!;
  let nodes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const path = join(entry.parentPath, entry.name);
    const file = ts.createSourceFile(
      path,
      readFileSync(path, 'utf8'),
      ts.ScriptTarget.ES2022,
      true,
    );
    nodes += file.statements.length;
  }
  if (nodes === 0) throw new Error(`no statements parsed under ${dir}`);
}
