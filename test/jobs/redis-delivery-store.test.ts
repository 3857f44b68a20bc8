/**
 * What the Redis delivery store promises beyond the store contract (delivery-store.test.ts):
 * every change reaches the MongoDB record, on stop and after a crash (the next process writes
 * what the dead one left), and a finished record whose Redis state expired is read from MongoDB
 * and can still be sent again.
 */
import type { Connection } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DeliveryDocument, NewDelivery } from "../../src/jobs/delivery-model.js";
import { createRedisDeliveryStore } from "../../src/jobs/redis-delivery-store.js";
import { connectMongo } from "../../src/storage/mongo.js";
import { connectRedis, type Redis } from "../../src/storage/redis.js";
import { silentLogger } from "../helpers/silent-logger.js";
import { testMongoUri, testRedisUrl, uniqueName } from "../helpers/stores.js";

let mongo: Connection;
let redis: Redis;
beforeAll(async () => {
  mongo = await connectMongo(testMongoUri(), silentLogger());
  redis = await connectRedis(testRedisUrl(), silentLogger());
});
afterAll(async () => {
  await mongo.dropDatabase();
  await mongo.close();
  redis.disconnect();
});

const storeOn = (prefix: string) =>
  createRedisDeliveryStore({ connection: mongo, redis, prefix, logger: silentLogger() });

function deliveries(broadcastId: string, count: number): NewDelivery[] {
  return Array.from({ length: count }, (_, i) => ({
    topic: "test",
    broadcastId,
    key: `parent:telegram:${i}`,
    kind: "parent",
    channel: "telegram" as const,
    chatId: String(8000 + i),
    locale: "vi" as const,
    context: "class-1",
    refId: `m${i}`,
    status: "queued" as const,
  }));
}

const records = (broadcastId: string) =>
  mongo.collection<DeliveryDocument>("deliveries").find({ broadcastId }).toArray();

/** Resolves when MongoDB's records of the broadcast pass `test`, polling; fails after a while. */
async function recordsBecome(broadcastId: string, test: (docs: DeliveryDocument[]) => boolean) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const docs = await records(broadcastId);
    if (test(docs)) return docs;
    if (Date.now() > deadline) throw new Error(`records of ${broadcastId} never got there`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Sends every second delivery, fails the others; returns nothing. */
async function settleAll(store: ReturnType<typeof storeOn>, broadcastId: string) {
  const refs = await store.waiting(broadcastId);
  for (const [i, ref] of refs.entries()) {
    await store.claim(ref.id, new Date(Date.now() + 60_000));
    if (i % 2 === 0) await store.settle(ref.id, "sent", { messageIds: [`m${i}`] });
    else await store.settle(ref.id, "failed", { reason: "400 chat not found" });
  }
}

describe("the Redis delivery store", () => {
  it("writes every record with its final status to MongoDB when it stops", async () => {
    const store = storeOn(`${uniqueName("rs")}:`);
    await store.start();
    const id = uniqueName("b");
    await store.insert(deliveries(id, 40));
    await settleAll(store, id);
    await store.stop();
    const docs = await records(id);
    expect(docs).toHaveLength(40);
    expect(docs.filter((d) => d.status === "sent")).toHaveLength(20);
    expect(docs.filter((d) => d.status === "failed" && d.reason === "400 chat not found")).toHaveLength(20);
    expect(docs.every((d) => d.attempts === 1 && d.settledAt && !d.leaseUntil)).toBe(true);
    expect(docs.filter((d) => d.messageIds.length === 1)).toHaveLength(20);
  });

  it("loses nothing when the process dies before writing: the next one writes what was left", async () => {
    const prefix = `${uniqueName("rs")}:`;
    const dying = storeOn(prefix);
    const id = uniqueName("b");
    await dying.insert(deliveries(id, 30));
    await settleAll(dying, id);
    // Never started, never stopped: nothing reached MongoDB, as after a crash.
    expect(await records(id)).toHaveLength(0);

    const next = storeOn(prefix);
    await next.start();
    try {
      const docs = await recordsBecome(
        id,
        (all) => all.length === 30 && all.every((d) => d.status === "sent" || d.status === "failed"),
      );
      expect(docs.filter((d) => d.status === "sent")).toHaveLength(15);
      expect(await next.count(id)).toMatchObject({ sent: 15, failed: 15, queued: 0 });
    } finally {
      await next.stop();
    }
  });

  it("writes a change made while a flush runs in a later flush, never an older copy over it", async () => {
    const store = storeOn(`${uniqueName("rs")}:`);
    const id = uniqueName("b");
    await store.insert(deliveries(id, 1));
    const [ref] = await store.waiting(id);
    await store.claim(ref!.id, new Date(Date.now() + 60_000));
    const flushing = store.flush();
    await store.settle(ref!.id, "sent", { messageIds: ["late"] });
    await flushing;
    await store.flush();
    expect(await records(id)).toMatchObject([{ status: "sent", messageIds: ["late"] }]);
  });

  it("reads a finished broadcast from MongoDB once Redis let it go, and re-sends its failures", async () => {
    const prefix = `${uniqueName("rs")}:`;
    const store = storeOn(prefix);
    const id = uniqueName("b");
    await store.insert(deliveries(id, 6));
    await settleAll(store, id);
    await store.flush();
    const [first] = await records(id);
    // What the expiry of a finished broadcast leaves: no key of it in Redis at all.
    const gone = await redis.keys(`${prefix}dlv*`);
    await redis.del(...gone.filter((key) => !key.endsWith("dlv-version")));

    expect(await store.get(String(first!._id))).toMatchObject({ status: first!.status, broadcastId: id });
    expect(await store.count(id)).toMatchObject({ sent: 3, failed: 3 });
    expect(await store.insert(deliveries(id, 6))).toEqual({ queued: [], existing: 6 });
    const again = await store.requeue(id, ["failed"]);
    expect(again.map((ref) => ref.round)).toEqual([1, 1, 1]);
    expect(await store.count(id)).toMatchObject({ sent: 3, queued: 3, failed: 0 });
    await store.flush();
    expect((await records(id)).filter((d) => d.status === "queued" && d.round === 1)).toHaveLength(3);
  });
});
