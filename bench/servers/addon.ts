import { createServer } from 'node:http';
import { loadConfig } from '../../server/config.js';
import { composeRuntime } from '../../server/compose.js';
import { createApp } from '../../server/app.js';
import { createLogger } from '../../server/http/logger.js';

/**
 * The add-on in sandbox mode in its own process, as `npm start` runs it (logs silenced: the bench
 * measures the request path, not the terminal). Reports its port and sandbox secrets to the parent.
 */
const config = loadConfig({ SANDBOX: '1', DATABASE_URL: process.env.BENCH_DATABASE_URL ?? 'sqlite::memory:', LOG_LEVEL: 'silent', PUBLIC_URL: 'http://127.0.0.1' });
const runtime = await composeRuntime(config, { log: createLogger('silent') });
const server = createServer(createApp(runtime.deps));
server.listen(0, '127.0.0.1', () => {
  const a = server.address();
  const port = typeof a === 'object' && a ? a.port : 0;
  runtime.sandbox!.setSelfUrl(`http://127.0.0.1:${port}`);
  if (process.env.BENCH_WORKER === '1') runtime.worker.start();
  const sb = runtime.sandbox!;
  process.send?.({ port, appSecret: sb.appSecret, connectionId: sb.connectionId, webhookSecret: sb.webhookSecret, accountUuid: sb.accountUuid });
});
process.on('message', async (m: { cmd: string }) => {
  if (m.cmd === 'stats') {
    const depth = await runtime.deps.store.outbox.depth();
    process.send?.({ depth, servicem8Requests: runtime.sandbox!.servicem8.requests.length, rateLimited: runtime.sandbox!.servicem8.requests.filter((r) => r.status === 429).length });
  }
});
