import type { Ir } from '../ir/ir-schema.js';
import type { Emitter } from './emitter.js';
import { domainModels, domainSourceFiles, modelSurfaceInputs } from './model-graph.js';
import { banner } from './naming.js';
import { printDocComment, printLiteralUnion, printPropertyKey, printTsType } from './print-type.js';
import { perDomainEmitter } from './per-domain-emitter.js';
import { ViewMemo } from './view-memo.js';

type Declared = ReturnType<typeof domainModels>;
type EnumView = TypesView['enums'][number];
type ModelView = TypesView['models'][number];

/** Each enum's and model's view by its IR object: a function of that object alone. */
const enumViews = new ViewMemo<Declared['enums'][number], EnumView>();
const modelViews = new ViewMemo<Declared['models'][number], ModelView>();

/** The resolved view model of templates/types/types.ts.hbs. */
export interface TypesView {
  readonly banner: string;
  readonly empty: boolean;
  readonly enums: readonly { doc: string; name: string; union: string }[];
  readonly models: readonly {
    doc: string;
    name: string;
    fields: readonly { key: string; optional: boolean; type: string }[];
  }[];
}

/**
 * The view model of `<domain>/types.ts`: one string-literal union per enum and one interface per
 * schema model the domain reaches (both sorted by name, fields in declaration order), type text
 * from {@link printTsType}, JSDoc from the model description.
 */
export function typesView(ir: Ir, domain: string): TypesView {
  const declared = domainModels(ir, domain);
  return {
    banner: banner(domainSourceFiles(ir, domain, declared)),
    empty: declared.models.length === 0 && declared.enums.length === 0,
    enums: declared.enums.map((def) =>
      enumViews.of(def, '', () => ({
        doc: '',
        name: def.name,
        union: printLiteralUnion(def.values),
      })),
    ),
    models: declared.models.map((model) =>
      modelViews.of(model, '', () => ({
        doc: printDocComment(model.description),
        name: model.name,
        fields: model.fields.map((field) => ({
          key: printPropertyKey(field.name),
          optional: field.optional,
          type: field.optional ? `${printTsType(field)} | undefined` : printTsType(field),
        })),
      })),
    ),
  };
}

/**
 * Emits `<domain>/types.ts` for every domain: the TypeScript types of the domain's schema models
 * and enums. DateTime and Date are ISO strings on the wire, so `string`.
 */
export const typesEmitter: Emitter = {
  ...perDomainEmitter('types', 'types.ts', 'types/types.ts.hbs', typesView),
  inputsOf: modelSurfaceInputs,
};
