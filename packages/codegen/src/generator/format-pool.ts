import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { OutputFile } from './emit/output-file.js';

/** Formats files on worker threads; see {@link startFormatPool}. */
export interface FormatPool {
  format(file: OutputFile): Promise<OutputFile>;
  close(): Promise<void>;
}

/**
 * Starts two worker threads that load prettier at once, so that prettier's start-up overlaps the
 * main thread's parsing and formatting uses both cores. Output is identical to in-process
 * formatting: the workers call the same `formatFile` with the same pinned config.
 * Returns undefined when the compiled worker is absent (running from TypeScript sources, as in
 * tests); callers then format in-process.
 */
export function startFormatPool(threads = 2): FormatPool | undefined {
  const worker = new URL('./format-worker.js', import.meta.url);
  if (!existsSync(fileURLToPath(worker))) return undefined;
  const piscina = new Piscina<OutputFile, OutputFile>({
    filename: worker.href,
    minThreads: threads,
    maxThreads: threads,
  });
  return {
    format: (file) => piscina.run(file),
    close: () => piscina.destroy(),
  };
}
