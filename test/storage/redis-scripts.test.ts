/**
 * A fresh connection with auto-pipelining takes the app's Lua commands in the same turn as plain
 * ones: before its scripts were defined up front, the first script sent next to another command
 * was missing from the open pipeline, and ioredis lost the replies of all of them.
 */
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { releaseLock } from "../../src/core/lock.js";
import { connectRedis, type Redis } from "../../src/storage/redis.js";
import { silentLogger } from "../helpers/silent-logger.js";
import { testRedisUrl, uniqueName } from "../helpers/stores.js";

describe("Lua commands on an auto-pipelining connection", () => {
  let redis: Redis | undefined;
  afterEach(() => redis?.quit());

  it("answers a script and plain commands sent together on a connection's first turn", async () => {
    redis = await connectRedis(testRedisUrl(), silentLogger());
    const key = uniqueName("scripts-lock");
    const token = randomUUID();
    await redis.set(key, token, "PX", 10_000);
    const [before, released, after] = await Promise.all([
      redis.get(key),
      releaseLock(redis, key, token),
      redis.exists(key),
    ]);
    expect(before).toBe(token);
    expect(released).toBe(1);
    expect(after).toBe(0);
  });
});
