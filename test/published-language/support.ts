import { finishIr } from '../../packages/codegen/src/generator/ir/build-ir.js';
import type { Ir } from '../../packages/codegen/src/generator/ir/ir-schema.js';
import { parseSources } from '../../packages/codegen/src/generator/parse/parse-specs.js';

/** The imports of a file written for the published package, exactly as its authors write them. */
export const PUBLISHED_IMPORTS = `import { defineCommand, defineQuery, defineEvent, defineCapability, defineFeature, definePresentation, defineDataView, defineFormSpec, docRef, StabilityEnum, TagsEnum, OwnersEnum } from '@contractspec/lib.contracts-spec';
import { defineSchemaModel, SchemaModel, ScalarTypeEnum, fromZod, ZodSchemaType } from '@contractspec/lib.schema';
import { z } from 'zod';`;

/** Meta fields shared by the inline specs (no title: it is optional in the published language). */
export const META = `description: 'd', stability: 'experimental', owners: ['platform.core'], tags: ['t']`;

/** The parsed, validated, sorted IR of one published-style file at `specs/x.ts`. */
export function irOf(body: string): { ir: Ir; sources: Record<string, string> } {
  const sources = { 'specs/x.ts': `${PUBLISHED_IMPORTS}\n\n${body}\n` };
  return { ir: finishIr(parseSources(sources)), sources };
}

/** `sourceText` of a spec written in {@link irOf}'s file: the imports and the statement text. */
export function sourceText(definition: string): { imports: string; definition: string } {
  return { imports: PUBLISHED_IMPORTS, definition };
}

/** An operation using every published field that a docs page, OpenAPI or the registry shows. */
export const SURFACE_SOURCE = `const M = defineSchemaModel({ name: 'SurfM', fields: { id: { type: ScalarTypeEnum.ID(), isOptional: false } } });
export const Run = defineCommand({
  meta: { key: 'surf.run', version: '1.0.0', domain: 'surf', goal: 'g', context: 'c', ${META} },
  io: { input: M, output: M, errors: { DENIED: { description: 'No.', http: 403, gqlCode: 'FORBIDDEN' } } },
  policy: { auth: 'user', rateLimit: { rpm: 30, key: 'org' }, escalate: 'human_review', policies: [{ key: 'surf.rules', version: '1.0.0' }] },
  sideEffects: { audit: ['surf.audit'], analytics: ['surf_run'] },
  transport: { rest: { method: 'POST', path: '/surf/run' }, gql: { field: 'surfRun' }, mcp: { toolName: 'surf_run' } },
  acceptance: {
    scenarios: [{ key: 'ok', given: ['a user'], when: ['it runs'], then: ['done'] }],
    examples: [{ key: 'one', input: { id: 'a' }, output: { id: 'b' } }],
  },
});`;
