import { Command, InvalidArgumentError, Option } from './commander.js';
import type { ServeOptions } from './serve-action.js';
import { DEFAULT_BODY_LIMIT, SERVER_RUN_LIMITS } from 'contracts-runtime/defaults';

/** How long SIGTERM lets runs in flight finish before they are stopped: 10 s. */
const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;

function parseNonNegativeInt(text: string): number {
  if (!/^\d+$/.test(text)) throw new InvalidArgumentError('a whole number >= 0');
  return Number(text);
}

function parseEnvName(text: string, previous: string[]): string[] {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(text)) {
    throw new InvalidArgumentError('a variable name: letters, digits and _');
  }
  if (text.startsWith('CONTRACTS_')) {
    throw new InvalidArgumentError(
      "CONTRACTS_* variables are the server's own and never reach a child",
    );
  }
  return [...previous, text];
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65_535) throw new InvalidArgumentError('a port is 0..65535');
  return port;
}

function parsePositiveInt(text: string): number {
  if (!/^[1-9]\d*$/.test(text)) throw new InvalidArgumentError('a whole number >= 1');
  return Number(text);
}

/** `1048576`, `512k` (KiB) or `2m` (MiB) -> bytes. */
function parseBytes(text: string): number {
  const match = /^(\d+)([km]?)$/i.exec(text.trim());
  if (!match) throw new InvalidArgumentError('a size is <bytes>, <n>k or <n>m');
  const unit = { '': 1, k: 1024, m: 1024 * 1024 }[match[2]!.toLowerCase() as '' | 'k' | 'm'];
  const bytes = Number(match[1]) * unit;
  if (bytes < 1) throw new InvalidArgumentError('the body limit must be at least 1 byte');
  return bytes;
}

/**
 * `contracts serve [--host 127.0.0.1] [--port 8787] [--cwd] [--state-dir] [--agents-dir]
 * [--executors-dir] [--body-limit 1m] [--tokens-file] [--agent-concurrency N] [--sandbox optional]
 * [--max-capture-bytes 8m] [--max-concurrency 4] [--child-env NAME]… [--shutdown-grace-ms 10000]
 * [--allow-inline-executors]`: every operation over HTTP, the `/events` stream and the agent worker
 * in this process. Runs name executors the operator defined; suites come from `<cwd>/suites`;
 * children get a clean environment. Prints `contracts serve: listening on <url>` on stdout; on
 * SIGINT/SIGTERM it stops accepting, lets runs finish for the grace period, stops the rest as
 * `interrupted`, and exits 0. Tokens: `--tokens-file`, else `CONTRACTS_TOKENS`. The action
 * (serve-action.ts) and the runtime load only when it runs; the defaults shown come from
 * contracts-runtime/defaults, which imports nothing.
 */
export function serveCommand(): Command {
  return new Command('serve')
    .description('Serve every operation over HTTP, stream the event timeline, run the agent worker')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--port <port>', 'TCP port (0 picks a free one)', parsePort, 8787)
    .option('--cwd <dir>', 'folder relative paths resolve against (default: the current folder)')
    .option(
      '--state-dir <dir>',
      'state folder (default: CONTRACTS_STATE_DIR, else <cwd>/.contracts)',
    )
    .option('--agents-dir <dir>', 'agent definitions (default: <cwd>/agents)')
    .option(
      '--body-limit <size>',
      'largest request body: bytes, <n>k or <n>m',
      parseBytes,
      DEFAULT_BODY_LIMIT,
    )
    .option(
      '--tokens-file <file>',
      'bearer tokens, "admin:<token>" / "user:<token>" per line (default: CONTRACTS_TOKENS)',
    )
    .option(
      '--agent-concurrency <n>',
      'agent runs executing at once (default: CONTRACTS_AGENT_CONCURRENCY, else 2)',
      parsePositiveInt,
    )
    .option(
      '--executors-dir <dir>',
      'named executor definitions, <name>.json (default: <cwd>/executors)',
    )
    .addOption(
      new Option(
        '--sandbox <mode>',
        'required: refuse executors and agents without "sandbox": "bwrap"',
      )
        .choices(['optional', 'required'])
        .default('optional'),
    )
    .option(
      '--max-capture-bytes <size>',
      'largest metadata.captureLimitBytes a caller may ask: bytes, <n>k or <n>m',
      parseBytes,
      SERVER_RUN_LIMITS.maxCaptureBytes,
    )
    .option(
      '--max-concurrency <n>',
      'largest metadata.concurrency a caller may ask',
      parsePositiveInt,
      SERVER_RUN_LIMITS.maxConcurrency,
    )
    .option(
      '--child-env <name>',
      'pass this variable of the server to executors and agents too (repeatable; default: PATH, HOME, LANG, LC_*, TZ, TMPDIR)',
      parseEnvName,
      [],
    )
    .option(
      '--shutdown-grace-ms <ms>',
      'on SIGTERM, how long runs in flight may finish before they are stopped as interrupted',
      parseNonNegativeInt,
      DEFAULT_SHUTDOWN_GRACE_MS,
    )
    .option(
      '--allow-inline-executors',
      "DANGEROUS: let callers send their own argv/cwd/env in metadata.executor, so any user token runs any command as this server's user; for trusted setups only",
    )
    .addHelpText(
      'after',
      `
Examples:
  $ CONTRACTS_TOKENS=user:change-me npx contracts serve --port 8787
  $ npx contracts serve --port 0 --tokens-file tokens.txt --sandbox required

Exit codes: 0 stopped by SIGINT or SIGTERM, 1 cannot listen or start, 2 usage error.`,
    )
    .action(async (options: ServeOptions) => {
      const { serve } = await import('./serve-action.js');
      await serve(options);
    });
}
