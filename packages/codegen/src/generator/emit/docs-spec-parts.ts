import type { Policy, Spec, SpecRef, Surface } from '../ir/ir-schema.js';
import type { DocsContext } from './docs-context.js';
import type { DocsTable } from './docs-markdown.js';
import { body, type PlannedSection } from './docs-page-plan.js';
import { domainOf } from './naming.js';

/** The catalog key of a spec kind's display name (`dataView` -> `kind.dataView.label`). */
export function kindLabelKey(kind: Spec['kind'] | Surface): string {
  return `kind.${kind}.label`;
}

/**
 * The "Type" value of a spec page: the kind's label, with the operation kind (its label,
 * `kind.command.label` / `kind.query.label`) or the capability's own `meta.kind` in parentheses
 * (`operation (command)`, `opération (commande)`, `capability (integration)`, `data view`).
 */
export function typeText(ctx: DocsContext, spec: Spec): string {
  const kind = ctx.label(kindLabelKey(spec.kind));
  if (spec.kind === 'operation') {
    return `${kind} (${ctx.label(`kind.${spec.operationKind}.label`)})`;
  }
  if (spec.kind === 'capability' && spec.meta.kind) return `${kind} (${spec.meta.kind})`;
  return kind;
}

/** `meta.title`, or the key when the spec has none (events have no title). */
export function titleOf(spec: Spec): string {
  return spec.meta.title ?? spec.key;
}

/** Each tag once, in first-seen order: `[a, b, a]` -> `[a, b]` (the docs' one rule on duplicates). */
export function uniqueTags(tags: readonly string[]): string[] {
  return [...new Set(tags)];
}

/** `a, b, c`, or the empty-value label (`—`) for an empty or absent list. */
export function listText(ctx: DocsContext, items: readonly string[] | undefined): string {
  return items && items.length > 0 ? items.join(', ') : ctx.label('value.empty.label');
}

/** `yes` / `no` from the catalog. */
export function yesNo(ctx: DocsContext, value: boolean): string {
  return ctx.label(value ? 'value.yes.label' : 'value.no.label');
}

/** A two-column Field | Value table; each row is `[label key, value]`. */
export function valueTable(
  ctx: DocsContext,
  rows: readonly (readonly [string, string])[],
): DocsTable {
  const { label } = ctx;
  return ctx.table(
    [label('column.field.label'), label('column.value.label')],
    rows.map(([key, value]) => [label(key), value]),
  );
}

/**
 * The "Policy" section: Auth (when set), PII fields (always; `—` when none), Flags (when any).
 * Events pass only their top-level `pii`.
 */
export function policySection(
  ctx: DocsContext,
  policy: Pick<Policy, 'pii'> & Partial<Policy>,
  extraRows: readonly [string, string][] = [],
): PlannedSection {
  const rows: [string, string][] = [];
  if (policy.auth) rows.push(['field.auth.label', policy.auth]);
  rows.push(['field.pii.label', listText(ctx, policy.pii)]);
  if (policy.flags && policy.flags.length > 0)
    rows.push(['field.flags.label', listText(ctx, policy.flags)]);
  rows.push(...extraRows);
  return {
    level: 2,
    heading: ctx.label('section.policy.label'),
    body: () => body({ table: valueTable(ctx, rows) }),
  };
}

/** Key (linked) | Version | Title of each reference, written from a page of `from`'s domain. */
export function refTable(ctx: DocsContext, refs: readonly SpecRef[], from: Spec): DocsTable {
  const { label, pages } = ctx;
  const domain = domainOf(from);
  return ctx.table(
    [label('column.key.label'), label('column.version.label'), label('column.title.label')],
    refs.map((ref) => {
      const target = pages.find(ref.key, ref.version);
      return [pages.link(ref.key, ref.version, domain), ref.version, target ? titleOf(target) : ''];
    }),
  );
}

/** A `##` section holding a {@link refTable}; none when `refs` is empty. */
export function refSection(
  ctx: DocsContext,
  headingKey: string,
  refs: readonly SpecRef[],
  from: Spec,
): PlannedSection[] {
  if (refs.length === 0) return [];
  return [
    {
      level: 2,
      heading: ctx.label(headingKey),
      body: () => body({ table: refTable(ctx, refs, from) }),
    },
  ];
}
