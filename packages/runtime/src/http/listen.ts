import { getRequestListener } from '@hono/node-server';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpApp } from './http-app.js';

/** A listening server: its base URL (`http://127.0.0.1:8787`), port, and `close`. */
export interface RunningServer {
  readonly url: string;
  readonly port: number;
  /**
   * Ends the `/events` streams, stops accepting connections and waits for open requests; after
   * `graceMs` (default 5,000 ms) the remaining connections are cut.
   */
  close(graceMs?: number): Promise<void>;
}

/**
 * Serves `app` on `host:port` (`port` 0 picks a free port) with a Node HTTP server: requests at
 * operation paths are answered by `app.answerDirect`, every other one by Hono's Node adapter
 * (`getRequestListener`, as its `serve` does; a request without Host resolves against `host`).
 * @throws Error (EADDRINUSE, EACCES …) when the socket cannot be bound.
 */
export function startHttpServer(
  app: HttpApp,
  options: { readonly host: string; readonly port: number },
): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const viaHono = getRequestListener(app.fetch, { hostname: options.host });
    const server = createServer((incoming, outgoing) => {
      if (!app.answerDirect(incoming, outgoing)) void viaHono(incoming, outgoing);
    });
    server.listen(options.port, options.host);
    server.once('error', reject);
    server.once('listening', () => {
      server.off('error', reject);
      const { port } = server.address() as AddressInfo;
      const host = options.host.includes(':') ? `[${options.host}]` : options.host;
      resolve({
        url: `http://${host}:${port}`,
        port,
        close: (graceMs = 5_000) =>
          new Promise<void>((done) => {
            app.close();
            const force = setTimeout(() => server.closeAllConnections(), graceMs);
            // Connections turn idle as their last answer (an ended event stream) finishes.
            const idle = setInterval(() => server.closeIdleConnections(), 20);
            server.close(() => {
              clearTimeout(force);
              clearInterval(idle);
              done();
            });
            server.closeIdleConnections();
          }),
      });
    });
  });
}
