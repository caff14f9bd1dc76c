import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../../packages/codegen/src/generator/emit/openapi-emitter.js';
import { buildIr } from '../../packages/codegen/src/generator/ir/build-ir.js';
import { PROJECT_ROOT } from '../support/cli.js';

// Under the root's node_modules so `openapi-fetch` resolves; never inside the source tree.
const cacheDir = join(PROJECT_ROOT, 'node_modules/.cache');
mkdirSync(cacheDir, { recursive: true });
const work = mkdtempSync(join(cacheDir, 'contracts-openapi-ts-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const USE = `import createClient from 'openapi-fetch';
import type { components, paths } from './api.js';

const client = createClient<paths>({ baseUrl: 'http://127.0.0.1:8787', headers: { authorization: 'Bearer t' } });

export async function runStatus(runId: string): Promise<string> {
  const { data, error } = await client.GET('/harness/run/get/v1.0.0', { params: { query: { runId } } });
  if (error) return error.code;
  return data.run.status;
}

export async function startSuite(suiteKey: string): Promise<components['schemas']['HarnessRun'] | string> {
  const { data, error } = await client.POST('/harness/run/start/v1.0.0', { body: { suiteKey } });
  if (error) return error.code;
  return data.run;
}

export async function statusList(limit: number): Promise<number> {
  const { data } = await client.GET('/agent/status/v1.0.0', { params: { query: { limit } } });
  return data?.runs.length ?? 0;
}
`;

const MISUSE = `import createClient from 'openapi-fetch';
import type { paths } from './api.js';

const client = createClient<paths>({ baseUrl: 'http://127.0.0.1:8787' });
export const wrongType = client.GET('/harness/run/get/v1.0.0', { params: { query: { runId: 42 } } });
export const unknownPath = client.POST('/harness/run/nothing/v1.0.0', {});
export const wrongBody = client.POST('/harness/run/start/v1.0.0', { body: { suiteKey: 1 } });
`;

describe('a third-party generator over generated OpenAPI', () => {
  it('openapi-typescript types + openapi-fetch type-check, and misuse is caught', async () => {
    const ir = buildIr({ specsDir: `${PROJECT_ROOT}specs`, rootDir: PROJECT_ROOT });
    const types = astToString(await openapiTS(openApiDocument(ir) as never));
    writeFileSync(join(work, 'api.ts'), types);
    writeFileSync(join(work, 'use.ts'), USE);
    writeFileSync(join(work, 'misuse.ts'), MISUSE);
    const program = ts.createProgram(
      ['api.ts', 'use.ts', 'misuse.ts'].map((name) => join(work, name)),
      {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        strict: true,
        noUncheckedIndexedAccess: true,
        noEmit: true,
        skipLibCheck: true,
        types: [],
        lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
      },
    );
    const errors = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const line = diagnostic.file?.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line;
      return `${diagnostic.file ? relative(work, diagnostic.file.fileName) : '-'}:${line === undefined ? '-' : line + 1}`;
    });
    expect([...new Set(errors)]).toStrictEqual(['misuse.ts:5', 'misuse.ts:6', 'misuse.ts:7']);
  });
});
