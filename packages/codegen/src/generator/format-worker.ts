import type { OutputFile } from './emit/output-file.js';
import { formatFile } from './format.js';

// Loading prettier's plugins happens on the first format of each parser; doing it while the main
// thread parses the specs takes it off the critical path.
await formatFile({ path: 'warm-up.ts', contents: 'const a = 1' });

/** Piscina task: formats one file with the pinned config (see format.ts). */
export default function formatTask(file: OutputFile): Promise<OutputFile> {
  return formatFile(file);
}
