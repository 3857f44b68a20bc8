/** Per-test-file isolation on the shared servers: own database, own Redis key prefix. */
import { randomBytes } from "node:crypto";
import { inject } from "vitest";

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
