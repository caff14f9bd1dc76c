#!/usr/bin/env node
// The `contracts` command. A source file, not a build output, so npm can link it at install time,
// before a workspace build has written dist/.
import { statSync } from 'node:fs';
import module from 'node:module';
import v8 from 'node:v8';

// Node 22.1+ keeps V8's compiled code of the CLI and what it loads (TypeScript's parser, prettier)
// between runs, as TypeScript's own `tsc` does; Node 20 has no such cache and runs as before.
module.enableCompileCache?.();

// V8's optimizing compiler inlines up to 920 bytes of bytecode into each function by default; on a
// large generation its background compile threads then take more of a 2-core machine than the
// inlining wins back (some 2.5 s of CPU in a 3.5 s run of 1,000 operations). 200 measured 10-15%
// faster there and on watch rebuilds, and the same on small corpora. A value given in NODE_OPTIONS
// or on node's command line is kept.
const INLINING_FLAG = '--max-inlined-bytecode-size-cumulative';
const givenFlags = `${process.env.NODE_OPTIONS ?? ''} ${process.execArgv.join(' ')}`;
if (!givenFlags.includes(INLINING_FLAG)) v8.setFlagsFromString(`${INLINING_FLAG}=200`);

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
