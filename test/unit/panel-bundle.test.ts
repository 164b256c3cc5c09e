import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

// The same measure as bench/panel.ts: every built .js asset, gzipped, summed. npm test builds the UI first.
const ASSETS = new URL('../../dist/ui/assets/', import.meta.url);
const built = existsSync(ASSETS);
if (!built) console.warn('[notice] dist/ui is not built: the panel bundle budget test is SKIPPED (npm test builds it).');

describe.skipIf(!built)('panel bundle', () => {
  it('stays within 20 KB of gzipped JavaScript', () => {
    const js = readdirSync(ASSETS).filter((f) => f.endsWith('.js'));
    const bytes = js.reduce((n, f) => n + gzipSync(readFileSync(new URL(f, ASSETS))).length, 0);
    console.info(`[bundle] panel JS ${bytes} B gz of 20 480`);
    expect(bytes).toBeLessThanOrEqual(20 * 1024);
  });
});
