/**
 * The pipeline's first round trip (src/core/inbound-gate.ts) does dedupe, reachability, the rate
 * limit and the chat lock in one script: each of them still holds, and in the same order.
 */
import { randomUUID } from "node:crypto";
import type { Connection } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enter, retake } from "../../src/core/inbound-gate.js";
import { releaseLock, withLock } from "../../src/core/lock.js";
import { sessionKey } from "../../src/core/session-store.js";
import type { Redis } from "../../src/storage/redis.js";
import { createHarness } from "../helpers/core-harness.js";
import { closeTestStores, openTestStores, uniqueName } from "../helpers/stores.js";

/** Waits for a condition on Redis (never for a fixed time). */
async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("condition not reached");
}

describe("the inbound gate", () => {
  let redis: Redis;
  let mongo: Connection;
  const prefix = `${uniqueName("gate")}:`;
  const lockOf = (chat: string) => `${prefix}lock:telegram:${chat}`;

  beforeAll(async () => {
    ({ redis, mongo } = await openTestStores());
  });
  afterAll(() => closeTestStores({ redis, mongo }));

  const request = (chat: string, updateId: string, token = randomUUID()) => ({
    seen: `${prefix}seen:telegram:${updateId}`,
    seenSeconds: 60,
    rate: { key: `${prefix}rate:telegram:${chat}`, max: 2, windowSeconds: 60 },
    unblock: { hash: `${prefix}blocked`, field: `telegram:${chat}` },
    takeTurn: true,
    lock: lockOf(chat),
    session: sessionKey(prefix, `telegram:${chat}`),
    token,
    holdMs: 30_000,
  });

  it("drops a replayed update having changed nothing: no count, no lock, block kept", async () => {
    const chat = "3001";
    const first = request(chat, "u1");
    expect((await enter(redis, first)).kind).toBe("turn");
    await releaseLock(redis, first.lock, first.token);
    await redis.hset(`${prefix}blocked`, `telegram:${chat}`, "then");
    expect(await enter(redis, request(chat, "u1"))).toEqual({ kind: "duplicate" });
    expect(await redis.get(`${prefix}rate:telegram:${chat}`)).toBe("1");
    expect(await redis.exists(lockOf(chat))).toBe(0);
    expect(await redis.hexists(`${prefix}blocked`, `telegram:${chat}`)).toBe(1);
  });

  it("counts a message over the limit without a turn, and still clears its block", async () => {
    const chat = "3002";
    for (const id of ["a", "b"]) {
      const ok = request(chat, `${chat}${id}`);
      expect((await enter(redis, ok)).kind).toBe("turn");
      await releaseLock(redis, ok.lock, ok.token);
    }
    await redis.hset(`${prefix}blocked`, `telegram:${chat}`, "then");
    expect(await enter(redis, request(chat, `${chat}c`))).toEqual({ kind: "over", count: 3 });
    expect(await enter(redis, request(chat, `${chat}d`))).toEqual({ kind: "over", count: 4 });
    expect(await redis.exists(lockOf(chat))).toBe(0);
    expect(await redis.hexists(`${prefix}blocked`, `telegram:${chat}`)).toBe(0);
  });

  it("reads the session only with the lock: busy while held, then what the holder wrote", async () => {
    const chat = "3003";
    const holder = request(chat, "h1");
    expect(await enter(redis, holder)).toEqual({ kind: "turn", session: null });
    const waiter = request(chat, "w1");
    expect(await enter(redis, waiter)).toEqual({ kind: "busy" });
    // A release with another token frees nothing.
    await releaseLock(redis, holder.lock, waiter.token);
    expect(await retake(redis, waiter)).toBeUndefined();
    await redis.set(holder.session, '{"v":1,"locale":"en"}');
    await releaseLock(redis, holder.lock, holder.token);
    expect(await retake(redis, waiter)).toEqual({ session: '{"v":1,"locale":"en"}' });
    expect(await redis.get(lockOf(chat))).toBe(waiter.token);
  });

  it("takes a lease its holder never gave back once it expires, and the late release frees nothing", async () => {
    const chat = "3004";
    const crashed = { ...request(chat, "c1"), holdMs: 200 };
    expect((await enter(redis, crashed)).kind).toBe("turn");
    const next = request(chat, "n1");
    expect((await enter(redis, next)).kind).toBe("busy");
    await until(async () => (await retake(redis, next)) !== undefined);
    await releaseLock(redis, crashed.lock, crashed.token);
    expect(await redis.get(lockOf(chat))).toBe(next.token);
  });

  it("reads the cached person and claims the hour's lastSeenAt once, with the lock", async () => {
    const chat = "3005";
    const person = {
      record: `${prefix}person:telegram:${chat}`,
      seen: `${prefix}person-seen:telegram:${chat}`,
      seenSeconds: 60,
    };
    await redis.set(person.record, '{"id":"p"}');
    const first = { ...request(chat, "p1"), person };
    expect(await enter(redis, first)).toEqual({
      kind: "turn",
      session: null,
      person: { raw: '{"id":"p"}', seenDue: true },
    });
    await releaseLock(redis, first.lock, first.token);
    expect(await enter(redis, { ...request(chat, "p2"), person })).toMatchObject({
      person: { raw: '{"id":"p"}', seenDue: false },
    });
  });
});

describe("the gate through the pipeline", () => {
  let redis: Redis;
  let mongo: Connection;
  const prefix = `${uniqueName("gatep")}:`;

  beforeAll(async () => {
    ({ redis, mongo } = await openTestStores());
  });
  afterAll(() => closeTestStores({ redis, mongo }));

  it("answers an update once when its replay arrives at the same time, and the replay costs no allowance", async () => {
    const h = createHarness({ redis, mongo, prefix, features: [], rateLimit: { max: 2, windowSeconds: 60 } });
    const [one, two] = await Promise.all([h.say("/help", "4001", "twice"), h.say("/help", "4001", "twice")]);
    expect([one, two].filter((replies) => replies.length > 0)).toHaveLength(1);
    expect(h.texts(await h.say("/help", "4001"))).not.toContain("Anh/chị gửi hơi nhanh");
  });

  it("waits for the chat's lock and then answers from what the holder saved", async () => {
    const h = createHarness({ redis, mongo, prefix, features: [] });
    const chat = "4002";
    await h.say("/start", chat);
    const updateId = randomUUID();
    let answer: Promise<unknown> | undefined;
    await withLock(redis, `${prefix}lock:telegram:${chat}`, async () => {
      answer = h.say("/start", chat, updateId);
      // The update has been claimed, so it found the lock taken; now another turn switches language.
      await until(async () => (await redis.exists(`${prefix}seen:telegram:${updateId}`)) === 1);
      await redis.set(sessionKey(prefix, `telegram:${chat}`), '{"v":1,"locale":"en"}');
    });
    expect(h.texts((await answer) as never)).toContain("Hello! This is ChoEm");
  });

  it("answers a chat whose lock was left by a crashed instance once the lease runs out", async () => {
    const h = createHarness({ redis, mongo, prefix, features: [] });
    await redis.set(`${prefix}lock:telegram:4003`, "crashed", "PX", 300);
    expect(h.texts(await h.say("/start", "4003"))).toContain("Đây là ChoEm");
    expect(await redis.exists(`${prefix}lock:telegram:4003`)).toBe(0);
  });
});
