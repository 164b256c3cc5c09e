/** A clock tests can move by hand. */
export function createFixedClock(start = '2026-11-25T03:20:00.000Z') {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    advance(ms: number) { t += ms; },
    set(iso: string) { t = new Date(iso).getTime(); },
  };
}
