import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { queryParamsOf, queryToInput } from '../../packages/runtime/src/http/query-input.js';
import { postJson, request, startDemoServer, TOKENS, type DemoServer } from './demo-server.js';

const schema = z.strictObject({
  text: z.string(),
  limit: z.int().optional(),
  ratio: z.number().optional(),
  exact: z.boolean().optional(),
  tags: z.array(z.string()).optional(),
  counts: z.array(z.int()).optional(),
  filter: z.record(z.string(), z.unknown()).optional(),
  mode: z.enum(['a', 'b']).optional(),
});

describe('queryToInput', () => {
  it('coerces by the field types: numbers, booleans, repeated arrays, JSON objects', () => {
    const params = new URLSearchParams(
      'text=007&limit=10&ratio=-1.5e2&exact=false&tags=x&tags=y&counts=1&counts=2&filter={"a":[1]}&mode=b',
    );
    expect(queryToInput(schema, params)).toStrictEqual({
      text: '007',
      limit: 10,
      ratio: -150,
      exact: false,
      tags: ['x', 'y'],
      counts: [1, 2],
      filter: { a: [1] },
      mode: 'b',
    });
  });

  it('leaves what does not fit for validation to report', () => {
    const params = new URLSearchParams('text=a&text=b&limit=ten&exact=yes&filter={bad&other=1');
    expect(queryToInput(schema, params)).toStrictEqual({
      text: ['a', 'b'],
      limit: 'ten',
      exact: 'yes',
      filter: '{bad',
      other: '1',
    });
  });

  it('keeps a repeated JSON field apart from a JSON array value, and __proto__ as a field', () => {
    const json = z.strictObject({ filter: z.unknown() });
    const input = queryToInput(
      json,
      new URLSearchParams('filter=[1]&__proto__=x&filter=[2]&__proto__=y'),
    ) as Record<string, unknown>;
    expect([input, Object.getPrototypeOf(input) === Object.prototype]).toStrictEqual([
      Object.defineProperty({ filter: [[1], [2]] }, '__proto__', {
        value: ['x', 'y'],
        enumerable: true,
        writable: true,
        configurable: true,
      }),
      true,
    ]);
    expect(queryToInput(json, new URLSearchParams('filter=[1]'))).toStrictEqual({ filter: [1] });
  });

  it('gives {} for no parameters and null for an operation without input', () => {
    expect([
      queryToInput(schema, new URLSearchParams('')),
      queryToInput(null, new URLSearchParams('x=1')),
    ]).toStrictEqual([{}, null]);
  });
});

describe('queryParamsOf', () => {
  it('reads the parameters exactly as new URL(url).searchParams does', () => {
    const urls = [
      'http://h/p',
      'http://h/p?',
      'http://h/p?a=1&b=two&a=3',
      'http://h/p?text=a+b%20c&empty=&flag&=v',
      'http://h/p?q=%E2%9C%93&bad=%zz&pct=100%25&raw=\u00e9&sp= x',
      'http://h/p?first=1?second=2&x=y#frag&z=1',
      'http://h/p?quote=\'"<>&semi=a;b',
      'http://h/p#only?fragment=1',
    ];
    const read = (params: URLSearchParams) => [...params.entries()];
    expect(urls.map((url) => read(queryParamsOf(url)))).toStrictEqual(
      urls.map((url) => read(new URL(url).searchParams)),
    );
    expect(read(queryParamsOf('http://h/p?text=a+b%20c&tags=x&tags=y#f'))).toStrictEqual([
      ['text', 'a b c'],
      ['tags', 'x'],
      ['tags', 'y'],
    ]);
  });
});

describe('query input over HTTP', () => {
  let demo: DemoServer;
  beforeAll(async () => {
    demo = await startDemoServer();
  });
  afterAll(async () => demo.stop());

  it('a GET query takes flat query parameters, and POST takes the same input as JSON', async () => {
    const path = `${demo.url}/demo/search/v1.0.0`;
    const query = 'text=hello&limit=3&exact=true&tags=a&tags=b&filter=%7B%22k%22%3A1%7D';
    const echo = { text: 'hello', limit: 3, exact: true, tags: ['a', 'b'], filter: { k: 1 } };
    expect([
      await request(`${path}?${query}`, { token: TOKENS.user }),
      await postJson(path, echo, TOKENS.user),
    ]).toStrictEqual([
      { status: 200, type: 'application/json', body: { echo } },
      { status: 200, type: 'application/json', body: { echo } },
    ]);
  });

  it('a parameter of the wrong type or an unknown one is a 400 naming the field', async () => {
    const answer = await request(`${demo.url}/demo/search/v1.0.0?text=a&limit=ten&colour=red`, {
      token: TOKENS.user,
    });
    expect([answer.status, (answer.body as { errors: unknown }).errors]).toStrictEqual([
      400,
      [
        { path: 'input.limit', message: 'Invalid input: expected number, received string' },
        { path: 'input.colour', message: 'unknown field' },
      ],
    ]);
  });
});
