/**
 * The one sender every send path uses: it never throws, fills in the hints under numbered
 * choices in the recipient's language, and keeps one record of who blocked the bot.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Channel } from "../../src/core/channel.js";
import { createI18n } from "../../src/core/i18n.js";
import type { OutboundMessage, SendOutcome } from "../../src/core/messages.js";
import { createChannelRegistry } from "../../src/core/sending/channel-registry.js";
import { createReachability } from "../../src/core/sending/reachability.js";
import { createSender } from "../../src/core/sending/sender.js";
import { connectRedis, type Redis } from "../../src/storage/redis.js";
import { NUMBERED } from "../helpers/core-harness.js";
import { silentLogger } from "../helpers/silent-logger.js";
import { testRedisUrl, uniqueName } from "../helpers/stores.js";

describe("the sender", () => {
  let redis: Redis;
  beforeAll(async () => {
    redis = await connectRedis(testRedisUrl(), silentLogger());
  });
  afterAll(() => redis.disconnect());

  /** A Zalo-like channel whose answer per chat is scripted; records what reached it. */
  function setUp(
    answer: (chatId: string) => SendOutcome | "throw" = () => ({ kind: "sent", messageIds: ["1"] }),
  ) {
    const reached: Array<{ chatId: string; message: OutboundMessage }> = [];
    const channel: Channel = {
      name: "zalo",
      capabilities: NUMBERED,
      async send(chatId, message) {
        reached.push({ chatId, message });
        const outcome = answer(chatId);
        if (outcome === "throw") throw new Error("a bug in a channel");
        return outcome;
      },
    };
    const channels = createChannelRegistry();
    channels.add(channel);
    const reachability = createReachability(redis, `${uniqueName("snd")}:`);
    const counted: string[] = [];
    const sender = createSender({
      channels,
      i18n: createI18n("vi", join(import.meta.dirname, "..", "..", "locales")),
      reachability,
      logger: silentLogger(),
      onOutcome: (name, kind) => counted.push(`${name}:${kind}`),
    });
    return { sender, reachability, reached, counted };
  }
  const to = (chatId: string, locale: "vi" | "en" = "vi") => ({ channel: "zalo" as const, chatId, locale });
  const question: OutboundMessage = {
    kind: "text",
    text: "Con học lớp mấy?",
    choices: [[{ value: "a", label: "Lớp 1" }], [{ value: "b", label: "Lớp 2" }]],
  };

  it("writes the 'reply with a number' hint under numbered choices, in the recipient's language", async () => {
    const { sender, reached } = setUp();
    await sender.send(to("1", "en"), question);
    await sender.send(to("2"), question);
    const hints = reached.map((r) => (r.message.kind === "text" ? r.message.hint : undefined));
    expect(hints[0]).toMatch(/Reply/);
    expect(hints[1]).toMatch(/Trả lời/);
  });

  it("records a block once, then writes to that chat no more, and forgets it when the chat writes again", async () => {
    const { sender, reachability, reached, counted } = setUp((chatId) =>
      chatId === "9" ? { kind: "blocked", reason: "403" } : { kind: "sent", messageIds: ["1"] },
    );
    expect((await sender.send(to("9"), question)).kind).toBe("blocked");
    expect(await reachability.isBlocked(to("9"))).toBe(true);
    await sender.notify(to("9"), () => [question]);
    expect(reached).toHaveLength(1);
    expect((await sender.send(to("9"), question)).kind).toBe("blocked");
    expect(reached).toHaveLength(1);
    expect(counted).toEqual(["zalo:blocked", "zalo:blocked", "zalo:blocked"]);
    // The pipeline clears the record when a message arrives from the chat.
    await reachability.clear(to("9"));
    await sender.send(to("9"), question);
    expect(reached).toHaveLength(2);
  });

  it("turns a channel that throws into a transient outcome instead of an exception", async () => {
    const { sender } = setUp(() => "throw");
    await expect(sender.send(to("3"), question)).resolves.toEqual({
      kind: "transient",
      reason: "send threw",
    });
  });

  it("answers 'unsupported' for a channel that is not running, so a notification is never lost silently", async () => {
    const { sender } = setUp();
    const outcome = await sender.send({ channel: "telegram", chatId: "4", locale: "vi" }, question);
    expect(outcome.kind).toBe("unsupported");
  });

  it("sends a turn's messages in order and stops at the first that does not go out", async () => {
    let calls = 0;
    const { sender, reached } = setUp(() =>
      ++calls === 2 ? { kind: "transient", reason: "502" } : { kind: "sent", messageIds: [String(calls)] },
    );
    const outcome = await sender.sendAll(to("5"), [question, question, question]);
    expect(outcome.kind).toBe("transient");
    expect(reached).toHaveLength(2);
  });
});
