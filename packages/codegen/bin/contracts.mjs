#!/usr/bin/env node
// The `contracts` command. A source file, not a build output, so npm can link it at install time,
// before a workspace build has written dist/.
import module from 'node:module';

// Node 22.1+ keeps V8's compiled code of the CLI and what it loads (TypeScript's parser, prettier)
// between runs, as TypeScript's own `tsc` does; Node 20 has no such cache and runs as before.
module.enableCompileCache?.();
await import('../dist/cli-bundle/main.js');
