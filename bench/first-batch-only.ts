import { table } from './lib/report.js';
import { benchFirstBatch } from './first-batch.js';

// `npm run bench:start`: the first-batch rows of `npm run bench` alone (needs dist/: the script builds it).
table('Start-up: a fresh `node dist/server/main.js`, 8 concurrent signed deliveries, then 8 more', await benchFirstBatch());
