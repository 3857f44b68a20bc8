import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTelegramChannel } from "../../src/channels/telegram/adapter.js";
import type { Channel } from "../../src/core/channel.js";
import type { PlatformFile } from "../../src/core/messages.js";
import { connectRedis, type Redis } from "../../src/storage/redis.js";
import { type FakeTelegramApi, startFakeTelegramApi } from "../fakes/telegram-api.js";
import { silentLogger } from "../helpers/silent-logger.js";
import { testRedisUrl } from "../helpers/stores.js";
import { createEngine, parentTargets } from "./delivery-fixture.js";

const lesson: PlatformFile = { channel: "telegram", fileId: "vid-9", fromChatId: "7001", messageId: "42" };

describe("deliveries through the Telegram channel", () => {
  let redis: Redis;
  let fake: FakeTelegramApi;
  let telegram: Channel;

  beforeAll(async () => {
    redis = await connectRedis(testRedisUrl(), silentLogger());
    fake = await startFakeTelegramApi();
    telegram = createTelegramChannel(
      { token: fake.token, apiRoot: fake.apiRoot, mode: "webhook", webhookSecret: "secret" },
      { onInbound: async () => {}, onIgnored: () => {}, logger: silentLogger() },
    );
  });
  afterAll(async () => {
    await fake.close();
    redis.disconnect();
  });

  const engineOverTelegram = () =>
    createEngine(redis, ({ chatId }, message, options) => telegram.send(chatId, message, options), {
      hooks: {
        compose: async () => ({
          kind: "media",
          media: "video",
          source: { kind: "platform-file", file: lesson },
        }),
      },
    });

  it("copies the lesson to 300 parents exactly once while Telegram answers 429 now and then", async () => {
    const engine = await engineOverTelegram();
    const workers = engine.workers();
    fake.failNext("copyMessage", { code: 429, retryAfter: 1 });
    fake.failNext("copyMessage", { code: 429, retryAfter: 1 });
    await workers.start();
    try {
      const finished = engine.finishedOf("tg-300");
      await engine.broadcaster.fanOut("tg-300", parentTargets(300));
      expect(await finished).toMatchObject({ sent: 300, failed: 0, uncertain: 0 });
      const copies = fake.calls("copyMessage");
      // 300 copies plus the two refused with 429: nobody got a second copy.
      expect(copies).toHaveLength(302);
      expect(new Set(copies.map((c) => String(c.payload.chat_id))).size).toBe(300);
      expect(
        copies.every((c) => String(c.payload.from_chat_id) === "7001" && Number(c.payload.message_id) === 42),
      ).toBe(true);
      expect(fake.calls("sendVideo")).toHaveLength(0);
    } finally {
      await workers.stop();
      await engine.close();
    }
  }, 60_000);

  it("moves a migrated group to its new id and records a parent who blocked the bot", async () => {
    const engine = await engineOverTelegram();
    const workers = engine.workers();
    const group = {
      ...parentTargets(1)[0]!,
      key: "group:telegram:-500",
      kind: "group" as const,
      chatId: "-500",
    };
    const parent = parentTargets(2)[1]!;
    await workers.start();
    try {
      const before = fake.calls("copyMessage").length;
      fake.failNext("copyMessage", { code: 400, migrateToChatId: -1005009 });
      const finished = engine.finishedOf("tg-migrate");
      await engine.broadcaster.fanOut("tg-migrate", [group]);
      expect(await finished).toMatchObject({ sent: 1 });
      fake.failNext("copyMessage", { code: 403 });
      const blockedFinished = engine.finishedOf("tg-blocked");
      await engine.broadcaster.fanOut("tg-blocked", [parent]);
      expect(await blockedFinished).toMatchObject({ blocked: 1, sent: 0 });
      const chats = fake
        .calls("copyMessage")
        .slice(before)
        .map((c) => String(c.payload.chat_id));
      expect(chats).toEqual(["-500", "-1005009", parent.chatId]);
      await engine.store.flush();
      const record = await engine.mongo.collection("deliveries").findOne({ broadcastId: "tg-migrate" });
      expect(record).toMatchObject({ chatId: "-1005009", status: "sent" });
    } finally {
      await workers.stop();
      await engine.close();
    }
  }, 30_000);

  it("sends a long lesson text in parts, and after a failure on part 2 resumes there: part 1 reaches the parent once", async () => {
    const part = (n: number) => `${`Phần ${n}. `.padEnd(4000, "Bài đọc thêm cho các em. ")}\n\n`;
    const engine = await createEngine(
      redis,
      ({ chatId }, message, options) => telegram.send(chatId, message, options),
      { hooks: { compose: async () => ({ kind: "text", text: part(1) + part(2) + part(3) }) } },
    );
    const workers = engine.workers();
    const before = fake.calls("sendMessage").length;
    fake.failNext("sendMessage", { code: 500 }, { after: 1 });
    await workers.start();
    try {
      const finished = engine.finishedOf("tg-parts");
      await engine.broadcaster.fanOut("tg-parts", parentTargets(1));
      expect(await finished).toMatchObject({ sent: 1, failed: 0 });
      const texts = fake
        .calls("sendMessage")
        .slice(before)
        .map((c) => String(c.payload.text).slice(0, 7));
      // Part 2 was tried twice (the 500, then the retry); parts 1 and 3 went once.
      expect(texts).toEqual(["Phần 1.", "Phần 2.", "Phần 2.", "Phần 3."]);
      await engine.store.flush();
      const record = await engine.mongo.collection("deliveries").findOne({ broadcastId: "tg-parts" });
      expect(record?.messageIds).toHaveLength(3);
    } finally {
      await workers.stop();
      await engine.close();
    }
  }, 30_000);
});
