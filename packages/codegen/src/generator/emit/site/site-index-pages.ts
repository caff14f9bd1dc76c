import { compareCodeUnits } from 'contracts-runtime/core';
import type { Field, Ir, Spec, SpecRef } from '../../ir/ir-schema.js';
import type { DocsContext } from '../docs-context.js';
import { githubSlug } from '../docs-markdown.js';
import { tableBlock as tableText, type SiteBlock } from './site-markdown.js';
import { sitePathOfDocsPage } from './site-paths.js';

/**
 * The Markdown blocks of the site's catalog pages at the root of a locale folder (models, events,
 * API reference); links are relative to that folder and point at `.html` pages.
 */
type Blocks = SiteBlock[];

function specLink(ctx: DocsContext, locale: string, spec: Spec, text = spec.key): string {
  const path = sitePathOfDocsPage(locale, ctx.pages.pathOf(spec)).slice(locale.length + 1);
  return `[${text}](./${encodeURI(path)})`;
}

function refLinks(ctx: DocsContext, locale: string, refs: readonly SpecRef[]): string {
  if (refs.length === 0) return ctx.label('value.empty.label');
  return refs
    .map((ref) => {
      const target = ctx.pages.find(ref.key, ref.version);
      return target ? specLink(ctx, locale, target) : ref.key;
    })
    .join(', ');
}

/** Anchor of a model's section on the models page: GitHub's slug of its name. */
export function modelAnchor(name: string): string {
  return githubSlug(name);
}

/** Where each model is used: the specs naming it (input, output, payload, form model) and the models holding it. */
function usesOfModels(ir: Ir): Map<string, { spec?: Spec; model?: string; role: string }[]> {
  const uses = new Map<string, { spec?: Spec; model?: string; role: string }[]>();
  const add = (name: string, use: { spec?: Spec; model?: string; role: string }) =>
    uses.set(name, [...(uses.get(name) ?? []), use]);
  for (const spec of ir.specs) {
    if (spec.kind === 'operation') {
      if (spec.io.input) add(spec.io.input, { spec, role: 'site.role.input.label' });
      add(spec.io.output, { spec, role: 'site.role.output.label' });
    } else if (spec.kind === 'event') add(spec.payload, { spec, role: 'site.role.payload.label' });
    else if (spec.kind === 'form') add(spec.model, { spec, role: 'site.role.form.label' });
  }
  for (const model of ir.models) {
    for (const field of model.fields) {
      if (field.type.type === 'model')
        add(field.type.name, { model: model.name, role: 'site.role.field.label' });
    }
  }
  return uses;
}

function typeText(field: Field, models: ReadonlySet<string>): string {
  const text = field.type.name + (field.array ? '[]' : '');
  return field.type.type === 'model' && models.has(field.type.name)
    ? `[${text}](#${modelAnchor(field.type.name)})`
    : text;
}

/**
 * `<locale>/models.html`: one `##` section per schema model, sorted by name: its description,
 * its fields (Name | Type linked to the model's section | Required) and Used by (the specs and
 * models naming it, linked, with the role: input, output, payload, form model, field).
 */
export function modelsPageBlocks(ctx: DocsContext, locale: string): Blocks {
  const { label } = ctx;
  const names = new Set(ctx.ir.models.map((model) => model.name));
  const uses = usesOfModels(ctx.ir);
  const parts: Blocks = [`# ${label('site.models.label')}`, label('site.modelsIntro.label')];
  const models = [...ctx.ir.models].sort((a, b) => compareCodeUnits(a.name, b.name));
  for (const model of models) {
    parts.push(`## ${model.name}`);
    if (model.description) parts.push(model.description);
    if (model.fields.length > 0) {
      parts.push(
        tableText(
          [label('column.name.label'), label('column.type.label'), label('column.required.label')],
          model.fields.map((field) => [
            field.name,
            typeText(field, names),
            label(field.optional ? 'value.no.label' : 'value.yes.label'),
          ]),
        ),
      );
    }
    const used = uses.get(model.name) ?? [];
    if (used.length > 0) {
      parts.push(`**${label('site.usedBy.label')}**`);
      parts.push(
        tableText(
          [label('column.usedBy.label'), label('column.role.label')],
          used.map((use) => [
            use.spec
              ? specLink(ctx, locale, use.spec)
              : `[${use.model!}](#${modelAnchor(use.model!)})`,
            label(use.role),
          ]),
        ),
      );
    }
  }
  return parts;
}

/**
 * `<locale>/events.html`: every event (linked) | Version | Description | Emitted by (operations,
 * linked) | Provided by (capabilities, linked; the event's own capability first).
 */
export function eventsPageBlocks(ctx: DocsContext, locale: string): Blocks {
  const { label } = ctx;
  const events = ctx.ir.specs.filter((spec) => spec.kind === 'event');
  const rows = events.map((spec) => {
    const links = ctx.backlinks.of(spec);
    const providers = [
      ...(spec.capability ? [spec.capability] : []),
      ...links.providedBy.filter(
        (ref) =>
          !(
            spec.capability &&
            ref.key === spec.capability.key &&
            ref.version === spec.capability.version
          ),
      ),
    ];
    return [
      specLink(ctx, locale, spec),
      spec.version,
      spec.meta.description ?? '',
      refLinks(ctx, locale, links.emittedBy),
      refLinks(ctx, locale, providers),
    ];
  });
  return [
    `# ${label('site.events.label')}`,
    label('site.eventsIntro.label'),
    tableText(
      [
        label('column.event.label'),
        label('column.version.label'),
        label('column.description.label'),
        label('column.emittedBy.label'),
        label('column.providedBy.label'),
      ],
      rows,
    ),
  ];
}

/** `<locale>/index.html`: the title, then Domain (linked) | Specs, then the catalog pages. */
export function homePageBlocks(
  ctx: DocsContext,
  domains: readonly { domain: string; count: number }[],
): Blocks {
  const { label } = ctx;
  return [
    `# ${label('index.title.label')}`,
    tableText(
      [label('column.domain.label'), label('column.specs.label')],
      domains.map(({ domain, count }) => [`[${domain}](./${domain}/index.html)`, String(count)]),
    ),
    [
      `- [${label('site.events.label')}](./events.html)`,
      `- [${label('site.models.label')}](./models.html)`,
      `- [${label('site.api.label')}](./api.html)`,
      `- [${label('site.search.label')}](./search.html)`,
    ].join('\n'),
  ];
}
