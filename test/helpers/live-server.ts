import { createServer, type Server } from 'node:http';
import { Writable } from 'node:stream';
import { loadConfig } from '../../server/config.js';
import { composeRuntime, type Runtime } from '../../server/compose.js';
import { createApp } from '../../server/app.js';
import { createLogger } from '../../server/http/logger.js';
import { openTestDb } from './databases.js';

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

/**
 * The add-on as `npm start` runs it (sandbox, worker running) on a real port, for browser tests and the
 * bench: PUBLIC_URL is the real origin so the shell's absolute asset URLs resolve.
 */
export async function startLiveServer(): Promise<{ url: string; runtime: Runtime; logs: string[]; close(): Promise<void> }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const tdb = await openTestDb('sqlite');
  const logs: string[] = [];
  const sink = new Writable({ write(c, _e, cb) { logs.push(c.toString()); cb(); } });
  const config = loadConfig({ SANDBOX: '1', PORT: String(port), PUBLIC_URL: url, LOG_LEVEL: 'info' });
  const runtime = await composeRuntime(config, { log: createLogger('info', sink), dbHandle: tdb, worker: { idleMs: 50, baseDelayMs: 10 } });
  const server: Server = createServer(createApp(runtime.deps));
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  runtime.sandbox!.setSelfUrl(url);
  runtime.worker.start();
  return {
    url, runtime, logs,
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await runtime.close();
    },
  };
}
