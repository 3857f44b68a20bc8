import { EventEmitter } from "node:events";
import Fastify, { type FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTelegramChannel } from "../../../src/channels/telegram/adapter.js";
import type { Channel, ChannelDeps } from "../../../src/core/channel.js";
import { createLogger } from "../../../src/core/logger.js";
import type { InboundMessage } from "../../../src/core/messages.js";
import {
  type FakeTelegramApi,
  type ScriptedFailure,
  startFakeTelegramApi,
  telegramUpdate as update,
} from "../../fakes/telegram-api.js";

const SECRET = "s3cret_webhook-token";
const PARENT = 501;

let fake: FakeTelegramApi;
let harness: ReturnType<typeof createHarness>;
let channel: Channel | undefined;
let app: FastifyInstance | undefined;

/** Collects what the channel hands the core, and its log lines, with event-based waits. */
function createHarness() {
  const events = new EventEmitter();
  const received: InboundMessage[] = [];
  const ignored: string[] = [];
  const logs: string[] = [];
  const logger = createLogger("info", {
    write(line: string) {
      logs.push(line);
      events.emit("change");
    },
  });
  let onInbound = async (_message: InboundMessage) => {};
  const deps: ChannelDeps = {
    logger,
    onIgnored: (_channel, reason) => {
      ignored.push(reason);
      events.emit("change");
    },
    onInbound: async (message) => {
      received.push(message);
      events.emit("change");
      await onInbound(message);
    },
  };
  const until = (condition: () => boolean) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (!condition()) return;
        events.off("change", check);
        resolve();
      };
      events.on("change", check);
      check();
    });
  const setHandler = (handler: typeof onInbound) => {
    onInbound = handler;
  };
  return { deps, received, ignored, logs, until, setHandler };
}

function deferred() {
  let resolve = () => {};
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

function open(mode: "webhook" | "polling"): Channel {
  channel = createTelegramChannel(
    {
      token: fake.token,
      apiRoot: fake.apiRoot,
      mode,
      webhookSecret: mode === "webhook" ? SECRET : undefined,
    },
    harness.deps,
  );
  return channel;
}

beforeEach(async () => {
  fake = await startFakeTelegramApi();
  harness = createHarness();
});

afterEach(async () => {
  await channel?.stop?.();
  await app?.close();
  channel = undefined;
  app = undefined;
  await fake.close();
  expect(harness.logs.join("\n")).not.toContain(fake.token);
});

describe("Telegram channel sending", () => {
  it("sends every part and reports the message ids", async () => {
    const outcome = await open("polling").send("501", {
      kind: "text",
      text: `${"a".repeat(4000)} ${"b".repeat(200)}`,
    });
    expect(outcome).toEqual({ kind: "sent", messageIds: [expect.any(String), expect.any(String)] });
    expect(fake.calls("sendMessage").map((call) => call.payload.chat_id)).toEqual(["501", "501"]);
  });

  const failures: Array<{ label: string; failure: ScriptedFailure; expected: object }> = [
    {
      label: "a 429 as throttled for retry_after",
      failure: { code: 429, retryAfter: 7 },
      expected: { kind: "throttled", retryAfterSeconds: 7 },
    },
    {
      label: "a 403 as blocked",
      failure: { code: 403 },
      expected: { kind: "blocked", reason: "Forbidden: bot was blocked by the user" },
    },
    {
      label: "a 400 migrate as migrated",
      failure: { code: 400, migrateToChatId: -1_007_654_321 },
      expected: { kind: "migrated", newChatId: "-1007654321" },
    },
    {
      label: "a 500 as transient",
      failure: { code: 500 },
      expected: { kind: "transient", reason: "Internal Server Error" },
    },
    {
      label: "another 400 as rejected",
      failure: { code: 400 },
      expected: { kind: "rejected", reason: "Bad Request: chat not found" },
    },
  ];

  it.each(failures)("reports $label", async ({ failure, expected }) => {
    fake.failNext("sendMessage", failure);
    expect(await open("polling").send("-4001", { kind: "text", text: "Bài mới" })).toEqual(expected);
  });

  it("stops at the first failed call", async () => {
    fake.failNext("sendMessage", { code: 500 });
    await open("polling").send("501", { kind: "text", text: `${"a".repeat(4000)} ${"b".repeat(200)}` });
    expect(fake.calls("sendMessage")).toHaveLength(1);
  });

  it("reports a connection lost before the answer as transient", async () => {
    fake.dropNext("sendMessage");
    expect(await open("polling").send("501", { kind: "text", text: "?" })).toMatchObject({
      kind: "transient",
    });
  });

  it("reports the fake's global rate limit as throttled", async () => {
    fake.setRateLimit(1);
    const sender = open("polling");
    expect(await sender.send("501", { kind: "text", text: "1" })).toMatchObject({ kind: "sent" });
    expect(await sender.send("502", { kind: "text", text: "2" })).toEqual({
      kind: "throttled",
      retryAfterSeconds: 1,
    });
  });

  it("uploads bytes made by ChoEm as multipart", async () => {
    const data = Buffer.from("%PDF-1.4 fake");
    const source = { kind: "bytes" as const, data, fileName: "bien-nhan.pdf", mimeType: "application/pdf" };
    const outcome = await open("polling").send("501", {
      kind: "media",
      media: "document",
      source,
      caption: "Biên nhận",
    });
    expect(outcome).toMatchObject({ kind: "sent" });
    const [call] = fake.calls("sendDocument");
    expect(call!.payload).toMatchObject({
      chat_id: "501",
      caption: "Biên nhận",
      document: { fileName: "bien-nhan.pdf", data },
    });
  });
});

describe("Telegram links and files", () => {
  it("builds a deep link from the bot's username, asking getMe once", async () => {
    const sender = open("polling");
    expect(await sender.deepLink!("lop_AB12")).toBe("https://t.me/choem_test_bot?start=lop_AB12");
    expect(await sender.deepLink!("ungho")).toBe("https://t.me/choem_test_bot?start=ungho");
    expect(fake.calls("getMe")).toHaveLength(1);
  });

  it("gives no link while getMe fails, and asks again on the next link", async () => {
    fake.failNext("getMe", { code: 500 });
    const sender = open("polling");
    expect(await sender.deepLink!("lop_AB12")).toBeUndefined();
    expect(await sender.deepLink!("lop_AB12")).toBe("https://t.me/choem_test_bot?start=lop_AB12");
    expect(fake.calls("getMe")).toHaveLength(2);
  });

  it("gives a download URL for a Telegram file under the 20 MB cap", async () => {
    fake.addFile("doc-1", { path: "documents/file_7.pdf", sizeBytes: 300_000 });
    const url = await open("polling").fileUrl!({ channel: "telegram", fileId: "doc-1" });
    expect(url).toBe(`${fake.apiRoot}/file/bot${fake.token}/documents/file_7.pdf`);
    expect(fake.calls("getFile").map((call) => call.payload.file_id)).toEqual(["doc-1"]);
  });

  it("gives no URL for a file over 20 MB or from another platform", async () => {
    fake.addFile("video-1", { path: "videos/file_8.mp4", sizeBytes: 25 * 1024 * 1024 });
    const sender = open("polling");
    expect(await sender.fileUrl!({ channel: "telegram", fileId: "video-1" })).toBeUndefined();
    const zaloFile = { channel: "zalo" as const, fileId: "https://photo.zalo.example/p.jpg" };
    expect(await sender.fileUrl!(zaloFile)).toBeUndefined();
    expect(fake.calls("getFile")).toHaveLength(1);
  });
});

describe("Telegram webhook", () => {
  async function post(body: unknown, secret?: string) {
    if (!app) {
      app = Fastify();
      await app.register(open("webhook").routes!);
    }
    const headers = secret === undefined ? {} : { "x-telegram-bot-api-secret-token": secret };
    return app.inject({ method: "POST", url: "/webhooks/telegram", headers, payload: body as object });
  }

  it.each([
    { label: "missing", secret: undefined },
    { label: "wrong", secret: "s3cret_webhook-tokeX" },
    { label: "a prefix of the real one", secret: "s3cret" },
  ])("answers 401 and processes nothing when the secret is $label", async ({ secret }) => {
    const response = await post(update.text(PARENT, "hi"), secret);
    expect(response.statusCode).toBe(401);
    expect(harness.received).toEqual([]);
    expect(harness.ignored).toEqual([]);
  });

  it("hands a verified update to the core and answers 200 {}", async () => {
    const given = update.text(PARENT, "Xin chào");
    const response = await post(given, SECRET);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({});
    expect(harness.received).toMatchObject([
      { updateId: String(given.update_id), chatId: "501", content: { kind: "text", text: "Xin chào" } },
    ]);
  });

  it("answers a button press handled quickly in the webhook's own response, with no call of its own", async () => {
    const given = update.callback(PARENT, "need:laptop");
    const response = await post(given, SECRET);
    expect(response.statusCode).toBe(200);
    const query = given.callback_query as { id: string };
    // Telegram makes this call itself when it reads the answer (docs/platforms/telegram.md §3).
    expect(response.json()).toEqual({ method: "answerCallbackQuery", callback_query_id: query.id });
    expect(harness.received).toMatchObject([{ content: { kind: "choice", value: "need:laptop" } }]);
    // A later call reaches the fake after any the press made: there was none.
    await open("webhook").deepLink!("x");
    expect(fake.calls("answerCallbackQuery")).toEqual([]);
  });

  it("answers a slow button press by a call while it is still being handled, so nobody waits on a spinner", async () => {
    // The handling ends only once the press has been answered: the answer cannot have waited for it.
    harness.setHandler(async () => {
      await fake.waitForCalls("answerCallbackQuery", 1);
    });
    const given = update.callback(PARENT, "need:laptop");
    const response = await post(given, SECRET);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({});
    const query = given.callback_query as { id: string };
    expect(fake.calls("answerCallbackQuery").map((call) => call.payload)).toEqual([
      expect.objectContaining({ callback_query_id: query.id }),
    ]);
  });

  it("answers a button press whose handling failed by a call, and asks Telegram to deliver it again", async () => {
    harness.setHandler(async () => {
      throw new Error("database down");
    });
    const given = update.callback(PARENT, "need:laptop");
    expect((await post(given, SECRET)).statusCode).toBe(500);
    const [answer] = await fake.waitForCalls("answerCallbackQuery", 1);
    expect(answer!.payload).toMatchObject({ callback_query_id: (given.callback_query as { id: string }).id });
  });

  it("counts an ignored update with its reason", async () => {
    expect((await post(update.channelPost(-1_009, "tin"), SECRET)).statusCode).toBe(200);
    expect(harness.ignored).toEqual(["channel_post update"]);
  });

  it("answers 500 when the core fails, so Telegram delivers the update again", async () => {
    harness.setHandler(async () => {
      throw new Error("database down");
    });
    expect((await post(update.text(PARENT, "hi"), SECRET)).statusCode).toBe(500);
  });

  it("offers no webhook route in polling mode", () => {
    expect(open("polling").routes).toBeUndefined();
  });
});

describe("Telegram polling", () => {
  it("answers a button press at once, before the core sees it", async () => {
    const handled = deferred();
    harness.setHandler(async () => {
      // Still being handled: the answer went out first.
      await fake.waitForCalls("answerCallbackQuery", 1);
      handled.resolve();
    });
    const given = update.callback(PARENT, "need:laptop");
    await open("polling").start!();
    fake.queueUpdates(given);
    await handled.promise;
    expect(fake.calls("answerCallbackQuery")[0]!.payload).toMatchObject({
      callback_query_id: (given.callback_query as { id: string }).id,
    });
  });

  it("receives updates through getUpdates and confirms them with the next offset", async () => {
    const first = update.text(PARENT, "một");
    const second = update.photo(PARENT);
    await open("polling").start!();
    fake.queueUpdates(first, second);
    await harness.until(() => harness.received.length === 2);
    expect(harness.received.map((message) => message.content.kind)).toEqual(["text", "photo"]);
    const polls = await fake.waitForCalls("getUpdates", 2);
    expect(polls[1]!.payload).toMatchObject({ offset: second.update_id + 1, timeout: 25 });
    expect(polls[0]!.payload.allowed_updates).toEqual(
      expect.arrayContaining(["my_chat_member", "callback_query"]),
    );
  });

  it("stops promptly while a long poll is pending", async () => {
    await open("polling").start!();
    await fake.waitForCalls("getUpdates", 1);
    const startedAt = Date.now();
    await channel!.stop!();
    expect(Date.now() - startedAt).toBeLessThan(1000);
  });

  it("handles one chat's updates in order while other chats go ahead", async () => {
    const release = deferred();
    const done = { b1: deferred(), a2: deferred() };
    const order: string[] = [];
    harness.setHandler(async (message) => {
      const text = message.content.kind === "text" ? message.content.text : "";
      order.push(`start ${text}`);
      if (text === "a1") await release.promise;
      order.push(`end ${text}`);
      if (text === "b1" || text === "a2") done[text].resolve();
    });
    await open("polling").start!();
    fake.queueUpdates(update.text(PARENT, "a1"), update.text(PARENT, "a2"), update.text(777, "b1"));
    await done.b1.promise;
    expect(order).toEqual(["start a1", "start b1", "end b1"]);
    release.resolve();
    await done.a2.promise;
    expect(order.slice(3)).toEqual(["end a1", "start a2", "end a2"]);
  });

  it("waits retry_after after a 429 before polling again", async () => {
    fake.failNext("getUpdates", { code: 429, retryAfter: 1 });
    await open("polling").start!();
    const [refused, next] = await fake.waitForCalls("getUpdates", 2, 5000);
    expect(next!.at - refused!.at).toBeGreaterThanOrEqual(950);
  });

  it("stops with a logged error when Telegram refuses the token", async () => {
    fake.failNext("getUpdates", { code: 401 });
    await open("polling").start!();
    await harness.until(() => harness.logs.some((line) => line.includes("polling stopped")));
    await channel!.stop!();
    expect(fake.calls("getUpdates")).toHaveLength(1);
  });
});
