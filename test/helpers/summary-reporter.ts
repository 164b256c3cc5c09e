import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints one plain closing line — "N passed, N failed, N skipped" — after vitest's own summary, so CI
 * logs carry a machine-readable total regardless of vitest's formatting.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const m of modules) {
      for (const t of m.children.allTests()) {
        const state = t.result().state;
        if (state === 'passed') counts.passed += 1;
        else if (state === 'failed') counts.failed += 1;
        else counts.skipped += 1;
      }
      if (m.state() === 'failed' && ![...m.children.allTests()].length) counts.failed += 1;
    }
    process.stdout.write(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
  }
}
