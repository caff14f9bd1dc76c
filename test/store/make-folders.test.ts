import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeFolders, makeFoldersSync } from '../../packages/runtime/src/core/make-folders.js';
import { runCli } from '../support/cli.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'contracts-folders-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const code = (run: () => unknown) => {
  try {
    run();
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code;
  }
};

/** A path inside /proc: mkdir answers ENOENT under an existing parent, forever for Node's own. */
const PROC_PATH = '/proc/contracts-no-such-folder/deeper';
const hasProc = existsSync('/proc/self');

describe('makeFolders', () => {
  it('makes the missing folders, returning the first it made, as mkdir -p does', async () => {
    const deep = join(root, 'a', 'b', 'c');
    expect(makeFoldersSync(deep)).toBe(join(root, 'a'));
    expect(statSync(deep).isDirectory()).toBe(true);
    expect(makeFoldersSync(deep)).toBeUndefined();
    expect(await makeFolders(join(root, 'a', 'x', 'y'))).toBe(join(root, 'a', 'x'));
    expect(await makeFolders(join(root, 'a', 'x', 'y'))).toBeUndefined();
  });

  it('refuses a path that is a file (EEXIST) or lies under one (ENOTDIR)', async () => {
    writeFileSync(join(root, 'file'), 'x');
    expect(code(() => makeFoldersSync(join(root, 'file')))).toBe('EEXIST');
    expect(code(() => makeFoldersSync(join(root, 'file', 'sub')))).toBe('ENOTDIR');
    await expect(makeFolders(join(root, 'file'))).rejects.toMatchObject({ code: 'EEXIST' });
    await expect(makeFolders(join(root, 'file', 'sub'))).rejects.toMatchObject({
      code: 'ENOTDIR',
    });
    mkdirSync(join(root, 'ok'));
    expect(makeFoldersSync(join(root, 'ok'))).toBeUndefined();
  });

  it.runIf(hasProc)(
    'fails at once where mkdir answers ENOENT under an existing parent',
    async () => {
      expect(code(() => makeFoldersSync(PROC_PATH))).toBe('ENOENT');
      await expect(makeFolders(PROC_PATH)).rejects.toMatchObject({ code: 'ENOENT' });
    },
  );

  it.runIf(hasProc)(
    'generate exits with an error on such an --out, and warns on such a --cache-dir',
    () => {
      writeFileSync(
        join(root, 'contracts.config.json'),
        JSON.stringify({ specs: ['specs/**/*.ts'] }),
      );
      mkdirSync(join(root, 'specs'));
      writeFileSync(
        join(root, 'specs', 'ping.ts'),
        [
          "import { defineCommand, ScalarTypeEnum, SchemaModel } from 'contracts-codegen/language';",
          "const Ping = new SchemaModel({ name: 'Ping', fields: { id: { type: ScalarTypeEnum.String_unsecure(), isOptional: false } } });",
          'export const PingCommand = defineCommand({',
          "  meta: { key: 'x.ping', version: '1.0.0', title: 'Ping', description: 'Pings.', goal: 'Ping.', context: 'Tests.', owners: ['x'], tags: ['x'], stability: 'experimental' },",
          '  io: { input: Ping, output: Ping },',
          "  policy: { auth: 'user' },",
          '});',
          '',
        ].join('\n'),
      );
      const out = runCli(['generate', '--no-cache', '--out', PROC_PATH], root);
      expect(out.status).not.toBe(0);
      expect(out.stderr).toContain('ENOENT');
      const cache = runCli(['generate', '--cache-dir', PROC_PATH], root);
      expect(cache.stderr).toContain(
        `contracts: warning: could not write the cache in ${PROC_PATH}`,
      );
      expect(cache.status).toBe(0);
    },
  );
});
