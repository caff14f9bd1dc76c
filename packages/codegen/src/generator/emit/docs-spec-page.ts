import type { Spec } from '../ir/ir-schema.js';
import type { DocsContext } from './docs-context.js';
import { codeBlock, type DocsPageView } from './docs-markdown.js';
import { body, finishPage, type PlannedSection } from './docs-page-plan.js';
import { eventSections, operationSections } from './docs-io-sections.js';
import { listText, titleOf, typeText, uniqueTags, valueTable } from './docs-spec-parts.js';
import {
  capabilitySections,
  dataViewSections,
  featureSections,
  formSections,
  presentationSections,
} from './docs-surface-sections.js';

/**
 * H1 = key, the description as a paragraph, then the label fields in the seeds' page order:
 * key, version, type, title, description, tags (each once), owners, stability. The seed pages
 * (shared/seeds/000..003) printed raw `field.*.label` keys, the key as title and empty owners and
 * stability; here every label comes from the catalog and every value from the resolved meta.
 */
function headerSection(ctx: DocsContext, spec: Spec): PlannedSection {
  const { meta } = spec;
  const empty = ctx.label('value.empty.label');
  const rows: [string, string][] = [
    ['field.key.label', spec.key],
    ['field.version.label', spec.version],
    ['field.type.label', typeText(ctx, spec)],
    ['field.title.label', titleOf(spec)],
    ['field.description.label', meta.description ?? empty],
    ['field.tags.label', listText(ctx, uniqueTags(meta.tags ?? []))],
    ['field.owners.label', listText(ctx, meta.owners)],
    ['field.stability.label', meta.stability ?? empty],
  ];
  return {
    level: 1,
    heading: spec.key,
    body: () =>
      body({
        paragraphs: meta.description ? [meta.description] : [],
        table: valueTable(ctx, rows),
      }),
  };
}

/** Goal and Context, each only when the meta has it (operations and presentations do). */
function proseSections(ctx: DocsContext, spec: Spec): PlannedSection[] {
  const prose: [string, string | undefined][] = [
    ['section.goal.label', spec.meta.goal],
    ['section.context.label', spec.meta.context],
  ];
  return prose.flatMap(([key, text]) =>
    text
      ? [{ level: 2 as const, heading: ctx.label(key), body: () => body({ paragraphs: [text] }) }]
      : [],
  );
}

function kindSections(ctx: DocsContext, spec: Spec): PlannedSection[] {
  switch (spec.kind) {
    case 'operation':
      return operationSections(ctx, spec);
    case 'event':
      return eventSections(ctx, spec);
    case 'capability':
      return capabilitySections(ctx, spec);
    case 'feature':
      return featureSections(ctx, spec);
    case 'presentation':
      return presentationSections(ctx, spec);
    case 'dataView':
      return dataViewSections(ctx, spec);
    case 'form':
      return formSections(ctx, spec);
    default: {
      const unknown: never = spec;
      throw new Error(`docs: unhandled spec kind ${(unknown as Spec).kind}`);
    }
  }
}

/** "Source Definition": `sourceText.imports`, a blank line, `sourceText.definition`, verbatim. */
function sourceSection(ctx: DocsContext, spec: Spec): PlannedSection {
  const { imports, definition } = spec.sourceText;
  const text = imports.length > 0 ? `${imports}\n\n${definition}` : definition;
  return {
    level: 2,
    heading: ctx.label('section.source.label'),
    body: () => body({ code: codeBlock('ts', text) }),
  };
}

/**
 * The view model of one spec's page, sections in the seeds' page order: header and label
 * fields, Goal, Context, the kind's own sections, Source Definition.
 * @throws Error when a label is missing from the catalog or a referenced model is not in the IR.
 */
export function specPageView(ctx: DocsContext, spec: Spec): DocsPageView {
  return finishPage([
    headerSection(ctx, spec),
    ...proseSections(ctx, spec),
    ...kindSections(ctx, spec),
    sourceSection(ctx, spec),
  ]);
}
