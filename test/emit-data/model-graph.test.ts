import { describe, expect, it } from 'vitest';
import {
  declarationOrder,
  domainModels,
  domainSourceFiles,
  strictModelNames,
} from '../../packages/codegen/src/generator/emit/model-graph.js';
import { IrSchema } from '../../packages/codegen/src/generator/ir/ir-schema.js';
import {
  enumRef,
  field,
  makeCyclicIr,
  makeDataIr,
  makeForm,
  makeModel,
  makeOperation,
  model,
  scalar,
} from './fixture-ir.js';

const names = (items: readonly { name: string }[]) => items.map((item) => item.name);

describe('model graph', () => {
  it('collects the models and enums a domain reaches, sorted by name', () => {
    const declared = domainModels(makeDataIr(), 'shop');
    expect(names(declared.models)).toStrictEqual([
      'Address',
      'HealthOutput',
      'OrderLine',
      'OrderPlacedPayload',
      'PlaceOrderInput',
      'PlaceOrderOutput',
      'ScalarSample',
    ]);
    expect(names(declared.enums)).toStrictEqual(['Priority']);
    expect(domainModels(makeDataIr(), 'nowhere')).toStrictEqual({ models: [], enums: [] });
  });

  it('marks strict every model an operation input or a form model reaches, across domains', () => {
    const ir = makeDataIr();
    expect([...strictModelNames(ir)]).toStrictEqual(['Address', 'OrderLine', 'PlaceOrderInput']);
    const withForm = IrSchema.parse({
      ...ir,
      specs: [...ir.specs, makeForm('other.form', 'ScalarSample', 'specs/other/form.ts')],
    });
    expect([...strictModelNames(withForm)].sort()).toStrictEqual([
      'Address',
      'OrderLine',
      'PlaceOrderInput',
      'ScalarSample',
    ]);
  });

  it('orders a model after the models it nests, ties by name, and finds cycles', () => {
    const data = declarationOrder(domainModels(makeDataIr(), 'shop').models);
    expect(data.order).toStrictEqual([
      'Address',
      'HealthOutput',
      'OrderLine',
      'OrderPlacedPayload',
      'PlaceOrderInput',
      'ScalarSample',
      'PlaceOrderOutput',
    ]);
    expect([...data.cyclic]).toStrictEqual([]);
    const cyclic = declarationOrder(domainModels(makeCyclicIr(), 'graph').models);
    expect(cyclic.order).toStrictEqual(['Tree', 'Branch', 'Node']);
    expect([...cyclic.cyclic].sort()).toStrictEqual(['Branch', 'Node', 'Tree']);
  });

  it('lists the spec files and model files a domain comes from', () => {
    const ir = IrSchema.parse({
      specs: [makeOperation('a.b', 'In', 'Out', 'specs/a/b.ts')],
      models: [
        {
          ...makeModel('In', [field('e', enumRef('E')), field('n', model('Out'), '?[]')]),
          source: { file: 'specs/a/in.ts', line: 1, column: 1 },
        },
        makeModel('Out', [field('x', scalar('ID'))]),
      ],
      enums: [
        {
          kind: 'enum',
          name: 'E',
          values: ['x'],
          source: { file: 'specs/a/e.ts', line: 1, column: 1 },
        },
      ],
      diagnostics: [],
    });
    expect(domainSourceFiles(ir, 'a', domainModels(ir, 'a'))).toStrictEqual([
      'specs/a/b.ts',
      'specs/a/in.ts',
      'specs/shop/models.ts',
      'specs/a/e.ts',
    ]);
  });
});
