import { createServiceM8Simulator, type ServiceM8Simulator, type ServiceM8SimulatorOptions } from '../../server/sandbox/servicem8-simulator.js';
import { SEED } from '../../server/sandbox/seed.js';
import { createServiceM8Client, type ServiceM8Client, type ServiceM8ClientOptions } from '../../server/servicem8/client.js';
import { createUnlimitedRateLimiter } from '../../server/servicem8/rate-limit.js';

export type RunningSim = {
  sim: ServiceM8Simulator;
  url: string;
  /** A client for the default account (API key), with instant back-off; override anything. */
  client(overrides?: Partial<ServiceM8ClientOptions>): ServiceM8Client;
  close(): Promise<void>;
};

/** Starts the simulator on 127.0.0.1:0 and hands out clients pointed at it. */
export async function startServiceM8Sim(opts: ServiceM8SimulatorOptions = {}): Promise<RunningSim> {
  const sim = createServiceM8Simulator(opts);
  const { url, close } = await sim.listen();
  return {
    sim,
    url,
    close,
    client: (overrides = {}) => createServiceM8Client({
      baseUrl: url,
      auth: { kind: 'apiKey', apiKey: SEED.apiKey },
      accountUuid: SEED.vendor.uuid,
      limiter: createUnlimitedRateLimiter(),
      sleep: async () => undefined,
      random: () => 0.5,
      ...overrides,
    }),
  };
}

/** A deterministic linear congruential generator so chaos tests are reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 4_294_967_296;
  };
}

/** Returns the given values in turn, then repeats the last one. */
export function sequence(...values: number[]): () => number {
  let i = 0;
  return () => values[Math.min(i++, values.length - 1)] ?? 0;
}
