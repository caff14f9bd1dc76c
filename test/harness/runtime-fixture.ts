import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import {
  createHarnessClient,
  type HarnessClient,
} from '../../packages/runtime/src/generated/harness/client.js';
import { createAppRuntime, type AppRuntime } from '../../packages/runtime/src/app-runtime.js';
import { localTransport } from '../../packages/runtime/src/local-transport.js';
import { resolveRuntimeOptions } from '../../packages/runtime/src/runtime-options.js';

/** The test case script: does what `case.input` says (see scripts/respond.mjs). */
export const RESPOND = fileURLToPath(new URL('./scripts/respond.mjs', import.meta.url));

/** An executor running {@link RESPOND} with this node. */
export function respondExecutor(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { kind: 'command', argv: [process.execPath, RESPOND], ...extra };
}

/** A scratch working directory with `suites/<key>.json` files, and its state directory. */
export interface Workspace {
  cwd: string;
  stateDir: string;
  writeSuite(key: string, suite: object): void;
  /** Every file under the state directory, relative, sorted. */
  stateFiles(): string[];
  remove(): void;
}

/** Creates a {@link Workspace} in the OS temp folder. */
export function createWorkspace(): Workspace {
  const cwd = mkdtempSync(path.join(tmpdir(), 'harness-runtime-'));
  const stateDir = path.join(cwd, '.contracts');
  return {
    cwd,
    stateDir,
    writeSuite(key, suite) {
      mkdirSync(path.join(cwd, 'suites'), { recursive: true });
      writeFileSync(path.join(cwd, 'suites', `${key}.json`), JSON.stringify(suite));
    },
    stateFiles: () => listFiles(stateDir),
    remove: () => rmSync(cwd, { recursive: true, force: true }),
  };
}

function listFiles(root: string, prefix = ''): string[] {
  let entries;
  try {
    entries = readdirSync(path.join(root, prefix), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .flatMap((entry) => {
      const relative = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      return entry.isDirectory() ? listFiles(root, relative) : [relative];
    })
    .sort();
}

/** The app runtime of a workspace and a generated harness client over the local transport. */
export interface Harnessed {
  app: AppRuntime;
  client: HarnessClient;
}

/** Builds the app runtime (no agent worker) and a `user` client of its harness router. */
export async function harnessed(workspace: Workspace): Promise<Harnessed> {
  const app = await createAppRuntime(
    resolveRuntimeOptions({
      cwd: workspace.cwd,
      stateDir: workspace.stateDir,
      agentWorker: 'none',
      // The local runtime of `contracts harness run`: inline executors, as RAGit's input has them.
      inlineExecutors: true,
    }),
  );
  const client = createHarnessClient(
    localTransport(app.routerFor('harness.run.start'), {
      actor: { kind: 'user' },
      onEvent: app.onEvent,
    }),
  );
  return { app, client };
}
