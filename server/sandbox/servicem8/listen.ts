import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type RequestHandler } from 'express';

export type Listening = { url: string; close(): Promise<void> };

/** Serves a handler on a real socket (tests, sandbox); `close` also drops keep-alive connections. */
export function listenOn(handler: RequestHandler, port = 0, host = '127.0.0.1'): Promise<Listening> {
  const app = express();
  app.use(handler);
  const server = createServer(app);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address() as AddressInfo;
      resolve({
        url: `http://${host.includes(':') ? `[${host}]` : host}:${actual}`,
        close: () => new Promise<void>((done, fail) => {
          server.close((err) => (err ? fail(err) : done()));
          server.closeAllConnections();
        }),
      });
    });
  });
}
