import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ConfigError, loadConfig } from './config.js';
import { buildManifest } from './servicem8/manifest.js';
import { migrate, openDatabase } from './store/db.js';
import { replayDelivery } from './calls/replay-delivery.js';
import { applyV8Flags } from './v8-flags.js';

/** `npm run redact | migrate | replay | manifest` — the command-line side of the add-on (DESIGN.md). */
const [command, ...args] = process.argv.slice(2);

async function redact(): Promise<void> {
  if (!args.includes('--jsonl')) {
    process.stderr.write('usage: npm run redact -- --jsonl  < lines of {"id","text"}\n');
    process.exit(2);
  }
  applyV8Flags(); // as the server does: redaction's allocation pattern (server/v8-flags.ts)
  // Loaded lazily so the other commands do not pay for the redaction tables.
  const { redactJsonLine } = await import('./redaction/redact-jsonl.js');
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (line.trim()) process.stdout.write(`${redactJsonLine(line)}\n`);
  }
}

function config() {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) { process.stderr.write(`${err.message}\n`); process.exit(2); }
    throw err;
  }
}

async function main(): Promise<void> {
  switch (command) {
    case 'redact':
      return redact();
    case 'migrate': {
      const handle = openDatabase(config().databaseUrl);
      const applied = await migrate(handle);
      process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'database is up to date\n');
      return handle.close();
    }
    case 'replay': {
      const id = args[0];
      if (!id) { process.stderr.write('usage: npm run replay -- <delivery id>\n'); process.exit(2); }
      const result = await replayDelivery(config(), id);
      process.stdout.write(`${JSON.stringify(result)}\n`);
      return;
    }
    case 'manifest': {
      const c = config();
      const outIndex = args.indexOf('--out');
      const dir = outIndex >= 0 && args[outIndex + 1] ? args[outIndex + 1]! : 'manifest';
      mkdirSync(dir, { recursive: true });
      // DOCUMENT_SENDS=1 or --sends: the add-on sends documents itself, so it asks for publish_email /
      // publish_sms (issue 14); the served /manifest.json follows the same setting.
      const sends = args.includes('--sends') || c.documentSends === true;
      writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(buildManifest(c.publicUrl, { sends }), null, 2)}\n`);
      process.stdout.write(`wrote ${join(dir, 'manifest.json')} for ${c.publicUrl}${sends ? ' (with the messaging scopes)' : ''}\n`);
      return;
    }
    default:
      process.stderr.write('usage: cli.ts redact --jsonl | migrate | replay <delivery id> | manifest [--sends] [--out <dir>]\n');
      process.exit(2);
  }
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).message}\n`);
  process.exit(1);
});
