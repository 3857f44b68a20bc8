/**
 * Write-behind of delivery records: the Redis store (redis-delivery-store.ts) decides and keeps
 * the live state, and this flusher copies changed records to MongoDB in bulk, on a timer and
 * on stop. Ids to copy sit in a Redis zset scored by a version that every change raises; an id
 * leaves it only if its version is still the one written, so a change made during a flush is
 * flushed again. Nothing is lost in a crash: whatever was dirty is still in Redis, and the next
 * process's flusher writes it (crash replay). One flusher at a time across processes (a Redis
 * lease), so an older copy can never overwrite a newer one.
 *
 * A new record still waiting and a send in flight are not worth a write: they settle within
 * seconds and are then written once, so a broadcast costs one insert per record. They wait in a
 * second zset (`later`, scored by time) and become dirty when they settle, or after `laterMs`
 * anyway, or at once when someone drains (a stop, a reader of MongoDB).
 *
 * New records (no `stored` mark) go in with insertMany, the rest are replaced whole by _id in
 * small bulkWrites, sized for FerretDB 1.24 (docs/storage-and-ferretdb.md#delivery-records).
 * Docs: docs/architecture.md#delivery-engine.
 */
import type { Model } from "mongoose";
import type { RecordLock } from "../core/lock.js";
import type { Logger } from "../core/logger.js";
import type { Redis } from "../storage/redis.js";
import type { DeliveryDocument } from "./delivery-model.js";
import { deliveryKeys, toDocument } from "./delivery-state.js";
import { withStoreRetry } from "./store-retry.js";

export interface FlusherOptions {
  /** Records per flush. */
  batch?: number;
  /** Pause between flushes when there is less than a batch to write. */
  intervalMs?: number;
  /**
   * bulkWrites in flight at once. FerretDB 1.24 on PostgreSQL can stall for good when several
   * multi-update commands run on one collection at the same time: one at a time by default.
   */
  parallel?: number;
  /**
   * Records per bulkWrite. FerretDB 1.24 slows down sharply with many updates in one command
   * (100 did not finish in a minute, 10 take about 20 ms); real MongoDB takes hundreds.
   */
  bulkSize?: number;
  /** How long a new record waiting or a send in flight may go unwritten (it is written once settled). */
  laterMs?: number;
  /** How long stop() keeps writing what is left before giving up (it stays in Redis). */
  stopDrainMs?: number;
}

export interface DeliveryFlusher {
  start(): void;
  /** Writes what is dirty (within stopDrainMs) and stops the timer. */
  stop(): Promise<void>;
  /** Writes until nothing is dirty: readers of MongoDB call it first. */
  drain(deadlineMs?: number): Promise<void>;
  /** How many ids wait to be written. */
  pending(): Promise<number>;
}

export interface FlusherDeps {
  redis: Redis;
  prefix: string;
  model: Model<DeliveryDocument>;
  /** A lease held while one batch is written. */
  lock: RecordLock;
  clean(pairs: string[]): Promise<unknown>;
  /** Makes deferred ids older than `cutoff` ("+inf": all) dirty; returns how many. */
  promote(cutoff: string, limit: number): Promise<number>;
  logger: Logger;
}

const FLUSH_RECORD = "delivery-flush";

export function createDeliveryFlusher(deps: FlusherDeps, options: FlusherOptions = {}): DeliveryFlusher {
  const keys = deliveryKeys(deps.prefix);
  const batch = options.batch ?? 500;
  const intervalMs = options.intervalMs ?? 200;
  const parallel = options.parallel ?? 1;
  const bulkSize = options.bulkSize ?? 10;
  const laterMs = options.laterMs ?? 30_000;
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let current: Promise<unknown> = Promise.resolve();

  /** Inserts new records; returns the ones MongoDB already had (written again as updates). */
  async function insertNew(docs: DeliveryDocument[]): Promise<DeliveryDocument[]> {
    if (docs.length === 0) return [];
    try {
      await deps.model.collection.insertMany(docs, { ordered: false });
      return [];
    } catch (error) {
      const failure = error as { writeErrors?: unknown; code?: number };
      const errors = [failure.writeErrors ?? failure].flat() as Array<{ code?: number; index?: number }>;
      if (errors.length === 0 || errors.some((e) => e.code !== 11000 || e.index === undefined)) throw error;
      return errors.map((e) => docs[e.index!]!);
    }
  }

  async function replace(docs: DeliveryDocument[]): Promise<void> {
    const chunks: DeliveryDocument[][] = [];
    for (let i = 0; i < docs.length; i += bulkSize) chunks.push(docs.slice(i, i + bulkSize));
    // A few small bulkWrites in flight at a time, each taking the next chunk when it is done.
    const lanes = Array.from({ length: Math.min(parallel, chunks.length) }, async () => {
      for (let chunk = chunks.shift(); chunk; chunk = chunks.shift()) await replaceChunk(chunk);
    });
    await Promise.all(lanes);
  }

  async function replaceChunk(chunk: DeliveryDocument[]): Promise<void> {
    try {
      await deps.model.collection.bulkWrite(
        chunk.map((doc) => ({ replaceOne: { filter: { _id: doc._id }, replacement: doc, upsert: true } })),
        { ordered: false },
      );
    } catch (error) {
      const errors = ((error as { writeErrors?: unknown }).writeErrors ?? []) as Array<{ code?: number }>;
      if (errors.length === 0 || errors.some((e) => e.code !== 11000)) throw error;
      // Another record of the broadcast already has this target key in MongoDB: only a Redis
      // that lost its data can get here. Logged, and not retried forever.
      deps.logger.error({ count: errors.length }, "delivery records clash on their target key");
    }
  }

  /** One batch under the flush lease; how many ids it wrote (0 also when another holds it). */
  async function flushBatch(everything: boolean): Promise<number> {
    const written = await deps.lock.ifFree(FLUSH_RECORD, async () => {
      await deps.promote(everything ? "+inf" : String(Date.now() - laterMs), batch);
      const entries = await deps.redis.zrange(keys.dirty, "0", String(batch - 1), "WITHSCORES");
      if (entries.length === 0) return 0;
      const pairs: string[] = [];
      const pipeline = deps.redis.pipeline();
      for (let i = 0; i < entries.length; i += 2) {
        pairs.push(entries[i]!, entries[i + 1]!);
        pipeline.hgetall(keys.hash(entries[i]!));
      }
      const hashes = ((await pipeline.exec()) ?? []).map(([, fields]) => fields as Record<string, string>);
      const fresh: DeliveryDocument[] = [];
      const known: DeliveryDocument[] = [];
      for (const fields of hashes) {
        // A dirty id has a hash (dirty ones never expire); an empty one is only cleaned.
        if (fields?.id) (fields.stored ? known : fresh).push(toDocument(fields));
      }
      const again = await withStoreRetry(() => insertNew(fresh));
      await withStoreRetry(() => replace([...known, ...again]));
      await deps.clean(pairs);
      return pairs.length / 2;
    });
    return written ?? 0;
  }

  async function tick(): Promise<void> {
    if (!running) return;
    let written = 0;
    try {
      const flushing = flushBatch(false);
      current = flushing;
      written = await flushing;
    } catch (error) {
      // Left dirty in Redis: the next tick writes it again.
      deps.logger.error({ err: error }, "could not write delivery records to MongoDB");
    }
    if (running) timer = setTimeout(tick, written >= batch / 2 ? 0 : intervalMs);
  }

  const pendingCount = async () =>
    (await deps.redis.zcard(keys.dirty)) + (await deps.redis.zcard(keys.later));

  async function drain(deadlineMs = 60_000): Promise<void> {
    const deadline = Date.now() + deadlineMs;
    while ((await pendingCount()) > 0) {
      if (Date.now() > deadline) throw new Error("delivery records not all written to MongoDB in time");
      // Another process holding the flush lease is writing: wait for it a moment.
      if ((await flushBatch(true)) === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      // Crash replay: whatever an earlier process left dirty goes out on the first tick.
      timer = setTimeout(tick, 0);
    },
    async stop() {
      running = false;
      clearTimeout(timer);
      await current.catch(() => undefined);
      await drain(options.stopDrainMs ?? 8000).catch((err: unknown) =>
        // Still in Redis: the next process writes it.
        deps.logger.warn({ err }, "delivery records left for the next start to write"),
      );
    },
    drain,
    pending: pendingCount,
  };
}
