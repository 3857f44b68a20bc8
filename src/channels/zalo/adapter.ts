/**
 * The Zalo Bot Platform channel: sends rendered calls in order, receives updates on
 * POST /webhooks/zalo (webhook mode) or by a sequential getUpdates loop (polling mode).
 * Zalo has no buttons and no video/document upload, and groups are beta (bot sees @mentions only),
 * so the capabilities below tell the core to number choices and link media.
 * Platform notes: docs/platforms/zalo-bot.md, https://bot.zaloplatforms.com/docs
 */
import { timingSafeEqual } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import type { Capabilities, Channel, ChannelDeps } from "../../core/channel.js";
import type { OutboundMessage, SendOptions, SendOutcome } from "../../core/messages.js";
import { partsToSkip, renderFailed, sendParts } from "../send-parts.js";
import { createZaloClient, toSendOutcome, type ZaloError, type ZaloResult } from "./client.js";
import { toInbound } from "./inbound.js";
import { renderZalo, ZALO_MAX_TEXT_LENGTH, type ZaloCall, type ZaloRendering } from "./render.js";
import type { ZaloSent } from "./schemas.js";

export interface ZaloChannelConfig {
  token: string;
  apiRoot: string;
  mode: "webhook" | "polling";
  webhookSecret: string | undefined;
}

export const zaloCapabilities: Capabilities = {
  buttons: false,
  maxTextLength: ZALO_MAX_TEXT_LENGTH,
  maxCaptionLength: ZALO_MAX_TEXT_LENGTH,
  media: { photo: "native", video: "link", document: "link" },
  requestPhone: false,
  groups: false,
  // Zalo takes pictures by public URL only: bytes ChoEm draws cannot go there.
  uploads: false,
  urlsOpenedBy: "platform",
  sendRate: { max: 10, perMs: 1000 },
  groupGapMs: 0,
};

const SECRET_HEADER = "x-bot-api-secret-token";
const POLL_TIMEOUT_SECONDS = 30;
const BACKOFF_FIRST_MS = 5_000;
const BACKOFF_MAX_MS = 60_000;
const SUCCESS = { message: "Success" };

export function createZaloChannel(config: ZaloChannelConfig, deps: ChannelDeps): Channel {
  const client = createZaloClient({ token: config.token, apiRoot: config.apiRoot, fetch: deps.fetch });
  const log = deps.logger.child({ channel: "zalo" });
  /** Zalo echoes the bot's own messages back; getMe tells us which sender to drop. */
  let botId: string | undefined;

  async function send(chatId: string, message: OutboundMessage, options?: SendOptions): Promise<SendOutcome> {
    let rendering: ZaloRendering;
    try {
      rendering = renderZalo(chatId, message);
    } catch (error) {
      return renderFailed(error);
    }
    if ("unsupported" in rendering) return { kind: "unsupported", reason: rendering.unsupported };
    if (rendering.calls.length === 0) return { kind: "rejected", reason: "nothing to send" };
    // One after another, so the parts of a long answer arrive in order.
    return sendParts(rendering.calls, partsToSkip(options), async (call) => {
      const result = await perform(call);
      if (!result.ok) return { ok: false, outcome: failed(call.method, result.error) };
      // A part Zalo confirmed without an id still counts, so a retry skips it.
      return { ok: true, id: result.result.message_id ?? "" };
    });
  }

  function perform(call: ZaloCall): Promise<ZaloResult<ZaloSent>> {
    if (call.method === "sendPhoto") {
      return client.sendPhoto(call.payload.chat_id, call.payload.photo, call.payload.caption);
    }
    return client.sendMessage(call.payload.chat_id, call.payload.text);
  }

  function failed(method: string, error: ZaloError): SendOutcome {
    const outcome = toSendOutcome(error);
    if (outcome.kind === "throttled") {
      log.warn(
        { method, error },
        "Zalo answered 429: on the free plan the monthly message quota may be spent",
      );
    } else {
      log.warn({ method, error, outcome: outcome.kind }, "Zalo send failed");
    }
    return outcome;
  }

  async function learnBotId(signal?: AbortSignal): Promise<ZaloError | undefined> {
    const me = await client.getMe({ signal });
    if (!me.ok) return me.error;
    botId = me.result.id;
    return undefined;
  }

  const routes: FastifyPluginAsync = async (app) => {
    const expected = Buffer.from(config.webhookSecret ?? "", "utf8");
    if (expected.length === 0) log.error("ZALO_WEBHOOK_SECRET is empty: every Zalo push will be refused");
    // In the background: start-up must not wait on Zalo, and until getMe answers echoes get through.
    void learnBotId().then((error) => {
      if (error) log.warn({ error }, "Zalo getMe failed; the bot's own echoes cannot be dropped");
    });

    // Zalo's health probe may POST an empty body, which Fastify's JSON parser would refuse with 400.
    const parseJson = app.getDefaultJsonParser("error", "error");
    app.removeContentTypeParser("application/json");
    app.addContentTypeParser("application/json", { parseAs: "string" }, (request, body, done) => {
      if (String(body).trim() === "") done(null, undefined);
      else parseJson(request, String(body), done);
    });

    // onRequest runs before the body is read: a wrong secret costs us no parsing.
    const checkSecret = async (request: FastifyRequest, reply: FastifyReply) => {
      if (!isSecretValid(request.headers[SECRET_HEADER], expected)) {
        return reply.code(401).send({ message: "Unauthorized" });
      }
    };

    app.post("/webhooks/zalo", { onRequest: checkSecret }, async (request, reply) => {
      if (request.body === undefined || request.body === null) return reply.code(200).send(SUCCESS);
      const result = toInbound(request.body, botId);
      if ("ignored" in result) {
        deps.onIgnored("zalo", result.ignored);
        return reply.code(200).send(SUCCESS);
      }
      try {
        await deps.onInbound(result);
      } catch (err) {
        log.error({ err, updateId: result.updateId }, "handling a Zalo update failed");
        return reply.code(500).send({ message: "Error" });
      }
      return reply.code(200).send(SUCCESS);
    });
  };

  let polling: { abort: AbortController; loop: Promise<void> } | undefined;

  async function dispatch(body: unknown): Promise<void> {
    const result = toInbound(body, botId);
    if ("ignored" in result) {
      deps.onIgnored("zalo", result.ignored);
      return;
    }
    try {
      await deps.onInbound(result);
    } catch (err) {
      log.error({ err, updateId: result.updateId }, "handling a Zalo update failed");
    }
  }

  async function pollOnce(signal: AbortSignal): Promise<ZaloError | undefined> {
    const polled = await client.getUpdates(POLL_TIMEOUT_SECONDS, { signal });
    if (!polled.ok) return polled.error;
    for (const body of polled.result) await dispatch(body);
    return undefined;
  }

  async function poll(signal: AbortSignal): Promise<void> {
    let backoffMs = BACKOFF_FIRST_MS;
    while (!signal.aborted) {
      const error = botId === undefined ? await learnBotId(signal) : await pollOnce(signal);
      if (signal.aborted) return;
      if (!error) {
        backoffMs = BACKOFF_FIRST_MS;
        continue;
      }
      // 408 is Zalo's normal "nothing new"; backing off on it would leave the bot deaf.
      if (error.code === 408) continue;
      if (error.code === 401) {
        log.error(
          { error },
          "Zalo refused ZALO_BOT_TOKEN (401): copy it again from Zalo Bot Creator; polling stopped",
        );
        return;
      }
      log.warn({ error, retryInMs: backoffMs }, "Zalo polling failed");
      await sleep(backoffMs, undefined, { signal }).catch(() => undefined);
      backoffMs = Math.min(backoffMs * 2, BACKOFF_MAX_MS);
    }
  }

  async function start(): Promise<void> {
    if (polling) return;
    const abort = new AbortController();
    const loop = poll(abort.signal).catch((err) => log.error({ err }, "Zalo polling stopped by a bug"));
    polling = { abort, loop };
  }

  async function stop(): Promise<void> {
    const current = polling;
    polling = undefined;
    if (!current) return;
    current.abort.abort();
    await current.loop;
  }

  const base = { name: "zalo" as const, capabilities: zaloCapabilities, send };
  return config.mode === "webhook" ? { ...base, routes } : { ...base, start, stop };
}

/** Constant-time comparison; an empty configured secret never matches, not even an empty header. */
function isSecretValid(header: string | string[] | undefined, expected: Buffer): boolean {
  if (expected.length === 0 || typeof header !== "string") return false;
  const given = Buffer.from(header, "utf8");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
