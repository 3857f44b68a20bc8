/** Redis through ioredis: conversation state, dedupe, locks, rate limits, BullMQ. */
import { Redis } from "ioredis";
import { type Logger, redactUrl } from "../core/logger.js";
import { retryWithBackoff } from "./retry.js";

export { Redis };

/** Every key the app writes starts with this; scripts that share its locks use it too. */
export const APP_KEY_PREFIX = "choem:";

export async function connectRedis(url: string, logger: Logger, attempts = 8): Promise<Redis> {
  const redis = new Redis(url, {
    lazyConnect: true,
    // Reconnect forever with backoff after start-up; /readyz reports the outage meanwhile.
    retryStrategy: (times) => Math.min(times * 200, 5000),
    maxRetriesPerRequest: 2,
    enableOfflineQueue: false,
    // Auto-pipelining stays off: tried on 3 December 2026 it made the inbound bench 1.19× faster,
    // but ioredis 6.0 then threw "results[i] is not iterable" from its auto-pipeline callback as
    // uncaught exceptions in two console test files (docs/storage-and-ferretdb.md#the-inbound-path).
  });
  redis.on("error", (err) => logger.debug({ err: err.message }, "redis connection error"));
  await retryWithBackoff(() => redis.connect(), {
    attempts,
    firstDelayMs: 250,
    maxDelayMs: 5000,
    onRetry: (attempt, error, delayMs) => {
      redis.disconnect();
      logger.warn({ attempt, delayMs, err: String(error) }, "Redis not reachable yet, retrying");
    },
  });
  logger.info({ redis: redactUrl(url) }, "connected to Redis");
  return redis;
}

export async function isRedisUp(redis: Redis): Promise<boolean> {
  if (redis.status !== "ready") return false;
  try {
    return (await redis.ping()) === "PONG";
  } catch {
    return false;
  }
}
