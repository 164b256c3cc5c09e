// `npm run build`: compiles the server into dist/server (esbuild, already installed for vite and tsx)
// and the panel into dist/ui (vite), then stamps dist/ so `npm start` knows the build is current
// (scripts/ensure-build.mjs). Production then runs plain `node`, no TypeScript loader (issue 15, item 1).
//
// The server is bundled with its dependencies left external (node_modules is resolved at run time, as
// from the sources): one file to load instead of ~200 modules shortens start-up. The intake thread is
// an entry of its own beside main.js, because intake-pool.ts finds it by URL relative to the running
// module (`./intake-thread.js`). Source maps are linked; `npm start` runs node --enable-source-maps.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { build } from 'esbuild';
import { build as buildUi } from 'vite';

const started = Date.now();
await rm('dist/server', { recursive: true, force: true });
await rm('dist/.build-stamp', { force: true });
await build({
  entryPoints: { main: 'server/main.ts', cli: 'server/cli.ts', 'intake-thread': 'server/intake/intake-thread.ts' },
  outdir: 'dist/server',
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  tsconfig: 'tsconfig.json',
  logLevel: 'warning',
});
const server = Date.now() - started;
await buildUi({ logLevel: 'warn' });
await mkdir('dist', { recursive: true });
await writeFile('dist/.build-stamp', `${new Date().toISOString()}\n`);
process.stdout.write(`built dist/server (${server} ms) and dist/ui (${Date.now() - started - server} ms)\n`);
