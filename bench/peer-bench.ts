import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * The hey-api CLI (`@hey-api/openapi-ts`, a root devDependency pinned to 0.99.x): `dist/run.mjs`,
 * which its `bin/run.js` spawns, run directly so that the peak RSS measured is that of the process
 * doing the work.
 */
const HEY_API_CLI = join(
  dirname(require.resolve('@hey-api/openapi-ts/package.json')),
  'dist/run.mjs',
);

/** The installed hey-api version, printed next to its figures. */
export const HEY_API_VERSION = (require('@hey-api/openapi-ts/package.json') as { version: string })
  .version;

/**
 * The command that has hey-api generate, from `openapi` (a path relative to the working folder),
 * what our generator writes for the same operations: the fetch client, the TypeScript types, the
 * zod schemas and the SDK functions, into `out`.
 */
export function heyApiCommand(openapi: string, out: string): string[] {
  return [
    process.execPath,
    HEY_API_CLI,
    '--input',
    openapi.startsWith('.') || openapi.startsWith('/') ? openapi : `./${openapi}`,
    '--output',
    out,
    '--client',
    '@hey-api/client-fetch',
    '--plugins',
    '@hey-api/typescript',
    '@hey-api/sdk',
    'zod',
    '--no-log-file',
    '--silent',
  ];
}
