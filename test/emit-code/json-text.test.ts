import { describe, expect, it } from 'vitest';
import {
  holdsKeptJson,
  jsonText,
  keepJsonText,
} from '../../packages/codegen/src/generator/emit/json-text.js';

/* jsonText must print exactly what JSON.stringify(value, null, 2) prints, kept parts or not. */

const sample = () => ({
  openapi: '3.1.0',
  empty: {},
  none: [],
  skipped: undefined,
  nested: { a: [1, 'two', null, true, { b: 'é "q" \n' }], 10: 'int key first', z: -0.5 },
  list: [undefined, [], [[]], { x: undefined }],
});

describe('jsonText', () => {
  it('prints plain data as JSON.stringify(value, null, 2) does', () => {
    const value = sample();
    expect(jsonText(value)).toBe(JSON.stringify(value, null, 2));
  });

  it('prints kept parts inside marked containers with the same bytes, each once per object', () => {
    const item = keepJsonText({ get: { summary: 'one', tags: ['a'] }, deep: sample() });
    const paths = holdsKeptJson({ '/b': item, '/a': keepJsonText({ post: {} }) });
    const document = holdsKeptJson({ openapi: '3.1.0', paths, tail: [item] });
    const expected = JSON.stringify(document, null, 2);
    expect(jsonText(document)).toBe(expected);
    // Printed again from the kept texts: still the same bytes.
    expect(jsonText(document)).toBe(expected);
    expect(jsonText(holdsKeptJson({ again: paths }))).toBe(
      JSON.stringify({ again: paths }, null, 2),
    );
  });
});
