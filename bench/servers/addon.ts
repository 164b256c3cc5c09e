import { createServer } from 'node:http';
import { loadConfig } from '../../server/config.js';
import { composeRuntime } from '../../server/compose.js';
import { createApp } from '../../server/app.js';
import { createLogger } from '../../server/http/logger.js';
import { applyV8Flags } from '../../server/v8-flags.js';

/**
 * The add-on in sandbox mode in its own process, as `npm start` runs it (logs silenced: the bench
 * measures the request path, not the terminal). Reports its port and sandbox secrets to the parent.
 */
applyV8Flags(); // as server/main.ts does
const probe = createServer();
await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
const port = (probe.address() as { port: number }).port;
await new Promise((r) => probe.close(r));
const config = loadConfig({ SANDBOX: '1', PORT: String(port), DATABASE_URL: process.env.BENCH_DATABASE_URL ?? 'sqlite::memory:', LOG_LEVEL: 'silent', PUBLIC_URL: `http://127.0.0.1:${port}`, INTAKE_THREADS: process.env.INTAKE_THREADS });
const runtime = await composeRuntime(config, { log: createLogger('silent') });
const server = createServer(createApp(runtime.deps));
server.listen(port, '127.0.0.1', () => {
  runtime.sandbox!.setSelfUrl(`http://127.0.0.1:${port}`);
  if (process.env.BENCH_WORKER === '1') runtime.worker.start();
  const sb = runtime.sandbox!;
  process.send?.({ port, appSecret: sb.appSecret, connectionId: sb.connectionId, webhookSecret: sb.webhookSecret, accountUuid: sb.accountUuid });
});
