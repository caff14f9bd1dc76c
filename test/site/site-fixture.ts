import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createSiteEmitter } from '../../packages/codegen/src/generator/emit/site/site-emitter.js';
import type { OutputFile } from '../../packages/codegen/src/generator/emit/output-file.js';
import type { Ir, Model, Spec } from '../../packages/codegen/src/generator/ir/ir-schema.js';
import { buildIr } from '../../packages/codegen/src/generator/ir/build-ir.js';
import { PROJECT_ROOT } from '../support/cli.js';

/** The IR of the shipped specs. */
export function shippedIr(): Ir {
  return buildIr({ specsDir: join(PROJECT_ROOT, 'specs'), rootDir: PROJECT_ROOT });
}

/** The site files of the shipped specs (en and fr), paths relative to the output folder. */
export function shippedSiteFiles(): OutputFile[] {
  return createSiteEmitter().emit(shippedIr());
}

/**
 * The shipped IR plus `operations` copies of `harness.run.start` in a domain `wide`
 * (`wide.op0000.run` …), each with its own input model (`WideInput0000` …, a copy of the
 * original's), so that the API reference, the models and the search index of the `wide` domain
 * need several parts and shards. Sorted as the IR is (specs by key, models by name).
 */
export function wideIr(operations: number): Ir {
  const ir = shippedIr();
  const template = ir.specs.find((spec) => spec.key === 'harness.run.start')!;
  if (template.kind !== 'operation') throw new Error('harness.run.start is not an operation');
  const input = ir.models.find((model) => model.name === template.io.input)!;
  const specs: Spec[] = [];
  const models: Model[] = [];
  for (let at = 0; at < operations; at++) {
    const id = String(at).padStart(4, '0');
    const key = `wide.op${id}.run`;
    models.push({ ...input, name: `WideInput${id}`, description: `Input of operation ${id}.` });
    specs.push({
      ...template,
      key,
      meta: {
        ...template.meta,
        key,
        title: `Wide operation ${id}`,
        description: `Operation ${id} of the wide domain.`,
        domain: 'wide',
      },
      io: { ...template.io, input: `WideInput${id}` },
    });
  }
  const byKey = (a: { key: string; version: string }, b: { key: string; version: string }) =>
    a.key < b.key ? -1 : a.key > b.key ? 1 : a.version < b.version ? -1 : 1;
  return {
    ...ir,
    specs: [...ir.specs, ...specs].sort(byKey),
    models: [...ir.models, ...models].sort((a, b) => (a.name < b.name ? -1 : 1)),
  };
}

/** Writes `files` into a new temporary folder and returns the folder of `site/`. */
export function writeSite(files: readonly OutputFile[]): string {
  const root = mkdtempSync(join(tmpdir(), 'contracts-site-'));
  for (const file of files) {
    mkdirSync(dirname(join(root, file.path)), { recursive: true });
    writeFileSync(join(root, file.path), file.contents);
  }
  return join(root, 'site');
}
