// Bundles the compiled CLI (dist/cli/main.js and the modules it imports) into dist/cli-bundle/,
// after `tsc -b`, with rolldown: a few files instead of some 200 modules, so a `contracts` run does
// not resolve, read and compile each one (about 90 ms of a small generation). Every npm package
// but those of INLINED stays an import, resolved from the installer's node_modules as before.
// Each module's `import.meta.url` still names its compiled file under dist/, so what it finds
// relative to itself (templates, the precompiled templates, the package.json) is what the
// unbundled CLI finds. Dynamic imports stay separate chunks, loaded only by the commands that
// need them. The bin falls back to dist/cli/ when a tsc build is newer than the bundle.
import { rmSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const out = `${dist}cli-bundle`;
rmSync(out, { recursive: true, force: true });

/**
 * The packages bundled in, tree-shaken, instead of imported: zod, whose entry module loads every
 * one of its 64 locales (some 60 ms to import; its bundled part, about 20).
 */
const INLINED = ['zod'];

const isPackage = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');
const isInlined = (id) => INLINED.some((name) => id === name || id.startsWith(`${name}/`));

/** Rewrites `import.meta.url` in each module to the URL of the module's own compiled file. */
const keepModuleUrls = {
  name: 'keep-module-urls',
  transform(code, id) {
    if (!code.includes('import.meta.url')) return null;
    const path = relative(out, id).split(sep).join('/');
    return code.replaceAll(
      'import.meta.url',
      `new URL(${JSON.stringify(path)}, import.meta.url).href`,
    );
  },
};

const bundle = await rolldown({
  input: { main: `${dist}cli/main.js` },
  platform: 'node',
  external: (id) => isPackage(id) && !isInlined(id),
  plugins: [keepModuleUrls],
  logLevel: 'warn',
});
await bundle.write({ dir: out, format: 'esm', chunkFileNames: '[name]-[hash].js' });
await bundle.close();
console.log(`bundled the CLI into ${out}`);
