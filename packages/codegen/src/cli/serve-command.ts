import { Command, InvalidArgumentError } from 'commander';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createAppRuntime, resolveRuntimeOptions } from 'contracts-runtime/app';
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
  bodyLimit: number;
  tokensFile?: string;
  agentConcurrency?: number;
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
  const runtime = await createAppRuntime(
    resolveRuntimeOptions({ ...options, agentWorker: 'in-process' }),
  );
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
  process.stdout.write(`contracts serve: listening on ${server.url}\n`);
  const signal = await waitForSignal();
  process.stderr.write(`contracts serve: ${signal}, stopping\n`);
  await server.close();
  await runtime.close();
  process.off('unhandledRejection', keepUp);
  process.stderr.write('contracts serve: stopped\n');
}

/**
 * `contracts serve [--host 127.0.0.1] [--port 8787] [--cwd] [--state-dir] [--agents-dir]
 * [--body-limit 1m] [--tokens-file] [--agent-concurrency N]`: every operation over HTTP, the `/events` stream and
 * the agent worker in this process; prints `contracts serve: listening on <url>` on stdout and stops
 * cleanly on SIGINT/SIGTERM (exit 0). Tokens: `--tokens-file`, else `CONTRACTS_TOKENS`.
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
    .action(async (options: ServeOptions) => {
      await runServe(options);
    });
}
