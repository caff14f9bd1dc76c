import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cleanupPacked,
  copyFixture,
  createTempProject,
  packOnce,
  readJson,
  removeDir,
  run,
  runOk,
  type Packed,
} from './support.js';

/**
 * The packages as a user gets them: both workspace packages are packed with `npm pack`, installed
 * from the tarballs into a fresh project under os.tmpdir() (outside this repository, so nothing
 * resolves through the workspace), and used there the documented way — `contracts init`, a second
 * contract of our own, `contracts generate`, `tsc` in four configurations, and an app that runs
 * the generated clients against the generated routers in process and over HTTP. A second project
 * installs the runtime tarball alone, for production, and must not pull in the generator's tools.
 */

const TEST_TIMEOUT = 300_000;
const INSTALL_TIMEOUT = 240_000;
const STEP_TIMEOUT = 120_000;

/** Packages only the generator needs; a runtime-only production install must have none. */
const GENERATOR_ONLY = ['ts-morph', 'prettier', 'handlebars', 'typescript', 'piscina', 'commander'];

/** The files `contracts generate` writes per domain. */
const DOMAIN_FILES = [
  'types.ts',
  'schemas.ts',
  'client.ts',
  'handlers.ts',
  'events.ts',
  'registry.ts',
  'index.ts',
];

/** The tsc configurations (fixtures/tsconfig.<name>.json) every generated tree must pass. */
const TSCONFIGS = [
  { name: 'nodenext', what: '(a) NodeNext, relative imports with .js' },
  { name: 'bundler', what: '(b) ESNext + moduleResolution bundler, --import-extension none' },
  {
    name: 'strict',
    what: '(c) NodeNext + strict + exactOptionalPropertyTypes + noUncheckedIndexedAccess + verbatimModuleSyntax',
  },
  { name: 'isolated', what: '(d) isolatedModules' },
] as const;

let packed: Packed;
let project: string;
let runtimeOnly: string | undefined;

const inProject = (...segments: string[]) => path.join(project, ...segments);

beforeAll(() => {
  packed = packOnce();
  project = createTempProject('contracts-outside');
  const install = run(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      packed.runtime,
      packed.codegen,
      'typescript@5.9.3',
      'zod@4.6.7',
      '@types/node@20.19.43',
    ],
    { cwd: project, timeoutMs: INSTALL_TIMEOUT },
  );
  if (install.status !== 0) throw new Error(`npm install failed:\n${install.output}`);
}, TEST_TIMEOUT);

afterAll(() => {
  removeDir(project);
  removeDir(runtimeOnly);
  cleanupPacked();
});

describe('a project outside the repository, installed from the packed tarballs', () => {
  it(
    'installs both tarballs, with codegen using the local runtime tarball',
    () => {
      const lock = readJson<{ packages: Record<string, { version?: string; resolved?: string }> }>(
        inProject('package-lock.json'),
      );
      const runtime = lock.packages['node_modules/contracts-runtime'];
      const codegen = lock.packages['node_modules/contracts-codegen'];
      expect({
        runtime: [runtime?.version, runtime?.resolved?.startsWith('file:')],
        codegen: [codegen?.version, codegen?.resolved?.startsWith('file:')],
        nestedRuntime: Object.keys(lock.packages).filter((key) =>
          key.endsWith('/node_modules/contracts-runtime'),
        ),
        bin: existsSync(inProject('node_modules', '.bin', 'contracts')),
      }).toStrictEqual({
        runtime: ['0.1.0', true],
        codegen: ['0.1.0', true],
        nestedRuntime: [],
        bin: true,
      });
    },
    TEST_TIMEOUT,
  );

  it(
    'contracts init --yes writes the config and a first contract',
    () => {
      const init = run('npx', ['--no', '--', 'contracts', 'init', '--yes'], {
        cwd: project,
        timeoutMs: STEP_TIMEOUT,
      });
      expect(init.status, init.output).toBe(0);
      const config = readJson<Record<string, unknown>>(inProject('contracts.config.json'));
      expect({ specs: config['specs'], out: config['out'] }).toStrictEqual({
        specs: ['contracts/**/*.ts'],
        out: 'src/generated',
      });
      const schemaRef = config['$schema'];
      if (typeof schemaRef === 'string') {
        expect(existsSync(path.resolve(project, schemaRef)), `$schema ${schemaRef}`).toBe(true);
      }
      expect(readdirSync(inProject('contracts', 'todo')).sort()).toContain('constants.ts');
      expect(
        readJson<{ scripts?: Record<string, string> }>(inProject('package.json')).scripts,
      ).toMatchObject({ codegen: 'contracts generate' });

      // The second contract, our own: enum, nested model array, DateTime, Date, optional fields,
      // a declared error, an emitted event, a query and the capability providing them.
      copyFixture(project, 'contracts/shop');
      copyFixture(project, 'src');
      for (const { name } of TSCONFIGS) copyFixture(project, `tsconfig.${name}.json`);
      copyFixture(project, 'tsconfig.build.json');
    },
    TEST_TIMEOUT,
  );

  it(
    'contracts generate (through contracts.config.json) exits 0 and writes every surface',
    () => {
      const generate = run('npx', ['--no', '--', 'contracts', 'generate'], {
        cwd: project,
        timeoutMs: STEP_TIMEOUT,
      });
      expect(generate.status, generate.output).toBe(0);
      const missing: string[] = [];
      for (const domain of ['todo', 'shop']) {
        for (const file of DOMAIN_FILES) {
          const target = path.join('src/generated', domain, file);
          if (!existsSync(inProject(target))) missing.push(target);
        }
        for (const folder of [
          `src/generated/${domain}/json-schema`,
          `src/generated/docs/${domain}`,
        ]) {
          if (!existsSync(inProject(folder))) missing.push(folder);
        }
      }
      for (const file of ['src/generated/openapi.json', 'src/generated/ir.json']) {
        if (!existsSync(inProject(file))) missing.push(file);
      }
      expect(missing, generate.output).toStrictEqual([]);

      const ir = readJson<{ specs: { key: string; kind: string }[]; enums: { name: string }[] }>(
        inProject('src/generated/ir.json'),
      );
      expect({
        shopSpecs: ir.specs
          .filter((spec) => spec.key.startsWith('shop.'))
          .map((spec) => `${spec.kind} ${spec.key}`)
          .sort(),
        enums: ir.enums.map((entry) => entry.name),
      }).toStrictEqual({
        shopSpecs: [
          'capability shop.ordering',
          'event shop.order.placed',
          'operation shop.order.get',
          'operation shop.order.place',
        ],
        enums: ['OrderStatus'],
      });
      const openapi = readJson<{ paths: Record<string, unknown> }>(
        inProject('src/generated/openapi.json'),
      );
      expect(Object.keys(openapi.paths)).toEqual(
        expect.arrayContaining([
          '/shop/order/place/v1.0.0',
          '/shop/order/get/v1.0.0',
          '/todo/create/v1.0.0',
        ]),
      );
    },
    TEST_TIMEOUT,
  );

  it(
    'contracts generate --import-extension none writes extensionless imports for bundlers',
    () => {
      const generate = run(
        'npx',
        [
          '--no',
          '--',
          'contracts',
          'generate',
          '--out',
          'src/generated-bundler',
          '--import-extension',
          'none',
        ],
        { cwd: project, timeoutMs: STEP_TIMEOUT },
      );
      expect(generate.status, generate.output).toBe(0);
      const handlers = readFileSync(inProject('src/generated-bundler/shop/handlers.ts'), 'utf8');
      const relativeImports = [...handlers.matchAll(/from '(\.[^']*)'/g)].map((match) => match[1]);
      expect(relativeImports.length).toBeGreaterThan(0);
      expect(relativeImports.filter((specifier) => specifier?.endsWith('.js'))).toStrictEqual([]);
    },
    TEST_TIMEOUT,
  );

  for (const config of TSCONFIGS) {
    it(
      `tsc --noEmit passes in ${config.what}`,
      () => {
        const tsc = run(
          'npx',
          ['--no', '--', 'tsc', '--noEmit', '-p', `tsconfig.${config.name}.json`],
          {
            cwd: project,
            timeoutMs: STEP_TIMEOUT,
          },
        );
        expect(tsc.status, tsc.output).toBe(0);
      },
      TEST_TIMEOUT,
    );
  }

  it(
    'a compiled app calls the generated routers in process and over HTTP',
    () => {
      runOk('npx', ['--no', '--', 'tsc', '-p', 'tsconfig.build.json'], {
        cwd: project,
        timeoutMs: STEP_TIMEOUT,
      });
      const app = run(process.execPath, ['dist/app.js'], { cwd: project, timeoutMs: 60_000 });
      expect([app.status, app.stderr], app.output).toStrictEqual([0, '']);
      const lines = app.stdout.trim().split('\n');
      expect(lines, app.output).toHaveLength(1);

      const order = {
        orderId: 'order-1',
        status: 'pending',
        lines: [
          { sku: 'BOOK-1', quantity: 2, unitPrice: 12.5 },
          { sku: 'PEN-7', quantity: 1, unitPrice: 1.25 },
        ],
        placedAt: '2026-01-31T12:00:00Z',
        deliveryDate: '2026-02-14',
        note: 'leave at the door',
      };
      const scenario = {
        placed: order,
        deliveryIsDate: true,
        gotSameOrder: true,
        refused: {
          code: 'VALIDATION_FAILED',
          status: 400,
          paths: [
            'input.deliveryDate',
            'input.lines[0].quantity',
            'input.lines[0].sku',
            'input.surprise',
          ],
        },
        declared: { code: 'OUT_OF_STOCK', status: 409, message: 'SOLD-OUT is out of stock' },
        notFound: { code: 'ORDER_NOT_FOUND', status: 404 },
        unauthorized: { code: 'UNAUTHORIZED', status: 401 },
        todo: 'ship the outside test',
        events: [
          {
            key: 'shop.order.placed',
            version: '1.0.0',
            operation: 'shop.order.place@1.0.0',
            payload: {
              orderId: 'order-1',
              status: 'pending',
              lineCount: 2,
              placedAt: '2026-01-31T12:00:00Z',
            },
            emittedAtIsIso: true,
          },
          {
            key: 'todo.created',
            version: '1.0.0',
            operation: 'todo.create@1.0.0',
            payload: {
              id: 'todo-1',
              title: 'ship the outside test',
              createdAt: '2026-01-31T12:00:00Z',
            },
            emittedAtIsIso: true,
          },
        ],
      };
      expect(JSON.parse(lines[0]!), app.output).toStrictEqual({
        routerFromRoot: true,
        local: scenario,
        http: scenario,
        serverUrlIsLoopback: true,
        serverLogs: [],
      });
    },
    TEST_TIMEOUT,
  );
});

describe('the runtime tarball alone, installed for production', () => {
  it(
    'pulls in none of the generator tools and loads every entry point',
    () => {
      runtimeOnly = createTempProject('contracts-runtime-only');
      const install = run(
        'npm',
        [
          'install',
          '--omit=dev',
          '--no-audit',
          '--no-fund',
          '--prefer-offline',
          packed.runtime,
          'zod@4.6.7',
        ],
        { cwd: runtimeOnly, timeoutMs: INSTALL_TIMEOUT },
      );
      expect(install.status, install.output).toBe(0);

      const ls = run('npm', ['ls', '--omit=dev', '--all', '--parseable'], {
        cwd: runtimeOnly,
        timeoutMs: STEP_TIMEOUT,
      });
      expect(ls.status, ls.output).toBe(0);
      // One absolute path a line: the project itself, then each installed package.
      const marker = `${path.sep}node_modules${path.sep}`;
      const installed = ls.stdout
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line.includes(marker))
        .map((line) =>
          line
            .slice(line.lastIndexOf(marker) + marker.length)
            .split(path.sep)
            .join('/'),
        );
      console.log(
        `contracts-runtime production install: ${installed.length} packages ` +
          `(${installed.filter((name) => name !== 'contracts-runtime' && name !== 'zod').length} ` +
          `besides contracts-runtime and zod): ${[...new Set(installed)].sort().join(', ')}`,
      );
      expect(installed).toContain('contracts-runtime');
      expect(installed.filter((name) => GENERATOR_ONLY.includes(name))).toStrictEqual([]);

      // Every JavaScript entry point of the exports map loads without the generator installed.
      const pkg = readJson<{ exports: Record<string, unknown> }>(
        path.join(runtimeOnly, 'node_modules', 'contracts-runtime', 'package.json'),
      );
      const specifiers = Object.keys(pkg.exports)
        .filter((key) => !key.endsWith('.json'))
        .map((key) => (key === '.' ? 'contracts-runtime' : `contracts-runtime/${key.slice(2)}`));
      const script = `const failed = [];
for (const specifier of ${JSON.stringify(specifiers)}) {
  try { await import(specifier); } catch (error) { failed.push(specifier + ': ' + error.message); }
}
process.stdout.write(JSON.stringify(failed));`;
      const load = run(process.execPath, ['--input-type=module', '-e', script], {
        cwd: runtimeOnly,
        timeoutMs: STEP_TIMEOUT,
      });
      expect(load.status, load.output).toBe(0);
      expect(JSON.parse(load.stdout), load.output).toStrictEqual([]);
    },
    TEST_TIMEOUT,
  );
});
