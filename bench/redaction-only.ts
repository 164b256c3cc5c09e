import { applyV8Flags } from '../server/v8-flags.js';
import { table } from './lib/report.js';
import { benchRedaction } from './redaction.js';

// `npm run bench:redaction`: the redaction rows of `npm run bench` alone (same V8 settings), for
// measuring the engine without the HTTP and pipeline benches.
applyV8Flags();
table('Redaction', benchRedaction(Number(process.env.BENCH_CALLS ?? 2000)));
