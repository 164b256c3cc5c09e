import { describe, expect, it, vi } from 'vitest';
import { createIntakeFirst } from '../../server/outbox/intake-first.js';

describe('intake first (the worker lets webhook deliveries in flight finish)', () => {
  it('settles at once with nothing in flight, and when the last delivery leaves', async () => {
    const gate = createIntakeFirst();
    await gate.settled(10_000); // would time the test out if it waited
    gate.enter();
    gate.enter();
    let settled = false;
    const waiting = gate.settled(10_000).then(() => { settled = true; });
    gate.leave();
    await Promise.resolve();
    expect(settled).toBe(false);
    gate.leave();
    await waiting;
    expect(settled).toBe(true);
  });

  it('never waits longer than asked, so background work cannot starve under constant load', async () => {
    vi.useFakeTimers();
    try {
      const gate = createIntakeFirst();
      gate.enter();
      let settled = false;
      const waiting = gate.settled(100).then(() => { settled = true; });
      await vi.advanceTimersByTimeAsync(99);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await waiting;
      expect(settled).toBe(true);
      gate.leave();
      gate.leave(); // an extra leave does not make the count negative
      gate.enter();
      const again = gate.settled(100).then(() => 'settled');
      gate.leave();
      expect(await again).toBe('settled');
    } finally {
      vi.useRealTimers();
    }
  });
});
