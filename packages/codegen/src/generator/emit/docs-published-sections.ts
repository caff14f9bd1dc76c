import type { OperationSpec, Policy } from '../ir/ir-schema.js';
import type { DocsContext } from './docs-context.js';
import { inlineCode } from './docs-markdown.js';
import { body, type PlannedSection } from './docs-page-plan.js';
import { listText, valueTable } from './docs-spec-parts.js';

/**
 * Policy rows of the published operation policy (contracts-spec `operations/operation.ts`):
 * Rate limit (`<rpm>/min per <key>`), Escalation, Policies (linked refs), each only when declared.
 */
export function publishedPolicyRows(
  ctx: DocsContext,
  policy: Partial<Policy>,
  domain: string,
): [string, string][] {
  const rows: [string, string][] = [];
  if (policy.rateLimit)
    rows.push(['field.rateLimit.label', `${policy.rateLimit.rpm}/min per ${policy.rateLimit.key}`]);
  if (policy.escalate !== undefined)
    rows.push(['field.escalate.label', policy.escalate ?? ctx.label('value.empty.label')]);
  if (policy.policies && policy.policies.length > 0)
    rows.push([
      'field.policies.label',
      policy.policies.map((ref) => ctx.pages.link(ref.key, ref.version, domain)).join(', '),
    ]);
  return rows;
}

function json(value: unknown): string {
  return inlineCode(JSON.stringify(value));
}

/**
 * An operation's published sections, each only when declared: Side Effects (Audit, Analytics),
 * Transport (REST, GraphQL field, MCP tool, GraphQL error codes), Acceptance (Scenario | Given |
 * When | Then) and Examples (Key | Input | Output, as JSON).
 */
export function publishedOperationSections(
  ctx: DocsContext,
  spec: OperationSpec,
): PlannedSection[] {
  const { label } = ctx;
  const sections: PlannedSection[] = [];
  const effects: [string, string][] = [];
  if (spec.audit) effects.push(['field.audit.label', listText(ctx, spec.audit)]);
  if (spec.analytics) effects.push(['field.analytics.label', listText(ctx, spec.analytics)]);
  if (effects.length > 0)
    sections.push({
      level: 2,
      heading: label('section.sideEffects.label'),
      body: () => body({ table: valueTable(ctx, effects) }),
    });
  const transport: [string, string][] = [];
  const { rest, gql, mcp } = spec.transport ?? {};
  if (rest && (rest.method || rest.path))
    transport.push(['field.rest.label', [rest.method, rest.path].filter(Boolean).join(' ')]);
  if (gql && (gql.field || gql.returns))
    transport.push([
      'field.gql.label',
      [gql.field && inlineCode(gql.field), gql.returns && `returns ${gql.returns}`]
        .filter(Boolean)
        .join(', '),
    ]);
  if (mcp?.toolName) transport.push(['field.mcp.label', inlineCode(mcp.toolName)]);
  const gqlCodes = spec.io.errors.filter((error) => error.gqlCode !== undefined);
  if (gqlCodes.length > 0)
    transport.push([
      'field.gqlCodes.label',
      gqlCodes.map((error) => `${error.code} → ${inlineCode(error.gqlCode!)}`).join(', '),
    ]);
  if (transport.length > 0)
    sections.push({
      level: 2,
      heading: label('section.transport.label'),
      body: () => body({ table: valueTable(ctx, transport) }),
    });
  const scenarios = spec.acceptance?.scenarios ?? [];
  if (scenarios.length > 0)
    sections.push({
      level: 2,
      heading: label('section.acceptance.label'),
      body: () =>
        body({
          table: ctx.table(
            [
              'column.scenario.label',
              'column.given.label',
              'column.when.label',
              'column.then.label',
            ].map(label),
            scenarios.map((scenario) => [
              scenario.key,
              scenario.given.join('; '),
              scenario.when.join('; '),
              scenario.then.join('; '),
            ]),
          ),
        }),
    });
  const examples = spec.acceptance?.examples ?? [];
  if (examples.length > 0)
    sections.push({
      level: 2,
      heading: label('section.examples.label'),
      body: () =>
        body({
          table: ctx.table(
            ['column.key.label', 'column.input.label', 'column.output.label'].map(label),
            examples.map((example) => [example.key, json(example.input), json(example.output)]),
          ),
        }),
    });
  return sections;
}
