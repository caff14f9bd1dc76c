import type { EventSpec, OperationSpec } from '../ir/ir-schema.js';
import type { DocsContext } from './docs-context.js';
import { fieldTable, nestedModelSections } from './docs-models.js';
import { body, type PlannedSection } from './docs-page-plan.js';
import { publishedOperationSections, publishedPolicyRows } from './docs-published-sections.js';
import { policySection, refSection } from './docs-spec-parts.js';
import { domainOf } from './naming.js';

/**
 * An operation's sections: Input (or a "takes no input" line), Output,
 * Nested models, Errors (Code | HTTP | Description | When, when any), Policy, Emitted events (Event
 * linked | Version | When, when any), Capability (when set).
 */
export function operationSections(ctx: DocsContext, spec: OperationSpec): PlannedSection[] {
  const { label, pages } = ctx;
  const { input, output, errors } = spec.io;
  const sections: PlannedSection[] = [
    {
      level: 2,
      heading: label('section.input.label'),
      body: (anchors) =>
        input === null
          ? body({ paragraphs: [label('value.noInput.label')] })
          : body({ table: fieldTable(ctx, input, anchors) }),
    },
    {
      level: 2,
      heading: label('section.output.label'),
      body: (anchors) => body({ table: fieldTable(ctx, output, anchors) }),
    },
    ...nestedModelSections(ctx, input === null ? [output] : [input, output]),
  ];
  if (errors.length > 0) {
    const header = [
      'column.code.label',
      'column.http.label',
      'column.description.label',
      'column.when.label',
    ];
    sections.push({
      level: 2,
      heading: label('section.errors.label'),
      body: () =>
        body({
          table: ctx.table(
            header.map(label),
            errors.map((error) => [
              error.code,
              error.http === undefined ? label('value.empty.label') : String(error.http),
              error.description,
              error.when ?? '',
            ]),
          ),
        }),
    });
  }
  sections.push(
    policySection(ctx, spec.policy, publishedPolicyRows(ctx, spec.policy, domainOf(spec))),
  );
  if (spec.emits.length > 0) {
    const header = ['column.event.label', 'column.version.label', 'column.when.label'];
    sections.push({
      level: 2,
      heading: label('section.emits.label'),
      body: () =>
        body({
          table: ctx.table(
            header.map(label),
            spec.emits.map((emit) => [
              pages.link(emit.key, emit.version, domainOf(spec)),
              emit.version,
              emit.when,
            ]),
          ),
        }),
    });
  }
  sections.push(
    ...refSection(ctx, 'section.capability.label', spec.capability ? [spec.capability] : [], spec),
  );
  sections.push(...publishedOperationSections(ctx, spec));
  return sections;
}

/** An event's sections: Payload, Nested models, Policy (its PII fields), Capability (when set). */
export function eventSections(ctx: DocsContext, spec: EventSpec): PlannedSection[] {
  return [
    {
      level: 2,
      heading: ctx.label('section.payload.label'),
      body: (anchors) => body({ table: fieldTable(ctx, spec.payload, anchors) }),
    },
    ...nestedModelSections(ctx, [spec.payload]),
    policySection(ctx, { pii: spec.pii }),
    ...refSection(ctx, 'section.capability.label', spec.capability ? [spec.capability] : [], spec),
  ];
}
