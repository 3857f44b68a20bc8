/**
 * Platforms limit how fast a bot may write into one group (Telegram: about 20 a minute; the
 * channel states it as Capabilities.groupGapMs). Deliveries to the same group are spaced by a
 * Redis key that lives for the gap: whoever sets it may send now, the others wait for it to
 * expire. Shared by every worker process.
 */
import type { Redis } from "../storage/redis.js";

export interface GroupPacing {
  /** 0 when the group may receive now (and the slot is taken), else how long to wait in ms. */
  reserve(group: string, gapMs: number): Promise<number>;
}

export function createGroupPacing(redis: Redis, prefix: string): GroupPacing {
  return {
    async reserve(group, gapMs) {
      const key = `${prefix}pace:${group}`;
      if ((await redis.set(key, "1", "PX", gapMs, "NX")) === "OK") return 0;
      const left = await redis.pttl(key);
      // The key expired between the two calls: try again right away.
      return left > 0 ? left : 1;
    },
  };
}
