/**
 * A delivery engine on the test Redis and a fresh MongoDB database, with a scriptable
 * in-process sender that records every send, and a promise for "the clip has finished".
 */
import type { Connection } from "mongoose";
import type { ChannelName, OutboundMessage, SendOutcome } from "../../src/core/messages.js";
import { type BroadcastTarget, createBroadcaster } from "../../src/jobs/broadcaster.js";
import type { DeliveryHooks, Send } from "../../src/jobs/deliver.js";
import type { StatusCounts } from "../../src/jobs/delivery-model.js";
import { createDeliveryQueue } from "../../src/jobs/delivery-queue.js";
import { createMongoDeliveryStore } from "../../src/jobs/delivery-store.js";
import { createDeliveryWorkers, type DeliveryWorkerDeps } from "../../src/jobs/delivery-workers.js";
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
  const send: Send = async (channel, chatId, message) => {
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
    classId: "class-1",
    refId: `member-${i}`,
  }));
}

export async function createEngine(
  redis: Redis,
  send: Send,
  {
    hooks: extraHooks,
    ...options
  }: Partial<Omit<DeliveryWorkerDeps, "hooks">> & { hooks?: Partial<DeliveryHooks> } = {},
) {
  const mongo: Connection = await connectMongo(testMongoUri(), silentLogger());
  const store = createMongoDeliveryStore(mongo);
  const bullPrefix = uniqueName("bq");
  const keyPrefix = `${uniqueName("jobs")}:`;
  const finished = new Map<string, (counts: StatusCounts) => void>();
  const reports: Array<{ clipId: string; counts: StatusCounts }> = [];
  const hooks: DeliveryHooks = {
    compose: async (d) => ({ kind: "text", text: `clip ${d.clipId} for ${d.chatId}` }),
    ...extraHooks,
    async finished(clipId, counts) {
      reports.push({ clipId, counts });
      finished.get(clipId)?.(counts);
    },
  };
  const queue = createDeliveryQueue({ redis, prefix: bullPrefix, retryDelayMs: 50 });
  const broadcaster = createBroadcaster({ store, queue, redis, keyPrefix });
  const workers = () =>
    createDeliveryWorkers({
      redis,
      bullPrefix,
      keyPrefix,
      channels: ["telegram", "zalo"],
      store,
      send,
      hooks,
      logger: silentLogger(),
      limits: { telegram: { max: 1000, duration: 1000 }, zalo: { max: 1000, duration: 1000 } },
      concurrency: 20,
      groupGapMs: 50,
      ...options,
    });
  return {
    mongo,
    store,
    broadcaster,
    reports,
    workers,
    /** Resolves with the final counts when the clip's last delivery settles. */
    finishedOf(clipId: string, timeoutMs = 60_000): Promise<StatusCounts> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`clip ${clipId} did not finish`)), timeoutMs);
        finished.set(clipId, (counts) => {
          clearTimeout(timer);
          resolve(counts);
        });
      });
    },
    async close() {
      await queue.close();
      await mongo.dropDatabase();
      await mongo.close();
    },
  };
}
