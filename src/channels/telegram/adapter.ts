/**
 * The Telegram channel: wires the client, inbound parsing and rendering to core/channel.ts.
 * Updates arrive on POST /webhooks/telegram (webhook mode) or from a getUpdates loop (polling
 * mode, one process only: a second poller gets 409). Delivery is at least once either way;
 * the core drops repeated update ids.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { setTimeout as delay } from "node:timers/promises";
import type { FastifyPluginAsync } from "fastify";
import { GrammyError } from "grammy";
import type { Capabilities, Channel, ChannelDeps, Ignored } from "../../core/channel.js";
import { type Logger, redactUrl } from "../../core/logger.js";
import type { InboundMessage } from "../../core/messages.js";
import { partsToSkip, renderFailed, sendParts } from "../send-parts.js";
import { createTelegramClient, type TelegramClient, toSendOutcome } from "./client.js";
import { callbackQueryId, toInbound } from "./inbound.js";
import { renderTelegram, type TelegramCall } from "./render.js";

export interface TelegramChannelConfig {
  token: string;
  apiRoot: string;
  mode: "webhook" | "polling";
  webhookSecret: string | undefined;
}

export const telegramCapabilities: Capabilities = {
  buttons: true,
  maxTextLength: 4096,
  maxCaptionLength: 1024,
  media: { photo: "native", video: "native", document: "native" },
  requestPhone: true,
  groups: true,
  uploads: true,
  urlsOpenedBy: "platform",
  // Telegram's bulk guidance is about 30 messages a second; keep a margin for replies.
  sendRate: { max: 25, perMs: 1000 },
  // About 20 messages a minute into one group.
  groupGapMs: 3000,
};

// https://core.telegram.org/bots/api#editmessagereplymarkup answers 400 with this when nothing changes.
const NOT_MODIFIED = /message is not modified/i;
const SECRET_HEADER = "x-telegram-bot-api-secret-token";
const POLL_TIMEOUT_SECONDS = 25;
const FIRST_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 30_000;

type HandleUpdate = (update: unknown, parsed?: InboundMessage | Ignored) => Promise<void>;
/** What a webhook's 200 answer may carry: one Bot API call that Telegram makes for us (§3). */
type WebhookReply = { method: "answerCallbackQuery"; callback_query_id: string };
type HandleWebhook = (update: unknown) => Promise<WebhookReply | undefined>;

/**
 * A button press handled within this long is answered in the webhook's own response: no call of
 * its own, and the button stops spinning as the reply appears. A slower one is answered by a call
 * at this point, so nobody watches a spinner for longer.
 */
export const ANSWER_IN_REPLY_WITHIN_MS = 300;

export function createTelegramChannel(config: TelegramChannelConfig, deps: ChannelDeps): Channel {
  const log = deps.logger.child({ channel: "telegram" });
  const client = createTelegramClient({
    token: config.token,
    apiRoot: config.apiRoot,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  });

  // Deep links need the bot's @username; asked once, and again after a failure.
  let username: Promise<string | undefined> | undefined;
  const botUsername = () => {
    username ??= client.botUsername().catch((error: unknown) => {
      log.warn({ error: describe(error) }, "could not read the bot's username: links will show codes only");
      username = undefined;
      return undefined;
    });
    return username;
  };

  // A failure here changes nothing for the dialog: the press itself is handled either way.
  const answerNow = (queryId: string) =>
    client.answerCallbackQuery(queryId).catch((error: unknown) => {
      log.warn({ error: describe(error) }, "answerCallbackQuery failed");
    });

  const dispatch = async (parsed: InboundMessage | Ignored) => {
    if ("ignored" in parsed) deps.onIgnored("telegram", parsed.ignored);
    else await deps.onInbound(parsed);
  };

  // Polling: a press is answered at once so the button stops spinning.
  const handle: HandleUpdate = async (update, parsed = toInbound(update)) => {
    const queryId = callbackQueryId(update);
    if (queryId !== undefined) answerNow(queryId);
    await dispatch(parsed);
  };

  // Webhook: a press is answered in the response when the handling is quick (one HTTP call
  // fewer per tap), by its own call otherwise or when the handling fails.
  const handleWebhook: HandleWebhook = async (update) => {
    const queryId = callbackQueryId(update);
    if (queryId === undefined) {
      await dispatch(toInbound(update));
      return undefined;
    }
    let answered = false;
    const answerLate = setTimeout(() => {
      answered = true;
      answerNow(queryId);
    }, ANSWER_IN_REPLY_WITHIN_MS);
    try {
      await dispatch(toInbound(update));
    } catch (error) {
      if (!answered) answerNow(queryId);
      throw error;
    } finally {
      clearTimeout(answerLate);
    }
    return answered ? undefined : { method: "answerCallbackQuery", callback_query_id: queryId };
  };

  const sendRendered: Channel["send"] = async (chatId, message, options) => {
    let calls: TelegramCall[];
    try {
      calls = renderTelegram(chatId, message, telegramCapabilities);
    } catch (error) {
      return renderFailed(error);
    }
    return sendParts(calls, partsToSkip(options), async (call) => {
      try {
        return { ok: true, id: await client.send(call) };
      } catch (error) {
        return { ok: false, outcome: toSendOutcome(error) };
      }
    });
  };

  const channel: Channel = {
    name: "telegram",
    capabilities: telegramCapabilities,
    async send(chatId, message, options) {
      const outcome = await sendRendered(chatId, message, options);
      if (message.kind !== "text" || !message.replaces || outcome.kind !== "rejected") return outcome;
      // The buttons were already these (a repeated tap): nothing to change, nothing to resend.
      if (NOT_MODIFIED.test(outcome.reason)) return { kind: "sent", messageIds: [message.replaces] };
      // The message is gone or too old to edit: the question goes out again as a new message.
      return sendRendered(chatId, { ...message, replaces: undefined }, options);
    },
    async deepLink(payload) {
      const username = await botUsername();
      return username ? `https://t.me/${username}?start=${payload}` : undefined;
    },
    async fileUrl(file) {
      return file.channel === "telegram" ? client.fileUrl(file.fileId) : undefined;
    },
  };
  log.info({ apiRoot: redactUrl(config.apiRoot), mode: config.mode }, "telegram channel configured");
  if (config.mode === "webhook") {
    channel.routes = webhookRoutes(config.webhookSecret, handleWebhook, log);
  } else {
    const poller = createPoller(client, handle, log);
    channel.start = poller.start;
    channel.stop = poller.stop;
  }
  return channel;
}

function webhookRoutes(secret: string | undefined, handle: HandleWebhook, log: Logger): FastifyPluginAsync {
  // Hashed once: every update then hashes only the header it brings.
  const expected = secret ? digest(secret) : undefined;
  return async (app) => {
    app.post(
      "/webhooks/telegram",
      {
        // Checked before the body is even parsed: nothing from an unauthenticated caller is processed.
        onRequest: async (request, reply) => {
          if (!isSecretValid(request.headers[SECRET_HEADER], expected)) {
            return reply.code(401).send({ error: "unauthorized" });
          }
        },
      },
      async (request, reply) => {
        let answer: WebhookReply | undefined;
        try {
          answer = await handle(request.body);
        } catch (error) {
          // A non-2xx answer makes Telegram deliver the update again; the core drops repeats.
          log.error({ err: error, updateId: updateIdOf(request.body) }, "telegram update failed");
          return reply.code(500).send({ error: "update not handled" });
        }
        return reply.code(200).send(answer ?? {});
      },
    );
  };
}

const digest = (value: string) => createHash("sha256").update(value).digest();

/** Hashing first gives equal-length buffers, so neither content nor length leaks through timing. */
function isSecretValid(given: string | string[] | undefined, expected: Buffer | undefined): boolean {
  if (expected === undefined || typeof given !== "string") return false;
  return timingSafeEqual(digest(given), expected);
}

function createPoller(client: TelegramClient, handle: HandleUpdate, log: Logger) {
  let controller: AbortController | undefined;
  let loop: Promise<void> | undefined;

  // Updates of one chat run in order; different chats run side by side.
  async function handleBatch(updates: unknown[]): Promise<void> {
    const chains = new Map<string, Promise<void>>();
    const all: Promise<void>[] = [];
    for (const update of updates) {
      const parsed = toInbound(update);
      const run = () =>
        handle(update, parsed).catch((error: unknown) => {
          log.error({ err: error, updateId: updateIdOf(update) }, "telegram update failed");
        });
      const key = "ignored" in parsed ? undefined : parsed.chatId;
      const next = key === undefined ? run() : (chains.get(key) ?? Promise.resolve()).then(run);
      if (key !== undefined) chains.set(key, next);
      all.push(next);
    }
    await Promise.all(all);
  }

  async function poll(signal: AbortSignal): Promise<void> {
    let offset = 0;
    let backoff = FIRST_BACKOFF_MS;
    while (!signal.aborted) {
      let updates: unknown[];
      try {
        updates = await client.getUpdates(offset, POLL_TIMEOUT_SECONDS, signal);
        backoff = FIRST_BACKOFF_MS;
      } catch (error) {
        if (signal.aborted) return;
        const code = error instanceof GrammyError ? error.error_code : undefined;
        if (code === 401) {
          log.error("Telegram refused the bot token (401): check TELEGRAM_BOT_TOKEN; polling stopped");
          return;
        }
        const retryAfter = error instanceof GrammyError ? error.parameters.retry_after : undefined;
        const wait = retryAfter === undefined ? backoff : retryAfter * 1000;
        log.warn({ error: describe(error), waitMs: wait }, "getUpdates failed");
        if (retryAfter === undefined) backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
        await delay(wait, undefined, { signal }).catch(() => undefined);
        continue;
      }
      await handleBatch(updates);
      // Confirmed only after handling: a crash mid-batch replays it, it never loses it.
      for (const update of updates) offset = Math.max(offset, (updateIdOf(update) ?? -1) + 1);
    }
  }

  return {
    async start(): Promise<void> {
      if (loop) return;
      controller = new AbortController();
      // getUpdates answers 409 while a webhook is set, e.g. after switching a bot from webhook to polling.
      await client.deleteWebhook().catch((error: unknown) => {
        log.warn({ error: describe(error) }, "deleteWebhook failed");
      });
      loop = poll(controller.signal);
    },
    async stop(): Promise<void> {
      controller?.abort();
      await loop;
      loop = undefined;
    },
  };
}

function updateIdOf(update: unknown): number | undefined {
  if (typeof update !== "object" || update === null || !("update_id" in update)) return undefined;
  return typeof update.update_id === "number" ? update.update_id : undefined;
}

/** API errors carry the payload (user text, phones): log only what Telegram said. */
function describe(error: unknown): string {
  if (error instanceof GrammyError) return `${error.error_code} ${error.description}`;
  return error instanceof Error ? error.message : String(error);
}
