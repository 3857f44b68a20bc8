/**
 * A per-person limit on inbound messages (a fixed window in Redis, shared by all instances).
 * Only the first message over the limit gets the polite answer; the rest are dropped quietly.
 */
import type { Redis } from "ioredis";

export interface RateLimit {
  max: number;
  windowSeconds: number;
}

export type RateVerdict = "allowed" | "first-over" | "over";

/** A sender's counter, the same wherever they write; erasure deletes it by this name too. */
export const senderRateKey = (prefix: string, channel: string, userId: string) =>
  `${prefix}rate:${channel}:${userId}`;

export async function checkRate(redis: Redis, key: string, limit: RateLimit): Promise<RateVerdict> {
  const [[, count]] = (await redis.multi().incr(key).expire(key, limit.windowSeconds, "NX").exec()) as [
    [null, number],
  ];
  return verdictOf(count, limit);
}

/** What a window's count means; the pipeline counts in its own script (inbound-gate.ts). */
export function verdictOf(count: number, limit: RateLimit): RateVerdict {
  if (count <= limit.max) return "allowed";
  return count === limit.max + 1 ? "first-over" : "over";
}
