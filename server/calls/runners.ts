import type { ActionRunner } from '../outbox/runner.js';
import type { DialNexaApi } from './dialnexa-api.js';
import { decideCall, type DecideDeps } from './decide-call.js';
import { fetchDetails } from './fetch-details.js';
import { refreshJob } from './job-refresh.js';
import { createServiceM8Runners } from './servicem8-runners.js';
import { createSendRunner } from '../sends/send-runner.js';

export type RunnerDeps = DecideDeps & { dialnexa?: DialNexaApi; dryRun?: boolean; log?: { info(o: object, m: string): void } };

/** Every outbox action kind and the runner that carries it out. */
export function createRunners(d: RunnerDeps): Record<string, ActionRunner> {
  return {
    ...createServiceM8Runners(d),
    ...createSendRunner(d),
    decide: (item) => decideCall(d, item),
    fetch_details: (item) => fetchDetails(d, item),
    refresh_job: (item) => refreshJob({ ...d, onJobChanged: (a) => d.directory.invalidate(a) }, item),
  };
}
