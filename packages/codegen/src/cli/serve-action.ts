import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createAppRuntime, sandboxPolicyProblems } from 'contracts-runtime/app';
import {
  createHttpApp,
  loadTokens,
  routeOverridesFromOpenApi,
  startHttpServer,
} from 'contracts-runtime/server';
import { CliError, ExitCode } from './exit-codes.js';
import { listenError } from './listen-error.js';
import type { RuntimeFlags } from './runtime-flags.js';
import { runtimeOptionsOf } from './runtime-transport.js';

/** The flags of `contracts serve`, parsed: sizes in bytes, times in ms. */
export interface ServeOptions extends RuntimeFlags {
  host: string;
  port: number;
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

/**
 * The action of `contracts serve` (serve-command.ts): builds the app runtime and serves every
 * operation, `/events` and `/openapi.json` over HTTP until SIGINT/SIGTERM, then stops accepting,
 * lets runs in flight finish for `shutdownGraceMs` ms, stops the rest as `interrupted` and
 * resolves. Prints `contracts serve: listening on <url>` on stdout, the rest on stderr.
 * @throws CliError (exit 2) for an unreadable tokens file or, with `--sandbox required`, an
 *   executor or agent without `"sandbox": "bwrap"`; (exit 1) when it cannot listen.
 */
export async function serve(options: ServeOptions): Promise<void> {
  let tokens;
  try {
    tokens = loadTokens(options.tokensFile);
  } catch (error) {
    throw new CliError((error as Error).message, ExitCode.Usage);
  }
  const runtimeOptions = runtimeOptionsOf(options, 'in-process', {
    ...(options.agentConcurrency === undefined
      ? {}
      : { agentConcurrency: options.agentConcurrency }),
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
    throw listenError(error, options.host, options.port);
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
