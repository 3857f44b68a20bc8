/**
 * Turns "send this to these targets" into delivery records and queued jobs, for one topic.
 * Safe to run again for the same broadcast (a confirm retried after a crash): existing records
 * are kept as they are, and only deliveries still queued get (deduplicated) jobs. Targets known
 * to have blocked the bot are recorded as blocked and never queued.
 */
import type { Reachability } from "../core/sending/reachability.js";
import { chatKeyOf } from "../core/sending/reachability.js";
import type { Redis } from "../storage/redis.js";
import type { DeliveryTarget, FinalStatus, StatusCounts } from "./delivery-model.js";
import type { DeliveryQueue } from "./delivery-queue.js";
import type { DeliveryStore } from "./delivery-store.js";
import { createSettleTracker } from "./settle-tracker.js";

export type BroadcastTarget = DeliveryTarget;

export interface Broadcaster {
  /** Returns how many deliveries are waiting to be sent after this call. */
  fanOut(broadcastId: string, targets: BroadcastTarget[]): Promise<number>;
  /** Queues again what ended failed, uncertain or outside the window; returns how many. */
  resend(broadcastId: string, from?: FinalStatus[]): Promise<number>;
  /** How many deliveries of the broadcast are in each status (sends cut short count as uncertain). */
  count(broadcastId: string): Promise<StatusCounts>;
}

export function createBroadcaster(deps: {
  topic: string;
  store: DeliveryStore;
  queue: DeliveryQueue;
  redis: Redis;
  keyPrefix: string;
  reachability: Reachability;
}): Broadcaster {
  const tracker = createSettleTracker(deps.redis, deps.keyPrefix);
  return {
    async fanOut(broadcastId, targets) {
      const blocked = await deps.reachability.blockedAmong(targets);
      const fresh = await deps.store.insert(
        targets.map((target) => ({
          ...target,
          topic: deps.topic,
          broadcastId,
          status: blocked.has(chatKeyOf(target)) ? "blocked" : "queued",
        })),
      );
      await tracker.add(broadcastId, fresh);
      const waiting = await deps.store.waiting(broadcastId);
      await deps.queue.enqueue(waiting);
      return waiting.length;
    },
    async resend(broadcastId, from = ["failed", "uncertain", "outside-window"]) {
      await deps.store.sweep(broadcastId);
      const refs = await deps.store.requeue(broadcastId, from);
      await tracker.add(broadcastId, refs.length);
      await deps.queue.enqueue(refs);
      return refs.length;
    },
    async count(broadcastId) {
      await deps.store.sweep(broadcastId);
      return deps.store.count(broadcastId);
    },
  };
}
