import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  PACKAGES,
  REPO_ROOT,
  npmPack,
  readJson,
  type PackEntry,
  type PackageName,
} from './support.js';

/**
 * What each tarball contains, from `npm pack --dry-run --json`: the manifest, README and LICENSE,
 * the compiled JavaScript with its declarations and the data files the exports map points at —
 * and no source maps, TypeScript sources, tests or benchmarks.
 */

const TEST_TIMEOUT = 300_000;

/**
 * The CLI bundled from dist/cli/ (scripts/bundle-cli.mjs): only the bin loads it, so it has no
 * declarations and no source of its own under src/.
 */
const isCliBundle = (file: string) => file.startsWith('dist/cli-bundle/');

/** The compiled modules a tarball ships, each built from a src/ module with a .d.ts beside it. */
const compiledModules = (files: readonly string[]) =>
  files.filter((file) => file.startsWith('dist/') && file.endsWith('.js') && !isCliBundle(file));

let entries: PackEntry[];

beforeAll(() => {
  entries = npmPack(['--dry-run']);
  for (const entry of entries) {
    console.log(
      `${entry.filename}: size ${entry.size} B (${(entry.size / 1024).toFixed(1)} KiB), ` +
        `unpackedSize ${entry.unpackedSize} B (${(entry.unpackedSize / 1024).toFixed(1)} KiB), ` +
        `${entry.entryCount ?? entry.files.length} files`,
    );
  }
}, TEST_TIMEOUT);

function filesOf(name: PackageName): string[] {
  const entry = entries.find((candidate) => candidate.name === name);
  if (!entry) throw new Error(`npm pack --dry-run listed no ${name} tarball`);
  return entry.files.map((file) => file.path).sort();
}

/** Every file path the package's `exports` and `bin` name, without the leading `./`. */
function manifestTargets(name: PackageName): string[] {
  const pkg = readJson<{ exports?: unknown; bin?: string | Record<string, string>; main?: string }>(
    path.join(REPO_ROOT, PACKAGES[name], 'package.json'),
  );
  const targets = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') targets.add(value.replace(/^\.\//, ''));
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(pkg.exports);
  walk(pkg.bin);
  walk(pkg.main);
  return [...targets].sort();
}

const NAMES = Object.keys(PACKAGES) as PackageName[];

describe.each(NAMES)('the %s tarball', (name) => {
  it(
    'has package.json, README.md and LICENSE',
    () => {
      const files = filesOf(name);
      expect(
        ['package.json', 'README.md', 'LICENSE'].filter((file) => !files.includes(file)),
        `missing from ${name}`,
      ).toStrictEqual([]);
    },
    TEST_TIMEOUT,
  );

  it(
    'ships dist/**/*.js with a .d.ts next to each',
    () => {
      const files = filesOf(name);
      const js = compiledModules(files);
      const dts = files.filter((file) => file.startsWith('dist/') && file.endsWith('.d.ts'));
      expect(js.length).toBeGreaterThan(0);
      expect(dts.length).toBeGreaterThan(0);
      expect(js.filter((file) => !files.includes(file.replace(/\.js$/, '.d.ts')))).toStrictEqual(
        [],
      );
    },
    TEST_TIMEOUT,
  );

  it(
    'ships no source maps, TypeScript sources, tests, benchmarks or build info',
    () => {
      const files = filesOf(name);
      const segments = (file: string) => file.split('/');
      expect({
        maps: files.filter((file) => file.endsWith('.map')),
        typescriptSources: files.filter(
          (file) => /\.(c|m)?tsx?$/.test(file) && !/\.d\.(c|m)?ts$/.test(file),
        ),
        src: files.filter(
          (file) => file.startsWith('src/') && file !== 'src/generated/openapi.json',
        ),
        bench: files.filter((file) => segments(file).includes('bench')),
        tests: files.filter(
          (file) =>
            segments(file).some((part) => ['test', 'tests', '__tests__'].includes(part)) ||
            /\.(test|spec)\.[cm]?[jt]s$/.test(file),
        ),
        buildInfo: files.filter((file) => file.endsWith('.tsbuildinfo')),
        tsconfig: files.filter((file) => /(^|\/)tsconfig[^/]*\.json$/.test(file)),
      }).toStrictEqual({
        maps: [],
        typescriptSources: [],
        src: [],
        bench: [],
        tests: [],
        buildInfo: [],
        tsconfig: [],
      });
    },
    TEST_TIMEOUT,
  );

  it(
    'ships no stale build output (each dist/**/*.js has its source in src/)',
    () => {
      const folder = path.join(REPO_ROOT, PACKAGES[name]);
      const stale = compiledModules(filesOf(name)).filter(
        (file) => !existsSync(path.join(folder, 'src', file.slice(5).replace(/\.js$/, '.ts'))),
      );
      expect(stale, `in ${name}: built from sources that no longer exist`).toStrictEqual([]);
    },
    TEST_TIMEOUT,
  );

  it(
    'ships every file its exports map and bin point at',
    () => {
      const files = filesOf(name);
      const targets = manifestTargets(name);
      expect(targets.length).toBeGreaterThan(0);
      expect(targets.filter((target) => !files.includes(target))).toStrictEqual([]);
    },
    TEST_TIMEOUT,
  );
});

describe('package-specific files', () => {
  it(
    'contracts-runtime ships src/generated/openapi.json and schemas/harness-suite.schema.json',
    () => {
      expect(filesOf('contracts-runtime')).toEqual(
        expect.arrayContaining(['src/generated/openapi.json', 'schemas/harness-suite.schema.json']),
      );
    },
    TEST_TIMEOUT,
  );

  it(
    'contracts-codegen ships templates/ and schemas/contracts.config.schema.json',
    () => {
      const files = filesOf('contracts-codegen');
      expect(files.filter((file) => file.startsWith('templates/')).length).toBeGreaterThan(0);
      expect(files).toContain('schemas/contracts.config.schema.json');
      expect(files).toContain('dist/cli/main.js');
      expect(files).toContain('dist/cli-bundle/main.js');
    },
    TEST_TIMEOUT,
  );
});
