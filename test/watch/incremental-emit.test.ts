import { describe, expect, it } from 'vitest';
import { buildClientView } from '../../packages/codegen/src/generator/emit/client-emitter.js';
import { EmitMemo, withoutEmitMemos } from '../../packages/codegen/src/generator/emit/emit-memo.js';
import {
  usedIdentifiers,
  withImportsJoined,
  withImportsOf,
  type ImportCandidate,
} from '../../packages/codegen/src/generator/emit/import-printer.js';
import { createJsonSchemaEmitter } from '../../packages/codegen/src/generator/emit/json-schema-emitter.js';
import {
  holdsKeptJson,
  jsonText,
  keepJsonText,
} from '../../packages/codegen/src/generator/emit/json-text.js';
import {
  openApiEmitter,
  sharedOpenApi,
} from '../../packages/codegen/src/generator/emit/openapi-emitter.js';
import { buildRegistryView } from '../../packages/codegen/src/generator/emit/registry-emitter.js';
import { renderTemplate } from '../../packages/codegen/src/generator/emit/render-template.js';
import { SegmentedTemplate } from '../../packages/codegen/src/generator/emit/segmented-template.js';
import { typesEmitter } from '../../packages/codegen/src/generator/emit/types-emitter.js';
import { zodEmitter } from '../../packages/codegen/src/generator/emit/zod-emitter.js';
import type { Ir, Model } from '../../packages/codegen/src/generator/ir/ir-schema.js';
import { DEMO_IR } from '../emit-code/fixtures/demo-ir.js';

/*
 * What a watch rebuild reuses of the last emit: objects of unchanged parts come back as the same
 * objects (so they are neither printed nor compared again), and every text equals the memo-free
 * one. The watch session's own equivalence over random edits is session-equivalence.test.ts.
 */

new EmitMemo();

/** DEMO_IR with `demo.ping.send`'s description edited: a new spec object, the rest the same. */
const edited: Ir = {
  ...DEMO_IR,
  specs: DEMO_IR.specs.map((spec) =>
    spec.key === 'demo.ping.send'
      ? { ...spec, meta: { ...spec.meta, description: 'Edited in watch mode.' } }
      : spec,
  ),
};

/** `edited` with a field added to PingSendInput: a new model object, the rest the same. */
const remodeled: Ir = {
  ...edited,
  models: edited.models.map((model): Model =>
    model.name === 'PingSendInput'
      ? { ...model, fields: [...model.fields, { ...model.fields[0]!, name: 'extra' }] }
      : model,
  ),
};

const SEND_PATH = '/demo/ping/send/v1.0.0';

describe('watch-mode emit memos', () => {
  it('skip the model surfaces (types, zod, JSON Schema) when no model, enum or spec reference to one changed', () => {
    const memo = new EmitMemo();
    for (const emitter of [typesEmitter, zodEmitter, createJsonSchemaEmitter()]) {
      const first = memo.emit(emitter, DEMO_IR);
      // A description is in none of them: the emitter is not run, its files come back.
      expect(memo.emit(emitter, edited)).toBe(first);
      const afterModel = memo.emit(emitter, remodeled);
      expect(afterModel).not.toBe(first);
      expect(afterModel.map((file) => file.contents)).toStrictEqual(
        emitter.emit(remodeled).map((file) => file.contents),
      );
    }
  });

  it('keep each JSON Schema file object while its entry and the models it reaches are the same', async () => {
    const emitter = createJsonSchemaEmitter();
    const first = emitter.emit(DEMO_IR);
    const afterEdit = emitter.emit(edited);
    expect(afterEdit.map((file) => file.path)).toStrictEqual(first.map((file) => file.path));
    // A description is in no JSON Schema document: every file is the last one.
    expect(afterEdit.filter((file, index) => file !== first[index])).toStrictEqual([]);
    const afterModel = emitter.emit(remodeled);
    expect(
      afterModel.filter((file, index) => file !== afterEdit[index]).map((file) => file.path),
    ).toStrictEqual(['demo/json-schema/demo.ping.send.input.schema.json']);
    const cold = await withoutEmitMemos(async () => createJsonSchemaEmitter().emit(remodeled));
    expect(afterModel).toStrictEqual(cold);
  });

  it('keep OpenAPI path items and component schemas of unchanged parts, with memo-free bytes', async () => {
    const first = sharedOpenApi(DEMO_IR).document as {
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    };
    const next = sharedOpenApi(edited).document as typeof first;
    expect(Object.keys(next.paths)).toStrictEqual(Object.keys(first.paths));
    for (const path of Object.keys(first.paths)) {
      if (path === SEND_PATH) expect(next.paths[path]).not.toBe(first.paths[path]);
      else expect(next.paths[path], path).toBe(first.paths[path]);
    }
    // No schema changed: the sorted record itself is the last one.
    expect(next.components.schemas).toBe(first.components.schemas);
    const third = sharedOpenApi(remodeled).document as typeof first;
    expect(third.components.schemas).not.toBe(next.components.schemas);
    for (const name of Object.keys(next.components.schemas)) {
      const same = third.components.schemas[name] === next.components.schemas[name];
      expect(same, name).toBe(name !== 'PingSendInput');
    }
    expect(third.paths[SEND_PATH]).not.toBe(next.paths[SEND_PATH]);
    const text = sharedOpenApi(remodeled).text();
    expect(text).toBe(`${JSON.stringify(third, null, 2)}\n`);
    const cold = await withoutEmitMemos(async () => openApiEmitter.emit(remodeled));
    expect(text).toBe(cold[0]!.contents);
  });

  it('print a kept container at its depth with the bytes of JSON.stringify', () => {
    const leaf = keepJsonText({ a: [1, { b: 'two' }], c: null });
    const inner = keepJsonText(holdsKeptJson({ x: leaf, y: [leaf], z: undefined }));
    const outer = holdsKeptJson({ list: [holdsKeptJson([inner, leaf])], inner });
    const expected = JSON.stringify(outer, null, 2);
    expect(jsonText(outer)).toBe(expected);
    expect(jsonText(outer, '\n')).toBe(`${expected}\n`);
    expect(jsonText(holdsKeptJson({ deeper: { again: outer } }))).toBe(
      JSON.stringify({ deeper: { again: outer } }, null, 2),
    );
  });

  it('render joined view texts as Handlebars does, scanning them part by part', () => {
    const template = new SegmentedTemplate('client/client.ts.hbs');
    const view = buildClientView(DEMO_IR, 'demo');
    const rendered = template.render(view, 'demo');
    const whole = renderTemplate('client/client.ts.hbs', view);
    expect(rendered.text).toBe(whole);
    expect(rendered.unchanged).toBe(false);
    const scanned = usedIdentifiers(whole.slice(whole.indexOf('\n') + 1));
    for (const name of ['types', 'ContractError', 'isContractError', 'Transport', 'unused']) {
      expect(rendered.used.has(name), name).toBe(scanned.has(name));
    }
    expect(scanned.has('types')).toBe(true);
    const again = template.render(view, 'demo');
    expect(again.unchanged).toBe(true);
    expect(again.text).toBe(rendered.text);
    const editedView = buildClientView(edited, 'demo');
    const afterEdit = template.render(editedView, 'demo');
    expect(afterEdit.unchanged).toBe(false);
    expect(afterEdit.text).toBe(renderTemplate('client/client.ts.hbs', editedView));
    expect(afterEdit.text).toContain('Edited in watch mode.');

    const registry = new SegmentedTemplate('registry/registry.ts.hbs');
    const records = buildRegistryView(edited, 'demo');
    expect(registry.render(records, 'demo').text).toBe(
      renderTemplate('registry/registry.ts.hbs', records),
    );
  });

  it('print the imports of a file given in pieces as withImportsOf prints them of its text', () => {
    const candidates: ImportCandidate[] = [
      { name: 'types', specifier: './types.js', namespace: true, typeOnly: true },
      { name: 'z', specifier: 'zod', typeOnly: false },
    ];
    const cases: { pieces: string[]; used: string[] }[] = [
      {
        pieces: ['// banner\n\nexport const a = 1;\n', 'const b: types.B = z;\n'],
        used: ['types', 'z'],
      },
      // The code's leading line breaks run over pieces; some pieces are only line breaks.
      { pieces: ['// banner\n', '\n', '\n\nconst x = 1;\n', '\n\nconst y = 2;\n'], used: ['z'] },
      { pieces: ['// banner\n', '', '\n'], used: [] },
      // No line break in the first piece: the banner line ends in a later one.
      { pieces: ['// ban', 'ner\nconst c = z;\n'], used: ['z'] },
      { pieces: ['// only a banner'], used: ['types'] },
    ];
    for (const { pieces, used } of cases) {
      const text = pieces.join('');
      const newline = text.indexOf('\n');
      const banner = newline < 0 ? text : text.slice(0, newline);
      const code = newline < 0 ? '' : text.slice(newline + 1);
      const names = new Set(used);
      expect(withImportsJoined(pieces, names, candidates), JSON.stringify(pieces)).toBe(
        withImportsOf(banner, code, names, candidates),
      );
    }
    const joined = withImportsJoined(cases[1]!.pieces, new Set(['z']), candidates);
    expect(joined).toBe("// banner\nimport { z } from 'zod';\n\nconst x = 1;\n\n\nconst y = 2;\n");
  });
});
