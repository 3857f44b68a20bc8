/**
 * Starts one private Redis and one MongoDB-wire server for the whole run (or uses the
 * configured MONGODB_URI / REDIS_URL), exactly as `npm start` would, and stops them after.
 */
import type { TestProject } from "vitest/node";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/core/logger.js";
import { provisionStores } from "../../src/storage/local/provision.js";

declare module "vitest" {
  export interface ProvidedContext {
    mongodbUri: string;
    redisUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const loaded = loadConfig(process.env);
  if (!loaded.ok) throw new Error(loaded.message);
  const logger = createLogger(process.env.CI ? "info" : "warn");
  const stores = await provisionStores(loaded.config, logger);
  project.provide("mongodbUri", stores.mongodbUri);
  project.provide("redisUrl", stores.redisUrl);
  return () => stores.stop();
}
