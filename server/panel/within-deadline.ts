/**
 * Settles with the promise's value, or with undefined once `ms` have passed (the work goes on and its result
 * is dropped; a rejection after the deadline is swallowed). For server rendering that must not hold up an
 * answer ServiceM8 is waiting for: a slow ServiceM8 API would otherwise delay the panel by its 10 s timeout.
 */
export function withinDeadline<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => { timer = setTimeout(() => resolve(undefined), ms); });
  work.catch(() => undefined);
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
