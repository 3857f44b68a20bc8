/**
 * The delivery store the app uses: live state in Redis, records in MongoDB. Each delivery is a
 * Redis hash, and every status change is a Lua script that checks the current status and moves
 * it atomically (delivery-scripts.ts): no per-send MongoDB write, no record lock. MongoDB gets
 * the records in bulk from the write-behind flusher (delivery-flusher.ts), which also replays
 * after a crash whatever was left unwritten. A finished delivery's hash expires a while after it
 * reached MongoDB; the store then reads MongoDB and loads the record back when it changes again
 * (a re-send weeks later). Why: docs/storage-and-ferretdb.md#delivery-records.
 */
import { type Connection, trusted } from "mongoose";
import { createRecordLock } from "../core/lock.js";
import type { Logger } from "../core/logger.js";
import type { Redis } from "../storage/redis.js";
import { declareScripts } from "../storage/redis-scripts.js";
import { createDeliveryFlusher, type FlusherOptions } from "./delivery-flusher.js";
import {
  DELIVERY_STATUSES,
  type Delivery,
  type DeliveryDocument,
  deliveryModel,
  emptyCounts,
  type NewDelivery,
  type QueuedRef,
  queuedRef,
} from "./delivery-model.js";
import { type DeliveryScript, scriptSource } from "./delivery-scripts.js";
import {
  deliveryKeys,
  fromDocument,
  fromFields,
  newDeliveryId,
  pairsToFields,
  toFields,
} from "./delivery-state.js";
import type { DeliveryStore, Inserted } from "./delivery-store.js";
import { withStoreRetry } from "./store-retry.js";

const CHUNK = 1000;
const MISSING = -1;
/** Lua's cjson writes an empty list as {}: anything not an array is empty. */
const listOf = <T>(value: unknown) => (Array.isArray(value) ? (value as T[]) : []);

export interface RedisDeliveryStoreDeps {
  connection: Connection;
  redis: Redis;
  /** The app's Redis key prefix. */
  prefix: string;
  logger: Logger;
  flusher?: FlusherOptions;
}

type Scripted = Record<string, (...args: string[]) => Promise<unknown>>;
const commandOf = (name: DeliveryScript) => `choemDelivery_${name}`;
const SCRIPT_NAMES = [
  "promote",
  "claim",
  "release",
  "settle",
  "expire",
  "abandon",
  "retarget",
  "erase",
  "sweep",
  "requeue",
  "insert",
  "hydrate",
  "clean",
] as const satisfies readonly DeliveryScript[];
const withScripts = declareScripts(
  Object.fromEntries(
    SCRIPT_NAMES.map((name) => [commandOf(name), { numberOfKeys: 0, lua: scriptSource(name) }]),
  ),
);

export function createRedisDeliveryStore(deps: RedisDeliveryStoreDeps): DeliveryStore {
  const { redis, prefix } = deps;
  const Deliveries = deliveryModel(deps.connection);
  const keys = deliveryKeys(prefix);
  withScripts(redis);
  const run = (name: DeliveryScript, ...args: string[]) =>
    withStoreRetry(() => (redis as unknown as Scripted)[commandOf(name)]!(prefix, ...args));
  const flusher = createDeliveryFlusher(
    {
      redis,
      prefix,
      model: Deliveries,
      // A batch on a slow FerretDB can take long: the lease must outlast it.
      lock: createRecordLock(redis, prefix, { holdMs: 120_000, waitMs: 120_000 }),
      clean: (pairs) => run("clean", ...pairs),
      promote: async (cutoff, limit) => Number(await run("promote", cutoff, String(limit))),
      logger: deps.logger.child({ part: "delivery-flusher" }),
    },
    deps.flusher,
  );
  // The unique (broadcastId, key) index backs the Redis key map: it must exist before the first write.
  let indexed: Promise<unknown> | undefined;
  const ensureIndexes = () => (indexed ??= Deliveries.init());
  const warming = new Map<string, Promise<void>>();
  const drained = async (deadlineMs?: number) => {
    await ensureIndexes();
    await flusher.drain(deadlineMs);
  };
  const now = () => String(Date.now());

  /** Puts records read from MongoDB back into Redis (a hash that still exists wins). */
  async function hydrate(broadcastId: string, docs: DeliveryDocument[], complete: boolean) {
    for (let i = 0; i === 0 || i < docs.length; i += CHUNK) {
      const some = docs.slice(i, i + CHUNK).map((doc) => {
        const delivery = fromDocument(doc);
        return { id: delivery.id, fields: toFields(delivery, delivery.id, Date.now(), true) };
      });
      const last = i + CHUNK >= docs.length;
      await run("hydrate", broadcastId, JSON.stringify(some), complete && last ? "1" : "0");
    }
  }

  /**
   * A broadcast Redis does not know (new, or its keys expired after weeks at rest) is loaded
   * from MongoDB once, so its status sets and key map are complete before anything uses them.
   */
  function ensureKnown(broadcastId: string): Promise<void> {
    const inFlight = warming.get(broadcastId);
    if (inFlight) return inFlight;
    const loading = (async () => {
      if ((await redis.exists(`${prefix}dlv-b:${broadcastId}`)) === 1) return;
      const docs = await withStoreRetry(() => Deliveries.find({ broadcastId }).lean<DeliveryDocument[]>());
      await hydrate(broadcastId, docs, true);
    })().finally(() => warming.delete(broadcastId));
    warming.set(broadcastId, loading);
    return loading;
  }

  /** Loads one record whose hash expired; false when MongoDB has none either. */
  async function hydrateOne(id: string): Promise<boolean> {
    const doc = await withStoreRetry(() => Deliveries.findById(id).lean<DeliveryDocument>());
    if (!doc) return false;
    await ensureKnown(doc.broadcastId);
    await hydrate(doc.broadcastId, [doc], false);
    return true;
  }

  /** Runs a per-delivery script, loading the record from MongoDB first if Redis let it go. */
  async function change(name: DeliveryScript, id: string, ...args: string[]): Promise<unknown> {
    const result = await run(name, id, ...args);
    if (result !== MISSING) return result;
    return (await hydrateOne(id)) ? run(name, id, ...args) : undefined;
  }

  async function readMongo(id: string): Promise<Delivery | null> {
    const doc = await withStoreRetry(() => Deliveries.findById(id).lean<DeliveryDocument>());
    return doc ? fromDocument(doc) : null;
  }

  return {
    async start() {
      await ensureIndexes();
      flusher.start();
    },
    stop: () => flusher.stop(),
    flush: (deadlineMs) => drained(deadlineMs),
    async insert(deliveries) {
      const inserted: Inserted = { queued: [], existing: 0 };
      const byBroadcast = new Map<string, NewDelivery[]>();
      for (const d of deliveries) {
        const list = byBroadcast.get(d.broadcastId) ?? [];
        list.push(d);
        byBroadcast.set(d.broadcastId, list);
      }
      for (const [broadcastId, some] of byBroadcast) {
        await ensureKnown(broadcastId);
        for (let i = 0; i < some.length; i += CHUNK) {
          const at = Date.now();
          const chunk = some.slice(i, i + CHUNK).map((d) => {
            const id = newDeliveryId();
            return { id, fields: toFields(d, id, at, false) };
          });
          const answer = JSON.parse(String(await run("insert", broadcastId, JSON.stringify(chunk))));
          inserted.queued.push(...listOf<Parameters<typeof queuedRef>[0]>(answer.refs).map(queuedRef));
          inserted.existing += Number(answer.existing);
        }
      }
      return inserted;
    },
    async waiting(broadcastId) {
      await ensureKnown(broadcastId);
      const ids = await redis.smembers(keys.status(broadcastId, "queued"));
      const pipeline = redis.pipeline();
      for (const id of ids) pipeline.hmget(keys.hash(id), "id", "channel", "round", "kind", "chatId");
      const rows = ((await pipeline.exec()) ?? []).map(([, row]) => row as Array<string | null>);
      return rows.flatMap(([id, channel, round, kind, chatId]): QueuedRef[] =>
        id && channel && kind && chatId
          ? [queuedRef({ id, channel: channel as Delivery["channel"], round: Number(round), kind, chatId })]
          : [],
      );
    },
    async get(id) {
      const fields = await withStoreRetry(() => redis.hgetall(keys.hash(id)));
      return fields.id ? fromFields(fields) : readMongo(id);
    },
    async claim(id, leaseUntil) {
      const result = await change("claim", id, String(leaseUntil.getTime()));
      return Array.isArray(result) ? fromFields(pairsToFields(result as string[])) : null;
    },
    release: async (id, partsSent) =>
      (await change("release", id, partsSent ? JSON.stringify(partsSent) : "")) === 1,
    settle: async (id, status, details = {}) =>
      (await change(
        "settle",
        id,
        status,
        details.messageIds ? JSON.stringify(details.messageIds) : "",
        details.reason ?? "",
        now(),
      )) === 1,
    expire: async (id, leaseUntil) => (await change("expire", id, String(leaseUntil.getTime()), now())) === 1,
    async abandon(id, reason) {
      const status = await change("abandon", id, reason, now());
      return typeof status === "string" && status !== "" ? (status as "failed" | "uncertain") : undefined;
    },
    async retarget(id, chatId) {
      await change("retarget", id, chatId);
    },
    async sweep(broadcastId, at = new Date()) {
      await ensureKnown(broadcastId);
      return Number(await run("sweep", broadcastId, String(at.getTime())));
    },
    async count(broadcastId) {
      await ensureKnown(broadcastId);
      const pipeline = redis.pipeline();
      for (const status of DELIVERY_STATUSES) pipeline.scard(keys.status(broadcastId, status));
      const sizes = ((await pipeline.exec()) ?? []).map(([, n]) => Number(n));
      const counts = emptyCounts();
      DELIVERY_STATUSES.forEach((status, i) => {
        counts[status] = sizes[i] ?? 0;
      });
      return counts;
    },
    async requeue(broadcastId, from) {
      await ensureKnown(broadcastId);
      const refs: QueuedRef[] = [];
      // Finished hashes that expired are loaded back from MongoDB, then the script runs again.
      for (let pass = 0; pass < 3; pass++) {
        const answer = JSON.parse(String(await run("requeue", broadcastId, JSON.stringify(from))));
        refs.push(...listOf<Parameters<typeof queuedRef>[0]>(answer.refs).map(queuedRef));
        const missing = listOf<string>(answer.missing);
        if (missing.length === 0) break;
        const docs = await withStoreRetry(() =>
          Deliveries.find({ broadcastId, _id: trusted({ $in: missing }) }).lean<DeliveryDocument[]>(),
        );
        await hydrate(broadcastId, docs, false);
      }
      return refs;
    },
    async countTo(chat) {
      await drained();
      return withStoreRetry(() => Deliveries.countDocuments({ channel: chat.channel, chatId: chat.chatId }));
    },
    async eraseTo(chat) {
      // MongoDB is asked which records name the chat, so every one is written there first.
      await drained();
      const own = await withStoreRetry(() =>
        Deliveries.find({ channel: chat.channel, chatId: chat.chatId }, { _id: 1 }).lean<
          Array<Pick<DeliveryDocument, "_id">>
        >(),
      );
      for (const { _id } of own) await change("erase", String(_id), now());
      await drained();
      return own.length;
    },
  };
}
