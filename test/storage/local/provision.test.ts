import { access } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { provisionStores } from "../../../src/storage/local/provision.js";
import { connectRedis } from "../../../src/storage/redis.js";
import { silentLogger } from "../../helpers/silent-logger.js";

function isAlive(pid: number | undefined): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("provisionStores", () => {
  it("uses a given MONGODB_URI and REDIS_URL untouched and starts nothing", async () => {
    const wanted = {
      mongodbUri: "mongodb://db.internal:27017/choem",
      redisUrl: "redis://cache.internal:6379/2",
    };
    const stores = await provisionStores(wanted, silentLogger());
    expect(stores.mongodbUri).toBe(wanted.mongodbUri);
    expect(stores.redisUrl).toBe(wanted.redisUrl);
    expect(stores.started).toEqual([]);
    await stores.stop();
  });

  it("starts a private Redis when REDIS_URL is unset, and stop() removes it", async () => {
    const stores = await provisionStores(
      { mongodbUri: "mongodb://db.internal:27017/choem", redisUrl: undefined },
      silentLogger(),
    );
    expect(stores.started).toEqual(["redis-server"]);
    expect(stores.redisUrl).not.toContain(":6379");
    const redis = await connectRedis(stores.redisUrl, silentLogger());
    const pid = Number((await redis.info("server")).match(/process_id:(\d+)/)?.[1]);
    const dir = await redis.config("GET", "dir");
    redis.disconnect();
    expect(isAlive(pid)).toBe(true);

    await stores.stop();
    expect(isAlive(pid)).toBe(false);
    await expect(access(String((dir as string[])[1]))).rejects.toThrow();
  });
});
