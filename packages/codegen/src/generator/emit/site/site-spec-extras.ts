import type { Ir, OperationSpec, Spec } from '../../ir/ir-schema.js';
import type { DocsContext } from '../docs-context.js';
import { codeBlock } from '../docs-markdown.js';
import { body, type PlannedSection } from '../docs-page-plan.js';
import { rootDocument, type SchemaEntry } from '../json-schema-emitter.js';
import { strictModelNames } from '../model-graph.js';
import { exampleOfModel } from './example-values.js';

/**
 * One block of a spec page's site-only sections, before labels: a `##` group heading, or a `###`
 * heading over a JSON code block (`json` is the text, 2-space indented).
 */
export type SpecExtra =
  | { readonly level: 2; readonly headingKey: string }
  | { readonly level: 3; readonly headingKey: string; readonly json: string };

const texts = new WeakMap<object, string>();

/** `JSON.stringify(value, null, 2)`, once per object (a schema is shown in every locale). */
function prettyJsonOnce(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value, null, 2);
  let text = texts.get(value);
  if (text === undefined) {
    text = JSON.stringify(value, null, 2);
    texts.set(value, text);
  }
  return text;
}

/**
 * The JSON Schema document of an operation's input or output as the json-schema surface writes it
 * (`rootDocument`: JSON Schema 2020-12, the model inlined, every model it reaches under `$defs`),
 * without `$id`: the surface's `idBase` option is not the site's, and the document needs none, a
 * fragment-only reference (`#/$defs/…`, `#`) naming a place in the document that holds it (JSON
 * Schema 2020-12 Core §8.2, RFC 3986 §5.1).
 */
function schemaDocument(ir: Ir, spec: OperationSpec, role: 'input' | 'output'): unknown {
  const model = role === 'input' ? spec.io.input! : spec.io.output;
  const entry: SchemaEntry = {
    key: spec.key,
    version: spec.version,
    role,
    model,
    id: '',
    file: '',
  };
  const { $id: _id, ...document } = rootDocument(ir, entry, strictModelNames(ir));
  return document;
}

/**
 * The site's extra sections of a spec page, before Source Definition, the same in every locale. An
 * operation gets Examples (an example request, its first acceptance example's input when it has
 * one, else one built from the input model by {@link exampleOfModel}; the same for the response)
 * and JSON Schema (the input and output documents of the json-schema surface, without `$id`:
 * self-contained JSON Schema 2020-12); an event gets its payload example.
 * @throws Error when the input or output model is not in the IR (the validator reports it first).
 */
export function specExtras(ir: Ir, spec: Spec): SpecExtra[] {
  const code = (headingKey: string, value: unknown): SpecExtra => ({
    level: 3,
    headingKey,
    json: prettyJsonOnce(value),
  });
  const heading = (headingKey: string): SpecExtra => ({ level: 2, headingKey });
  if (spec.kind === 'operation') {
    const acceptance = spec.acceptance?.examples[0];
    const { input, output } = spec.io;
    const request = acceptance
      ? acceptance.input
      : input === null
        ? null
        : exampleOfModel(ir, input);
    const response = acceptance ? acceptance.output : exampleOfModel(ir, output);
    return [
      heading('site.examples.label'),
      ...(input === null ? [] : [code('site.exampleRequest.label', request)]),
      code('site.exampleResponse.label', response),
      heading('site.schemas.label'),
      ...(input === null
        ? []
        : [code('site.inputSchema.label', schemaDocument(ir, spec, 'input'))]),
      code('site.outputSchema.label', schemaDocument(ir, spec, 'output')),
    ];
  }
  if (spec.kind === 'event') {
    return [
      heading('site.examples.label'),
      code('site.examplePayload.label', exampleOfModel(ir, spec.payload)),
    ];
  }
  return [];
}

/** {@link specExtras} as planned sections, headings in `ctx`'s locale. */
export function siteSpecExtras(ctx: DocsContext, extras: readonly SpecExtra[]): PlannedSection[] {
  return extras.map((extra) => ({
    level: extra.level,
    heading: ctx.label(extra.headingKey),
    body: () => body(extra.level === 3 ? { code: codeBlock('json', extra.json) } : {}),
  }));
}
