import type { FaultConfig } from './types.js';

export type FailureFault = { status: 500 | 503 | 429 };
export type DropFault = 'destroy' | 'status503';

/** Decides whether this request fails before it is handled, and with which status. */
export function pickFailure(faults: FaultConfig): FailureFault | undefined {
  const random = faults.random ?? Math.random;
  if (!faults.failureRate || random() >= faults.failureRate) return undefined;
  const statuses = faults.failureStatuses?.length ? faults.failureStatuses : ([500, 503, 429] as const);
  const status = statuses[Math.min(statuses.length - 1, Math.floor(random() * statuses.length))] ?? 500;
  return { status };
}

/** Decides whether a write that already succeeded loses its response, and how. */
export function pickDrop(faults: FaultConfig): DropFault | undefined {
  const random = faults.random ?? Math.random;
  if (!faults.dropAfterWriteRate || random() >= faults.dropAfterWriteRate) return undefined;
  const mode = faults.dropMode ?? 'mixed';
  if (mode !== 'mixed') return mode;
  return random() < 0.5 ? 'destroy' : 'status503';
}
