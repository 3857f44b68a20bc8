/**
 * The delivery store's contract, run on the Redis store the app uses (live state in Redis,
 * records written behind to MongoDB) and on the in-memory twin the benchmark uses, so the twin
 * cannot drift from what it stands in for. What only the Redis store promises (records reach
 * MongoDB, also after a crash) is in redis-delivery-store.test.ts.
 */
import type { Connection } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NewDelivery } from "../../src/jobs/delivery-model.js";
import type { DeliveryStore } from "../../src/jobs/delivery-store.js";
import { createMemoryDeliveryStore } from "../../src/jobs/memory-delivery-store.js";
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

const stores: Array<[string, () => DeliveryStore]> = [
  [
    "the Redis store",
    () =>
      createRedisDeliveryStore({
        connection: mongo,
        redis,
        prefix: `${uniqueName("ds")}:`,
        logger: silentLogger(),
      }),
  ],
  ["the in-memory twin", () => createMemoryDeliveryStore()],
];

function deliveries(
  broadcastId: string,
  count: number,
  status: NewDelivery["status"] = "queued",
): NewDelivery[] {
  return Array.from({ length: count }, (_, i) => ({
    topic: "test",
    broadcastId,
    key: `parent:telegram:${i}`,
    kind: i === 0 ? "group" : "parent",
    channel: "telegram" as const,
    chatId: String(i === 0 ? -100 : 7000 + i),
    locale: "vi" as const,
    context: "class-1",
    refId: `m${i}`,
    status,
  }));
}

describe.each(stores)("%s", (_name, make) => {
  const lease = () => new Date(Date.now() + 60_000);
  const first = async (store: DeliveryStore, broadcastId: string) => (await store.waiting(broadcastId))[0]!;

  it("creates one record per target, however often the fan-out runs, and lists the queued ones", async () => {
    const store = make();
    const id = uniqueName("b");
    const firstRun = await store.insert(deliveries(id, 3));
    expect(firstRun).toMatchObject({ existing: 0 });
    expect(firstRun.queued).toHaveLength(3);
    const again = await store.insert(deliveries(id, 4));
    expect(again.existing).toBe(3);
    // Only the new target comes back to be enqueued; the three are left as they were.
    expect(again.queued.map((ref) => ref.id)).not.toContain(firstRun.queued[0]!.id);
    expect(again.queued).toHaveLength(1);
    const waiting = await store.waiting(id);
    expect(waiting).toHaveLength(4);
    expect(waiting.map((ref) => ref.id).sort()).toEqual(
      [...firstRun.queued, ...again.queued].map((ref) => ref.id).sort(),
    );
    // Group targets are paced per group; private chats are not.
    expect(waiting.filter((ref) => ref.pace === "telegram:-100")).toHaveLength(1);
    expect(waiting.filter((ref) => ref.pace === undefined)).toHaveLength(3);
  });

  it("records targets known to have blocked the bot as blocked, without queueing them", async () => {
    const store = make();
    const id = uniqueName("b");
    const targets = deliveries(id, 3);
    targets[2] = { ...targets[2]!, status: "blocked" };
    const inserted = await store.insert(targets);
    expect(inserted.queued).toHaveLength(2);
    // The group target (the first) is paced per group in the refs the fan-out enqueues too.
    expect(inserted.queued.filter((ref) => ref.pace === "telegram:-100")).toHaveLength(1);
    expect(await store.count(id)).toMatchObject({ queued: 2, blocked: 1 });
    expect(await store.waiting(id)).toHaveLength(2);
  });

  it("lets one claimer win, settles only what is being sent, and counts by status", async () => {
    const store = make();
    const id = uniqueName("b");
    await store.insert(deliveries(id, 2));
    const ref = await first(store, id);
    const claimed = await store.claim(ref.id, lease());
    expect(claimed).toMatchObject({ status: "sending", attempts: 1, broadcastId: id, topic: "test" });
    expect(await store.claim(ref.id, lease())).toBeNull();
    expect(await store.settle(ref.id, "sent", { messageIds: ["41", "42"] })).toBe(true);
    expect(await store.settle(ref.id, "failed", { reason: "late" })).toBe(false);
    expect(await store.get(ref.id)).toMatchObject({ status: "sent", messageIds: ["41", "42"] });
    expect(await store.count(id)).toMatchObject({ sent: 1, queued: 1, sending: 0 });
  });

  it("puts a refused send back in the queue with the parts that did go out", async () => {
    const store = make();
    const id = uniqueName("b");
    await store.insert(deliveries(id, 1));
    const ref = await first(store, id);
    await store.claim(ref.id, lease());
    expect(await store.release(ref.id, ["m1"])).toBe(true);
    expect(await store.release(ref.id)).toBe(false);
    const again = await store.claim(ref.id, lease());
    expect(again).toMatchObject({ status: "sending", attempts: 2, messageIds: ["m1"] });
  });

  it("calls a send uncertain only with the lease it had, and sweeps leases that ran out", async () => {
    const store = make();
    const id = uniqueName("b");
    await store.insert(deliveries(id, 2));
    const [a, b] = await store.waiting(id);
    const past = new Date(Date.now() - 1000);
    await store.claim(a!.id, past);
    await store.claim(b!.id, past);
    expect(await store.expire(a!.id, new Date(past.getTime() + 1))).toBe(false);
    expect(await store.expire(a!.id, past)).toBe(true);
    expect(await store.sweep(id)).toBe(1);
    expect(await store.count(id)).toMatchObject({ uncertain: 2, sending: 0 });
  });

  it("gives up on a job as failed when queued and uncertain when sending", async () => {
    const store = make();
    const id = uniqueName("b");
    await store.insert(deliveries(id, 2));
    const [a, b] = await store.waiting(id);
    await store.claim(b!.id, lease());
    expect(await store.abandon(a!.id, "store down")).toBe("failed");
    expect(await store.abandon(b!.id, "store down")).toBe("uncertain");
    expect(await store.abandon(b!.id, "again")).toBeUndefined();
  });

  it("requeues only the chosen outcomes, in a new round, and follows a migrated chat", async () => {
    const store = make();
    const id = uniqueName("b");
    await store.insert(deliveries(id, 3));
    const [a, b, c] = await store.waiting(id);
    for (const [ref, status] of [
      [a!, "failed"],
      [b!, "sent"],
      [c!, "outside-window"],
    ] as const) {
      await store.claim(ref.id, lease());
      await store.settle(ref.id, status, {});
    }
    const again = await store.requeue(id, ["failed", "outside-window"]);
    expect(again.map((ref) => ref.round)).toEqual([1, 1]);
    expect(await store.count(id)).toMatchObject({ queued: 2, sent: 1 });
    await store.retarget(a!.id, "-1009999");
    expect((await store.get(a!.id))?.chatId).toBe("-1009999");
  });

  it("cuts an erased chat from its records and never sends what was still waiting", async () => {
    const store = make();
    const id = uniqueName("b");
    await store.insert(deliveries(id, 3));
    const [a, b] = await store.waiting(id);
    await store.claim(a!.id, lease());
    await store.settle(a!.id, "sent", { messageIds: ["1"] });
    const chats = [(await store.get(a!.id))!, (await store.get(b!.id))!];
    for (const chat of chats) expect(await store.countTo(chat)).toBe(1);
    for (const chat of chats) expect(await store.eraseTo(chat)).toBe(1);
    expect(await store.get(a!.id)).toMatchObject({ status: "sent", chatId: "erased" });
    expect(await store.get(b!.id)).toMatchObject({ status: "failed", chatId: "erased", reason: "erased" });
    expect(await store.countTo(chats[1]!)).toBe(0);
    expect(await store.waiting(id)).toHaveLength(1);
    expect(await store.count(id)).toMatchObject({ sent: 1, failed: 1, queued: 1 });
  });

  it("lets exactly one of 20 concurrent claimers win each of 100 deliveries", {
    timeout: 120_000,
  }, async () => {
    const store = make();
    const id = uniqueName("b");
    await store.insert(deliveries(id, 100));
    const refs = await store.waiting(id);
    const claims = refs.flatMap((ref) => Array.from({ length: 20 }, () => store.claim(ref.id, lease())));
    const winners = (await Promise.all(claims)).filter((claimed) => claimed !== null);
    expect(winners).toHaveLength(100);
    expect(new Set(winners.map((w) => w.id)).size).toBe(100);
    expect(winners.every((w) => w.attempts === 1)).toBe(true);
    expect(await store.count(id)).toMatchObject({ sending: 100, queued: 0 });
  });
});
