import { randomUUID } from "node:crypto";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createWebChatChannel } from "../../../src/channels/webchat/adapter.js";
import { createWebChatSessions, type WebChatSessions } from "../../../src/channels/webchat/sessions.js";
import type { Channel } from "../../../src/core/channel.js";
import type { ChoiceOption, InboundMessage } from "../../../src/core/messages.js";
import { Redis } from "../../../src/storage/redis.js";
import { silentLogger } from "../../helpers/silent-logger.js";
import { testRedisUrl, uniqueName } from "../../helpers/stores.js";
import { type WebChatClient, webChatClient } from "../../helpers/webchat-client.js";

const CHOICES: ChoiceOption[][] = [
  [
    { value: "device", label: "Xin thiết bị" },
    { value: "sim", label: "Xin SIM" },
  ],
  [{ value: "help", label: "Hỏi người thật" }],
];

/** A post body as the page sends it; fields can be overridden or removed (undefined). */
function body(fields: Record<string, unknown> = {}) {
  return { id: randomUUID(), type: "text", text: "xin chào", language: "vi", ...fields };
}

describe("web chat channel", () => {
  let redis: Redis;
  let app: FastifyInstance;
  let channel: Channel;
  let keyPrefix: string;
  let sessions: WebChatSessions;
  const received: InboundMessage[] = [];
  const onIgnored = vi.fn();

  beforeAll(async () => {
    redis = new Redis(testRedisUrl());
    keyPrefix = `${uniqueName("webchat")}:`;
    sessions = createWebChatSessions(redis, { keyPrefix });
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
    // Other test files' commands stream in on the same server. A line that arrives just before
    // ioredis marks the connection as monitoring (the mark waits for a promise), or while it is
    // closing, is read as a stray reply ("Command queue state error"). That is about the watcher,
    // never about what the test checks, so its errors are heard from before it connects:
    // `redis.monitor()` listens for only the first one.
    const monitor = redis.duplicate({ monitor: true, lazyConnect: true });
    monitor.on("error", () => {});
    const monitoring = new Promise<void>((resolve) => monitor.once("monitoring", () => resolve()));
    await monitor.connect();
    await monitoring;
    const key = `${keyPrefix}webchat:out:${chatId}`;
    const read = new Promise<void>((resolve) => {
      monitor.on("monitor", (_time: string, args: string[]) => {
        if (args[0]?.toLowerCase() === "xrange" && args[1] === key) resolve();
      });
    }).finally(() => monitor.disconnect());
    return { read };
  }

  /** A browser with a session of its own, and the chat id the server gave it. */
  async function visitor(): Promise<{ chatId: string; client: WebChatClient }> {
    const { chatId, token } = await sessions.create();
    return { chatId, client: webChatClient(app, { token }) };
  }

  it("turns a posted text into an InboundMessage for the core, from the session's chat", async () => {
    const { chatId, client } = await visitor();
    const payload = body({ text: "  Xin   chào  " });
    const response = await client.post(payload);
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({ ok: true });
    expect(received).toEqual([
      {
        channel: "webchat",
        chatId,
        chatKind: "private",
        updateId: `${chatId}:${payload.id}`,
        userId: chatId,
        languageCode: "vi",
        receivedAt: expect.any(Date),
        content: { kind: "text", text: "Xin chào" },
      },
    ]);
  });

  it("opens a session with an httpOnly, SameSite=Strict cookie and keeps it when asked again", async () => {
    const client = webChatClient(app);
    const created = await app.inject({
      method: "POST",
      url: "/webchat/api/session",
      payload: {},
      remoteAddress: client.address,
    });
    expect(created.statusCode).toBe(201);
    const [cookie] = created.cookies;
    expect(cookie).toMatchObject({
      name: "choem_webchat",
      httpOnly: true,
      sameSite: "Strict",
      path: "/webchat",
    });
    expect(cookie?.secure).toBeUndefined();
    expect(cookie?.maxAge).toBe(30 * 24 * 3600);
    const again = await webChatClient(app, { token: cookie!.value }).inject({
      method: "POST",
      url: "/webchat/api/session",
      payload: {},
    });
    expect(again.statusCode).toBe(200);
    expect(again.cookies.map((c) => c.value)).toEqual([cookie!.value]);
    // The secret is not what Redis keeps.
    const chatId = cookie!.value.split(".")[0]!;
    const stored = await redis.get(`${keyPrefix}webchat:session:${chatId}`);
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
    expect(cookie!.value).not.toContain(stored!);
  });

  it("marks the cookie Secure when the public URL is https", async () => {
    const secure = createWebChatChannel({
      redis,
      keyPrefix,
      logger: silentLogger(),
      onIgnored,
      onInbound: async () => {},
      secureCookie: true,
    });
    const server = Fastify();
    await server.register(secure.routes!);
    const created = await server.inject({ method: "POST", url: "/webchat/api/session", payload: {} });
    expect(created.cookies[0]?.secure).toBe(true);
    await server.close();
  });

  it("refuses to open a session for another site's page or a form post", async () => {
    const crossSite = await app.inject({
      method: "POST",
      url: "/webchat/api/session",
      headers: { "sec-fetch-site": "cross-site" },
      payload: {},
    });
    expect(crossSite.statusCode).toBe(403);
    const form = await app.inject({
      method: "POST",
      url: "/webchat/api/session",
      headers: { "content-type": "text/plain" },
      payload: "x",
    });
    expect(form.statusCode).toBe(415);
    expect([...crossSite.cookies, ...form.cookies]).toEqual([]);
  });

  it("reads commands from a leading slash and choices from their value", async () => {
    const { client } = await visitor();
    await client.post(body({ text: "/Start abc" }));
    await client.post(body({ type: "command", text: "/ngonngu@choem_bot vi" }));
    await client.post(body({ type: "choice", value: "device", text: "Xin thiết bị" }));
    expect(received.map((message) => message.content)).toEqual([
      { kind: "command", command: "start", args: "abc" },
      { kind: "command", command: "ngonngu", args: "vi" },
      { kind: "choice", value: "device" },
    ]);
  });

  it("returns the reply after the cursor and nothing older", async () => {
    const { client } = await visitor();
    await client.post(body({ text: "một" }));
    const first = await client.poll();
    expect(first.map((entry) => [entry.from, entry.message])).toEqual([
      ["user", { kind: "text", text: "một" }],
      ["bot", { kind: "text", text: "Bạn viết: một", choices: CHOICES }],
    ]);

    await client.post(body({ text: "hai" }));
    const next = await client.poll(first.at(-1)!.id);
    expect(next.map((entry) => entry.message)).toEqual([
      { kind: "text", text: "hai" },
      { kind: "text", text: "Bạn viết: hai", choices: CHOICES },
    ]);
    expect(await client.poll(next.at(-1)!.id)).toEqual([]);
    expect(await (await visitor()).client.poll()).toEqual([]);
  });

  it("keeps a conversation as long as its session, under the configured key prefix", async () => {
    const { chatId, client } = await visitor();
    await client.post(body());
    const session = await redis.pttl(`${keyPrefix}webchat:session:${chatId}`);
    const history = await redis.pttl(`${keyPrefix}webchat:out:${chatId}`);
    expect(session).toBeGreaterThan(29 * 24 * 3600 * 1000);
    expect(history).toBeGreaterThan(29 * 24 * 3600 * 1000);
    expect(history).toBeLessThanOrEqual(session);
    expect(await redis.exists(`webchat:out:${chatId}`)).toBe(0);
  });

  it("writes nothing for a chat without a session, and says so", async () => {
    const outcome = await channel.send("chat_nobody", { kind: "text", text: "Bài học mới" });
    expect(outcome).toEqual({ kind: "rejected", reason: expect.stringContaining("no web chat session") });
    const png = Buffer.from("89504e47", "hex");
    const photo = await channel.send("chat_nobody", {
      kind: "media",
      media: "photo",
      source: { kind: "bytes", data: png, fileName: "qr.png", mimeType: "image/png" },
    });
    expect(photo.kind).toBe("rejected");
    expect(await redis.keys(`${keyPrefix}webchat:*chat_nobody*`)).toEqual([]);
  });

  it("handles a retried post with the same id once", async () => {
    const { client } = await visitor();
    const payload = body();
    expect((await client.post(payload)).statusCode).toBe(202);
    expect((await client.post(payload)).statusCode).toBe(202);
    expect(received).toHaveLength(1);
    expect(await client.poll()).toHaveLength(2);
  });

  it.each([
    ["a text over 4000 characters", body({ text: "a".repeat(4001) })],
    ["an unknown type", body({ type: "sticker" })],
    ["a choice without a value", body({ type: "choice", text: "Xin SIM" })],
    ["a command that is not one", body({ type: "command", text: "start" })],
    ["an empty text", body({ text: "   " })],
    ["an unknown language", body({ language: "fr" })],
  ])("answers 400 to %s without calling the core", async (_case, payload) => {
    const { client } = await visitor();
    const response = await client.post(payload);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ ok: false });
    expect(received).toEqual([]);
    expect(onIgnored).toHaveBeenCalledWith("webchat", expect.any(String));
  });

  it("refuses bodies that are not JSON or too large, without details", async () => {
    const { client } = await visitor();
    const broken = await client.inject({
      method: "POST",
      url: "/webchat/api/messages",
      headers: { "content-type": "application/json" },
      payload: "{not json",
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toEqual({ ok: false });
    const large = await client.post({ ...body(), padding: "x".repeat(17 * 1024) });
    expect(large.statusCode).toBe(413);
    expect(large.json()).toEqual({ ok: false });
    expect(received).toEqual([]);
  });

  it("serves bytes media at their own URL with the right content type, to their chat only", async () => {
    const { chatId, client } = await visitor();
    const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
    const outcome = await channel.send(chatId, {
      kind: "media",
      media: "photo",
      source: { kind: "bytes", data: png, fileName: "mã QR.png", mimeType: "image/png" },
      caption: "Quét mã để chuyển khoản",
      choices: CHOICES,
    });
    expect(outcome).toEqual({ kind: "sent", messageIds: [expect.stringMatching(/^\d+-\d+$/)] });

    const [entry] = await client.poll();
    expect(entry?.message).toEqual({
      kind: "media",
      media: "photo",
      source: { kind: "url", url: expect.stringMatching(/^\/webchat\/media\/[0-9a-f-]{36}$/) },
      caption: "Quét mã để chuyển khoản",
      choices: CHOICES,
    });
    const url =
      entry?.message.kind === "media" && entry.message.source.kind === "url" && entry.message.source.url;
    const media = await client.inject({ url: url || "" });
    expect(media.statusCode).toBe(200);
    expect(media.headers["content-type"]).toBe("image/png");
    expect(media.rawPayload.equals(png)).toBe(true);
    expect((await client.inject({ url: "/webchat/media/0000aaaa-unknown" })).statusCode).toBe(404);
    expect((await (await visitor()).client.inject({ url: url || "" })).statusCode).toBe(404);
    expect((await app.inject({ url: url || "" })).statusCode).toBe(401);
  });

  it("sends another platform's file only when it has a URL", async () => {
    const { chatId, client } = await visitor();
    const file = { channel: "telegram" as const, fileId: "AgACAgIAAx" };
    const without = await channel.send(chatId, {
      kind: "media",
      media: "video",
      source: { kind: "platform-file", file },
    });
    expect(without.kind).toBe("unsupported");
    const withUrl = await channel.send(chatId, {
      kind: "media",
      media: "video",
      source: { kind: "platform-file", file: { ...file, url: "https://example.org/v.mp4" } },
    });
    expect(withUrl.kind).toBe("sent");
    const [entry] = await client.poll();
    expect(entry?.message).toMatchObject({ source: { kind: "url", url: "https://example.org/v.mp4" } });
  });

  it("shows a message as one entry, and not again when a retry skips that part", async () => {
    const text = "Bài học hôm nay. ".repeat(400);
    const { chatId, client } = await visitor();
    const first = await channel.send(chatId, { kind: "text", text });
    expect(first).toEqual({ kind: "sent", messageIds: [expect.any(String)] });
    const retry = await channel.send(chatId, { kind: "text", text }, { skipParts: 1 });
    expect(retry).toEqual({ kind: "sent", messageIds: [] });
    expect(await client.poll()).toHaveLength(1);
  });

  it("long-polls until a reply is written", async () => {
    const { chatId, client } = await visitor();
    const { read } = await watchPollRead(chatId);
    const started = Date.now();
    const waiting = client.poll("0", true);
    await read;
    await channel.send(chatId, { kind: "link", url: "https://example.org/bai-1", title: "Bài 1" });
    const entries = await waiting;
    expect(entries.map((entry) => entry.message)).toEqual([
      { kind: "link", url: "https://example.org/bai-1", title: "Bài 1" },
    ]);
    expect(Date.now() - started).toBeLessThan(1500);
    // Nothing newer: the wait ends empty after longPollMs.
    expect(await client.poll(entries[0]!.id, true)).toEqual([]);
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
    const { chatId, token } = await sessions.create();
    const { read } = await watchPollRead(chatId);
    const waiting = webChatClient(server, { token }).inject({ url: "/webchat/api/messages?wait=1" });
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
