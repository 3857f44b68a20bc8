/**
 * The HTTP server: health, readiness and metrics here; webhooks and the web chat register
 * their routes through the `routes` plugins src/app.ts passes in (docs/architecture.md#http).
 */
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyPluginAsync } from "fastify";
import type { Logger } from "../core/logger.js";
import type { Metrics } from "./metrics.js";

export interface ServerDeps {
  logger: Logger;
  metrics: Metrics;
  /** Each check answers whether one dependency works right now. */
  readiness: Record<string, () => Promise<boolean>>;
  routes: FastifyPluginAsync[];
}

export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    requestIdHeader: "x-request-id",
    genReqId: () => crypto.randomUUID(),
    bodyLimit: 1024 * 1024,
  });

  app.addHook("onResponse", async (request, reply) => {
    const route = request.routeOptions.url ?? "unmatched";
    deps.metrics.httpDuration
      .labels(request.method, route, String(reply.statusCode))
      .observe(reply.elapsedTime / 1000);
  });

  // Probes and scrapes run every few seconds: keep them out of the logs.
  const quiet = { logLevel: "silent" as const };
  app.get("/healthz", quiet, async () => ({ status: "ok" }));

  app.get("/readyz", quiet, async (_request, reply) => {
    const names = Object.keys(deps.readiness);
    const results = await Promise.all(names.map((name) => deps.readiness[name]!().catch(() => false)));
    const checks = Object.fromEntries(names.map((name, i) => [name, results[i] ? "up" : "down"]));
    const ready = results.every(Boolean);
    return reply.code(ready ? 200 : 503).send({ status: ready ? "ready" : "not ready", checks });
  });

  app.get("/metrics", quiet, async (_request, reply) => {
    reply.header("content-type", deps.metrics.registry.contentType);
    return deps.metrics.registry.metrics();
  });

  for (const plugin of deps.routes) await app.register(plugin);
  return app;
}
