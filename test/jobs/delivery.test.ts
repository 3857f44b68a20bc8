import { QueueEvents } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createI18n } from "../../src/core/i18n.js";
import type { SendOutcome } from "../../src/core/messages.js";
import { describeReport } from "../../src/features/clips/progress.js";
import type { Delivery } from "../../src/jobs/delivery-model.js";
import type { DeliveryQueue } from "../../src/jobs/delivery-queue.js";
import type { DeliveryStore } from "../../src/jobs/delivery-store.js";
import { connectRedis, type Redis } from "../../src/storage/redis.js";
import { silentLogger } from "../helpers/silent-logger.js";
import { testRedisUrl } from "../helpers/stores.js";
import { createEngine, parentTargets, recordingSender } from "./delivery-fixture.js";

const THROTTLED: SendOutcome = { kind: "throttled", retryAfterSeconds: 1 };

describe("delivery engine", () => {
  let redis: Redis;
  beforeAll(async () => {
    redis = await connectRedis(testRedisUrl(), silentLogger());
  });
  afterAll(() => redis.disconnect());

  it("delivers each of 300 targets exactly once while the sender is throttled now and then", async () => {
    const sender = recordingSender((_chat, call) => (call % 100 === 50 ? THROTTLED : undefined));
    const engine = await createEngine(redis, sender.send);
    const workers = engine.workers();
    await workers.start();
    try {
      const finished = engine.finishedOf("clip-300");
      expect(await engine.broadcaster.fanOut("clip-300", parentTargets(300))).toBe(300);
      const counts = await finished;
      expect(counts).toMatchObject({ sent: 300, queued: 0, sending: 0, failed: 0, uncertain: 0 });
      expect(sender.calls.filter((c) => c.outcome === "throttled").length).toBeGreaterThanOrEqual(3);
      const received = sender.received();
      expect(received.size).toBe(300);
      expect([...received.values()].every((n) => n === 1)).toBe(true);
      expect(engine.reports).toHaveLength(1);
    } finally {
      await workers.stop();
      await engine.close();
    }
  }, 60_000);

  it("loses and repeats no one when the worker is closed mid-broadcast and a new one takes over", async () => {
    let reached: () => void = () => {};
    const hundred = new Promise<void>((resolve) => {
      reached = resolve;
    });
    const sender = recordingSender((_chat, call) => {
      if (call === 100) reached();
      return undefined;
    });
    const engine = await createEngine(redis, sender.send);
    const first = engine.workers();
    await first.start();
    const finished = engine.finishedOf("clip-restart");
    await engine.broadcaster.fanOut("clip-restart", parentTargets(300));
    await hundred;
    await first.stop();
    const stoppedAt = sender.calls.length;
    const second = engine.workers();
    await second.start();
    try {
      expect(await finished).toMatchObject({ sent: 300, queued: 0, sending: 0 });
      expect(stoppedAt).toBeLessThan(300);
      const received = sender.received();
      expect(received.size).toBe(300);
      expect([...received.values()].every((n) => n === 1)).toBe(true);
    } finally {
      await second.stop();
      await engine.close();
    }
  }, 60_000);

  it("sends everyone once when a fan-out cut short after its first slice is run again", async () => {
    const sender = recordingSender(() => undefined);
    const engine = await createEngine(redis, sender.send);
    const targets = parentTargets(1000);
    // The first run records and enqueues its first slice, then loses Redis before the next one.
    let slices = 0;
    const failing: DeliveryQueue = {
      ...engine.queue,
      async enqueue(refs) {
        if (++slices > 1) throw new Error("Connection is closed.");
        await engine.queue.enqueue(refs);
      },
    };
    const cutShort = engine.broadcasterWith({ queue: failing });
    await expect(cutShort.fanOut("clip-cut", targets)).rejects.toThrow("Connection is closed.");
    const recorded = await engine.store.count("clip-cut");
    expect(recorded.queued).toBeGreaterThan(100);
    expect(recorded.queued).toBeLessThan(1000);

    const workers = engine.workers();
    await workers.start();
    try {
      const finished = engine.finishedOf("clip-cut");
      // The confirm is retried: every record is kept, and everything still queued gets its job
      // (the 900 the first run never enqueued, and those of its first slice not yet sent).
      const waiting = await engine.broadcaster.fanOut("clip-cut", targets);
      expect(waiting).toBeGreaterThanOrEqual(900);
      expect(waiting).toBeLessThanOrEqual(1000);
      expect(await finished).toMatchObject({ sent: 1000, queued: 0, sending: 0, failed: 0 });
      const received = sender.received();
      expect(received.size).toBe(1000);
      expect([...received.values()].every((n) => n === 1)).toBe(true);
    } finally {
      await workers.stop();
      await engine.close();
    }
  }, 60_000);

  it("reports a broadcast once, with its final counts, when its first slice is all sent before the rest is recorded", async () => {
    const sender = recordingSender(() => undefined);
    const engine = await createEngine(redis, sender.send);
    // Every job of the first slice (100 targets) has finished, settle and all, before the
    // second slice is recorded: the moment a counter of the first slice alone would read zero.
    const events = new QueueEvents("deliveries-telegram", {
      // A blocking reader: BullMQ wants its connection to retry forever.
      connection: redis.duplicate({ maxRetriesPerRequest: null, enableAutoPipelining: false }),
      prefix: engine.bullPrefix,
    });
    await events.waitUntilReady();
    let completed = 0;
    const firstSliceDone = new Promise<void>((resolve) => {
      events.on("completed", () => {
        if (++completed === 100) resolve();
      });
    });
    let inserts = 0;
    const slow: DeliveryStore = {
      ...engine.store,
      async insert(deliveries) {
        if (++inserts === 2) await firstSliceDone;
        return engine.store.insert(deliveries);
      },
    };
    const broadcaster = engine.broadcasterWith({ store: slow });
    const workers = engine.workers();
    await workers.start();
    try {
      const finished = engine.finishedOf("clip-slices");
      expect(await broadcaster.fanOut("clip-slices", parentTargets(300))).toBe(300);
      expect(await finished).toMatchObject({ sent: 300, queued: 0, sending: 0 });
      expect(engine.reports.map((report) => report.counts.sent)).toEqual([300]);
      expect(sender.received().size).toBe(300);
    } finally {
      await workers.stop();
      await events.close();
      await engine.close();
    }
  }, 60_000);

  it("reports a broadcast whose every target blocked the bot when its fan-out ends", async () => {
    const sender = recordingSender(() => undefined);
    const engine = await createEngine(redis, sender.send);
    const targets = parentTargets(3);
    for (const target of targets)
      await engine.reachability.markBlocked({ channel: target.channel, chatId: target.chatId });
    const finished = engine.finishedOf("clip-nobody");
    expect(await engine.broadcaster.fanOut("clip-nobody", targets)).toBe(0);
    expect(await finished).toMatchObject({ blocked: 3, sent: 0, queued: 0 });
    expect(sender.calls).toHaveLength(0);
    await engine.close();
  });

  it("marks parents who blocked the bot, counts them, and tells the caller who they are", async () => {
    const sender = recordingSender((chat) =>
      chat === "5003" || chat === "5007"
        ? { kind: "blocked", reason: "Forbidden: bot was blocked by the user" }
        : undefined,
    );
    const blocked: Delivery[] = [];
    const engine = await createEngine(redis, sender.send, {
      hooks: { blocked: async (d) => void blocked.push(d) },
    });
    const workers = engine.workers();
    await workers.start();
    try {
      const finished = engine.finishedOf("clip-blocked");
      const targets = parentTargets(10);
      // Known from an earlier send or a "blocked" event: recorded as blocked, never sent.
      await engine.reachability.markBlocked(targets[9]!);
      expect(await engine.broadcaster.fanOut("clip-blocked", targets)).toBe(9);
      expect(await finished).toMatchObject({ sent: 7, blocked: 3 });
      expect(blocked.map((d) => d.chatId).sort()).toEqual(["5003", "5007"]);
      expect(sender.calls.some((c) => c.chatId === "5009")).toBe(false);
    } finally {
      await workers.stop();
      await engine.close();
    }
  }, 30_000);

  it("reports Zalo OA followers outside the 7-day window apart from failures, and names them to the teacher", async () => {
    const sender = recordingSender((chat) =>
      chat === "5002"
        ? { kind: "outside-window", reason: "the follower has not written in 7 days" }
        : undefined,
    );
    const engine = await createEngine(redis, sender.send, {
      channels: ["zalo-oa"],
    });
    const workers = engine.workers();
    await workers.start();
    try {
      const finished = engine.finishedOf("clip-window");
      await engine.broadcaster.fanOut("clip-window", parentTargets(4, "zalo-oa"));
      const counts = await finished;
      expect(counts).toMatchObject({ sent: 3, "outside-window": 1, failed: 0 });
      const report = describeReport("BG-WINDOW", counts, createI18n("vi", "locales").translator("vi"));
      expect(report).toContain("1 phụ huynh trên Zalo OA đã hơn 7 ngày không nhắn cho ChoEm");
      expect(report).toContain("3/4 đã nhận");
    } finally {
      await workers.stop();
      await engine.close();
    }
  }, 30_000);

  it("follows a group that became a supergroup and delivers there once", async () => {
    const sender = recordingSender((chat) =>
      chat === "-100" ? { kind: "migrated", newChatId: "-1009001" } : undefined,
    );
    const moves: string[] = [];
    const engine = await createEngine(redis, sender.send, {
      hooks: { migrated: async (d, to) => void moves.push(`${d.chatId}→${to}`) },
    });
    const workers = engine.workers();
    await workers.start();
    try {
      const finished = engine.finishedOf("clip-migrate");
      const group = {
        ...parentTargets(1)[0]!,
        key: "group:telegram:-100",
        kind: "group" as const,
        chatId: "-100",
      };
      await engine.broadcaster.fanOut("clip-migrate", [group]);
      expect(await finished).toMatchObject({ sent: 1 });
      expect(moves).toEqual(["-100→-1009001"]);
      expect(sender.received().get("-1009001")).toBe(1);
      // Records reach MongoDB behind the sends: wait until every change is written.
      await engine.store.flush();
      const [record] = await engine.mongo
        .collection("deliveries")
        .find({ broadcastId: "clip-migrate" })
        .toArray();
      expect(record).toMatchObject({ chatId: "-1009001", status: "sent" });
    } finally {
      await workers.stop();
      await engine.close();
    }
  }, 30_000);

  it("retries passing failures with backoff and re-sends only the failed ones when asked", async () => {
    let failing = true;
    const sender = recordingSender((chat) => {
      if (chat === "5001") return { kind: "transient", reason: "502 Bad Gateway" };
      if (failing && chat === "5002") return { kind: "rejected", reason: "Bad Request: chat not found" };
      return undefined;
    });
    const engine = await createEngine(redis, sender.send);
    const workers = engine.workers();
    await workers.start();
    try {
      const first = engine.finishedOf("clip-retry");
      await engine.broadcaster.fanOut("clip-retry", parentTargets(4));
      expect(await first).toMatchObject({ sent: 2, failed: 2 });
      expect(sender.calls.filter((c) => c.chatId === "5001")).toHaveLength(5);
      expect(sender.calls.filter((c) => c.chatId === "5002")).toHaveLength(1);

      failing = false;
      const second = engine.finishedOf("clip-retry");
      expect(await engine.broadcaster.resend("clip-retry")).toBe(2);
      expect(await second).toMatchObject({ sent: 3, failed: 1 });
      expect(sender.received().get("5002")).toBe(1);
      expect(sender.received().get("5000")).toBe(1);
    } finally {
      await workers.stop();
      await engine.close();
    }
  }, 30_000);

  it("spaces messages into one group so a group never gets more than its share", async () => {
    const times: number[] = [];
    const engine = await createEngine(
      redis,
      async ({ chatId }) => {
        if (chatId === "-200") times.push(Date.now());
        return { kind: "sent", messageIds: ["1"] };
      },
      { groupGapMs: 400 },
    );
    const workers = engine.workers();
    await workers.start();
    try {
      const group = {
        ...parentTargets(1)[0]!,
        key: "group:telegram:-200",
        kind: "group" as const,
        chatId: "-200",
      };
      const both = Promise.all([engine.finishedOf("clip-pace-1"), engine.finishedOf("clip-pace-2")]);
      await engine.broadcaster.fanOut("clip-pace-1", [group]);
      await engine.broadcaster.fanOut("clip-pace-2", [group]);
      await both;
      expect(times).toHaveLength(2);
      expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(350);
    } finally {
      await workers.stop();
      await engine.close();
    }
  }, 30_000);

  it("marks a send cut short by a crash uncertain and never sends it again", async () => {
    let release: (outcome: SendOutcome) => void = () => {};
    let hung: () => void = () => {};
    const hanging = new Promise<void>((resolve) => {
      hung = resolve;
    });
    const calls: string[] = [];
    const engine = await createEngine(
      redis,
      async ({ chatId }) => {
        calls.push(chatId);
        if (chatId !== "5002") return { kind: "sent", messageIds: ["1"] };
        hung();
        return new Promise<SendOutcome>((resolve) => {
          release = resolve;
        });
      },
      { leaseMs: 1500, lockDurationMs: 600, stalledIntervalMs: 300 },
    );
    const crashed = engine.workers();
    await crashed.start();
    const finished = engine.finishedOf("clip-crash");
    await engine.broadcaster.fanOut("clip-crash", parentTargets(5));
    await hanging;
    await crashed.stop({ force: true });
    const next = engine.workers();
    await next.start();
    try {
      expect(await finished).toMatchObject({ sent: 4, uncertain: 1, queued: 0, sending: 0 });
      release({ kind: "sent", messageIds: ["late"] });
      expect(calls.filter((chat) => chat === "5002")).toHaveLength(1);
      expect(new Set(calls).size).toBe(5);
    } finally {
      await next.stop();
      await engine.close();
    }
  }, 30_000);
});
