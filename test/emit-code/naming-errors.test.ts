import { describe, expect, it } from 'vitest';
import { createClientEmitter } from '../../packages/codegen/src/generator/emit/client-emitter.js';
import { docBlock } from '../../packages/codegen/src/generator/emit/code-surface-helpers.js';
import { domainIndexEmitter } from '../../packages/codegen/src/generator/emit/domain-index-emitter.js';
import { createHandlersEmitter } from '../../packages/codegen/src/generator/emit/handlers-emitter.js';
import {
  buildRegistryView,
  specRecord,
} from '../../packages/codegen/src/generator/emit/registry-emitter.js';
import type { CapabilitySpec } from '../../packages/codegen/src/generator/ir/ir-schema.js';
import { DEMO_IR, event, irOf, model, operation } from './fixtures/demo-ir.js';

const at = { file: 'specs/x.ts', line: 1, column: 1 };

describe('name collisions and invalid references throw clear errors', () => {
  it("an operation whose client member is another operation's group", () => {
    const ir = irOf([operation('x.run', 'command'), operation('x.run.start', 'command')]);
    expect(() => createClientEmitter().emit(ir)).toThrow(
      'client members collide: x.run@1.0.0 and x.run.start@1.0.0 both need client.run',
    );
  });

  it('two keys with the same handler name', () => {
    const ir = irOf([
      operation('demo.run-start', 'command'),
      operation('demo.run.start', 'command'),
    ]);
    expect(() => createHandlersEmitter().emit(ir)).toThrow(
      'operations demo.run-start@1.0.0 and demo.run.start@1.0.0 both map to the handler runStart',
    );
  });

  it('a key segment that is not an identifier', () => {
    const ir = irOf([operation('demo.1st', 'query')]);
    expect(() => createClientEmitter().emit(ir)).toThrow(
      'operation demo.1st@1.0.0 has key segment "1st", which is not a usable member name',
    );
  });

  it('an emitted event that is not in the IR', () => {
    const emits = [{ key: 'demo.gone', version: '1.0.0', when: 'Never.', source: at }];
    const ir = irOf([operation('demo.ping', 'command', { emits })]);
    expect(() => createHandlersEmitter().emit(ir)).toThrow(
      'demo.ping@1.0.0 emits demo.gone@1.0.0, which is not an event spec',
    );
  });

  it('two versions of one event key emitted by one operation', () => {
    const emits = ['1.0.0', '2.0.0'].map((version) => ({
      key: 'demo.pinged',
      version,
      when: 'x',
      source: at,
    }));
    const pinged2 = { ...event('demo.pinged', 'P'), version: '2.0.0' };
    const ir = irOf([
      operation('demo.ping', 'command', { emits }),
      event('demo.pinged', 'P'),
      pinged2,
    ]);
    expect(() => createHandlersEmitter().emit(ir)).toThrow(
      'demo.ping@1.0.0 emits two versions of event demo.pinged',
    );
  });

  it('a generated name that a schema model already exports through the barrel', () => {
    const ir = { ...DEMO_IR, models: [...DEMO_IR.models, model('DemoClient', ['a'])] };
    expect(() => domainIndexEmitter.emit(ir)).toThrow(
      'demo/client.ts and demo/types.ts would both export DemoClient',
    );
  });
});

describe('view helpers', () => {
  it('docBlock splits lines, blanks empty ones and escapes a comment end', () => {
    expect(docBlock(['a */ b', '', 'c\nd  '])).toBe('/**\n * a *\\/ b\n *\n * c\n * d\n */');
    expect(docBlock(['one'])).toBe('/** one */');
  });

  it('the registry lists versions by semver, so getSpec finds the highest last', () => {
    const versions = ['1.10.0', '1.9.0', '1.2.0'].map((version) => ({
      ...operation('demo.ping', 'query'),
      version,
    }));
    const { records } = buildRegistryView(irOf(versions), 'demo');
    expect(records.map((record) => record.version)).toStrictEqual(['1.2.0', '1.9.0', '1.10.0']);
  });

  it('a spec without policy gets an empty policy and carries every field', () => {
    const capability: CapabilitySpec = {
      kind: 'capability',
      key: 'demo.core',
      version: '1.0.0',
      meta: {
        key: 'demo.core',
        version: '1.0.0',
        title: 'Core',
        kind: 'api',
        docId: ['docs.demo'],
      },
      exportName: 'C',
      source: at,
      sourceText: { imports: '', definition: '' },
      provides: [],
      requires: [],
    };
    expect(specRecord(capability)).toStrictEqual({
      key: 'demo.core',
      version: '1.0.0',
      kind: 'capability',
      operationKind: null,
      title: 'Core',
      description: null,
      goal: null,
      context: null,
      owners: [],
      tags: [],
      stability: null,
      docId: ['docs.demo'],
      policy: { auth: null, pii: [], flags: [] },
      errors: [],
      emits: [],
      capability: null,
      transport: { gql: null, mcp: null },
    });
  });
});
