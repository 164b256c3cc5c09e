import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ENSURE = new URL('../../scripts/ensure-build.mjs', import.meta.url).pathname;

// A stand-in for scripts/build.mjs: writes the outputs and the stamp, and counts its runs.
const FAKE_BUILD = `import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
mkdirSync('dist/server', { recursive: true }); mkdirSync('dist/ui/.vite', { recursive: true });
for (const f of ['dist/server/main.js', 'dist/server/intake-thread.js', 'dist/ui/.vite/manifest.json']) writeFileSync(f, '');
writeFileSync('dist/.build-stamp', new Date().toISOString());
appendFileSync('builds.log', 'built\\n');`;

describe('npm start builds dist/ only when it is missing or older than the sources (scripts/ensure-build.mjs)', () => {
  it('builds a fresh clone, not again when nothing changed, again after a source changes or an output goes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ensure-build-'));
    mkdirSync(join(dir, 'scripts'));
    mkdirSync(join(dir, 'server'));
    cpSync(ENSURE, join(dir, 'scripts', 'ensure-build.mjs'));
    writeFileSync(join(dir, 'scripts', 'build.mjs'), FAKE_BUILD);
    writeFileSync(join(dir, 'server', 'main.ts'), '');
    writeFileSync(join(dir, 'package.json'), '{}');
    const start = () => execFileSync(process.execPath, ['scripts/ensure-build.mjs'], { cwd: dir, encoding: 'utf8' });
    const builds = () => execFileSync('cat', ['builds.log'], { cwd: dir, encoding: 'utf8' }).trim().split('\n').length;

    expect(start()).toMatch(/building dist\/ \(missing/);
    expect(start()).toMatch(/up to date/);
    expect(builds()).toBe(1);
    const later = new Date(Date.now() + 5_000);
    writeFileSync(join(dir, 'server', 'errors.ts'), '');
    utimesSync(join(dir, 'server', 'errors.ts'), later, later);
    expect(start()).toMatch(/sources changed/);
    expect(start()).toMatch(/up to date/); // even though that source is dated in the future
    expect(builds()).toBe(2);
    execFileSync('rm', ['dist/server/intake-thread.js'], { cwd: dir });
    expect(start()).toMatch(/missing dist\/server\/intake-thread\.js/);
    expect(builds()).toBe(3);
  });
});
