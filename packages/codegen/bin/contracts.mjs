#!/usr/bin/env node
// The `contracts` command. A source file, not a build output, so npm can link it at install time,
// before a workspace build has written dist/.
import '../dist/cli/main.js';
