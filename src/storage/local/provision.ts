/**
 * Gives the process a Redis URL and a MongoDB URI: the configured ones untouched, or private
 * local servers when unset, which stop() shuts down and removes again.
 */
import type { Logger } from "../../core/logger.js";
import type { ChildServer } from "./child-server.js";
import { type LocalMongoChoice, startLocalMongo, stopLocalMongo } from "./local-mongo.js";
import { startLocalRedis } from "./local-redis.js";

export interface ProvisionedStores {
  mongodbUri: string;
  redisUrl: string;
  /** Names of the servers this call started (empty when both were configured). */
  started: string[];
  /** The servers themselves, in start order. */
  servers: ChildServer[];
  /** The local FerretDB's storage, when one was started. */
  mongoBackend: "sqlite" | "postgresql" | undefined;
  stop(): Promise<void>;
}

export async function provisionStores(
  wanted: {
    mongodbUri: string | undefined;
    redisUrl: string | undefined;
    cacheDir?: string | undefined;
    localMongo?: LocalMongoChoice | undefined;
  },
  logger: Logger,
): Promise<ProvisionedStores> {
  const stops: Array<() => Promise<void>> = [];
  const servers: ChildServer[] = [];
  let mongoBackend: ProvisionedStores["mongoBackend"];
  const stop = async () => {
    await Promise.allSettled([...stops].reverse().map((s) => s()));
  };
  try {
    let redisUrl = wanted.redisUrl;
    if (!redisUrl) {
      const redis = await startLocalRedis(logger);
      stops.push(() => redis.server.stop());
      servers.push(redis.server);
      redisUrl = redis.url;
    }
    let mongodbUri = wanted.mongodbUri;
    if (!mongodbUri) {
      const mongo = await startLocalMongo(logger, wanted.cacheDir, wanted.localMongo ?? "auto");
      servers.push(...mongo.servers);
      stops.push(() => stopLocalMongo(mongo));
      mongoBackend = mongo.backend;
      mongodbUri = mongo.uri;
    }
    const started = servers.map((s) => s.name);
    return { mongodbUri, redisUrl, started, servers, mongoBackend, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
