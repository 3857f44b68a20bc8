/**
 * Prometheus metrics: one registry per app instance so tests never share counters. They are
 * served by a listener of their own (METRICS_HOST:METRICS_PORT, loopback by default), never on
 * the public one: metric labels name routes, channels and outcomes an outsider has no use for.
 */
import Fastify, { type FastifyInstance } from "fastify";
import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";

export interface Metrics {
  registry: Registry;
  httpDuration: Histogram<"method" | "route" | "status">;
  inbound: Counter<"channel" | "outcome">;
  outbound: Counter<"channel" | "outcome">;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpDuration: new Histogram({
      name: "choem_http_request_duration_seconds",
      help: "HTTP request duration by route and status",
      labelNames: ["method", "route", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    inbound: new Counter({
      name: "choem_inbound_updates_total",
      help: "Inbound platform updates by channel and outcome (handled, duplicate, ignored, rate-limited, error)",
      labelNames: ["channel", "outcome"],
      registers: [registry],
    }),
    outbound: new Counter({
      name: "choem_outbound_messages_total",
      help: "Outbound sends by channel and outcome",
      labelNames: ["channel", "outcome"],
      registers: [registry],
    }),
  };
}

/** The scrape listener: GET /metrics and nothing else; scrapes every few seconds are not logged. */
export async function buildMetricsServer(metrics: Metrics): Promise<FastifyInstance> {
  const app = Fastify();
  app.get("/metrics", async (_request, reply) => {
    reply.header("content-type", metrics.registry.contentType);
    return metrics.registry.metrics();
  });
  return app;
}
