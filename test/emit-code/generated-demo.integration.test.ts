import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClientEmitter } from '../../packages/codegen/src/generator/emit/client-emitter.js';
import { createDomainIndexEmitter } from '../../packages/codegen/src/generator/emit/domain-index-emitter.js';
import { createEventsEmitter } from '../../packages/codegen/src/generator/emit/events-emitter.js';
import { createHandlersEmitter } from '../../packages/codegen/src/generator/emit/handlers-emitter.js';
import { registryEmitter } from '../../packages/codegen/src/generator/emit/registry-emitter.js';
import { typesEmitter } from '../../packages/codegen/src/generator/emit/types-emitter.js';
import { zodEmitter } from '../../packages/codegen/src/generator/emit/zod-emitter.js';
import { formatFiles } from '../../packages/codegen/src/generator/format.js';
import { DEMO_IR, EDGE_IR } from './fixtures/demo-ir.js';
import { demoUsageSource } from './fixtures/demo-usage.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
let folder = '';

beforeAll(async () => {
  mkdirSync(join(ROOT, '.tmp/emit-code-it'), { recursive: true });
  folder = mkdtempSync(join(ROOT, '.tmp/emit-code-it/run-'));
  const out = join(folder, 'generated');
  const fromOut = relative(out, join(ROOT, 'packages/runtime/src')).split('\\').join('/');
  const options = {
    imports: { runtime: { kind: 'folder', fromOut } as const, importExtension: '.js' as const },
  };
  const emitters = [
    typesEmitter,
    zodEmitter,
    createClientEmitter(options),
    createHandlersEmitter(options),
    createEventsEmitter(options),
    registryEmitter,
    createDomainIndexEmitter(options),
  ];
  // EDGE_IR (shop, audit) is only type-checked: versioned names and cross-domain event imports.
  const files = [DEMO_IR, EDGE_IR].flatMap((ir) => emitters.flatMap((emitter) => emitter.emit(ir)));
  for (const file of await formatFiles(files)) {
    mkdirSync(dirname(join(out, file.path)), { recursive: true });
    writeFileSync(join(out, file.path), file.contents);
  }
  writeFileSync(
    join(folder, 'usage.ts'),
    demoUsageSource(`${relative(folder, join(ROOT, 'packages/runtime/src'))}/`),
  );
  writeFileSync(
    join(folder, 'tsconfig.json'),
    JSON.stringify({
      extends: relative(folder, join(ROOT, 'tsconfig.json')),
      compilerOptions: { noEmit: true, rootDir: relative(folder, ROOT) },
      include: ['usage.ts', 'generated/**/*.ts'],
    }),
  );
});

afterAll(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('generated demo client, handlers and router', () => {
  it('type-check with the runtime (demo, shop, audit), and emit accepts only declared events', () => {
    const result = spawnSync(process.execPath, [tsc, '-p', join(folder, 'tsconfig.json')], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('carry calls from the client through localTransport into the handlers', async () => {
    const usage = (await import(pathToFileURL(join(folder, 'usage.ts')).href)) as {
      drive: () => Promise<Record<string, unknown>>;
    };
    expect(await usage.drive()).toStrictEqual({
      valid: { output: { pingId: 'ping-t1' } },
      events: [
        [
          'demo.pinged',
          '1.0.0',
          { pingId: 'ping-t1', message: 'hello' },
          { key: 'demo.ping.send', version: '1.0.0' },
        ],
      ],
      list: { output: { pingId: 'list-t2' } },
      invalid: {
        error: {
          name: 'ContractError',
          code: 'VALIDATION_FAILED',
          status: 400,
          message:
            'invalid input for demo.ping.send@1.0.0: input.target: Invalid input: expected string, received number; input.extra: unknown field',
          details: [
            { path: 'input.target', message: 'Invalid input: expected string, received number' },
            { path: 'input.extra', message: 'unknown field' },
          ],
          declared: false,
        },
      },
      declared: {
        error: {
          name: 'ContractError',
          code: 'PING_REFUSED',
          status: 409,
          message: 'The target refuses pings.',
          details: undefined,
          declared: true,
        },
      },
      undeclaredEvent: {
        error: {
          name: 'ContractError',
          code: 'UNDECLARED_EVENT',
          status: 500,
          message: 'demo.ping.send@1.0.0 does not declare event demo.other',
          details: undefined,
          declared: false,
        },
      },
      forbidden: {
        error: {
          name: 'ContractError',
          code: 'FORBIDDEN',
          status: 403,
          message: 'demo.status@1.0.0 needs an admin actor; the caller is a user',
          details: undefined,
          declared: false,
        },
      },
      operations: ['demo.ping.list@1.0.0', 'demo.ping.send@1.0.0', 'demo.status@1.0.0'],
      catalog: [['demo.pinged', ['message']]],
      registry: [
        [
          {
            code: 'PING_REFUSED',
            http: 409,
            description: 'The target refuses pings.',
            when: 'The message is "refuse".',
            gqlCode: null,
          },
        ],
        ['message'],
      ],
    });
  });
});
