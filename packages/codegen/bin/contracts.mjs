#!/usr/bin/env node
// The `contracts` command. A source file, not a build output, so npm can link it at install time,
// before a workspace build has written dist/.
import { statSync } from 'node:fs';
import module, { createRequire } from 'node:module';
import v8 from 'node:v8';

// Node 22.1+ keeps V8's compiled code of the CLI and what it loads (TypeScript's parser, prettier)
// between runs, as TypeScript's own `tsc` does.
module.enableCompileCache?.();

// Two V8 settings for the commands that generate (`generate`, watch mode included, and `docs`,
// which builds the site), measured on a generation of 1,000 operations on 2 cores, alternated:
// - the optimizing compiler inlines up to 920 bytes of bytecode into a function by default; its
//   background threads then took some 2.5 s of CPU in a 3.5 s run, more than the inlining won
//   back. At 200, runs were 10-15% faster there and on watch rebuilds, and the same on small
//   corpora, with the same number of collections;
// - the old generation may grow up to fourfold between full collections by default, so garbage
//   promoted while the site renders piled up to a peak RSS of 260-305 MiB. A fixed twofold growth
//   (a growing percent of 100) gave 230-240 MiB, no slower (330-340 MiB instead of 360-370 at
//   2,000 operations).
// A long-running server is another matter: `contracts serve` answered 7-10% fewer requests per
// second with them, so every other command runs with V8's defaults. A value given on node's
// command line (NODE_OPTIONS takes neither) is kept.
const GENERATING_COMMANDS = new Set(['generate', 'docs']);
if (GENERATING_COMMANDS.has(process.argv[2])) {
  const givenFlags = process.execArgv.join(' ');
  for (const [flag, value] of [
    ['--max-inlined-bytecode-size-cumulative', 200],
    ['--heap-growing-percent', 100],
  ]) {
    if (!givenFlags.includes(flag)) v8.setFlagsFromString(`${flag}=${value}`);
  }
  // Node 20 has no such cache, so these commands keep one of the CommonJS modules they load
  // (TypeScript's parser above all: 9 MB that V8 otherwise parses again on every run) with
  // v8-compile-cache-lib, in the OS temporary folder (`V8_COMPILE_CACHE_CACHE_DIR` moves it,
  // `DISABLE_V8_COMPILE_CACHE=1` turns it off). A generation of the shipped specs took some 75 ms
  // less, of 570 (alternated runs). Only here: a cache is valid for one set of V8 flags, those above.
  // The library saves at exit; a cache it cannot write is a warning, never a failed command.
  const cache = module.enableCompileCache
    ? undefined
    : createRequire(import.meta.url)('v8-compile-cache-lib').install({
        prefix: 'contracts-generate',
      });
  if (cache) {
    process.removeListener('exit', cache.uninstall);
    process.once('exit', () => {
      try {
        cache.uninstall();
      } catch (error) {
        process.stderr.write(
          `contracts: warning: cannot write the compile cache (${error.code ?? error.message})\n`,
        );
      }
    });
  }
}

// The bundled CLI (scripts/bundle-cli.mjs), unless a `tsc -b` has run since it was bundled (a
// contributor's edit, in a checkout): then the compiled modules, which that build brought up to
// date. An installed package ships no build info, so it always runs the bundle.
const mtimeOf = (path) => {
  try {
    return statSync(new URL(path, import.meta.url)).mtimeMs;
  } catch {
    return -1;
  }
};
const bundled = mtimeOf('../dist/cli-bundle/main.js') >= mtimeOf('../dist/.tsbuildinfo');
await import(bundled ? '../dist/cli-bundle/main.js' : '../dist/cli/main.js');
