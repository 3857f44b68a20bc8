/** Per-test-file isolation on the shared servers: own database, own Redis key prefix. */
import { randomBytes } from "node:crypto";
import type { Connection } from "mongoose";
import { inject } from "vitest";
import { connectMongo } from "../../src/storage/mongo.js";
import { connectRedis, type Redis } from "../../src/storage/redis.js";
import { silentLogger } from "./silent-logger.js";

export function uniqueName(prefix: string): string {
  return `${prefix}_${randomBytes(4).toString("hex")}`;
}

/** The run's MongoDB URI with its database replaced by a fresh one. */
export function testMongoUri(database = uniqueName("choem_test")): string {
  const url = new URL(inject("mongodbUri"));
  url.pathname = `/${database}`;
  return url.toString();
}

export function testRedisUrl(): string {
  return inject("redisUrl");
}

export interface TestStores {
  redis: Redis;
  mongo: Connection;
}

/** This file's own database on the run's MongoDB server, and the run's Redis. */
export async function openTestStores(): Promise<TestStores> {
  const redis = await connectRedis(testRedisUrl(), silentLogger());
  const mongo = await connectMongo(testMongoUri(), silentLogger());
  return { redis, mongo };
}

/** Drops the file's database and closes both connections. */
export async function closeTestStores({ redis, mongo }: TestStores): Promise<void> {
  await mongo.dropDatabase();
  await mongo.close();
  redis.disconnect();
}
