import { benchFirstBatch } from './first-batch.js';
import { benchHttp } from './http.js';
import { benchPipeline } from './pipeline.js';
import { benchRedaction } from './redaction.js';
import { benchPanel } from './panel.js';
import { table } from './lib/report.js';
import { applyV8Flags } from '../server/v8-flags.js';

/**
 * `npm run bench`: figures and ratios against a baseline measured in the same run (never timed
 * assertions). Sizes: BENCH_REQUESTS (default 3000), BENCH_CALLS (default 1000).
 */
// Redaction runs in this process: the same V8 settings as the add-on's (server/v8-flags.ts).
applyV8Flags();
const requests = Number(process.env.BENCH_REQUESTS ?? 3000);
const calls = Number(process.env.BENCH_CALLS ?? 1000);
console.log(`# Benchmarks — ${new Date().toISOString()} — node ${process.version}, ${(await import('node:os')).cpus().length} cores`);
console.log(process.env.TEST_DATABASE_URL ? 'PostgreSQL: TEST_DATABASE_URL' : 'PostgreSQL: skipped (set TEST_DATABASE_URL to include it)');
// Redaction first: it runs in this process, and the HTTP bench leaves hundreds of MB of request bodies
// for this heap to collect (measured: ~25% slower when it ran second).
table('Redaction', benchRedaction(2000));
// Start-up next, while no other bench server is running (issue 15: first batch ≤ 2× warm, < 150 ms).
table('Start-up: fresh `node dist/server/main.js` processes — time to ready, the first 8 concurrent signed deliveries beside the next 8', await benchFirstBatch());
table('HTTP: requests per second and latency (16 connections, server in its own process)', await benchHttp(requests));
table(`Pipeline: ${calls} calls through intake, matching, policy and delivery (simulated ServiceM8)`, await benchPipeline(calls));
for (const [title, rows] of await benchPanel()) table(title, rows);
process.exit(0);
