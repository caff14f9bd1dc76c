import { describe, expect, it } from 'vitest';
import type { Ir, Spec } from '../../packages/codegen/src/generator/ir/ir-schema.js';
import { fixtureIr } from './docs-fixture.js';
import { emitDocs, page, section } from './helpers.js';

function withSpec(ir: Ir, key: string, change: (spec: Spec) => Spec): Ir {
  return { ...ir, specs: ir.specs.map((spec) => (spec.key === key ? change(spec) : spec)) };
}

describe('docs emitter: each kind', () => {
  it('event: title falls back to the key, Payload table, PII policy, capability link', async () => {
    const text = page(await emitDocs(fixtureIr()), 'docs/harness/harness.run.started.md');
    expect(text).toContain('| Type        | event                              |');
    expect(text).toContain('| Title       | harness.run.started                |');
    expect(section(text, '## Payload')).toBe(
      [
        '## Payload',
        '',
        '| Name        | Type            | Required |',
        '| ----------- | --------------- | -------- |',
        '| runId       | ID              | yes      |',
        '| scenarioKey | String_unsecure | no       |',
      ].join('\n'),
    );
    expect(section(text, '## Policy')).toContain('| PII fields | scenarioKey |');
    expect(section(text, '## Capability')).toContain(
      '| [harness.execution](./harness.execution.md) |',
    );
    expect(text).not.toContain('## Nested models');
    expect(text).not.toContain('## Goal');
  });

  it('capability: type with meta.kind, provides linked, requires escaped and unlinked when unknown', async () => {
    const text = page(await emitDocs(fixtureIr()), 'docs/harness/harness.execution.md');
    expect(text).toContain('| Type        | capability (integration)                   |');
    expect(section(text, '## Provides')).toContain(
      '| operation | [harness.run.start](./harness.run.start.md)     | 1.0.0   | Start a harness run. |',
    );
    expect(section(text, '## Requires')).toContain(
      '| control-plane.core | 1.0.0   | yes      | Links to plans \\| traces. |',
    );
    const noKind = withSpec(fixtureIr(), 'harness.execution', (spec) => ({
      ...spec,
      meta: { ...spec.meta, kind: undefined },
    }));
    const plain = page(await emitDocs(noKind), 'docs/harness/harness.execution.md');
    expect(plain).toContain('| Type        | capability                                 |');
  });

  it('feature: one linked table per non-empty list, across domains too', async () => {
    const text = page(await emitDocs(fixtureIr()), 'docs/harness/platform.harness.md');
    const headings = text.split('\n').filter((line) => line.startsWith('## '));
    expect(headings).toStrictEqual([
      '## Operations',
      '## Events',
      '## Presentations',
      '## Capabilities',
      '## Data views',
      '## Source Definition',
    ]);
    expect(section(text, '## Presentations')).toContain(
      '| [agent.run.audit](../agent/agent.run.audit.md) | 1.0.0   | Agent Run Audit |',
    );
  });

  it('data view: entity, linked source query, fields, primary/secondary fields, filters', async () => {
    const text = page(await emitDocs(fixtureIr()), 'docs/harness/harness.run.index.md');
    expect(section(text, '## View')).toBe(
      [
        '## View',
        '',
        '| Field            | Value                                   |',
        '| ---------------- | --------------------------------------- |',
        '| Entity           | `harness_run`                           |',
        '| Source query     | [harness.run.get](./harness.run.get.md) |',
        '| View kind        | list                                    |',
        '| Primary field    | runId                                   |',
        '| Secondary fields | status                                  |',
      ].join('\n'),
    );
    expect(section(text, '## Fields')).toContain('| status | Status | `run.status` |');
    expect(section(text, '## Filters')).toContain('| runId | Run ID | runId | search |');
    expect(section(text, '## Policy')).toBe(
      [
        '## Policy',
        '',
        '| Field      | Value      |',
        '| ---------- | ---------- |',
        '| PII fields | -          |',
        '| Flags      | harness-ui |',
      ].join('\n'),
    );
  });

  it('form: model table, fields, actions linked across domains, PII policy', async () => {
    const text = page(await emitDocs(fixtureIr()), 'docs/agent/agent.run.form.md');
    expect(section(text, '## Model')).toContain('| prompt   | String_unsecure | no       |');
    expect(section(text, '## Fields')).toBe(
      [
        '## Fields',
        '',
        '| Kind     | Name     | Label  | Required |',
        '| -------- | -------- | ------ | -------- |',
        '| text     | agentKey | Agent  | yes      |',
        '| textarea | prompt   | Prompt | no       |',
      ].join('\n'),
    );
    expect(section(text, '## Actions')).toContain(
      '| run | Run agent | [harness.run.start](../harness/harness.run.start.md) |',
    );
    expect(section(text, '## Policy')).toContain('| PII fields | prompt |');
    expect(text).toContain('| Tags        | -                     |');
    expect(text).toContain('| Stability   | -                     |');
  });

  it('presentation: goal, context, component, targets, capability', async () => {
    const text = page(await emitDocs(fixtureIr()), 'docs/agent/agent.run.audit.md');
    expect(section(text, '## Goal')).toBe('## Goal\n\nExplain run provenance.');
    expect(section(text, '## Context')).toBe('## Context\n\nUsed by Studio.');
    expect(section(text, '## Presentation')).toBe(
      [
        '## Presentation',
        '',
        '| Field      | Value                                                |',
        '| ---------- | ---------------------------------------------------- |',
        '| Component  | `agentRunAudit`                                      |',
        '| Framework  | react                                                |',
        '| Targets    | react, markdown                                      |',
        '| Capability | [harness.execution](../harness/harness.execution.md) |',
      ].join('\n'),
    );
  });

  it('operation without input says so; tags show each tag once in first-seen order', async () => {
    const files = await emitDocs(fixtureIr());
    expect(section(page(files, 'docs/harness/harness.run.get.md'), '## Input')).toBe(
      '## Input\n\nThis operation takes no input.',
    );
    expect(page(files, 'docs/harness/harness.run.start.md')).toContain(
      '| Tags        | automation, harness, run                     |',
    );
  });

  it('Source Definition is imports, a blank line, the definition, verbatim; fences outgrow backticks', async () => {
    const ir = withSpec(fixtureIr(), 'harness.run.get', (spec) => ({
      ...spec,
      sourceText: {
        imports: '',
        definition: 'export const Q = defineQuery({\n\tdoc: `a ``` b`,\n});',
      },
    }));
    const files = await emitDocs(ir);
    expect(
      section(page(files, 'docs/harness/harness.run.start.md'), '## Source Definition'),
    ).toContain(
      [
        '```ts',
        "import { defineCommand } from '../language';",
        'import {',
        '\tHARNESS_TAGS,',
        '} from "../constants";',
        '',
        'export const HarnessRunStartCommand = defineCommand({',
      ].join('\n'),
    );
    expect(section(page(files, 'docs/harness/harness.run.get.md'), '## Source Definition')).toBe(
      [
        '## Source Definition',
        '',
        '<!-- prettier-ignore -->',
        '````ts',
        'export const Q = defineQuery({',
        '\tdoc: `a ``` b`,',
        '});',
        '````',
      ].join('\n'),
    );
  });

  it('a key held in several versions gets one page per version, and links pick the exact version', async () => {
    const ir = fixtureIr();
    const started = ir.specs.find((spec) => spec.key === 'harness.run.started')!;
    const v2 = { ...started, version: '2.0.0', meta: { ...started.meta, version: '2.0.0' } };
    const specs = [...ir.specs, v2].sort((a, b) =>
      a.key === b.key ? (a.version < b.version ? -1 : 1) : a.key < b.key ? -1 : 1,
    );
    const files = await emitDocs({ ...ir, specs });
    const paths = files.map((file) => file.path).filter((path) => path.includes('started'));
    expect(paths).toStrictEqual([
      'docs/harness/harness.run.started@1.0.0.md',
      'docs/harness/harness.run.started@2.0.0.md',
    ]);
    expect(page(files, 'docs/harness/harness.run.start.md')).toContain(
      '| [harness.run.started](./harness.run.started@1.0.0.md) | 1.0.0   |',
    );
  });
});
