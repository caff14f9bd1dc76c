import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { OutputFile } from '../output-file.js';
import { TEMPLATES_DIR } from '../render-template.js';

const require = createRequire(import.meta.url);

/** Our own assets, copied from `templates/site/assets/`. */
const OWN_ASSETS = ['site.css', 'site.js', 'theme.js', 'search-shards.js', 'search.js'] as const;

/**
 * MiniSearch's browser bundle (its UMD build, which sets `window.MiniSearch`), shipped with the
 * site so search works with no network; the source map comment is dropped, the map is not shipped.
 */
function miniSearchBundle(): string {
  const entry = require.resolve('minisearch');
  const umd = join(dirname(entry), '..', 'umd', 'index.js');
  return readFileSync(umd, 'utf8').replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n');
}

let cached: OutputFile[] | undefined;

/** The static assets every site holds, under `assets/`: CSS, scripts and the search library. */
export function siteAssets(): OutputFile[] {
  cached ??= [
    ...OWN_ASSETS.map((name) => ({
      path: `assets/${name}`,
      contents: readFileSync(`${TEMPLATES_DIR}site/assets/${name}`, 'utf8'),
    })),
    { path: 'assets/minisearch.js', contents: miniSearchBundle() },
  ];
  return cached;
}
