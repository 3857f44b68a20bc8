/**
 * The web chat as an attacker meets it: the whole app as `npm start` serves it, driven over HTTP.
 * A conversation opens only with the cookie the server handed out; a chat id, known or guessed,
 * opens nothing, and no web chat id can be made staff.
 */
import { randomUUID } from "node:crypto";
import type { InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import type { Channel } from "../../src/core/channel.js";
import { webChatDriver } from "../helpers/channel-drivers.js";
import { startWebChatApp } from "../helpers/platform-app.js";
import { nextAddress, WEBCHAT_COOKIE, webChatClient } from "../helpers/webchat-client.js";

const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");

describe("web chat sessions, from outside", () => {
  let app: RunningApp;
  let webchat: Channel;

  beforeAll(async () => {
    app = await startWebChatApp();
    webchat = app.channels.get("webchat")!;
  });
  afterAll(async () => {
    await app.mongo.dropDatabase();
    await app.close();
  });

  const chatIdOf = (token: string | undefined) => token!.split(".")[0]!;
  /** The web chat channel's keys of one chat (`webchat:<kind>:<chatId>…`), not the core's. */
  const keysOf = async (chatId: string) => (await app.redis.keys(`*webchat:*:${chatId}*`)).sort();
  const peopleOf = (chatId: string) => app.mongo.collection("people").countDocuments({ userId: chatId });

  /** A person well into a conversation, with a photo in it: what an attacker is after. */
  async function victim() {
    const driver = webChatDriver(app.server);
    expect(await driver.say("/start")).toContain("Xin chào! Đây là ChoEm");
    await driver.choose("Hỏi cán bộ");
    const chatId = chatIdOf(driver.client.token());
    const sent = await webchat.send(chatId, {
      kind: "media",
      media: "photo",
      source: { kind: "bytes", data: PNG, fileName: "qr.png", mimeType: "image/png" },
    });
    expect(sent.kind).toBe("sent");
    const history = await driver.client.poll();
    const photo = history.flatMap((e) =>
      e.message.kind === "media" && e.message.source.kind === "url" ? [e.message.source.url] : [],
    );
    expect(photo).toHaveLength(1);
    return { driver, chatId, history, photoUrl: photo[0]! };
  }

  /** Every request the page can make, aimed at `chatId` as the old API took it. */
  function everyRequest(chatId: string, photoUrl: string): InjectOptions[] {
    const post = (fields: object): InjectOptions => ({
      method: "POST",
      url: "/webchat/api/messages",
      payload: { chatId, id: randomUUID(), language: "vi", ...fields },
    });
    return [
      { url: `/webchat/api/messages?chatId=${chatId}&after=0` },
      { url: `/webchat/api/messages?chatId=${chatId}&after=0&wait=1` },
      post({ type: "text", text: "Tôi là cán bộ, cho xem yêu cầu" }),
      post({ type: "choice", value: "menu", text: "Trở về" }),
      post({ type: "command", text: "/dulieu" }),
      post({ type: "text", text: "/xoahet" }),
      { url: photoUrl },
    ];
  }

  it("reads and changes nothing for a request without the session's cookie", async () => {
    const { driver, chatId, history, photoUrl } = await victim();
    const other = webChatClient(app.server);
    await other.open();
    const keysBefore = await keysOf(chatId);
    const ttlBefore = await app.redis.pttl(keysBefore.find((k) => k.includes(":session:"))!);
    const people = await app.mongo.collection("people").countDocuments();

    const secret = driver.client.token()!.split(".")[1]!;
    const cookies: Array<[string, Record<string, string>]> = [
      ["no cookie", {}],
      ["a made-up cookie", { [WEBCHAT_COOKIE]: "not-a-session" }],
      ["the bare chat id", { [WEBCHAT_COOKIE]: chatId }],
      ["the chat id with a wrong secret", { [WEBCHAT_COOKIE]: `${chatId}.${"A".repeat(43)}` }],
      ["another chat's id with this secret", { [WEBCHAT_COOKIE]: `${chatIdOf(other.token())}.${secret}` }],
    ];
    for (const [name, cookie] of cookies) {
      for (const request of everyRequest(chatId, photoUrl)) {
        const response = await app.server.inject({
          ...request,
          cookies: cookie,
          remoteAddress: nextAddress(),
        });
        expect(response.statusCode, `${name}: ${request.method ?? "GET"} ${request.url}`).toBe(401);
        expect(response.json()).toEqual({ ok: false });
        expect(response.cookies).toEqual([]);
      }
    }
    // Another session's valid cookie opens that session's own conversation, never this one.
    for (const request of everyRequest(chatId, photoUrl).filter((r) => !r.url?.toString().includes("wait"))) {
      const response = await other.inject(request);
      expect(response.body).not.toContain("Hỏi cán bộ");
      if (request.url === photoUrl) expect(response.statusCode).toBe(404);
    }

    expect(await keysOf(chatId)).toEqual(keysBefore);
    // Not even the idle time was renewed by those requests.
    const ttlAfter = await app.redis.pttl((await keysOf(chatId)).find((k) => k.includes(":session:"))!);
    expect(ttlAfter).toBeLessThanOrEqual(ttlBefore);
    expect(await driver.client.poll()).toEqual(history);
    // The other session's posts made its own person; nobody else was made.
    expect(await app.mongo.collection("people").countDocuments()).toBe(people + 1);
    expect(await peopleOf(chatIdOf(other.token()))).toBe(1);
  });

  it("ignores a chat id in the body or the query: the session alone says whose chat it is", async () => {
    const { driver, chatId, history } = await victim();
    const attacker = webChatDriver(app.server);
    const reply = await attacker.say("/start");
    expect(reply).toContain("Xin chào! Đây là ChoEm");
    const posted = await attacker.client.post({ chatId, id: randomUUID(), type: "text", text: "xem hộ" });
    expect(posted.statusCode).toBe(202);
    const own = await attacker.client.inject({ url: `/webchat/api/messages?chatId=${chatId}&after=0` });
    expect(own.statusCode).toBe(200);
    const seen = own.json<{ messages: Array<{ message: { text?: string } }> }>().messages;
    expect(seen.map((e) => e.message.text)).toContain("xem hộ");
    expect(JSON.stringify(seen)).not.toContain("Anh/chị muốn hỏi về việc gì?");
    // The victim's conversation is as it was, and the core never heard of a post "from" it.
    expect(await driver.client.poll()).toEqual(history);
    expect(JSON.stringify(history)).not.toContain("xem hộ");
  });

  it("refuses a web chat id in ADMIN_IDS at start-up, pointing staff to the staff console", () => {
    const loaded = loadConfig({ ADMIN_IDS: "telegram:1,webchat:x" });
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.message).toContain(
      'ADMIN_IDS: "webchat:x" is refused: staff sign in via the staff console, never by a web chat id',
    );
  });

  it("costs one expiring Redis key and no person for a visit that goes no further", async () => {
    const people = await app.mongo.collection("people").countDocuments();
    const client = webChatClient(app.server);
    await client.open();
    const chatId = chatIdOf(client.token());
    const keys = await keysOf(chatId);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/webchat:session:/);
    expect(await app.redis.ttl(keys[0]!)).toBeGreaterThan(29 * 24 * 3600);
    // The page reads its (empty) history: still nothing more.
    expect(await client.poll()).toEqual([]);
    expect(await keysOf(chatId)).toEqual(keys);
    expect(await app.redis.keys(`*${chatId}*`)).toEqual(keys);
    expect(await app.mongo.collection("people").countDocuments()).toBe(people);
  });

  it("answers the 21st new session from one address within ten minutes with 429", async () => {
    const address = nextAddress();
    const open = () =>
      app.server.inject({ method: "POST", url: "/webchat/api/session", payload: {}, remoteAddress: address });
    for (let i = 1; i <= 20; i++) expect((await open()).statusCode, `session ${i}`).toBe(201);
    const refused = await open();
    expect(refused.statusCode).toBe(429);
    expect(refused.headers["content-type"]).toMatch(/^application\/json/);
    expect(refused.json()).toEqual({ ok: false, error: expect.any(String) });
    expect(refused.cookies).toEqual([]);
    // Another address is not held up by this one.
    expect((await webChatClient(app.server).inject({ url: "/webchat/api/messages" })).statusCode).toBe(200);
  });

  it("forgets a chat's history, media and session, so the old cookie opens nothing", async () => {
    const { driver, chatId, photoUrl } = await victim();
    const token = driver.client.token()!;
    const keys = await keysOf(chatId);
    expect(keys.length).toBeGreaterThanOrEqual(4);
    expect(await webchat.forget!(chatId)).toBe(keys.length);
    expect(await keysOf(chatId)).toEqual([]);

    const old = webChatClient(app.server, { token });
    expect((await old.inject({ url: "/webchat/api/messages?after=0" })).statusCode).toBe(401);
    expect((await old.inject({ url: photoUrl })).statusCode).toBe(401);
    const post = await old.post({ id: randomUUID(), type: "text", text: "còn đó không?" });
    expect(post.statusCode).toBe(401);
    // A reply after forgetting (the confirmation of "Xoá hết") writes nothing back.
    expect((await webchat.send(chatId, { kind: "text", text: "Đã xoá" })).kind).toBe("rejected");
    expect(await keysOf(chatId)).toEqual([]);
    // The page then asks for a session and gets a new, empty conversation.
    const again = await old.inject({ method: "POST", url: "/webchat/api/session", payload: {} });
    expect(again.statusCode).toBe(201);
    const fresh = again.cookies.find((c) => c.name === WEBCHAT_COOKIE)!.value;
    expect(chatIdOf(fresh)).not.toBe(chatId);
    expect(await webChatClient(app.server, { token: fresh }).poll()).toEqual([]);
  });

  it("shows the confirmation of Xoá hết once, to the browser that held the chat, and to no one else", async () => {
    const driver = webChatDriver(app.server);
    await driver.say("/start");
    const chatId = chatIdOf(driver.client.token());
    const token = driver.client.token()!;
    await driver.say("/dulieu");
    await driver.choose("Xoá dữ liệu");
    expect(await driver.choose("Xoá hết")).toContain("Đã xoá dữ liệu");
    expect(await keysOf(chatId)).toEqual([]);
    // The farewell is read once: a second look with the old cookie, or any other cookie, gets nothing.
    const again = await webChatClient(app.server, { token }).inject({ url: "/webchat/api/messages?after=0" });
    expect(again.statusCode).toBe(401);
    expect(again.json()).toEqual({ ok: false });
    expect(JSON.stringify(await app.redis.keys("*farewell*"))).not.toContain(chatId);
  });
});
