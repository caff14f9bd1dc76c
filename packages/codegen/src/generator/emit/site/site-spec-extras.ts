import type { Ir, Spec } from '../../ir/ir-schema.js';
import type { DocsContext } from '../docs-context.js';
import { codeBlock } from '../docs-markdown.js';
import { body, type PlannedSection } from '../docs-page-plan.js';
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
 * The site's extra sections of a spec page, before Source Definition, the same in every locale. An
 * operation gets Examples (an example request, its first acceptance example's input when it has
 * one, else one built from the input model by {@link exampleOfModel}; the same for the response)
 * and JSON Schema (the input and output component schemas of `openapi.json`); an event gets its
 * payload example. `schemas` is `components.schemas` of the OpenAPI document.
 */
export function specExtras(
  ir: Ir,
  spec: Spec,
  schemas: Readonly<Record<string, unknown>>,
): SpecExtra[] {
  const code = (headingKey: string, value: unknown): SpecExtra => ({
    level: 3,
    headingKey,
    json: prettyJsonOnce(value),
  });
  const heading = (headingKey: string): SpecExtra => ({ level: 2, headingKey });
  const schemaOf = (name: string) => schemas[name] ?? { $comment: `no schema for ${name}` };
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
      ...(input === null ? [] : [code('site.inputSchema.label', schemaOf(input))]),
      code('site.outputSchema.label', schemaOf(output)),
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
