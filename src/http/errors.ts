/**
 * One answer for every failure on the public listener: the status and a generic body, never
 * the error's own text. A driver error names hosts, ports and database names
 * (MongoServerSelectionError: "connect ECONNREFUSED 10.0.3.7:27017"); it is logged in full
 * here and the client learns only that the service is unavailable.
 */
import { STATUS_CODES } from "node:http";
import type { FastifyError, FastifyInstance } from "fastify";
import { pathOnly } from "../core/logger.js";

/** Errors that mean a store is out of reach, not a bug: 503, so clients and probes retry. */
const OUTAGE = new Set([
  "MongoServerSelectionError",
  "MongooseServerSelectionError",
  "MongoNetworkError",
  "MongoNetworkTimeoutError",
  "MongoNotConnectedError",
  "MongoTopologyClosedError",
  "MongoPoolClearedError",
  "MaxRetriesPerRequestError",
]);

export function isOutage(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (OUTAGE.has(error.name)) return true;
  // ioredis with its offline queue off, and mongoose with buffering off, while disconnected.
  return /Connection is closed|Stream isn't writeable|before initial connection is complete/.test(
    error.message,
  );
}

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode;
    if (status !== undefined && status >= 400 && status < 500) {
      // The client's own mistake (a bad body, too many requests): its status, a generic text.
      request.log.info({ statusCode: status, code: error.code }, "request refused");
      return reply.code(status).send({ error: STATUS_CODES[status] ?? "Bad Request" });
    }
    const outage = isOutage(error);
    request.log.error({ err: error, url: pathOnly(request.url) }, "request failed");
    return reply
      .code(outage ? 503 : 500)
      .header("cache-control", "no-store")
      .send({ error: outage ? "service unavailable" : "internal error", requestId: request.id });
  });

  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ error: "not found" }));
}
