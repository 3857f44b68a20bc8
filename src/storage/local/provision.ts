/**
 * Gives the process a Redis URL and a MongoDB URI: the configured ones untouched, or private
 * local servers when unset, which stop() shuts down and removes again.
 */
import type { Logger } from "../../core/logger.js";
import { startLocalMongo } from "./local-mongo.js";
import { startLocalRedis } from "./local-redis.js";

export interface ProvisionedStores {
  mongodbUri: string;
  redisUrl: string;
  /** Names of the servers this call started (empty when both were configured). */
  started: string[];
  stop(): Promise<void>;
}

export async function provisionStores(
  wanted: { mongodbUri: string | undefined; redisUrl: string | undefined; cacheDir?: string | undefined },
  logger: Logger,
): Promise<ProvisionedStores> {
  const stops: Array<() => Promise<void>> = [];
  const started: string[] = [];
  const stop = async () => {
    await Promise.allSettled(stops.reverse().map((s) => s()));
  };
  try {
    let redisUrl = wanted.redisUrl;
    if (!redisUrl) {
      const redis = await startLocalRedis(logger);
      stops.push(() => redis.server.stop());
      started.push(redis.server.name);
      redisUrl = redis.url;
    }
    let mongodbUri = wanted.mongodbUri;
    if (!mongodbUri) {
      const mongo = await startLocalMongo(logger, wanted.cacheDir);
      stops.push(() => mongo.server.stop());
      started.push(mongo.server.name);
      mongodbUri = mongo.uri;
    }
    return { mongodbUri, redisUrl, started, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
