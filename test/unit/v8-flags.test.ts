import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const WORKLOAD = new URL('../fixtures/pretenuring-workload.ts', import.meta.url).pathname;

/** V8's own trace of its pretenuring decisions for a burst of objects that all stay alive. */
function tenureDecisions(apply: boolean): number {
  const args = ['--trace-pretenuring-statistics', '--import', 'tsx', WORKLOAD, ...(apply ? ['--apply'] : [])];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 60_000 });
  expect(r.stdout).toContain('kept 1000000');
  return r.stdout.split('\n').filter((l) => l.includes('=> tenure')).length;
}

describe('applyV8Flags', () => {
  it('stops V8 from pretenuring allocation sites when set at run time (the control run shows it would)', () => {
    expect(tenureDecisions(false)).toBeGreaterThan(0);
    expect(tenureDecisions(true)).toBe(0);
  });
});
