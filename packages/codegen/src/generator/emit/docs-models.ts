import { compareCodeUnits } from 'contracts-runtime/core';
import type { Field } from '../ir/ir-schema.js';
import type { DocsContext } from './docs-context.js';
import { inlineCode, type DocsTable } from './docs-markdown.js';
import { body, type AnchorMap, type PlannedSection } from './docs-page-plan.js';
import { reachableModels } from './naming.js';

const modelAnchor = (name: string) => `model:${name}`;
const enumAnchor = (name: string) => `enum:${name}`;

/**
 * The type cell of a field: a scalar by name (`ID`, `ID[]`), a schema model or enum linked to its
 * section on the same page (`[HarnessRun](#harnessrun)`, `[HarnessStep[]](#harnessstep)`), plain
 * text when the page has no such section.
 */
export function typeCell(field: Field, anchors: AnchorMap): string {
  const text = field.type.name + (field.array ? '[]' : '');
  if (field.type.type === 'scalar') return text;
  const key =
    field.type.type === 'model' ? modelAnchor(field.type.name) : enumAnchor(field.type.name);
  const anchor = anchors.get(key);
  return anchor === undefined ? text : `[${text}](#${anchor})`;
}

/**
 * The field table of one schema model: Name | Type | Required, in declaration order. The IR carries
 * no per-field description, so there is no Description column.
 */
export function fieldTable(ctx: DocsContext, modelName: string, anchors: AnchorMap): DocsTable {
  const { label } = ctx;
  return ctx.table(
    [label('column.name.label'), label('column.type.label'), label('column.required.label')],
    ctx
      .model(modelName)
      .fields.map((field) => [
        field.name,
        typeCell(field, anchors),
        label(field.optional ? 'value.no.label' : 'value.yes.label'),
      ]),
  );
}

/**
 * The "Nested models" section for the given root models (an operation's input and output, an event
 * payload, a form model): one `###` section per schema model reachable from a root's fields, then one
 * per enum any of them uses, each sorted by name. Empty when the roots have no nested types.
 */
export function nestedModelSections(ctx: DocsContext, roots: readonly string[]): PlannedSection[] {
  const children = roots.flatMap((root) =>
    ctx
      .model(root)
      .fields.flatMap((field) => (field.type.type === 'model' ? [field.type.name] : [])),
  );
  const nested = reachableModels(ctx.ir, children);
  const enumNames = [...new Set([...roots, ...nested])]
    .flatMap((name) => ctx.model(name).fields)
    .flatMap((field) => (field.type.type === 'enum' ? [field.type.name] : []));
  const enums = [...new Set(enumNames)].sort(compareCodeUnits);
  if (nested.length === 0 && enums.length === 0) return [];
  const { label } = ctx;
  const sections: PlannedSection[] = [
    { level: 2, heading: label('section.models.label'), body: () => body({}) },
  ];
  for (const name of nested) {
    const description = ctx.model(name).description;
    sections.push({
      level: 3,
      heading: name,
      anchorKey: modelAnchor(name),
      body: (anchors) =>
        body({
          paragraphs: description ? [description] : [],
          table: fieldTable(ctx, name, anchors),
        }),
    });
  }
  for (const name of enums) {
    const values = ctx.enumDef(name)?.values ?? [];
    sections.push({
      level: 3,
      heading: name,
      anchorKey: enumAnchor(name),
      body: () =>
        body({
          paragraphs: [`${label('value.enumValues.label')} ${values.map(inlineCode).join(', ')}`],
        }),
    });
  }
  return sections;
}
