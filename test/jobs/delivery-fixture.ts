/**
 * A delivery engine on the test Redis and a fresh MongoDB database (the Redis store, its records
 * written behind to MongoDB), with a scriptable
 * in-process sender that records every send, and a promise for "the clip has finished".
 */
import type { Connection } from "mongoose";
import type { ChannelName, OutboundMessage, SendOutcome } from "../../src/core/messages.js";
import { createReachability } from "../../src/core/sending/reachability.js";
import { type BroadcastTarget, createBroadcaster } from "../../src/jobs/broadcaster.js";
import type { DeliveryHooks, Send } from "../../src/jobs/deliver.js";
import type { StatusCounts } from "../../src/jobs/delivery-model.js";
import { createDeliveryQueue, type DeliveryQueue } from "../../src/jobs/delivery-queue.js";
import type { DeliveryStore } from "../../src/jobs/delivery-store.js";
import { createDeliveryWorkers, type DeliveryWorkerDeps } from "../../src/jobs/delivery-workers.js";
import { createRedisDeliveryStore } from "../../src/jobs/redis-delivery-store.js";
import { connectMongo } from "../../src/storage/mongo.js";
import type { Redis } from "../../src/storage/redis.js";
import { silentLogger } from "../helpers/silent-logger.js";
import { testMongoUri, uniqueName } from "../helpers/stores.js";

export interface SentRecord {
  channel: ChannelName;
  chatId: string;
  message: OutboundMessage;
  outcome: SendOutcome["kind"];
}

/** Answers `sent` unless the script says otherwise for this call (1-based count over all calls). */
export function recordingSender(
  script: (chatId: string, call: number) => SendOutcome | undefined = () => undefined,
) {
  const calls: SentRecord[] = [];
  const send: Send = async ({ channel, chatId }, message) => {
    const outcome = script(chatId, calls.length + 1) ?? {
      kind: "sent",
      messageIds: [`m${calls.length + 1}`],
    };
    calls.push({ channel, chatId, message, outcome: outcome.kind });
    return outcome;
  };
  /** How many copies each chat actually received. */
  const received = () => {
    const counts = new Map<string, number>();
    for (const call of calls)
      if (call.outcome === "sent") counts.set(call.chatId, (counts.get(call.chatId) ?? 0) + 1);
    return counts;
  };
  return { send, calls, received };
}

export function parentTargets(count: number, channel: ChannelName = "telegram"): BroadcastTarget[] {
  return Array.from({ length: count }, (_, i) => ({
    key: `parent:${channel}:${5000 + i}`,
    kind: "parent" as const,
    channel,
    chatId: String(5000 + i),
    locale: "vi" as const,
    context: "class-1",
    refId: `member-${i}`,
  }));
}

export async function createEngine(
  redis: Redis,
  send: Send,
  {
    hooks: extraHooks,
    channels = ["telegram", "zalo"],
    startStore = true,
    ...options
  }: Partial<Omit<DeliveryWorkerDeps, "hooksOf" | "channels">> & {
    hooks?: Partial<DeliveryHooks>;
    channels?: ChannelName[];
    /** false: the store never writes to MongoDB, like a process that dies before its first flush. */
    startStore?: boolean;
  } = {},
) {
  const mongo: Connection = await connectMongo(testMongoUri(), silentLogger());
  const bullPrefix = uniqueName("bq");
  const keyPrefix = `${uniqueName("jobs")}:`;
  const storeOn = () =>
    createRedisDeliveryStore({ connection: mongo, redis, prefix: keyPrefix, logger: silentLogger() });
  const store = storeOn();
  if (startStore) await store.start();
  const stores = [store];
  const finished = new Map<string, (counts: StatusCounts) => void>();
  const reports: Array<{ broadcastId: string; counts: StatusCounts }> = [];
  const hooks: DeliveryHooks = {
    compose: async (d) => ({ kind: "text", text: `clip ${d.broadcastId} for ${d.chatId}` }),
    ...extraHooks,
    async finished(broadcastId, counts) {
      reports.push({ broadcastId, counts });
      finished.get(broadcastId)?.(counts);
    },
  };
  const queue = createDeliveryQueue({ redis, prefix: bullPrefix, retryDelayMs: 50 });
  const reachability = createReachability(redis, keyPrefix);
  /** The test topic's broadcaster, over another store or queue (one that fails or waits). */
  const broadcasterWith = (over: { store?: DeliveryStore; queue?: DeliveryQueue } = {}) =>
    createBroadcaster({ topic: "test", store, queue, redis, keyPrefix, reachability, hooks, ...over });
  const broadcaster = broadcasterWith();
  const workers = (overrides: Partial<DeliveryWorkerDeps> = {}) =>
    createDeliveryWorkers({
      redis,
      bullPrefix,
      keyPrefix,
      // Fast platforms: the tests measure correctness, the bench measures speed.
      channels: channels.map((name) => ({
        name,
        capabilities: { sendRate: { max: 1000, perMs: 1000 }, groupGapMs: 50 },
      })),
      store,
      send,
      hooksOf: () => hooks,
      logger: silentLogger(),
      concurrency: 20,
      ...options,
      ...overrides,
    });
  return {
    mongo,
    store,
    queue,
    bullPrefix,
    broadcaster,
    broadcasterWith,
    reachability,
    reports,
    keyPrefix,
    workers,
    /** A new store on the same Redis keys and database: the process that starts after a crash. */
    async restartedStore() {
      const next = storeOn();
      await next.start();
      stores.push(next);
      return next;
    },
    /** Resolves with the final counts when the clip's last delivery settles. */
    finishedOf(broadcastId: string, timeoutMs = 60_000): Promise<StatusCounts> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`clip ${broadcastId} did not finish`)), timeoutMs);
        finished.set(broadcastId, (counts) => {
          clearTimeout(timer);
          resolve(counts);
        });
      });
    },
    async close() {
      await queue.close();
      for (const each of stores) await each.stop();
      await mongo.dropDatabase();
      await mongo.close();
    },
  };
}
