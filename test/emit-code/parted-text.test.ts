import { describe, expect, it } from 'vitest';
import {
  holdsKeptJson,
  jsonParts,
  keepJsonText,
} from '../../packages/codegen/src/generator/emit/json-text.js';
import { partedFile, sameContents } from '../../packages/codegen/src/generator/emit/output-file.js';
import {
  PartedText,
  PartedTextBuilder,
} from '../../packages/codegen/src/generator/emit/parted-text.js';

const parted = (...texts: string[]) => new PartedText(texts.map((text) => Buffer.from(text)));

describe('PartedText: a text as UTF-8 parts', () => {
  it('decodes to the joined text, multi-byte characters included', () => {
    expect(parted('{"é": ', '"😀"', '}\n').text).toBe('{"é": "😀"}\n');
    expect(parted('Schéma').byteLength).toBe(Buffer.byteLength('Schéma'));
    expect(parted().text).toBe('');
  });

  it('compares shared parts by identity and other parts by bytes', () => {
    const shared = Buffer.from('x'.repeat(1000));
    const a = new PartedText([Buffer.from('['), shared, Buffer.from(']')]);
    expect(a.sameAs(new PartedText([Buffer.from('['), shared, Buffer.from(']')]))).toBe(true);
    expect(a.sameAs(new PartedText([Buffer.from('['), shared, Buffer.from(')')]))).toBe(false);
    // Same bytes, split at other places: still the same text.
    expect(a.sameAs(parted('[x', `${'x'.repeat(999)}]`))).toBe(true);
    expect(a.sameAs(parted('[x', `${'x'.repeat(999)}`))).toBe(false);
    expect(a.sameAs(a)).toBe(true);
  });

  it('gathers short texts into one part and keeps given bytes as parts of their own', () => {
    const kept = Buffer.from('"kept"');
    const builder = new PartedTextBuilder();
    builder.text('{');
    builder.text('"a": ');
    builder.bytes(kept);
    builder.bytes(Buffer.alloc(0));
    builder.text('}');
    const built = builder.build();
    expect(built.parts.map((part) => part.toString())).toStrictEqual(['{"a": ', '"kept"', '}']);
    expect(built.parts[1]).toBe(kept);
  });

  it('is compared with plain texts by its decoded text (sameContents)', () => {
    expect(sameContents('ab', parted('a', 'b'))).toBe(true);
    expect(sameContents(parted('a', 'b'), 'abc')).toBe(false);
    expect(sameContents(parted('a', 'b'), parted('ab'))).toBe(true);
    expect(sameContents('ab', 'ab')).toBe(true);
    const file = partedFile('openapi.json', parted('{', '}'));
    expect(file.contents).toBe('{}');
    expect(file.parts?.text).toBe('{}');
  });
});

describe('jsonParts', () => {
  it('prints the bytes of JSON.stringify and shares each kept object part with later documents', () => {
    const item = keepJsonText({ get: { summary: 'é', tags: ['a'] }, none: undefined });
    const first = holdsKeptJson({ openapi: '3.1.0', paths: holdsKeptJson({ '/a': item }) });
    const second = holdsKeptJson({
      openapi: '3.1.1',
      paths: holdsKeptJson({ '/a': item, '/b': [] }),
    });
    const a = jsonParts(first, '\n');
    const b = jsonParts(second, '\n');
    expect(a.text).toBe(`${JSON.stringify(first, null, 2)}\n`);
    expect(b.text).toBe(`${JSON.stringify(second, null, 2)}\n`);
    const itemBytes = Buffer.from(JSON.stringify(item, null, 2).split('\n').join('\n    '));
    const shared = a.parts.filter((part) => b.parts.includes(part));
    expect(shared).toHaveLength(1);
    expect(shared[0]!.equals(itemBytes)).toBe(true);
  });
});
