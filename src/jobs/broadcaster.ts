/**
 * Turns "send this to these targets" into delivery records and queued jobs, for one topic.
 * Safe to run again for the same broadcast (a confirm retried after a crash): existing records
 * are kept as they are, and only deliveries still queued get (deduplicated) jobs. Targets known
 * to have blocked the bot are recorded as blocked and never queued.
 *
 * Records and jobs go in by slices that grow (100, 200, then 250 at a time), each enqueued
 * as soon as it is recorded: the first sends leave while the rest of a large class list is
 * still being written, and Redis is never held by one long script (docs/architecture.md#delivery-engine).
 * While it runs, the fan-out holds one count of the settle tracker itself, so a first slice
 * that is all sent before the next one is recorded never looks like the end of the broadcast.
 */
import type { Reachability } from "../core/sending/reachability.js";
import { chatKeyOf } from "../core/sending/reachability.js";
import type { Redis } from "../storage/redis.js";
import { type DeliveryHooks, reportIfFinished } from "./deliver.js";
import type { DeliveryTarget, FinalStatus, StatusCounts } from "./delivery-model.js";
import type { DeliveryQueue } from "./delivery-queue.js";
import type { DeliveryStore, Inserted } from "./delivery-store.js";
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

const FIRST_SLICE = 100;
const LARGEST_SLICE = 250;

/** 100, 200, then 250 at a time. */
function* slices<T>(items: T[]): Generator<T[]> {
  let size = FIRST_SLICE;
  for (let at = 0; at < items.length; at += size, size = Math.min(size * 2, LARGEST_SLICE)) {
    yield items.slice(at, at + size);
  }
}

export function createBroadcaster(deps: {
  topic: string;
  store: DeliveryStore;
  queue: DeliveryQueue;
  redis: Redis;
  keyPrefix: string;
  reachability: Reachability;
  /** The topic's hooks: told the final counts when the broadcast ended during its own fan-out. */
  hooks?: Pick<DeliveryHooks, "finished">;
}): Broadcaster {
  const tracker = createSettleTracker(deps.redis, deps.keyPrefix);

  /** Returns the ids of the deliveries it enqueued. */
  async function recordAndEnqueue(broadcastId: string, targets: BroadcastTarget[]): Promise<Set<string>> {
    const blocked = await deps.reachability.blockedAmong(targets);
    const enqueued = new Set<string>();
    let existing = 0;
    for (const slice of slices(targets)) {
      const inserted: Inserted = await deps.store.insert(
        slice.map((target) => ({
          ...target,
          topic: deps.topic,
          broadcastId,
          status: blocked.has(chatKeyOf(target)) ? "blocked" : "queued",
        })),
      );
      // Counted before their jobs exist, so the last settle can never come before its add.
      await tracker.add(broadcastId, inserted.queued.length);
      await deps.queue.enqueue(inserted.queued);
      for (const ref of inserted.queued) enqueued.add(ref.id);
      existing += inserted.existing;
    }
    if (existing > 0) {
      // Run again: what an earlier run recorded may still be waiting for its job (jobs are
      // deduplicated by id, so enqueueing one twice is harmless).
      const waiting = await deps.store.waiting(broadcastId);
      await deps.queue.enqueue(waiting);
      for (const ref of waiting) enqueued.add(ref.id);
    }
    return enqueued;
  }

  return {
    async fanOut(broadcastId, targets) {
      await tracker.add(broadcastId, 1);
      try {
        return (await recordAndEnqueue(broadcastId, targets)).size;
      } finally {
        // Everything may have settled while the fan-out held its count: then the fan-out reports.
        if (await tracker.settled(broadcastId)) await reportIfFinished(deps.store, deps.hooks, broadcastId);
      }
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
