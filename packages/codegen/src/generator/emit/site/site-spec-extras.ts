import type { Spec } from '../../ir/ir-schema.js';
import type { DocsContext } from '../docs-context.js';
import { codeBlock } from '../docs-markdown.js';
import { body, type PlannedSection } from '../docs-page-plan.js';
import { exampleOfModel } from './example-values.js';

const jsonText = (value: unknown) => JSON.stringify(value, null, 2);

/**
 * The site's extra sections of a spec page, before Source Definition. An operation gets Examples
 * (an example request, its first acceptance example's input when it has one, else one built from
 * the input model by {@link exampleOfModel}; the same for the response) and JSON Schema (the input
 * and output component schemas of `openapi.json`); an event gets its payload example and schema.
 * `schemas` is `components.schemas` of the OpenAPI document.
 */
export function siteSpecExtras(
  ctx: DocsContext,
  spec: Spec,
  schemas: Readonly<Record<string, unknown>>,
): PlannedSection[] {
  const { label } = ctx;
  const code = (headingKey: string, value: unknown): PlannedSection => ({
    level: 3,
    heading: label(headingKey),
    body: () => body({ code: codeBlock('json', jsonText(value)) }),
  });
  const heading = (key: string): PlannedSection => ({
    level: 2,
    heading: label(key),
    body: () => body({}),
  });
  const schemaOf = (name: string) => schemas[name] ?? { $comment: `no schema for ${name}` };
  if (spec.kind === 'operation') {
    const acceptance = spec.acceptance?.examples[0];
    const { input, output } = spec.io;
    const request = acceptance
      ? acceptance.input
      : input === null
        ? null
        : exampleOfModel(ctx.ir, input);
    const response = acceptance ? acceptance.output : exampleOfModel(ctx.ir, output);
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
      code('site.examplePayload.label', exampleOfModel(ctx.ir, spec.payload)),
    ];
  }
  return [];
}
