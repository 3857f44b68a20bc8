/**
 * Turns "send this clip to these targets" into delivery records and queued jobs. Safe to run
 * again for the same clip (a confirm retried after a crash): existing records are kept as they
 * are, and only deliveries still queued get (deduplicated) jobs.
 */
import type { Redis } from "../storage/redis.js";
import type { DeliveryTarget, FinalStatus } from "./delivery-model.js";
import type { DeliveryQueue } from "./delivery-queue.js";
import type { DeliveryStore } from "./delivery-store.js";
import { createSettleTracker } from "./settle-tracker.js";

export interface BroadcastTarget extends DeliveryTarget {
  /** Known to have blocked the bot: recorded and counted as blocked, not sent. */
  blocked?: boolean;
}

export interface Broadcaster {
  /** Returns how many deliveries are waiting to be sent after this call. */
  fanOut(clipId: string, targets: BroadcastTarget[]): Promise<number>;
  /** Queues again what ended failed or uncertain; returns how many. */
  resend(clipId: string, from?: FinalStatus[]): Promise<number>;
}

export function createBroadcaster(deps: {
  store: DeliveryStore;
  queue: DeliveryQueue;
  redis: Redis;
  keyPrefix: string;
}): Broadcaster {
  const tracker = createSettleTracker(deps.redis, deps.keyPrefix);
  return {
    async fanOut(clipId, targets) {
      const fresh = await deps.store.insert(
        targets.map(({ blocked, ...target }) => ({
          ...target,
          clipId,
          status: blocked ? "blocked" : "queued",
        })),
      );
      await tracker.add(clipId, fresh);
      const waiting = await deps.store.waiting(clipId);
      await deps.queue.enqueue(waiting);
      return waiting.length;
    },
    async resend(clipId, from = ["failed", "uncertain", "outside-window"]) {
      await deps.store.sweep(clipId);
      const refs = await deps.store.requeue(clipId, from);
      await tracker.add(clipId, refs.length);
      await deps.queue.enqueue(refs);
      return refs.length;
    },
  };
}
