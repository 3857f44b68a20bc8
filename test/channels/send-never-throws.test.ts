/**
 * core/channel.ts promises that send() never throws and that a failed multi-part send names the
 * parts that went out, so the queue can retry the rest without repeating any. Checked here with
 * random messages on every channel against its loopback fake (and the run's real Redis for the
 * web chat), with platform failures and dropped connections scripted into some runs.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { partsToSkip } from "../../src/channels/send-parts.js";
import { createTelegramChannel, telegramCapabilities } from "../../src/channels/telegram/adapter.js";
import { renderTelegram } from "../../src/channels/telegram/render.js";
import { createWebChatChannel } from "../../src/channels/webchat/adapter.js";
import { notShowable } from "../../src/channels/webchat/outbox.js";
import { createWebChatSessions } from "../../src/channels/webchat/sessions.js";
import { createZaloChannel } from "../../src/channels/zalo/adapter.js";
import { renderZalo } from "../../src/channels/zalo/render.js";
import type { Channel } from "../../src/core/channel.js";
import type { OutboundMessage, SendOptions, SendOutcome } from "../../src/core/messages.js";
import { Redis } from "../../src/storage/redis.js";
import { type FakeTelegramApi, type ScriptedFailure, startFakeTelegramApi } from "../fakes/telegram-api.js";
import { type FakeZaloApi, type FakeZaloFailure, startFakeZaloApi } from "../fakes/zalo-api.js";
import { OA_PATHS } from "../fakes/zalo-oa-api.js";
import { silentLogger } from "../helpers/silent-logger.js";
import { testRedisUrl, uniqueName } from "../helpers/stores.js";
import { outboundMessage } from "./outbound-arbitraries.js";
import { type OaHarness, startOaHarness } from "./zalo-oa/harness.js";

const RUNS = 150;
const TELEGRAM_CHAT = "501";
const ZALO_CHAT = "7a1c9e0b3d5f2a4c6e8b";
const OA_USER = "5287361049312256180";

const ids = z.array(z.string()).optional();
const reason = z.string().min(1);
/** Every shape core/messages.ts allows, and nothing else. */
const sendOutcome = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("sent"), messageIds: z.array(z.string()) }),
  z.strictObject({ kind: z.literal("throttled"), retryAfterSeconds: z.number().positive(), messageIds: ids }),
  z.strictObject({ kind: z.literal("blocked"), reason, messageIds: ids }),
  z.strictObject({ kind: z.literal("transient"), reason, messageIds: ids }),
  z.strictObject({ kind: z.literal("rejected"), reason, messageIds: ids }),
  z.strictObject({ kind: z.literal("unsupported"), reason, messageIds: ids }),
  z.strictObject({ kind: z.literal("outside-window"), reason, messageIds: ids }),
  z.strictObject({ kind: z.literal("migrated"), newChatId: z.string().min(1), messageIds: ids }),
]);

/** A platform failure or a dropped connection, on the `after`-th next call of each send path. */
interface Fault<F> {
  failure: F | "drop";
  after: number;
}

/** Where rendering alone ends a send, the outcome kind it must end with. */
type Parts = number | "rejected" | "unsupported";

interface Target<F> {
  channel: Channel;
  chatId(): string;
  failures: F[];
  /** Scripts the fault on every path a send can take. */
  script(fault: Fault<F>): void;
  clear(): void;
  /** Ids of the messages the platform has created so far (the fakes' are global), oldest first. */
  created(chatId: string): Promise<string[]>;
  /** Parts the message renders into, where that does not depend on the platform's answers. */
  parts?(message: OutboundMessage): Parts;
}

const sendOptions: fc.Arbitrary<SendOptions | undefined> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(undefined) },
  { weight: 3, arbitrary: fc.record({ skipParts: fc.nat({ max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ skipParts: fc.constantFrom(-1, 0.5, Number.NaN) }) },
);

const faultOf = <F>(failures: F[]): fc.Arbitrary<Fault<F> | undefined> =>
  fc.option(
    fc.record({ failure: fc.constantFrom<F | "drop">(...failures, "drop"), after: fc.nat({ max: 3 }) }),
    { nil: undefined, freq: 2 },
  );

/** One send, with the ids the platform created meanwhile. */
async function attempt<F>(
  target: Target<F>,
  chatId: string,
  message: OutboundMessage,
  options?: SendOptions,
  fault?: Fault<F>,
): Promise<{ outcome: SendOutcome; created: string[] }> {
  const before = (await target.created(chatId)).length;
  if (fault) target.script(fault);
  try {
    const outcome = await target.channel.send(chatId, message, options);
    return { outcome, created: (await target.created(chatId)).slice(before) };
  } finally {
    target.clear();
  }
}

/** The property, on any target; `urls` are the loopback addresses messages may point at. */
function neverThrows<F>(target: Target<F>, urls: string[]): Promise<void> {
  const property = fc.asyncProperty(
    outboundMessage(urls),
    sendOptions,
    faultOf(target.failures),
    async (message, options, fault) => {
      const chatId = target.chatId();
      // A rejected promise fails the property here, with the message that caused it.
      const { outcome, created } = await attempt(target, chatId, message, options, fault);
      expect(sendOutcome.safeParse(outcome).error).toBeUndefined();
      // One id per part that went out, in order: no part lost, none invented.
      expect(outcome.messageIds ?? []).toEqual(created);

      const parts = target.parts?.(message);
      if (parts === undefined) return;
      if (typeof parts === "string") return void expect(outcome.kind).toBe(parts);
      const left = Math.max(0, parts - partsToSkip(options));
      if (!fault) expect(outcome.kind).toBe("sent");
      if (outcome.kind === "sent") return void expect(created).toHaveLength(left);
      if (outcome.kind !== "transient" && outcome.kind !== "throttled") return;
      // The queue's retry skips what went out: every part is then delivered exactly once.
      const skipParts = partsToSkip(options) + created.length;
      const retry = await attempt(target, chatId, message, { skipParts });
      expect(retry.outcome.kind).toBe("sent");
      expect(created.length + retry.created.length).toBe(left);
    },
  );
  return fc.assert(property, { numRuns: RUNS });
}

/** A loopback fake's failure script, as all three platform fakes offer it. */
interface Scriptable<F> {
  failNext(path: string, failure: F, options?: { after?: number }): void;
  dropNext(path: string, options?: { after?: number }): void;
}

/** Scripts one fault on each of `paths`: whichever a send takes, it meets the fault. */
const faultOn =
  <F>(fake: Scriptable<F>, paths: string[]) =>
  ({ failure, after }: Fault<F>) => {
    for (const path of paths) {
      if (failure === "drop") fake.dropNext(path, { after });
      else fake.failNext(path, failure, { after });
    }
  };

function telegramTarget(fake: FakeTelegramApi): Target<ScriptedFailure> {
  const methods = ["sendMessage", "sendPhoto", "sendVideo", "sendDocument", "copyMessage"];
  return {
    channel: createTelegramChannel(
      { token: fake.token, apiRoot: fake.apiRoot, mode: "polling", webhookSecret: undefined },
      { onInbound: async () => {}, onIgnored: () => {}, logger: silentLogger() },
    ),
    chatId: () => TELEGRAM_CHAT,
    failures: [
      { code: 429, retryAfter: 3 },
      { code: 403 },
      { code: 500 },
      { code: 502 },
      { code: 400 },
      { code: 400, migrateToChatId: -1_001_234_567 },
    ],
    script: faultOn(fake, methods),
    clear: () => fake.clearFailures(),
    created: async () => fake.messageIds(),
    parts(message) {
      try {
        return renderTelegram(TELEGRAM_CHAT, message, telegramCapabilities).length;
      } catch {
        return "rejected";
      }
    },
  };
}

function zaloTarget(fake: FakeZaloApi): Target<FakeZaloFailure> {
  const methods = ["sendMessage", "sendPhoto"];
  return {
    channel: createZaloChannel(
      { token: fake.token, apiRoot: fake.apiRoot, mode: "polling", webhookSecret: undefined },
      { onInbound: async () => {}, onIgnored: () => {}, logger: silentLogger() },
    ),
    chatId: () => ZALO_CHAT,
    failures: [{ code: 429 }, { code: 403 }, { code: 500 }, { code: 400 }],
    script: faultOn(fake, methods),
    clear: () => fake.clearFailures(),
    created: async () => fake.messageIds(),
    parts(message) {
      const rendering = renderZalo(ZALO_CHAT, message);
      if ("unsupported" in rendering) return "unsupported";
      return rendering.calls.length === 0 ? "rejected" : rendering.calls.length;
    },
  };
}

/** Parts depend on Zalo's answers here (a document that cannot be uploaded goes as its link). */
function zaloOaTarget(harness: OaHarness): Target<number> {
  const paths = [OA_PATHS.send, OA_PATHS.uploadImage, OA_PATHS.uploadFile];
  return {
    channel: harness.channel(),
    chatId: () => OA_USER,
    // Rate limit, 7-day window, locked account, bad parameter, expired token, outages.
    failures: [-32, -230, -227, -201, -216, 500, 503],
    script: faultOn(harness.api, paths),
    clear: () => harness.api.clearFailures(),
    created: async () => harness.api.messageIds(),
  };
}

/**
 * The web chat's only failure is its Redis: a client of a port nobody listens on stands for it.
 * It writes only for chats with a session, so each run gets a chat of its own from a pool
 * (shrinking a failure may take more runs than the pool: then chats are used again).
 */
async function webChatTarget(redis: Redis, down: Redis, keyPrefix: string): Promise<Target<"redis-down">> {
  const deps = { keyPrefix, logger: silentLogger(), onInbound: async () => {}, onIgnored: () => {} };
  const up = createWebChatChannel({ ...deps, redis });
  const broken = createWebChatChannel({ ...deps, redis: down });
  const sessions = createWebChatSessions(redis, { keyPrefix });
  const chats = await Promise.all(
    Array.from({ length: RUNS * 2 }, async () => (await sessions.create()).chatId),
  );
  let chat = 0;
  const target: Target<"redis-down"> = {
    channel: up,
    chatId: () => chats[chat++ % chats.length]!,
    failures: ["redis-down"],
    script: () => {
      target.channel = broken;
    },
    clear: () => {
      target.channel = up;
    },
    created: async (chatId) =>
      (await redis.xrange(`${keyPrefix}webchat:out:${chatId}`, "-", "+")).map(([id]) => id),
    parts: (message) => (notShowable(message) ? "unsupported" : 1),
  };
  return target;
}

describe("send() on every channel, for any message", () => {
  let telegram: FakeTelegramApi;
  let zalo: FakeZaloApi;
  let oa: OaHarness;
  let redis: Redis;
  let down: Redis;
  let urls: string[];

  beforeAll(async () => {
    [telegram, zalo, oa] = await Promise.all([startFakeTelegramApi(), startFakeZaloApi(), startOaHarness()]);
    redis = new Redis(testRedisUrl());
    // Nothing listens on port 9 and nothing queues: every command fails at once.
    down = new Redis("redis://127.0.0.1:9", {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    down.on("error", () => {});
    urls = [
      oa.api.hostFile("bai-tap.pdf", Buffer.from("%PDF-1.7 bài tập"), "application/pdf"),
      oa.api.hostFile("don.docx", Buffer.from("PK docx"), "application/octet-stream"),
      oa.api.hostFile("anh.jpg", Buffer.from("jpeg"), "image/jpeg"),
      oa.api.hostFile("lon.pdf", Buffer.alloc(6 * 1024 * 1024, 1), "application/pdf"),
      // Nothing listens on port 9: downloads fail at once.
      "http://127.0.0.1:9/mat.pdf",
    ];
  });
  afterAll(async () => {
    down.disconnect();
    await Promise.all([telegram.close(), zalo.close(), oa.close(), redis.quit()]);
  });

  it("resolves to a valid outcome on Telegram, with one id per part sent", async () => {
    await neverThrows(telegramTarget(telegram), urls);
  });

  it("resolves to a valid outcome on the Zalo Bot Platform, with one id per part sent", async () => {
    await neverThrows(zaloTarget(zalo), urls);
  });

  it("resolves to a valid outcome on the Zalo OA, with one id per part sent", async () => {
    await neverThrows(zaloOaTarget(oa), urls);
  });

  it("resolves to a valid outcome on the web chat, with one id per part sent", async () => {
    await neverThrows(await webChatTarget(redis, down, `${uniqueName("webchat")}:`), urls);
  });
});

describe("send() examples", () => {
  let telegram: FakeTelegramApi;
  let channel: Channel;
  beforeAll(async () => {
    telegram = await startFakeTelegramApi();
    channel = telegramTarget(telegram).channel;
  });
  afterAll(() => telegram.close());

  it("rejects a choice whose value is over Telegram's 64 bytes, without calling Telegram", async () => {
    const before = telegram.calls().length;
    const outcome = await channel.send(TELEGRAM_CHAT, {
      kind: "text",
      text: "Chọn một mục",
      choices: [[{ value: "v".repeat(65), label: "Mục dài" }]],
    });
    expect(outcome).toEqual({ kind: "rejected", reason: expect.stringContaining("65 bytes") });
    expect(telegram.calls().length).toBe(before);
  });

  it("rejects another platform's file that has no URL", async () => {
    const outcome = await channel.send(TELEGRAM_CHAT, {
      kind: "media",
      media: "photo",
      source: { kind: "platform-file", file: { channel: "zalo-oa", fileId: "att_9f8e7d" } },
    });
    expect(outcome).toEqual({ kind: "rejected", reason: expect.stringContaining("without a URL") });
  });

  it("names the part that went out before a 500, and a retry skipping it sends each part once", async () => {
    const text = ["Một", "Hai", "Ba"].map((word) => `${word} ${"chữ ".repeat(900).trim()}`).join("\n\n");
    const texts = () => telegram.calls("sendMessage").map((call) => String(call.payload.text).split(" ")[0]);
    const before = texts().length;
    telegram.failNext("sendMessage", { code: 500 }, { after: 1 });

    const first = await channel.send(TELEGRAM_CHAT, { kind: "text", text });
    const [part1] = telegram.messageIds().slice(-1);
    expect(first).toEqual({ kind: "transient", reason: "Internal Server Error", messageIds: [part1] });

    const retry = await channel.send(TELEGRAM_CHAT, { kind: "text", text }, { skipParts: 1 });
    expect(retry).toEqual({ kind: "sent", messageIds: telegram.messageIds().slice(-2) });
    // Part 2 was asked twice (the 500, then sent); parts 1 and 3 once each.
    expect(texts().slice(before)).toEqual(["Một", "Hai", "Hai", "Ba"]);
  });
});
