import { randomUUID } from "node:crypto";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createWebChatChannel } from "../../../src/channels/webchat/adapter.js";
import type { Channel } from "../../../src/core/channel.js";
import type { ChoiceOption, InboundMessage, OutboundMessage } from "../../../src/core/messages.js";
import { Redis } from "../../../src/storage/redis.js";
import { silentLogger } from "../../helpers/silent-logger.js";
import { testRedisUrl, uniqueName } from "../../helpers/stores.js";

const CHOICES: ChoiceOption[][] = [
  [
    { value: "device", label: "Xin thiết bị" },
    { value: "sim", label: "Xin SIM" },
  ],
  [{ value: "help", label: "Hỏi người thật" }],
];

interface Entry {
  id: string;
  from: "bot" | "user";
  message: OutboundMessage;
}

/** A post body as the page sends it; fields can be overridden or removed (undefined). */
function body(fields: Record<string, unknown> = {}) {
  return { chatId: "chat_0001", id: randomUUID(), type: "text", text: "xin chào", language: "vi", ...fields };
}

describe("web chat channel", () => {
  let redis: Redis;
  let app: FastifyInstance;
  let channel: Channel;
  let keyPrefix: string;
  const received: InboundMessage[] = [];
  const onIgnored = vi.fn();

  beforeAll(async () => {
    redis = new Redis(testRedisUrl());
    keyPrefix = `${uniqueName("webchat")}:`;
    channel = createWebChatChannel({
      redis,
      keyPrefix,
      logger: silentLogger(),
      onIgnored,
      longPollMs: 3000,
      // Echoes every text back with the menu choices, like a tiny dialog.
      onInbound: async (message) => {
        received.push(message);
        if (message.content.kind === "text") {
          await channel.send(message.chatId, {
            kind: "text",
            text: `Bạn viết: ${message.content.text}`,
            choices: CHOICES,
          });
        }
      },
    });
    app = Fastify();
    await app.register(channel.routes!);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await redis.quit();
  });
  beforeEach(() => {
    received.length = 0;
    onIgnored.mockClear();
  });

  /**
   * Watches, with MONITOR (each command as Redis runs it), for a waiting poll's read of `chatId`'s
   * outbox: `read` resolves once Redis has run it. The poll listens for new entries before that
   * read, so from then on a send wakes it and a close ends it: the moment to act on it.
   */
  async function watchPollRead(chatId: string): Promise<{ read: Promise<void> }> {
    const monitor = await redis.monitor();
    const key = `${keyPrefix}webchat:out:${chatId}`;
    const read = new Promise<void>((resolve) => {
      monitor.on("monitor", (_time: string, args: string[]) => {
        if (args[0]?.toLowerCase() === "xrange" && args[1] === key) resolve();
      });
    }).finally(() => monitor.disconnect());
    return { read };
  }

  const post = (payload: object) => app.inject({ method: "POST", url: "/webchat/api/messages", payload });
  const poll = async (chatId: string, after = "0", wait = false): Promise<Entry[]> => {
    const url = `/webchat/api/messages?chatId=${chatId}&after=${after}${wait ? "&wait=1" : ""}`;
    const response = await app.inject({ url });
    expect(response.statusCode).toBe(200);
    return response.json<{ messages: Entry[] }>().messages;
  };

  it("turns a posted text into an InboundMessage for the core", async () => {
    const payload = body({ chatId: "chat_text1", text: "  Xin   chào  " });
    const response = await post(payload);
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({ ok: true });
    expect(received).toEqual([
      {
        channel: "webchat",
        chatId: "chat_text1",
        chatKind: "private",
        updateId: `chat_text1:${payload.id}`,
        userId: "chat_text1",
        languageCode: "vi",
        receivedAt: expect.any(Date),
        content: { kind: "text", text: "Xin chào" },
      },
    ]);
  });

  it("reads commands from a leading slash and choices from their value", async () => {
    await post(body({ chatId: "chat_cmd01", text: "/Start abc" }));
    await post(body({ chatId: "chat_cmd01", type: "command", text: "/ngonngu@choem_bot vi" }));
    await post(body({ chatId: "chat_cmd01", type: "choice", value: "device", text: "Xin thiết bị" }));
    expect(received.map((message) => message.content)).toEqual([
      { kind: "command", command: "start", args: "abc" },
      { kind: "command", command: "ngonngu", args: "vi" },
      { kind: "choice", value: "device" },
    ]);
  });

  it("returns the reply after the cursor and nothing older", async () => {
    await post(body({ chatId: "chat_read1", text: "một" }));
    const first = await poll("chat_read1");
    expect(first.map((entry) => [entry.from, entry.message])).toEqual([
      ["user", { kind: "text", text: "một" }],
      ["bot", { kind: "text", text: "Bạn viết: một", choices: CHOICES }],
    ]);

    await post(body({ chatId: "chat_read1", text: "hai" }));
    const next = await poll("chat_read1", first.at(-1)!.id);
    expect(next.map((entry) => entry.message)).toEqual([
      { kind: "text", text: "hai" },
      { kind: "text", text: "Bạn viết: hai", choices: CHOICES },
    ]);
    expect(await poll("chat_read1", next.at(-1)!.id)).toEqual([]);
    expect(await poll("chat_other")).toEqual([]);
  });

  it("keeps a conversation for seven days, under the configured key prefix", async () => {
    await post(body({ chatId: "chat_ttl01" }));
    const ttl = await redis.ttl(`${keyPrefix}webchat:out:chat_ttl01`);
    expect(ttl).toBeGreaterThan(6 * 24 * 3600);
    expect(await redis.exists("webchat:out:chat_ttl01")).toBe(0);
  });

  it("handles a retried post with the same id once", async () => {
    const payload = body({ chatId: "chat_dup01" });
    expect((await post(payload)).statusCode).toBe(202);
    expect((await post(payload)).statusCode).toBe(202);
    expect(received).toHaveLength(1);
    expect(await poll("chat_dup01")).toHaveLength(2);
  });

  it.each([
    ["a missing chatId", body({ chatId: undefined })],
    ["a chatId with other characters", body({ chatId: "../../etc" })],
    ["a text over 4000 characters", body({ text: "a".repeat(4001) })],
    ["an unknown type", body({ type: "sticker" })],
    ["a choice without a value", body({ type: "choice", text: "Xin SIM" })],
    ["a command that is not one", body({ type: "command", text: "start" })],
    ["an empty text", body({ text: "   " })],
    ["an unknown language", body({ language: "fr" })],
  ])("answers 400 to %s without calling the core", async (_case, payload) => {
    const response = await post(payload);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ ok: false });
    expect(received).toEqual([]);
    expect(onIgnored).toHaveBeenCalledWith("webchat", expect.any(String));
  });

  it("refuses bodies that are not JSON or too large, without details", async () => {
    const broken = await app.inject({
      method: "POST",
      url: "/webchat/api/messages",
      headers: { "content-type": "application/json" },
      payload: "{not json",
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toEqual({ ok: false });
    const large = await post({ ...body(), padding: "x".repeat(17 * 1024) });
    expect(large.statusCode).toBe(413);
    expect(large.json()).toEqual({ ok: false });
    expect(received).toEqual([]);
  });

  it("serves bytes media at their own URL with the right content type", async () => {
    const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
    const outcome = await channel.send("chat_media", {
      kind: "media",
      media: "photo",
      source: { kind: "bytes", data: png, fileName: "mã QR.png", mimeType: "image/png" },
      caption: "Quét mã để chuyển khoản",
      choices: CHOICES,
    });
    expect(outcome).toEqual({ kind: "sent", messageIds: [expect.stringMatching(/^\d+-\d+$/)] });

    const [entry] = await poll("chat_media");
    expect(entry?.message).toEqual({
      kind: "media",
      media: "photo",
      source: { kind: "url", url: expect.stringMatching(/^\/webchat\/media\/[0-9a-f-]{36}$/) },
      caption: "Quét mã để chuyển khoản",
      choices: CHOICES,
    });
    const url =
      entry?.message.kind === "media" && entry.message.source.kind === "url" && entry.message.source.url;
    const media = await app.inject({ url: url || "" });
    expect(media.statusCode).toBe(200);
    expect(media.headers["content-type"]).toBe("image/png");
    expect(media.rawPayload.equals(png)).toBe(true);
    expect((await app.inject({ url: "/webchat/media/0000aaaa-unknown" })).statusCode).toBe(404);
  });

  it("sends another platform's file only when it has a URL", async () => {
    const file = { channel: "telegram" as const, fileId: "AgACAgIAAx" };
    const without = await channel.send("chat_pfile", {
      kind: "media",
      media: "video",
      source: { kind: "platform-file", file },
    });
    expect(without.kind).toBe("unsupported");
    const withUrl = await channel.send("chat_pfile", {
      kind: "media",
      media: "video",
      source: { kind: "platform-file", file: { ...file, url: "https://example.org/v.mp4" } },
    });
    expect(withUrl.kind).toBe("sent");
    const [entry] = await poll("chat_pfile");
    expect(entry?.message).toMatchObject({ source: { kind: "url", url: "https://example.org/v.mp4" } });
  });

  it("shows a message as one entry, and not again when a retry skips that part", async () => {
    const text = "Bài học hôm nay. ".repeat(400);
    const first = await channel.send("chat_skip01", { kind: "text", text });
    expect(first).toEqual({ kind: "sent", messageIds: [expect.any(String)] });
    const retry = await channel.send("chat_skip01", { kind: "text", text }, { skipParts: 1 });
    expect(retry).toEqual({ kind: "sent", messageIds: [] });
    expect(await poll("chat_skip01")).toHaveLength(1);
  });

  it("long-polls until a reply is written", async () => {
    const { read } = await watchPollRead("chat_wait1");
    const started = Date.now();
    const waiting = poll("chat_wait1", "0", true);
    await read;
    await channel.send("chat_wait1", { kind: "link", url: "https://example.org/bai-1", title: "Bài 1" });
    const entries = await waiting;
    expect(entries.map((entry) => entry.message)).toEqual([
      { kind: "link", url: "https://example.org/bai-1", title: "Bài 1" },
    ]);
    expect(Date.now() - started).toBeLessThan(1500);
    // Nothing newer: the wait ends empty after longPollMs.
    expect(await poll("chat_wait1", entries[0]!.id, true)).toEqual([]);
  });

  it("ends a waiting long poll as soon as the server closes", async () => {
    const other = createWebChatChannel({
      redis,
      keyPrefix,
      logger: silentLogger(),
      onIgnored,
      onInbound: async () => {},
    });
    const server = Fastify();
    await server.register(other.routes!);
    await server.ready();
    const { read } = await watchPollRead("chat_close");
    const waiting = server.inject({ url: "/webchat/api/messages?chatId=chat_close&wait=1" });
    await read;
    const started = Date.now();
    await server.close();
    expect((await waiting).json()).toEqual({ messages: [] });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("serves the page, its script and its style under a strict CSP", async () => {
    const page = await app.inject({ url: "/" });
    expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(page.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(page.headers["content-security-policy"]).not.toContain("unsafe-inline");
    expect(page.body).toContain('lang="vi"');
    expect(page.body).toContain('aria-live="polite"');
    const script = await app.inject({ url: "/webchat/app.js" });
    expect(script.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(script.body).not.toContain("innerHTML");
    const style = await app.inject({ url: "/webchat/app.css" });
    expect(style.headers["content-type"]).toBe("text/css; charset=utf-8");
  });
});
