import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { dirname, extname, join, relative, sep } from 'node:path';
import type { AgentArtifact } from '../generated/agent/types.js';
import { compareCodeUnits } from '../core/code-units.js';
import type { AgentRunStore } from './run-store.js';

/** Artifact kinds: the captured streams, `diff` for `.diff`/`.patch` files, `file` for any other file. */
export const ARTIFACT_KINDS = ['diff', 'file', 'stderr', 'stdout'] as const;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.csv': 'text/csv',
  '.diff': 'text/x-diff',
  '.gif': 'image/gif',
  '.htm': 'text/html',
  '.html': 'text/html',
  '.jpeg': 'image/jpeg',
  '.jpg': 'image/jpeg',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.jsonl': 'application/jsonl',
  '.log': 'text/plain',
  '.md': 'text/markdown',
  '.patch': 'text/x-diff',
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ts': 'text/plain',
  '.txt': 'text/plain',
  '.xml': 'application/xml',
  '.yaml': 'application/yaml',
  '.yml': 'application/yaml',
};

/** The media type of a file name by its extension (IANA names); `application/octet-stream` otherwise. */
export function contentTypeOf(name: string): string {
  return CONTENT_TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream';
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function walk(dir: string, root: string, out: string[]): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  for (const name of names) {
    const full = join(dir, name);
    const info = await lstat(full);
    if (info.isDirectory()) await walk(full, root, out);
    else if (info.isFile()) out.push(relative(root, full).split(sep).join('/'));
  }
}

async function describe(
  store: AgentRunStore,
  file: string,
  artifactId: string,
  kind: string,
  contentType: string,
): Promise<AgentArtifact | undefined> {
  let info;
  try {
    info = await lstat(file);
  } catch {
    return undefined;
  }
  if (!info.isFile()) return undefined;
  return {
    artifactId,
    kind,
    uri: relative(dirname(store.root), file).split(sep).join('/'),
    contentType,
    summary: `size=${info.size}; sha256=${await sha256Of(file)}`,
    createdAt: info.mtime.toISOString(),
  };
}

/**
 * Every artifact of run `runId`: its captured `stdout` and `stderr`
 * (once the run ended), then each regular file under its artifacts folder (symlinks are skipped),
 * by relative path in code-unit order. `artifactId` is `<runId>/stdout`, `<runId>/stderr` or
 * `<runId>/files/<relative path>`; `uri` is the file's path relative to the state directory
 * (`agent/runs/<runId>/stdout.txt`: no absolute host path reaches a caller); `createdAt` its modification
 * time. The model has no size or hash field and its schema strips unknown keys, so `summary` holds
 * both in a fixed, parseable form: `size=<bytes>; sha256=<hex>`.
 */
export async function collectArtifacts(
  store: AgentRunStore,
  runId: string,
): Promise<AgentArtifact[]> {
  const runDir = store.runDir(runId);
  const artifacts: AgentArtifact[] = [];
  for (const stream of ['stdout', 'stderr'] as const) {
    const found = await describe(
      store,
      join(runDir, `${stream}.txt`),
      `${runId}/${stream}`,
      stream,
      'text/plain; charset=utf-8',
    );
    if (found) artifacts.push(found);
  }
  const root = store.artifactsDir(runId);
  const files: string[] = [];
  await walk(root, root, files);
  for (const path of files.sort(compareCodeUnits)) {
    const extension = extname(path).toLowerCase();
    const kind = extension === '.diff' || extension === '.patch' ? 'diff' : 'file';
    const found = await describe(
      store,
      join(root, path),
      `${runId}/files/${path}`,
      kind,
      contentTypeOf(path),
    );
    if (found) artifacts.push(found);
  }
  return artifacts;
}
