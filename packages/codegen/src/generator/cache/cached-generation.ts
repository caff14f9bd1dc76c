import { compareCodeUnits } from 'contracts-runtime/core';
import type { GenerateSettings } from '../config/resolve-settings.js';
import type { OutputFile } from '../emit/output-file.js';
import type { Diagnostic } from '../ir/ir-schema.js';
import type { TreeSink } from '../tree-sink.js';
import { isClean, type TreeDrift } from '../write-tree.js';
import {
  digestOf,
  generationKey,
  type FileDigest,
  type GenerationCache,
} from './generation-cache.js';
import { readInputClosure } from './input-closure.js';
import { diffDigests } from './tree-digest.js';
import { toPosix } from '../posix-path.js';

/** One generation as `generate`, `--check` and watch mode use it. */
export interface Generation {
  readonly specs: number;
  readonly models: number;
  readonly diagnostics: readonly Diagnostic[];
  /**
   * The files to write, sorted by path; undefined when a diagnostic is an error, on a cache hit
   * (then `drift` says how the tree on disk differs, without contents), and when the files went to
   * a {@link TreeSink} as they were emitted.
   */
  readonly files: readonly OutputFile[] | undefined;
  /** True when the cache answered, without parsing. */
  readonly cached: boolean;
  /** On a cache hit: how the output folder differs from what the generation writes. */
  readonly drift?: TreeDrift;
  /** How many files the generation writes (0 when a diagnostic is an error). */
  readonly fileCount: number;
  /** Every file the generation read: the spec files and what they import (absolute paths). */
  readonly inputs: readonly string[];
  /** Wall time of parsing, in ms (0 on a cache hit). */
  readonly parseMs: number;
  /**
   * Wall time of emitting and formatting (with a sink, of comparing and staging too), in ms; 0 on
   * a cache hit or an error.
   */
  readonly emitMs: number;
}

/**
 * Parses, validates and emits what `settings` names, unless `cache` holds the inputs' key
 * (generation-cache.ts) and the output folder already matches it, or `mode` is `check` (drift is
 * then reported from the recorded digests). A fresh result without errors is recorded. The parser
 * and the emitters are loaded only when needed, so a hit never loads ts-morph or prettier. The
 * bytes written are the same either way (test/cache checks it on random edit sequences). With
 * `sink`, the emitted files go to it one by one (emitAllTo: the tree is never in memory whole)
 * after its `begin`, and the caller finishes it; a cache hit leaves it unused.
 * @throws Error when an emitter fails (see emitAll), or as the sink does.
 */
export async function generateWithCache(
  settings: GenerateSettings,
  cache: GenerationCache | undefined,
  mode: 'write' | 'check' = 'write',
  sink?: TreeSink,
): Promise<Generation> {
  // Without a cache nothing needs the texts up front: the parser reads each file once.
  const closure = cache ? readInputClosure(settings.specFiles) : undefined;
  const key = cache && closure ? generationKey(settings, closure) : undefined;
  const hit = key && cache ? cache.lookup(key) : undefined;
  if (key && cache && hit) {
    const seen = await diffDigests(settings.outDir, hit.files);
    const clean = isClean(seen.drift);
    if (clean && seen.read) cache.store(key, { ...hit, files: seen.digests });
    if (clean || mode === 'check') {
      const { specs, models, diagnostics } = hit;
      const times = { parseMs: 0, emitMs: 0 };
      return {
        ...{ specs, models, diagnostics, files: undefined, drift: seen.drift, cached: true },
        ...{ fileCount: hit.files.length, inputs: closure!.files, ...times },
      };
    }
  }
  const started = performance.now();
  const [{ finishIr, hasErrors }, { parseSpecFiles }, { SourceStore }] = await Promise.all([
    import('../ir/build-ir.js'),
    import('../parse/parse-specs.js'),
    import('../parse/source-store.js'),
  ]);
  const store = new SourceStore();
  for (const [path, text] of closure?.texts ?? []) store.provide(toPosix(path), text);
  const ir = finishIr(
    parseSpecFiles(settings.specFiles, settings.rootDir, settings.specsLabel, store),
  );
  const inputs = closure?.files ?? store.existingPaths(settings.specFiles.map(toPosix));
  const parseMs = performance.now() - started;
  const counts = { specs: ir.specs.length, models: ir.models.length, diagnostics: ir.diagnostics };
  if (hasErrors(ir)) {
    const none = { files: undefined, fileCount: 0, cached: false };
    return { ...counts, ...none, inputs, parseMs, emitMs: 0 };
  }
  const [{ emitAll, emitAllTo }, { createEmitters }] = await Promise.all([
    import('../emit-all.js'),
    import('../emit/all-emitters.js'),
  ]);
  const emitters = createEmitters(settings.emitters);
  const emitStarted = performance.now();
  if (sink) {
    await sink.begin();
    const digests: FileDigest[] = [];
    const fileCount = await emitAllTo(ir, emitters, (file) => {
      sink.take(file);
      if (cache) digests.push(digestOf(file));
    });
    const emitMs = performance.now() - emitStarted;
    digests.sort((a, b) => compareCodeUnits(a.path, b.path));
    if (key && cache) cache.store(key, { ...counts, files: digests });
    const streamed = { files: undefined, fileCount, cached: false };
    return { ...counts, ...streamed, inputs, parseMs, emitMs };
  }
  const files = await emitAll(ir, emitters);
  const emitMs = performance.now() - emitStarted;
  if (key && cache) cache.store(key, { ...counts, files: files.map(digestOf) });
  const collected = { files, fileCount: files.length, cached: false };
  return { ...counts, ...collected, inputs, parseMs, emitMs };
}
