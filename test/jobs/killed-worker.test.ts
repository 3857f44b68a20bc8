/**
 * A process killed in the middle of a broadcast: its sends in flight never report (one reached
 * the platform, the others never left), and its store never wrote anything to MongoDB. Another
 * process, with a new store on the same Redis, finishes: nobody gets a second copy, nobody is
 * lost, and only the sends cut short are "uncertain" (docs/architecture.md#delivery-engine).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SendOutcome } from "../../src/core/messages.js";
import { connectRedis, type Redis } from "../../src/storage/redis.js";
import { silentLogger } from "../helpers/silent-logger.js";
import { testRedisUrl } from "../helpers/stores.js";
import { createEngine, parentTargets } from "./delivery-fixture.js";

describe("a delivery worker killed mid-broadcast", () => {
  let redis: Redis;
  beforeAll(async () => {
    redis = await connectRedis(testRedisUrl(), silentLogger());
  });
  afterAll(() => redis.disconnect());

  it("repeats and loses no one when a process is killed mid-broadcast and another finishes it", async () => {
    let killed = false;
    let halfWayReached: () => void = () => {};
    const halfWay = new Promise<void>((resolve) => {
      halfWayReached = resolve;
    });
    const received = new Map<string, number>();
    const platform = async (chatId: string): Promise<SendOutcome> => {
      // The platform takes a moment, so sends are in flight when the process dies.
      await new Promise((resolve) => setTimeout(resolve, 5));
      received.set(chatId, (received.get(chatId) ?? 0) + 1);
      return { kind: "sent", messageIds: [`m-${chatId}`] };
    };
    const dying = async ({ chatId }: { chatId: string }): Promise<SendOutcome> => {
      if (killed) return new Promise<SendOutcome>(() => {});
      const outcome = await platform(chatId);
      // Half way the process dies while this send is still reporting back, so at least this one
      // is cut short after it reached the platform, whatever else is in flight at that moment.
      if (received.size >= 150 && !killed) {
        killed = true;
        halfWayReached();
      }
      return killed ? new Promise<SendOutcome>(() => {}) : outcome;
    };
    const engine = await createEngine(redis, dying, {
      startStore: false,
      leaseMs: 1500,
      lockDurationMs: 600,
      stalledIntervalMs: 300,
    });
    const first = engine.workers();
    await first.start();
    const finished = engine.finishedOf("clip-killed");
    await engine.broadcaster.fanOut("clip-killed", parentTargets(300));
    await halfWay;
    await first.stop({ force: true });
    const store = await engine.restartedStore();
    const second = engine.workers({ store, send: ({ chatId }) => platform(chatId) });
    await second.start();
    try {
      const counts = await finished;
      expect(counts.sent + counts.uncertain).toBe(300);
      expect(counts).toMatchObject({ queued: 0, sending: 0, failed: 0 });
      // Only the sends in flight at the kill are uncertain; nobody got a second copy.
      expect(counts.uncertain).toBeGreaterThan(0);
      expect(counts.uncertain).toBeLessThanOrEqual(20);
      expect([...received.values()].every((n) => n === 1)).toBe(true);
      expect(received.size).toBeGreaterThanOrEqual(counts.sent);
      await store.flush();
      const records = await engine.mongo
        .collection("deliveries")
        .find({ broadcastId: "clip-killed" })
        .toArray();
      expect(records.filter((r) => r.status === "sent")).toHaveLength(counts.sent);
      expect(records.filter((r) => r.status === "uncertain")).toHaveLength(counts.uncertain);
    } finally {
      await second.stop();
      await engine.close();
    }
  }, 60_000);
});
