/**
 * Knows cheaply when a broadcast's last delivery settles: a Redis counter of deliveries still to
 * settle, raised at fan-out and lowered by each settlement. The counter only says "maybe
 * finished"; the delivery records are asked before anyone is told (a crash between a
 * settlement and its decrement leaves the counter high, and /tiendo still shows the truth).
 */
import type { Redis } from "../storage/redis.js";

export interface SettleTracker {
  add(broadcastId: string, count: number): Promise<void>;
  /** Counts one settlement; true when none should be left. */
  settled(broadcastId: string): Promise<boolean>;
}

// Long enough for any broadcast with its retries; the key must not outlive it forever.
const KEEP_SECONDS = 30 * 24 * 3600;

export function createSettleTracker(redis: Redis, prefix: string): SettleTracker {
  const key = (broadcastId: string) => `${prefix}pending:${broadcastId}`;
  return {
    async add(broadcastId, count) {
      if (count <= 0) return;
      await redis.multi().incrby(key(broadcastId), count).expire(key(broadcastId), KEEP_SECONDS).exec();
    },
    async settled(broadcastId) {
      return (await redis.decr(key(broadcastId))) <= 0;
    },
  };
}
