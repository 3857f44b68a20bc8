/**
 * Platforms deliver some updates more than once (webhook retries, polling replays). The first
 * delivery claims the id for 24 h; later ones are dropped.
 */
import type { Redis } from "ioredis";

const KEEP_SECONDS = 24 * 60 * 60;

export async function claimUpdate(redis: Redis, prefix: string, key: string): Promise<boolean> {
  return (await redis.set(`${prefix}seen:${key}`, "1", "EX", KEEP_SECONDS, "NX")) === "OK";
}
