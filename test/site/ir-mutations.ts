import type { Ir, Model, Spec } from '../../packages/codegen/src/generator/ir/ir-schema.js';

/** `ir` with `spec` (found by key) replaced by `change(spec)`; every other part the same object. */
export function withSpec(input: Ir, key: string, change: (spec: Spec) => Spec | null): Ir {
  return {
    ...input,
    specs: input.specs.flatMap((spec) => {
      if (spec.key !== key) return [spec];
      const changed = change(spec);
      return changed ? [changed] : [];
    }),
  };
}

/** The same IR rebuilt: every object new, as a one-shot generation builds it. */
export const rebuilt = (input: Ir): Ir => JSON.parse(JSON.stringify(input)) as Ir;

/** IR edits a watch session hands the site, each with what it changes. */
export const MUTATIONS: [string, (input: Ir) => Ir][] = [
  [
    'an operation description',
    (input) =>
      withSpec(input, 'harness.run.start', (spec) => ({
        ...spec,
        meta: { ...spec.meta, description: 'Starts a run, now described otherwise.' },
      })),
  ],
  [
    'an event title (shown in other pages, the sidebar and the pager)',
    (input) =>
      withSpec(input, 'harness.run.started', (spec) => ({
        ...spec,
        meta: { ...spec.meta, title: 'Run Started, Renamed' },
      })),
  ],
  [
    'a model field (schemas, examples, the models pages)',
    (input) => {
      const models: Model[] = input.models.map((model) =>
        model.name === 'HarnessRunStartInput'
          ? {
              ...model,
              fields: [
                ...model.fields,
                {
                  name: 'addedField',
                  type: { type: 'scalar', name: 'Boolean' },
                  optional: true,
                  array: false,
                } as Model['fields'][number],
              ],
            }
          : model,
      );
      return { ...input, models };
    },
  ],
  ['a spec removed', (input) => withSpec(input, 'harness.run.cancel', () => null)],
  [
    'a capability no longer providing an operation (links back)',
    (input) =>
      withSpec(input, 'harness.execution', (spec) =>
        spec.kind === 'capability'
          ? { ...spec, provides: spec.provides.filter((item) => item.key !== 'harness.run.start') }
          : spec,
      ),
  ],
];
