import { createDocsEmitter } from '../../packages/codegen/src/generator/emit/docs-emitter.js';
import type { OutputFile } from '../../packages/codegen/src/generator/emit/output-file.js';
import { formatFiles } from '../../packages/codegen/src/generator/format.js';
import { IrSchema, type Ir } from '../../packages/codegen/src/generator/ir/ir-schema.js';

/** Emits the docs of `ir` (checked against the IR schema first) and formats them with prettier. */
export async function emitDocs(ir: Ir): Promise<OutputFile[]> {
  return formatFiles(createDocsEmitter().emit(IrSchema.parse(ir)));
}

/** The contents of the file at `path`. @throws Error when it was not emitted. */
export function page(files: readonly OutputFile[], path: string): string {
  const file = files.find((candidate) => candidate.path === path);
  if (!file) throw new Error(`no emitted file ${path}`);
  return file.contents;
}

/** The lines of the `## heading` section of a page, from the heading to the next heading of any level. */
export function section(markdown: string, heading: string): string {
  const lines = markdown.split('\n');
  const start = lines.indexOf(heading);
  if (start < 0) throw new Error(`no heading ${heading}`);
  const end = lines.findIndex((line, index) => index > start && /^#{1,6} /.test(line));
  return lines
    .slice(start, end < 0 ? undefined : end)
    .join('\n')
    .trim();
}
