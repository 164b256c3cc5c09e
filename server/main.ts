import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from './config.js';
import { createApp } from './app.js';
import { createMetricsApp } from './http/metrics-app.js';
import { composeRuntime } from './compose.js';
import { createLogger } from './http/logger.js';
import { applyV8Flags } from './v8-flags.js';
import { warmHttp, warmUp } from './warm-up.js';

// The built panel: dist/ui, beside dist/server when running compiled (npm start), ../dist/ui from the
// sources (npm run dev, tests).
const UI_DIST = fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? '../dist/ui' : '../ui', import.meta.url));

/**
 * Composition root and the only module with start-up side effects: read config once (exit 2 naming every
 * bad variable), open and migrate the database, start the worker, listen, and shut down gracefully.
 */
async function main(): Promise<void> {
  applyV8Flags();
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nFix these environment variables and start again (see README: Configuration).\n`);
      process.exit(2);
    }
    throw err;
  }
  const log = createLogger(config.logLevel);
  const runtime = await composeRuntime(config, { log, distDir: UI_DIST });
  // Listen only once the webhook path has run (issue 15, item 2): until then /readyz cannot answer at
  // all, so no load balancer sends work to a process whose first requests would take ~1 s.
  const warm = await warmUp(runtime.deps);
  const app = createApp(runtime.deps);
  const httpStarted = performance.now();
  await warmHttp(app);
  log.info({ ms: warm.ms, httpMs: Math.round(performance.now() - httpStarted) }, 'warmed up: intake threads started, webhook path run through (writes rolled back), HTTP stack exercised');
  const server = createServer(app);
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(config.port, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  // METRICS_PORT: metrics without a token, on loopback only (issue 15, item 6; README: Operations).
  const metricsServer = config.metrics.port === undefined ? undefined : createServer(createMetricsApp(runtime.deps));
  if (metricsServer) {
    await new Promise<void>((resolve) => metricsServer.listen(config.metrics.port, '127.0.0.1', resolve));
    const a = metricsServer.address();
    log.info({ port: typeof a === 'object' && a ? a.port : config.metrics.port, host: '127.0.0.1' }, 'metrics listening (localhost only)');
  }
  runtime.sandbox?.setSelfUrl(`http://127.0.0.1:${port}`);
  if (config.workerConcurrency > 0) runtime.worker.start();
  log.info({ port, publicUrl: runtime.deps.config.publicUrl, sandbox: config.sandbox, database: runtime.db.dialect, startupMs: Math.round(performance.now()) }, 'add-on listening');
  if (config.sandbox) log.info(`sandbox: open ${runtime.deps.config.publicUrl}/sandbox to try it`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: no new requests, finishing in-flight work');
    const force = setTimeout(() => { log.error('shutdown took longer than 20 s; exiting'); process.exit(1); }, 20_000);
    force.unref();
    metricsServer?.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await runtime.close();
    log.info('stopped cleanly');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => {
  process.stderr.write(`Start-up failed: ${(err as Error).message}\n`);
  process.exit(1);
});
