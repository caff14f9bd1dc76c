import type { LabelCatalog } from './docs-labels.js';

/**
 * English labels of the sections and fields the published language adds to a page (acceptance,
 * side effects, transport bindings, policy extras). A locale catalog's own entry wins; these fill
 * the keys a catalog does not have yet, so a raw key never reaches a page.
 */
export const PUBLISHED_LABELS: LabelCatalog = {
  'section.acceptance.label': 'Acceptance',
  'section.examples.label': 'Examples',
  'section.sideEffects.label': 'Side Effects',
  'section.transport.label': 'Transport',
  'column.scenario.label': 'Scenario',
  'column.given.label': 'Given',
  'column.then.label': 'Then',
  'column.input.label': 'Input',
  'column.output.label': 'Output',
  'field.audit.label': 'Audit',
  'field.analytics.label': 'Analytics',
  'field.rateLimit.label': 'Rate limit',
  'field.escalate.label': 'Escalation',
  'field.policies.label': 'Policies',
  'field.rest.label': 'REST',
  'field.gql.label': 'GraphQL',
  'field.mcp.label': 'MCP tool',
  'field.gqlCodes.label': 'GraphQL error codes',
};

/** `catalog` with {@link PUBLISHED_LABELS} under it: the catalog's own keys win. */
export function withPublishedLabels(catalog: LabelCatalog): LabelCatalog {
  return { ...PUBLISHED_LABELS, ...catalog };
}
