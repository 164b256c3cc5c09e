import { Pool } from 'undici';

export type LoadResult = { requests: number; seconds: number; rps: number; p50: number; p99: number; statuses: Record<string, number> };

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/**
 * A small closed-loop load generator over keep-alive connections (undici Pool): `connections` clients
 * each send the next request as soon as the previous answer arrives. Latency in milliseconds.
 */
export async function runLoad(o: { origin: string; path: string; method?: 'GET' | 'POST'; headers?: (i: number) => Record<string, string>; body?: (i: number) => string; connections: number; requests: number }): Promise<LoadResult> {
  const pool = new Pool(o.origin, { connections: o.connections, pipelining: 1 });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let next = 0;
  const start = process.hrtime.bigint();
  async function client() {
    for (;;) {
      const i = next++;
      if (i >= o.requests) return;
      const t0 = process.hrtime.bigint();
      const res = await pool.request({ origin: o.origin, path: o.path, method: o.method ?? 'GET', headers: o.headers?.(i), body: o.body?.(i) });
      await res.body.dump();
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
    }
  }
  await Promise.all(Array.from({ length: o.connections }, client));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  await pool.close();
  latencies.sort((a, b) => a - b);
  return { requests: o.requests, seconds, rps: o.requests / seconds, p50: pct(latencies, 50), p99: pct(latencies, 99), statuses };
}
