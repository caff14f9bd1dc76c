import type {
  CapabilitySpec,
  DataViewSpec,
  FeatureSpec,
  FormSpec,
  PresentationSpec,
} from '../ir/ir-schema.js';
import type { DocsContext } from './docs-context.js';
import { inlineCode } from './docs-markdown.js';
import { fieldTable, nestedModelSections } from './docs-models.js';
import { body, type PlannedSection } from './docs-page-plan.js';
import {
  kindLabelKey,
  listText,
  policySection,
  refSection,
  valueTable,
  yesNo,
} from './docs-spec-parts.js';
import { domainOf } from './naming.js';

/** A `##` section with one table built from catalog column keys and rows; none when no rows. */
function tableSection(
  ctx: DocsContext,
  headingKey: string,
  columnKeys: readonly string[],
  rows: readonly (readonly string[])[],
): PlannedSection[] {
  if (rows.length === 0) return [];
  const { label } = ctx;
  return [
    {
      level: 2,
      heading: label(headingKey),
      body: () => body({ table: ctx.table(columnKeys.map(label), rows) }),
    },
  ];
}

/**
 * A capability's sections: Provides (Surface | Key linked | Version | Description) and Requires
 * (Key linked when the IR has it | Version | Optional | Reason), each only when non-empty.
 */
export function capabilitySections(ctx: DocsContext, spec: CapabilitySpec): PlannedSection[] {
  const { label, pages } = ctx;
  const domain = domainOf(spec);
  return [
    ...tableSection(
      ctx,
      'section.provides.label',
      [
        'column.surface.label',
        'column.key.label',
        'column.version.label',
        'column.description.label',
      ],
      spec.provides.map((item) => [
        label(kindLabelKey(item.surface)),
        item.version === undefined ? item.key : pages.link(item.key, item.version, domain),
        item.version ?? label('value.empty.label'),
        item.description ?? '',
      ]),
    ),
    ...tableSection(
      ctx,
      'section.requires.label',
      ['column.key.label', 'column.version.label', 'column.optional.label', 'column.reason.label'],
      spec.requires.map((item) => [
        item.version === undefined ? item.key : pages.link(item.key, item.version, domain),
        item.version ?? label('value.empty.label'),
        yesNo(ctx, item.optional),
        item.reason ?? '',
      ]),
    ),
  ];
}

/** A feature's lists, each a Key linked | Version | Title table, skipped when empty. */
export function featureSections(ctx: DocsContext, spec: FeatureSpec): PlannedSection[] {
  return [
    ...refSection(ctx, 'section.operations.label', spec.operations, spec),
    ...refSection(ctx, 'section.events.label', spec.events, spec),
    ...refSection(ctx, 'section.presentations.label', spec.presentations, spec),
    ...refSection(ctx, 'section.capabilities.label', spec.capabilities, spec),
    ...refSection(ctx, 'section.dataViews.label', spec.dataViews, spec),
    ...refSection(ctx, 'section.forms.label', spec.forms, spec),
  ];
}

/** A presentation's sections: Presentation (Component, Framework, Targets, Capability), Policy. */
export function presentationSections(ctx: DocsContext, spec: PresentationSpec): PlannedSection[] {
  const { capability } = spec;
  const capabilityText = capability
    ? ctx.pages.link(capability.key, capability.version, domainOf(spec))
    : ctx.label('value.empty.label');
  const { content } = spec;
  const rows: [string, string][] =
    content.type === 'component'
      ? [
          ['field.component.label', inlineCode(content.componentKey)],
          ['field.framework.label', content.framework],
        ]
      : [['field.component.label', inlineCode(content.type)]];
  rows.push(['field.targets.label', listText(ctx, spec.targets)]);
  rows.push(['field.capability.label', capabilityText]);
  return [
    {
      level: 2,
      heading: ctx.label('section.presentation.label'),
      body: () => body({ table: valueTable(ctx, rows) }),
    },
    policySection(ctx, spec.policy),
  ];
}

/**
 * A data view's sections: View (Entity, Source query linked, View kind, Primary field, Secondary
 * fields), Fields (Key | Label | Data path), Filters (Key | Label | Field | Type, when any), Policy.
 */
export function dataViewSections(ctx: DocsContext, spec: DataViewSpec): PlannedSection[] {
  const { label } = ctx;
  const { view, query } = spec;
  const empty = label('value.empty.label');
  const rows: [string, string][] = [
    ['field.entity.label', spec.meta.entity ? inlineCode(spec.meta.entity) : empty],
    ['field.sourceQuery.label', ctx.pages.link(query.key, query.version, domainOf(spec))],
    ['field.viewKind.label', view.kind],
    ['field.primaryField.label', view.primaryField ?? empty],
    ['field.secondaryFields.label', listText(ctx, view.secondaryFields)],
  ];
  return [
    {
      level: 2,
      heading: label('section.view.label'),
      body: () => body({ table: valueTable(ctx, rows) }),
    },
    ...tableSection(
      ctx,
      'section.viewFields.label',
      ['column.key.label', 'column.label.label', 'column.dataPath.label'],
      view.fields.map((field) => [field.key, field.label, inlineCode(field.dataPath)]),
    ),
    ...tableSection(
      ctx,
      'section.filters.label',
      ['column.key.label', 'column.label.label', 'column.field.label', 'column.type.label'],
      view.filters.map((filter) => [filter.key, filter.label, filter.field, filter.type]),
    ),
    policySection(ctx, spec.policy),
  ];
}

/**
 * A form's sections: Model (its schema model's field table), Nested models, Fields (Kind | Name |
 * Label | Required), Actions (Key | Label | Operation linked), Policy.
 */
export function formSections(ctx: DocsContext, spec: FormSpec): PlannedSection[] {
  const domain = domainOf(spec);
  return [
    {
      level: 2,
      heading: ctx.label('section.model.label'),
      body: (anchors) => body({ table: fieldTable(ctx, spec.model, anchors) }),
    },
    ...nestedModelSections(ctx, [spec.model]),
    ...tableSection(
      ctx,
      'section.formFields.label',
      ['column.kind.label', 'column.name.label', 'column.label.label', 'column.required.label'],
      spec.fields.map((field) => [
        field.kind,
        field.name ?? '',
        field.label ?? '',
        yesNo(ctx, field.required),
      ]),
    ),
    ...tableSection(
      ctx,
      'section.actions.label',
      ['column.key.label', 'column.label.label', 'column.operation.label'],
      spec.actions.map((action) => [
        action.key,
        action.label,
        action.operation
          ? ctx.pages.link(action.operation.key, action.operation.version, domain)
          : ctx.label('value.empty.label'),
      ]),
    ),
    policySection(ctx, spec.policy),
  ];
}
