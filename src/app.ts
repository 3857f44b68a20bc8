/**
 * Composition root as a function: everything the bot needs, built from a Config, started,
 * and closed again in reverse order. main.ts and the whole-app tests both use it.
 */
import type { FastifyInstance } from "fastify";
import type { Connection } from "mongoose";
import type { Config } from "./config.js";
import type { Logger } from "./core/logger.js";
import { createMetrics, type Metrics } from "./http/metrics.js";
import { buildServer } from "./http/server.js";
import { provisionStores } from "./storage/local/provision.js";
import { connectMongo, isMongoUp } from "./storage/mongo.js";
import { connectRedis, isRedisUp, type Redis } from "./storage/redis.js";

export interface RunningApp {
  url: string;
  server: FastifyInstance;
  mongo: Connection;
  redis: Redis;
  metrics: Metrics;
  close(): Promise<void>;
}

export async function startApp(config: Config, logger: Logger, host = "0.0.0.0"): Promise<RunningApp> {
  const closers: Array<() => Promise<unknown>> = [];
  const close = async () => {
    for (const closer of closers.reverse()) {
      await closer().catch((err) => logger.error({ err }, "error while closing"));
    }
  };
  try {
    const stores = await provisionStores(config, logger);
    closers.push(() => stores.stop());
    const mongo = await connectMongo(stores.mongodbUri, logger);
    closers.push(() => mongo.close());
    const redis = await connectRedis(stores.redisUrl, logger);
    closers.push(() => redis.quit().catch(() => redis.disconnect()));

    const metrics = createMetrics();
    const server = await buildServer({
      logger,
      metrics,
      readiness: { redis: () => isRedisUp(redis), mongodb: () => isMongoUp(mongo) },
      routes: [],
    });
    // Fastify's close() stops accepting and waits for requests in flight.
    closers.push(() => server.close());
    await server.listen({ port: config.port, host });
    const address = server.server.address();
    const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : config.port}`;
    logger.info({ url, publicUrl: config.publicUrl }, "ChoEm is listening");
    return { url, server, mongo, redis, metrics, close };
  } catch (error) {
    await close();
    throw error;
  }
}
