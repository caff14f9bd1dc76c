import { readFileSync } from 'node:fs';

import { describe, expect, test } from 'vitest';

import { PROJECT_ROOT } from '../support/cli.js';

/**
 * The README's config table (the first table under "### The config file") has a row for every key
 * the config's JSON Schema (packages/codegen/schemas/contracts.config.schema.json) accepts: each
 * top-level key, and each option of a surface as `surfaces.<surface>.<option>`; the `surfaces` row
 * names every surface. So a key added to the schema and left out of the README fails here.
 */

interface JsonSchema {
  readonly type?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly anyOf?: readonly JsonSchema[];
}

const SCHEMA = JSON.parse(
  readFileSync(`${PROJECT_ROOT}packages/codegen/schemas/contracts.config.schema.json`, 'utf8'),
) as JsonSchema;

const README = readFileSync(`${PROJECT_ROOT}README.md`, 'utf8');
const section = README.slice(README.indexOf('### The config file'));
const table = /^\|.*\|\n\|[-|]+\|\n((?:\|.*\|\n)+)/m.exec(section)?.[1] ?? '';
const ROWS = new Map(
  table
    .trimEnd()
    .split('\n')
    .map((row) => {
      const cells = row.split(' | ');
      return [/^\| `([^`]+)`$/.exec(cells[0]!)?.[1] ?? cells[0]!, cells.slice(1).join(' | ')];
    }),
);

/** The properties of `schema`'s object form (itself, or its `anyOf` branch of type object). */
function objectProperties(schema: JsonSchema): Readonly<Record<string, JsonSchema>> {
  if (schema.type === 'object') return schema.properties ?? {};
  return schema.anyOf?.find((branch) => branch.type === 'object')?.properties ?? {};
}

const surfaces = objectProperties(objectProperties(SCHEMA)['surfaces']!);
const expectedRows = [
  ...Object.keys(objectProperties(SCHEMA)),
  ...Object.entries(surfaces).flatMap(([surface, schema]) =>
    Object.keys(objectProperties(schema)).map((option) => `surfaces.${surface}.${option}`),
  ),
];

describe('README config table matches the config JSON Schema', () => {
  test('it has a row per key and surface option', () => {
    expect(expectedRows).toEqual(expect.arrayContaining(['specs', 'surfaces.docs.out']));
    expect([...ROWS.keys()].sort()).toStrictEqual([...expectedRows].sort());
  });

  test('the surfaces row names every surface', () => {
    const named = [...(ROWS.get('surfaces') ?? '').matchAll(/`([a-zA-Z]+)`/g)].map((m) => m[1]!);
    expect(Object.keys(surfaces).filter((surface) => !named.includes(surface))).toStrictEqual([]);
  });
});
