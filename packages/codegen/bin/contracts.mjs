#!/usr/bin/env node
// The `contracts` command. A source file, not a build output, so npm can link it at install time,
// before a workspace build has written dist/.
import { statSync } from 'node:fs';
import module from 'node:module';

// Node 22.1+ keeps V8's compiled code of the CLI and what it loads (TypeScript's parser, prettier)
// between runs, as TypeScript's own `tsc` does; Node 20 has no such cache and runs as before.
module.enableCompileCache?.();

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
