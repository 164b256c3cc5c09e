// `npm start`, first step: build dist/ only when it is missing or older than the sources (issue 15,
// item 1), so `npm install && npm start` stays one command and a second start does not rebuild.
// "Older" is judged against dist/.build-stamp, which scripts/build.mjs writes once both builds have
// succeeded: a build that failed half-way leaves no stamp, and the next start builds again.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';

const STAMP = 'dist/.build-stamp';
const SOURCES = ['server', 'addon-ui', 'package.json', 'package-lock.json', 'vite.config.ts', 'tsconfig.json', 'scripts/build.mjs'];
const OUTPUTS = ['dist/server/main.js', 'dist/server/intake-thread.js', 'dist/ui/.vite/manifest.json'];

/** Newest modification time under `path` (ms); 0 when it does not exist. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let max = s.mtimeMs; // a deleted file changes its directory's mtime
  for (const name of readdirSync(path)) if (name !== 'node_modules') max = Math.max(max, newest(join(path, name)));
  return max;
}

const stamp = existsSync(STAMP) ? statSync(STAMP).mtimeMs : 0;
const missing = OUTPUTS.filter((f) => !existsSync(f));
const sources = Math.max(...SOURCES.map(newest));
const changed = sources > stamp;
if (!missing.length && !changed) {
  process.stdout.write('dist/ is up to date with the sources: not rebuilding\n');
} else {
  process.stdout.write(`building dist/ (${missing.length ? `missing ${missing.join(', ')}` : 'sources changed since the last build'})\n`);
  try {
    execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
    // A source dated in the future (a clock ahead, an archive's dates) must not make every start rebuild.
    const at = new Date(Math.max(Date.now(), Math.ceil(sources) + 1)); // +1: utimes rounds through float seconds
    utimesSync(STAMP, at, at);
  } catch {
    process.stderr.write('Build failed (see above). With a production-only install (npm ci --omit=dev) build dist/ first, as the Dockerfile does.\n');
    process.exit(1);
  }
}
