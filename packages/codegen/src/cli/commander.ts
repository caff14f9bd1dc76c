import type * as CommanderModule from 'commander';
import { createRequire } from 'node:module';

// Required, not imported: through its ESM wrapper, Node would first read commander's CommonJS
// exports list (about 4 ms of every command).
const commander = createRequire(import.meta.url)('commander') as typeof CommanderModule;

/** commander's classes, as `import { … } from 'commander'` gives them. */
export const { Command, CommanderError, InvalidArgumentError, Option } = commander;
export type Command = CommanderModule.Command;
export type CommanderError = CommanderModule.CommanderError;
export type InvalidArgumentError = CommanderModule.InvalidArgumentError;
export type Option = CommanderModule.Option;
