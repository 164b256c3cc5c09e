import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** One registry per app instance (no global default registry), so tests can build many apps. */
export function createMetrics(outboxDepth?: () => Promise<Record<string, number>>) {
  const registry = new Registry();
  const httpDuration = new Histogram({
    name: 'http_request_duration_seconds', help: 'HTTP request latency by route', labelNames: ['route', 'method', 'status'],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5], registers: [registry],
  });
  const httpTotal = new Counter({ name: 'http_requests_total', help: 'HTTP requests by route and status', labelNames: ['route', 'method', 'status'], registers: [registry] });
  const webhooks = new Counter({ name: 'dialnexa_deliveries_total', help: 'DialNexa webhook deliveries by outcome', labelNames: ['outcome'], registers: [registry] });
  const servicem8Requests = new Counter({ name: 'servicem8_requests_total', help: 'ServiceM8 API requests by status', labelNames: ['method', 'status'], registers: [registry] });
  const outboxActions = new Counter({ name: 'outbox_actions_total', help: 'Outbox actions run, by kind and result', labelNames: ['kind', 'result'], registers: [registry] });
  new Gauge({
    name: 'outbox_depth', help: 'Outbox items by status', labelNames: ['status'], registers: [registry],
    async collect() {
      if (!outboxDepth) return;
      const depth = await outboxDepth();
      for (const [status, n] of Object.entries(depth)) this.set({ status }, n);
    },
  });
  return {
    registry,
    observeHttp(route: string, method: string, status: number, seconds: number) {
      const labels = { route, method, status: String(status) };
      httpDuration.observe(labels, seconds);
      httpTotal.inc(labels);
    },
    countDelivery: (outcome: string) => webhooks.inc({ outcome }),
    countServiceM8: (method: string, status: string) => servicem8Requests.inc({ method, status }),
    countAction: (kind: string, result: string) => outboxActions.inc({ kind, result }),
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
