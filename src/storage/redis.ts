/** Redis through ioredis: conversation state, dedupe, locks, rate limits, BullMQ. */
import { Redis } from "ioredis";
import { type Logger, redactUrl } from "../core/logger.js";
import { defineScripts } from "./redis-scripts.js";
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
    // Commands of concurrent updates issued in one turn of the event loop go out in one write:
    // the inbound bench measured 1.19× (docs/storage-and-ferretdb.md#the-inbound-path). Safe only
    // because every Lua command is defined before the first command (redis-scripts.ts); the
    // duplicates made for BullMQ and pub/sub turn it off (they run their own scripts).
    enableAutoPipelining: true,
  });
  defineScripts(redis);
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
