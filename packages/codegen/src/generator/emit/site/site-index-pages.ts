import { compareCodeUnits } from 'contracts-runtime/core';
import type { Field, Ir, Model, Spec, SpecRef } from '../../ir/ir-schema.js';
import type { DocsContext } from '../docs-context.js';
import { githubSlug } from '../docs-markdown.js';
import { modelRefsOf } from '../model-graph.js';
import { domainOf, domainsOf, reachableModels } from '../naming.js';
import {
  catalogParts,
  MODEL_PART_SIZE,
  partTitle,
  type CatalogPart,
} from './site-catalog-parts.js';
import { tableBlock as tableText, type SiteBlock } from './site-markdown.js';
import { sitePathOfDocsPage } from './site-paths.js';

/**
 * The Markdown blocks of the site's catalog pages at the root of a locale folder (home, events,
 * the models overview and its parts); links are relative to that folder and point at `.html` pages.
 */
type Blocks = SiteBlock[];

function specLink(ctx: DocsContext, locale: string, spec: Spec, text = spec.key): string {
  const path = sitePathOfDocsPage(locale, ctx.pages.pathOf(spec)).slice(locale.length + 1);
  return `[${text}](./${encodeURI(path)})`;
}

function refLinks(
  ctx: DocsContext,
  locale: string,
  refs: readonly Pick<SpecRef, 'key' | 'version'>[],
): string {
  if (refs.length === 0) return ctx.label('value.empty.label');
  return refs
    .map((ref) => {
      const target = ctx.pages.find(ref.key, ref.version);
      return target ? specLink(ctx, locale, target) : ref.key;
    })
    .join(', ');
}

/** Anchor of a model's section on its models page: GitHub's slug of its name. */
export function modelAnchor(name: string): string {
  return githubSlug(name);
}

/**
 * One use of a model: by a spec (input, output, payload, form model; by key and version, so a
 * placement kept for the next IR holds none of this one's objects) or by a model's field.
 */
interface ModelUse {
  readonly spec?: { readonly key: string; readonly version: string };
  readonly model?: string;
  readonly role: string;
}

/**
 * Where every model lives on the site: grouped by domain — a model goes to the domain of the first
 * spec (IR order) that reaches it through the models it names (input, output, payload, form model)
 * and their nested fields; a model no spec reaches goes to the first domain — sorted by name within
 * its group, then cut into {@link MODEL_PART_SIZE}-model parts (`models-<domain>….html`).
 * Specs appear by key and version only, so a placement stays right for a later IR with the same
 * models and spec directory (the site keeps it across watch-mode emits).
 */
export interface ModelPlacement {
  readonly parts: readonly CatalogPart<Model>[];
  /** The part holding each model, by name. */
  readonly partOf: ReadonlyMap<string, CatalogPart<Model>>;
  /** Every use of each model, by name, specs in IR order then models by name. */
  readonly uses: ReadonlyMap<string, readonly ModelUse[]>;
}

function usesOfModels(ir: Ir): Map<string, ModelUse[]> {
  const uses = new Map<string, ModelUse[]>();
  const add = (name: string, use: ModelUse) => {
    const list = uses.get(name);
    if (list) list.push(use);
    else uses.set(name, [use]);
  };
  for (const spec of ir.specs) {
    const ref = { key: spec.key, version: spec.version };
    if (spec.kind === 'operation') {
      if (spec.io.input) add(spec.io.input, { spec: ref, role: 'site.role.input.label' });
      add(spec.io.output, { spec: ref, role: 'site.role.output.label' });
    } else if (spec.kind === 'event') {
      add(spec.payload, { spec: ref, role: 'site.role.payload.label' });
    } else if (spec.kind === 'form') add(spec.model, { spec: ref, role: 'site.role.form.label' });
  }
  for (const model of ir.models) {
    for (const field of model.fields) {
      if (field.type.type === 'model')
        add(field.type.name, { model: model.name, role: 'site.role.field.label' });
    }
  }
  return uses;
}

/** The {@link ModelPlacement} of an IR (the same in every locale). */
export function modelPlacement(ir: Ir): ModelPlacement {
  const domains = domainsOf(ir);
  const fallback = domains[0] ?? 'models';
  const domainOfModel = new Map<string, string>();
  for (const spec of ir.specs) {
    const roots = modelRefsOf(spec).filter((name) => !domainOfModel.has(name));
    if (roots.length === 0) continue;
    for (const name of reachableModels(ir, roots)) {
      if (!domainOfModel.has(name)) domainOfModel.set(name, domainOf(spec));
    }
  }
  const byDomain = new Map<string, Model[]>();
  for (const model of [...ir.models].sort((a, b) => compareCodeUnits(a.name, b.name))) {
    const domain = domainOfModel.get(model.name) ?? fallback;
    const list = byDomain.get(domain);
    if (list) list.push(model);
    else byDomain.set(domain, [model]);
  }
  const groups = [...byDomain.entries()].sort(([a], [b]) => compareCodeUnits(a, b));
  const parts = catalogParts('models', groups, MODEL_PART_SIZE);
  const partOf = new Map<string, CatalogPart<Model>>();
  for (const part of parts) for (const model of part.entries) partOf.set(model.name, part);
  return { parts, partOf, uses: usesOfModels(ir) };
}

/**
 * The link target of model `name` from a page at the root of the locale folder: `#anchor` on the
 * model's own part, `./models-….html#anchor` from anywhere else; null for a model the IR lacks.
 */
export function modelHref(
  placement: ModelPlacement,
  name: string,
  from?: CatalogPart<Model>,
): string | null {
  const part = placement.partOf.get(name);
  if (!part) return null;
  return part === from ? `#${modelAnchor(name)}` : `./${encodeURI(part.file)}#${modelAnchor(name)}`;
}

function typeText(field: Field, placement: ModelPlacement, from: CatalogPart<Model>): string {
  const text = field.type.name + (field.array ? '[]' : '');
  const href = field.type.type === 'model' ? modelHref(placement, field.type.name, from) : null;
  return href ? `[${text}](${href})` : text;
}

/**
 * `<locale>/models.html`: the models overview — per domain (`##`), every model of the domain as a
 * link to its section on its part page, so the page stays small whatever the IR.
 */
export function modelsOverviewBlocks(ctx: DocsContext, placement: ModelPlacement): Blocks {
  const { label } = ctx;
  const parts: Blocks = [`# ${label('site.models.label')}`, label('site.modelsIntro.label')];
  let group: string | undefined;
  let items: string[] = [];
  const flush = () => {
    if (items.length > 0) parts.push(items.join('\n'));
    items = [];
  };
  for (const part of placement.parts) {
    if (part.group !== group) {
      flush();
      group = part.group;
      parts.push(`## ${group}`);
    }
    for (const model of part.entries) {
      items.push(`- [${model.name}](${modelHref(placement, model.name)!})`);
    }
  }
  flush();
  return parts;
}

/**
 * One models part page: its title (`#`), then one `##` section per model: its description, its
 * fields (Name | Type linked to the model's section | Required) and, when anything names the model,
 * a Used by | As table (the specs and models naming it, linked, with the role: input, output,
 * payload, form model, field), whose header is its only title.
 */
export function modelsPartBlocks(
  ctx: DocsContext,
  locale: string,
  placement: ModelPlacement,
  part: CatalogPart<Model>,
): Blocks {
  const { label } = ctx;
  const parts: Blocks = [`# ${partTitle(label('site.models.label'), part)}`];
  for (const model of part.entries) {
    parts.push(`## ${model.name}`);
    if (model.description) parts.push(model.description);
    if (model.fields.length > 0) {
      parts.push(
        tableText(
          [label('column.name.label'), label('column.type.label'), label('column.required.label')],
          model.fields.map((field) => [
            field.name,
            typeText(field, placement, part),
            label(field.optional ? 'value.no.label' : 'value.yes.label'),
          ]),
        ),
      );
    }
    const used = placement.uses.get(model.name) ?? [];
    if (used.length > 0) {
      parts.push(
        tableText(
          [label('column.usedBy.label'), label('column.role.label')],
          used.map((use) => [
            use.spec
              ? refLinks(ctx, locale, [use.spec])
              : `[${use.model!}](${modelHref(placement, use.model!, part)!})`,
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
