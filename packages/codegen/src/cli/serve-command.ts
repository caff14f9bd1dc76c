import { Command, InvalidArgumentError, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  createAppRuntime,
  resolveRuntimeOptions,
  sandboxPolicyProblems,
  SERVER_RUN_LIMITS,
} from 'contracts-runtime/app';
import {
  createHttpApp,
  DEFAULT_BODY_LIMIT,
  loadTokens,
  routeOverridesFromOpenApi,
  startHttpServer,
} from 'contracts-runtime/server';
import { CliError, ExitCode } from './exit-codes.js';

interface ServeOptions {
  host: string;
  port: number;
  cwd?: string;
  stateDir?: string;
  agentsDir?: string;
  executorsDir?: string;
  bodyLimit: number;
  tokensFile?: string;
  agentConcurrency?: number;
  allowInlineExecutors?: boolean;
  sandbox: 'optional' | 'required';
  maxCaptureBytes: number;
  maxConcurrency: number;
  childEnv: string[];
  shutdownGraceMs: number;
}

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
 * The OpenAPI document of the harness and agent domains that the runtime package ships
 * (`contracts-runtime/openapi.json`), or undefined when it cannot be read; the server reads
 * `transport.rest` routes from it and serves it at `/openapi.json`.
 */
function readOpenApi(): unknown {
  try {
    const path = createRequire(import.meta.url).resolve('contracts-runtime/openapi.json');
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

function waitForSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      process.once('SIGINT', () => process.exit(130));
      process.once('SIGTERM', () => process.exit(143));
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

async function runServe(options: ServeOptions): Promise<void> {
  let tokens;
  try {
    tokens = loadTokens(options.tokensFile);
  } catch (error) {
    throw new CliError((error as Error).message, ExitCode.Usage);
  }
  const runtimeOptions = resolveRuntimeOptions({
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    ...(options.stateDir === undefined ? {} : { stateDir: options.stateDir }),
    ...(options.agentsDir === undefined ? {} : { agentsDir: options.agentsDir }),
    ...(options.executorsDir === undefined ? {} : { executorsDir: options.executorsDir }),
    ...(options.agentConcurrency === undefined
      ? {}
      : { agentConcurrency: options.agentConcurrency }),
    agentWorker: 'in-process',
    inlineExecutors: options.allowInlineExecutors === true,
    suitesOnly: true,
    sandbox: options.sandbox,
    limits: { maxCaptureBytes: options.maxCaptureBytes, maxConcurrency: options.maxConcurrency },
    childEnv: options.childEnv,
    secretPaths: options.tokensFile === undefined ? [] : [options.tokensFile],
  });
  const refused = await sandboxPolicyProblems(runtimeOptions);
  if (refused.length > 0) {
    throw new CliError(`--sandbox required: ${refused.join('; ')}`, ExitCode.Usage);
  }
  const runtime = await createAppRuntime(runtimeOptions);
  const openapi = readOpenApi();
  const app = createHttpApp({
    target: runtime,
    tokens,
    bodyLimit: options.bodyLimit,
    routes: routeOverridesFromOpenApi(openapi),
    openapi,
  });
  let server;
  try {
    server = await startHttpServer(app, { host: options.host, port: options.port });
  } catch (error) {
    await runtime.close();
    throw new CliError(
      `cannot listen on ${options.host}:${options.port}: ${(error as Error).message}`,
      ExitCode.Failure,
    );
  }
  const keepUp = (reason: unknown) =>
    process.stderr.write(
      `contracts serve: unhandled rejection: ${(reason as Error)?.stack ?? String(reason)}\n`,
    );
  process.on('unhandledRejection', keepUp);
  process.stderr.write(
    `contracts serve: ${tokens.size} bearer token(s); state in ${runtime.options.stateDir}\n`,
  );
  if (options.allowInlineExecutors) {
    process.stderr.write(
      "contracts serve: WARNING --allow-inline-executors: every caller with a user token can run any command as this server's user\n",
    );
  }
  process.stdout.write(`contracts serve: listening on ${server.url}\n`);
  const signal = await waitForSignal();
  process.stderr.write(
    `contracts serve: ${signal}, stopping (runs in flight get ${options.shutdownGraceMs} ms)\n`,
  );
  // Stop accepting at once; requests waiting on a run end when shutdown stops that run.
  await Promise.all([
    server.close(options.shutdownGraceMs + 5_000),
    runtime.shutdown(options.shutdownGraceMs),
  ]);
  await runtime.close();
  process.off('unhandledRejection', keepUp);
  process.stderr.write('contracts serve: stopped\n');
}

/**
 * `contracts serve [--host 127.0.0.1] [--port 8787] [--cwd] [--state-dir] [--agents-dir]
 * [--executors-dir] [--body-limit 1m] [--tokens-file] [--agent-concurrency N] [--sandbox optional]
 * [--max-capture-bytes 8m] [--max-concurrency 4] [--child-env NAME]… [--shutdown-grace-ms 10000]
 * [--allow-inline-executors]`: every operation over HTTP, the `/events` stream and the agent worker
 * in this process. Runs name executors the operator defined; suites come from `<cwd>/suites`;
 * children get a clean environment. Prints `contracts serve: listening on <url>` on stdout; on
 * SIGINT/SIGTERM it stops accepting, lets runs finish for the grace period, stops the rest as
 * `interrupted`, and exits 0. Tokens: `--tokens-file`, else `CONTRACTS_TOKENS`.
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
      await runServe(options);
    });
}
