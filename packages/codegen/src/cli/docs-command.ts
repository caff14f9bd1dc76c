import { Command } from './commander.js';
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, relative, resolve, sep } from 'node:path';
import { CliError, ExitCode } from './exit-codes.js';
import { listenError } from './listen-error.js';

/** Content types of the files a generated site holds (RFC 6838 registrations). */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** `pathname` percent-decoded (RFC 3986 §2.1, UTF-8), or undefined when it is malformed. */
function decodedPath(pathname: string): string | undefined {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
}

/**
 * Serves the static files under `dir` over HTTP on `host:port` (port 0 picks a free one): GET and
 * HEAD only, `/` and folders answer their `index.html`, a folder named without its trailing slash
 * (`/en`) answers 301 to the same path with the slash and the query (`/en/?q`), as serve-static's
 * `redirect` option does, since relative links resolve against the last `/` of the page's URL
 * (RFC 3986 §5.2.3); a path that is not valid percent-encoded UTF-8 answers 400; a path that
 * leaves `dir` or names no file answers 404 with `404.html` (given a `<base href="/">` so its
 * relative links work at any depth). Resolves once listening; the caller closes the returned
 * server.
 * @throws the `listen` error (`code` EADDRINUSE, EACCES, …) when it cannot listen.
 */
export function startSiteServer(dir: string, host: string, port: number): Promise<Server> {
  const root = resolve(dir);
  const server = createServer((request, response) => {
    void (async () => {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405, { allow: 'GET, HEAD' }).end();
        return;
      }
      const url = new URL(request.url ?? '/', 'http://localhost');
      const path = decodedPath(url.pathname);
      if (path === undefined) {
        response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
        response.end('bad request: the path is not valid percent-encoded UTF-8\n');
        return;
      }
      let file = normalize(join(root, path));
      if (file !== root && !file.startsWith(root + sep)) file = '';
      if (file && existsSync(file) && statSync(file).isDirectory()) {
        if (!url.pathname.endsWith('/')) {
          // One leading slash: `//host/` in a Location header would send the browser to that host.
          const location = `${url.pathname.replace(/^\/+/, '/')}/${url.search}`;
          response.writeHead(301, { location, 'content-length': 0 }).end();
          return;
        }
        file = join(file, 'index.html');
      }
      if (file && existsSync(file) && statSync(file).isFile()) {
        const body = await readFile(file);
        response.writeHead(200, {
          'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
          'content-length': body.length,
          'cache-control': 'no-cache',
        });
        response.end(request.method === 'HEAD' ? undefined : body);
        return;
      }
      const notFound = join(root, '404.html');
      const page = existsSync(notFound)
        ? (await readFile(notFound, 'utf8')).replace('<head>', '<head>\n<base href="/">')
        : 'not found\n';
      response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      response.end(request.method === 'HEAD' ? undefined : page);
    })().catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolvePromise(server));
  });
}

/**
 * {@link startSiteServer}, with its listen error turned into a one-line message.
 * @throws CliError (exit 1) when it cannot listen on `host:port` (listen-error.ts).
 */
async function listenOrExplain(dir: string, host: string, port: number): Promise<Server> {
  try {
    return await startSiteServer(dir, host, port);
  } catch (error) {
    throw listenError(error, host, port);
  }
}

interface DocsServeOptions {
  port: string;
  host: string;
  dir?: string;
  config?: string;
}

/**
 * `contracts docs serve [--port 4173] [--host 127.0.0.1] [--dir DIR] [--config FILE]`: previews
 * the generated site (`<out>/site/`, from the config) over HTTP until interrupted. Without
 * `--dir` it also runs the watch loop of `contracts generate --watch` (watch-generate.ts) on the
 * config's specs, so a saved spec rebuilds the tree, site included, and prints the same
 * `contracts: rebuilt: …` line; with `--dir` it serves that folder as it is.
 */
export function docsCommand(): Command {
  const docs = new Command('docs').description('Preview the generated docs site');
  docs
    .command('serve')
    .description('Serve the generated static site over HTTP')
    .option('--port <port>', 'TCP port (0 picks a free one)', '4173')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option(
      '--dir <dir>',
      'site folder, served as it is (default: <out>/site from the config, rebuilt on spec changes)',
    )
    .option('--config <file>', 'config file (default: the nearest contracts.config.json)')
    .addHelpText(
      'after',
      `
Examples:
  $ npx contracts generate && npx contracts docs serve
  $ npx contracts docs serve --port 8080 --host 0.0.0.0

Exit codes: 0 stopped, 1 cannot listen (the port is in use), 2 usage (no site folder, the site
surface turned off, bad port).`,
    )
    .action(async (options: DocsServeOptions) => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new CliError(
          `--port must be an integer from 0 to 65535, got ${options.port}`,
          ExitCode.Usage,
        );
      }
      let dir = options.dir;
      const watched = dir === undefined;
      if (dir === undefined) {
        // Loaded here, not at start: the settings pull in every emitter, which other commands skip.
        const { generateSettingsOf } = await import('./generate-settings.js');
        const settings = await generateSettingsOf(
          options.config !== undefined ? { config: options.config } : {},
        );
        if (settings.emitters.disabled.has('site')) {
          const config = settings.configPath
            ? relative(process.cwd(), settings.configPath)
            : 'the config';
          throw new CliError(
            `the site surface is off in ${config} ("surfaces": {"site": false}), so \`contracts generate\` makes no site; turn it on, or serve a folder with --dir`,
            ExitCode.Usage,
          );
        }
        dir = join(settings.outDir, settings.emitters.site.out ?? 'site');
      }
      if (!existsSync(join(dir, 'index.html'))) {
        throw new CliError(`no site at ${dir} (run \`contracts generate\` first)`, ExitCode.Usage);
      }
      const server = await listenOrExplain(dir, options.host, port);
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      process.stderr.write(
        `contracts: serving ${dir} at http://${options.host}:${actual}/ (Ctrl+C stops)\n`,
      );
      const stopped = new Promise<void>((done) => {
        const stop = () => server.close(() => done());
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      if (watched) {
        const { watchLoop } = await import('./watch-generate.js');
        const generate = options.config !== undefined ? { config: options.config } : {};
        await watchLoop({ ...generate, format: 'text' }, stopped);
      }
      await stopped;
    });
  return docs;
}
