/**
 * A person who types faster than their allowance loses nothing: what came over the limit in a
 * private chat is held in Redis, they are told once, and it is handled in the order they sent
 * it when the window opens, by this instance's timer or, after a restart, by the next one.
 */
import type { Connection } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Feature } from "../../src/core/feature.js";
import { forgetChat } from "../../src/core/forget-chat.js";
import { createHeldMessages } from "../../src/core/held-messages.js";
import { say } from "../../src/core/turn.js";
import type { Redis } from "../../src/storage/redis.js";
import { createHarness } from "../helpers/core-harness.js";
import { closeTestStores, openTestStores, uniqueName } from "../helpers/stores.js";

describe("messages sent faster than the allowance", () => {
  let redis: Redis;
  let mongo: Connection;

  beforeAll(async () => {
    ({ redis, mongo } = await openTestStores());
  });
  afterAll(() => closeTestStores({ redis, mongo }));

  /** `/ghi <n>` notes n, so the test sees what was handled and in which order. */
  function recorder(noted: string[]): Feature {
    return {
      name: "recorder",
      commands: {
        ghi: async (turn, args) => {
          noted.push(args);
          say(turn, `đã ghi ${args}`);
        },
      },
    };
  }

  async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it("holds what came too fast, says so once, and handles all of it in order when the window opens", async () => {
    const noted: string[] = [];
    const prefix = `${uniqueName("held")}:`;
    const h = createHarness({
      redis,
      mongo,
      prefix,
      features: [recorder(noted)],
      rateLimit: { max: 2, windowSeconds: 1 },
    });
    try {
      const answers = [];
      for (let n = 1; n <= 6; n++) answers.push(h.texts(await h.say(`/ghi ${n}`, "7001")));
      expect(noted).toEqual(["1", "2"]);
      expect(answers.filter((a) => a.includes("ChoEm đã nhận các tin nhắn"))).toHaveLength(1);
      // Two a second: the four held ones come back over the next two windows, in order.
      await until(() => noted.length === 6, "the held messages");
      expect(noted).toEqual(["1", "2", "3", "4", "5", "6"]);
      const replies = h.sent
        .filter((s) => s.chatId === "7001")
        .map((s) => (s.message.kind === "text" ? s.message.text : ""));
      expect(replies.filter((text) => text.includes("ChoEm đã nhận các tin nhắn"))).toHaveLength(1);
      expect(replies.filter((text) => text.startsWith("đã ghi"))).toHaveLength(6);
    } finally {
      await h.close();
    }
  });

  it("hands what a stopped instance held to the next one", async () => {
    const noted: string[] = [];
    const prefix = `${uniqueName("held")}:`;
    const first = createHarness({
      redis,
      mongo,
      prefix,
      features: [recorder([])],
      rateLimit: { max: 1, windowSeconds: 1 },
    });
    await first.say("/ghi a", "7002");
    await first.say("/ghi b", "7002");
    // The instance stops before its timer fires: "b" stays in Redis.
    await first.close();
    expect(await redis.llen(`${prefix}held:telegram:7002`)).toBe(1);

    const next = createHarness({
      redis,
      mongo,
      prefix,
      features: [recorder(noted)],
      rateLimit: { max: 1, windowSeconds: 1 },
    });
    try {
      await next.pipeline.start();
      await until(() => noted.length === 1, "the message held before the restart");
      expect(noted).toEqual(["b"]);
      expect(await redis.exists(`${prefix}held:telegram:7002`)).toBe(0);
    } finally {
      await next.close();
    }
  });

  it("drops a command sent too fast in a group quietly, holding nothing", async () => {
    const prefix = `${uniqueName("held")}:`;
    const h = createHarness({
      redis,
      mongo,
      prefix,
      features: [recorder([])],
      rateLimit: { max: 1, windowSeconds: 60 },
    });
    try {
      await h.sayInGroup("/ghi 1", "-7003", "7003");
      expect(h.texts(await h.sayInGroup("/ghi 2", "-7003", "7003"))).toBe("");
      expect(await redis.exists(`${prefix}held:telegram:7003`)).toBe(0);
    } finally {
      await h.close();
    }
  });

  it("forgets what is held when the person erases their data", async () => {
    const prefix = `${uniqueName("held")}:`;
    const held = createHeldMessages(redis, prefix);
    await held.keep({
      channel: "telegram",
      chatId: "7004",
      chatKind: "private",
      userId: "7004",
      updateId: "u1",
      receivedAt: new Date(),
      content: { kind: "text", text: "số nhà 12 đường Lê Lợi" },
    });
    await forgetChat(redis, prefix, { channel: "telegram", chatId: "7004", userId: "7004" });
    expect(await held.takeAll({ channel: "telegram", userId: "7004" })).toEqual([]);
  });
});
