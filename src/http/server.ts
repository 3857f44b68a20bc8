/**
 * The public HTTP server: health and readiness here; webhooks, the web chat and the features'
 * pages register their routes through the `routes` plugins src/app.ts passes in. Every route
 * gets the same edge (docs/architecture.md#http): security headers, per-address limits on the
 * public database-backed routes, one error answer without internal text, request logs without
 * query strings. Metrics are served apart (metrics.ts), never here.
 */
import helmet from "@fastify/helmet";
import rateLimit, { normalizeIP, type RateLimitPluginOptions } from "@fastify/rate-limit";
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyPluginAsync,
  type preHandlerAsyncHookHandler,
} from "fastify";
import type { Redis } from "ioredis";
import type { Logger } from "../core/logger.js";
import { APP_KEY_PREFIX } from "../storage/redis.js";
import { installErrorHandlers } from "./errors.js";
import type { Metrics } from "./metrics.js";
import { createReadiness, type ReadinessCheck } from "./readiness.js";
import { limitFor, ROUTE_LIMITS, type RouteLimit } from "./route-limits.js";

export interface ServerDeps {
  logger: Logger;
  metrics: Metrics;
  /** Each check answers whether one dependency works right now; each has 2 s to answer. */
  readiness: Record<string, ReadinessCheck>;
  routes: FastifyPluginAsync[];
  /** Where the limits are counted, shared by every process; without it, in this process only. */
  redis?: Redis;
  /** Redis key prefix of this app. */
  prefix?: string;
  /** Fastify's trustProxy (config TRUST_PROXY): whose X-Forwarded-For names the client. */
  trustProxy?: boolean | number | string;
  limits?: readonly RouteLimit[];
}

export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    requestIdHeader: "x-request-id",
    genReqId: () => crypto.randomUUID(),
    bodyLimit: 1024 * 1024,
    trustProxy: trustProxyOption(deps.trustProxy),
  });

  app.addHook("onResponse", async (request, reply) => {
    const route = request.routeOptions.url ?? "unmatched";
    deps.metrics.httpDuration
      .labels(request.method, route, String(reply.statusCode))
      .observe(reply.elapsedTime / 1000);
  });

  // Helmet's defaults on every answer; a page that needs its own policy (the web chat, the
  // clip pages) sets its Content-Security-Policy header itself, which replaces helmet's, and a
  // resource meant for other origins (lesson files, QR images) its Cross-Origin-Resource-Policy.
  // Webhooks are called by platforms, never shown in a browser: the headers would protect
  // nobody and cost every inbound message helmet's work. Added before helmet, so its own
  // onRoute hook reads the choice.
  app.addHook("onRoute", (route) => {
    if (route.url.startsWith("/webhooks/") && route.helmet === undefined) route.helmet = false;
  });
  await app.register(helmet);

  // Registered once here with no global limit: a route is limited by ROUTE_LIMITS below, or by
  // its own `config.rateLimit`, and both count in the same Redis.
  await app.register(rateLimit, {
    global: false,
    ...(deps.redis ? { redis: deps.redis } : {}),
    nameSpace: `${deps.prefix ?? APP_KEY_PREFIX}http-limit:`,
  } satisfies RateLimitPluginOptions);
  const limiters = new Map<string, preHandlerAsyncHookHandler>();
  for (const limit of deps.limits ?? ROUTE_LIMITS) {
    limiters.set(
      limit.group,
      app.rateLimit({
        max: limit.max,
        timeWindow: limit.windowMs,
        // One count per group and address, whatever the method (HEAD reveals a 404 just as GET does).
        keyGenerator: (request) => `${limit.group}:${normalizeIP(request.ip)}`,
      }),
    );
  }
  app.addHook("onRoute", (route) => {
    const limit = limitFor(route.url, deps.limits ?? ROUTE_LIMITS);
    const limiter = limit && limiters.get(limit.group);
    if (!limiter) return;
    const existing = route.onRequest ? [route.onRequest].flat() : [];
    route.onRequest = [limiter, ...existing];
  });

  installErrorHandlers(app);

  // Probes run every few seconds: keep them out of the logs.
  const quiet = { logLevel: "silent" as const };
  app.get("/healthz", quiet, async () => ({ status: "ok" }));

  const readiness = createReadiness(deps.readiness);
  app.get("/readyz", quiet, async (_request, reply) => {
    const { ready, checks } = await readiness();
    return reply
      .code(ready ? 200 : 503)
      .header("cache-control", "no-store")
      .send({ status: ready ? "ready" : "not ready", checks });
  });

  for (const plugin of deps.routes) await app.register(plugin);
  return app;
}

/** Fastify's types leave out the hop count its runtime knows: say it as the function it means. */
function trustProxyOption(value: boolean | number | string | undefined) {
  if (typeof value !== "number") return value ?? false;
  return (_address: string, hop: number) => hop < value;
}
