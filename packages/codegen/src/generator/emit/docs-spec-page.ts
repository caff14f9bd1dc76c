import type { Spec } from '../ir/ir-schema.js';
import type { DocsContext } from './docs-context.js';
import { codeBlock, type DocsCode, type DocsPageView } from './docs-markdown.js';
import { body, finishPage, type PlannedSection } from './docs-page-plan.js';
import { eventSections, operationSections } from './docs-io-sections.js';
import { backlinkSections } from './docs-backlink-sections.js';
import { listText, titleOf, typeText, uniqueTags, valueTable } from './docs-spec-parts.js';
import { domainOf } from './naming.js';
import {
  capabilitySections,
  dataViewSections,
  featureSections,
  formSections,
  presentationSections,
} from './docs-surface-sections.js';

/**
 * The links back up, `[All domains](../index.md) · [<domain>](./index.md)`, and the seeds' summary
 * list: Type, Version, Tags, File (the spec's path relative to the project, linked to the source
 * when a `repoUrl` is configured).
 */
function headerParagraphs(ctx: DocsContext, spec: Spec): { back: string; summary: string } {
  const { label } = ctx;
  const domain = domainOf(spec);
  const summary: [string, string][] = [
    ['field.type.label', typeText(ctx, spec)],
    ['field.version.label', spec.version],
    ['field.tags.label', listText(ctx, uniqueTags(spec.meta.tags ?? []))],
    ['field.file.label', ctx.fileText(spec)],
  ];
  return {
    back: `[${label('index.allDomains.label')}](../index.md) · [${domain}](./index.md)`,
    summary: summary.map(([key, value]) => `- **${label(key)}:** ${value}`).join('\n'),
  };
}

/**
 * H1 = key, the back links, the description as a paragraph, the summary list, then the label
 * fields in the seeds' page order:
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
  const { back, summary } = headerParagraphs(ctx, spec);
  return {
    level: 1,
    heading: spec.key,
    body: () =>
      body({
        paragraphs: [back, ...(meta.description ? [meta.description] : []), summary],
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

/** The code of "Source Definition": `sourceText.imports`, a blank line, `sourceText.definition`. */
export function sourceCode(spec: Spec): DocsCode {
  const { imports, definition } = spec.sourceText;
  return codeBlock('ts', imports.length > 0 ? `${imports}\n\n${definition}` : definition);
}

/** "Source Definition": {@link sourceCode}, verbatim. */
function sourceSection(ctx: DocsContext, spec: Spec): PlannedSection {
  return {
    level: 2,
    heading: ctx.label('section.source.label'),
    body: () => body({ code: sourceCode(spec) }),
  };
}

/**
 * The sections of one spec's page, in the seeds' page order: header and label fields, Goal,
 * Context, the kind's own sections, the links back from the specs that point here, `extra`
 * (the site's examples and schemas), Source Definition.
 * @throws Error when a label is missing from the catalog or a referenced model is not in the IR.
 */
export function specPagePlan(
  ctx: DocsContext,
  spec: Spec,
  extra: readonly PlannedSection[] = [],
): PlannedSection[] {
  return [
    headerSection(ctx, spec),
    ...proseSections(ctx, spec),
    ...kindSections(ctx, spec),
    ...backlinkSections(ctx, spec),
    ...extra,
    sourceSection(ctx, spec),
  ];
}

/** The view model of one spec's Markdown page: {@link specPagePlan} with its anchors placed. */
export function specPageView(ctx: DocsContext, spec: Spec): DocsPageView {
  return finishPage(specPagePlan(ctx, spec));
}
