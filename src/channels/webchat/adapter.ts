/**
 * The local web chat: the default channel when no platform token is set, so a fresh
 * `npm start` can be tried in a browser. The page posts what the person types or taps and
 * long-polls the per-chat outbox (outbox.ts) for replies; send() only appends to that outbox.
 * The server makes each conversation (POST /webchat/api/session) and every other route takes
 * the chat from the session cookie alone (sessions.ts): a chat id the client sends means nothing.
 */
import fastifyCookie, { type CookieSerializeOptions } from "@fastify/cookie";
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import type { Connection } from "mongoose";
import { z } from "zod";
import type { Capabilities, Channel, ChannelDeps } from "../../core/channel.js";
import type { InboundContent, InboundMessage, OutboundMessage } from "../../core/messages.js";
import { MAX_INPUT_LENGTH, normalizeInput } from "../../core/text/normalize-input.js";
import type { Redis } from "../../storage/redis.js";
import { partsToSkip, sendParts } from "../send-parts.js";
import { createWebChatFiles } from "./files.js";
import { createWebChatOutbox, notShowable } from "./outbox.js";
import { webChatPage } from "./page.js";
import { createWebChatSessions, SESSION_IDLE_SECONDS } from "./sessions.js";
import { registerUploads } from "./upload-routes.js";

const CAPABILITIES: Capabilities = {
  buttons: true,
  maxTextLength: 4000,
  maxCaptionLength: 1000,
  media: { photo: "native", video: "native", document: "native" },
  requestPhone: false,
  groups: false,
  uploads: true,
  urlsOpenedBy: "client",
  // Messages go to a Redis stream, not a platform: the only limit is our own Redis.
  sendRate: { max: 200, perMs: 1000 },
  groupGapMs: 0,
};

const LONG_POLL_MS = 20_000;
const COOKIE = "choem_webchat";

const clientId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
// No chatId: the session says which chat this is; one sent anyway is dropped with the other extras.
const postBody = z.object({
  id: clientId,
  type: z.enum(["text", "choice", "command"]),
  // For a choice, the label of the pressed button: shown again when the page reloads.
  text: z.string().max(MAX_INPUT_LENGTH).optional(),
  value: z.string().min(1).max(64).optional(),
  language: z.enum(["vi", "en"]).optional(),
});
const pollQuery = z.object({
  after: z
    .string()
    .regex(/^(0|\d{1,20}-\d{1,20})$/)
    .optional(),
  wait: z.enum(["0", "1"]).optional(),
});
const mediaParams = z.object({ id: z.string().regex(/^[A-Za-z0-9-]{8,64}$/) });

// No inline script or style: everything the page runs comes from this server.
const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https: data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

export type WebChatDeps = ChannelDeps & {
  redis: Redis;
  /** Where attachments are kept (GridFS); without it the web chat takes no files. */
  mongo?: Connection;
  keyPrefix?: string;
  longPollMs?: number;
  /** Sets the cookie's Secure flag: true when PUBLIC_URL is https. */
  secureCookie?: boolean;
};

export function createWebChatChannel(deps: WebChatDeps): Channel {
  const outbox = createWebChatOutbox(deps.redis, { keyPrefix: deps.keyPrefix, logger: deps.logger });
  const sessions = createWebChatSessions(deps.redis, { keyPrefix: deps.keyPrefix });
  const files = deps.mongo ? createWebChatFiles(deps.mongo) : undefined;
  const cookie: CookieSerializeOptions = {
    path: "/webchat",
    httpOnly: true,
    sameSite: "strict",
    secure: deps.secureCookie ?? false,
    maxAge: SESSION_IDLE_SECONDS,
  };

  /** The chat of the request's session, re-issuing the cookie so it slides like the session. */
  async function chatOf(request: FastifyRequest, reply: FastifyReply): Promise<string | undefined> {
    const token = request.cookies[COOKIE];
    const chatId = await sessions.open(token);
    if (chatId && token) reply.setCookie(COOKIE, token, cookie);
    return chatId;
  }
  const unauthorized = (reply: FastifyReply) => reply.code(401).send({ ok: false });

  const routes: FastifyPluginAsync = async (app) => {
    const shutdown = new AbortController();
    // Long polls would hold close() for their whole wait; end them as soon as closing starts.
    app.addHook("preClose", async () => shutdown.abort());
    app.addHook("onClose", async () => outbox.close());
    app.setErrorHandler(async (error, request, reply) => {
      const status = statusOf(error);
      if (status >= 500) request.log.error({ err: error }, "webchat request failed");
      // Never the error's text: the page needs no more than "that did not work".
      return reply.code(status).send({ ok: false });
    });
    await app.register(fastifyCookie);
    registerAssets(app);
    if (files) {
      registerUploads(app, {
        files,
        chatOf,
        claim: (chatId, id) => sessions.claim(chatId, id),
        async showOwn(chatId, message, id) {
          const appended = await outbox.append(chatId, message, "user", id);
          if (!appended.ok)
            deps.logger.warn({ reason: appended.reason }, "webchat: attachment bubble not kept");
        },
        onInbound: deps.onInbound,
        onIgnored: (reason) => deps.onIgnored("webchat", reason),
      });
    }

    // Writes one Redis key and nothing else: a visit costs nothing until the person acts.
    app.post("/webchat/api/session", { bodyLimit: 1024 }, async (request, reply) => {
      // Another site must not swap a person's conversation for one of its own making.
      if (request.headers["sec-fetch-site"] === "cross-site") return reply.code(403).send({ ok: false });
      if (!request.headers["content-type"]?.startsWith("application/json")) {
        return reply.code(415).send({ ok: false });
      }
      if (await chatOf(request, reply)) return reply.code(200).send({ ok: true });
      if (!(await sessions.allowNew(request.ip))) {
        return reply.code(429).send({ ok: false, error: "too many new conversations, try again later" });
      }
      const { token } = await sessions.create();
      reply.setCookie(COOKIE, token, cookie);
      return reply.code(201).send({ ok: true });
    });

    app.post("/webchat/api/messages", { bodyLimit: 16 * 1024 }, async (request, reply) => {
      const chatId = await chatOf(request, reply);
      if (!chatId) return unauthorized(reply);
      const parsed = postBody.safeParse(request.body);
      const content = parsed.success ? toContent(parsed.data) : undefined;
      if (!parsed.success || !content) {
        deps.onIgnored("webchat", "invalid web chat message");
        return reply.code(400).send({ ok: false });
      }
      const body = parsed.data;
      const claimed = await sessions.claim(chatId, body.id);
      if (claimed === "gone") return unauthorized(reply);
      if (claimed === "repeated") {
        deps.onIgnored("webchat", "repeated web chat message id");
        return reply.code(202).send({ ok: true });
      }
      const shown = userBubble(body.type, body.text);
      if (shown) {
        const appended = await outbox.append(chatId, shown, "user", body.id);
        if (!appended.ok) request.log.warn({ reason: appended.reason }, "webchat: user message not kept");
      }
      await deps.onInbound({
        channel: "webchat",
        chatId,
        chatKind: "private",
        // Client ids are chosen by the page: scoped to the chat so two chats can never collide.
        updateId: `${chatId}:${body.id}`,
        userId: chatId,
        ...(body.language ? { languageCode: body.language } : {}),
        receivedAt: new Date(),
        content,
      } satisfies InboundMessage);
      return reply.code(202).send({ ok: true });
    });

    // An open page polls all the time: only problems are worth a log line.
    app.get("/webchat/api/messages", { logLevel: "warn" }, async (request, reply) => {
      const chatId = await chatOf(request, reply);
      if (!chatId) {
        // An erased chat's confirmation, once, to the browser that held it.
        const farewell = await sessions.farewell(request.cookies[COOKIE]);
        return reply.code(401).send({ ok: false, ...(farewell ? { farewell } : {}) });
      }
      const parsed = pollQuery.safeParse(request.query);
      if (!parsed.success) return reply.code(400).send({ ok: false });
      const { after, wait } = parsed.data;
      if (wait !== "1") return { messages: await outbox.read(chatId, after) };
      const gone = new AbortController();
      const onGone = () => gone.abort();
      reply.raw.once("close", onGone);
      try {
        const signal = AbortSignal.any([shutdown.signal, gone.signal]);
        const timeoutMs = deps.longPollMs ?? LONG_POLL_MS;
        return { messages: await outbox.waitForEntries(chatId, after, { timeoutMs, signal }) };
      } finally {
        reply.raw.off("close", onGone);
      }
    });

    app.get("/webchat/media/:id", async (request, reply) => {
      const chatId = await chatOf(request, reply);
      if (!chatId) return unauthorized(reply);
      const parsed = mediaParams.safeParse(request.params);
      const media = parsed.success ? await outbox.readMedia(chatId, parsed.data.id) : undefined;
      if (!media) return reply.code(404).send({ ok: false });
      return reply
        .header("content-type", media.mimeType)
        .header("content-disposition", `inline; filename*=UTF-8''${encodeURIComponent(media.fileName)}`)
        .header("cache-control", "private, max-age=604800, immutable")
        .header("x-content-type-options", "nosniff")
        .header("content-security-policy", "default-src 'none'; sandbox")
        .send(media.data);
    });
  };

  return {
    name: "webchat",
    capabilities: CAPABILITIES,
    routes,
    // One outbox entry per message, however long: it is always a single part.
    async send(chatId, message, options) {
      const unsupported = notShowable(message);
      if (unsupported) return { kind: "unsupported", reason: unsupported };
      return sendParts([message], partsToSkip(options), async (part) => {
        const result = await outbox.append(chatId, part, "bot", undefined, options?.language);
        if (result.ok) return { ok: true, id: result.id };
        return { ok: false, outcome: { kind: result.failure, reason: result.reason } };
      });
    },
    async openFile(file) {
      return file.channel === "webchat" && files ? files.open(file.fileId) : undefined;
    },
    // The session first: once it is gone nothing more can be written for the chat.
    async forget(chatId, farewell) {
      const ended = await sessions.end(chatId, farewell);
      return ended + (await outbox.forget(chatId)) + ((await files?.forget(chatId)) ?? 0);
    },
    async stop() {
      await outbox.close();
    },
  };
}

function registerAssets(app: FastifyInstance): void {
  const asset = (reply: FastifyReply, type: string, body: string, headers: Record<string, string> = {}) =>
    reply
      .headers({
        "content-type": `${type}; charset=utf-8`,
        "cache-control": "no-cache",
        "x-content-type-options": "nosniff",
        ...headers,
      })
      .send(body);
  app.get("/", async (_request, reply) =>
    asset(reply, "text/html", webChatPage.html, {
      "content-security-policy": PAGE_CSP,
      "referrer-policy": "no-referrer",
    }),
  );
  app.get("/webchat/app.js", async (_request, reply) => asset(reply, "text/javascript", webChatPage.script));
  app.get("/webchat/app.css", async (_request, reply) => asset(reply, "text/css", webChatPage.style));
}

/** Text starting with "/" is a command, as on Telegram; a "command" post must be one. */
function toContent(body: z.infer<typeof postBody>): InboundContent | undefined {
  if (body.type === "choice") return body.value ? { kind: "choice", value: body.value } : undefined;
  const text = normalizeInput(body.text ?? "");
  if (!text) return undefined;
  const command = /^\/([A-Za-z0-9_]{1,32})(?:@\w+)?(?:\s+([\s\S]*))?$/.exec(text);
  if (command) return { kind: "command", command: command[1]!.toLowerCase(), args: command[2] ?? "" };
  return body.type === "command" ? undefined : { kind: "text", text };
}

/** What the person sees as their own bubble after a reload; page-made commands stay hidden. */
function userBubble(
  type: "text" | "choice" | "command",
  text: string | undefined,
): OutboundMessage | undefined {
  const shown = normalizeInput(text ?? "");
  if (type === "command" || !shown) return undefined;
  return { kind: "text", text: shown };
}

function statusOf(error: unknown): number {
  const status = typeof error === "object" && error && "statusCode" in error ? error.statusCode : undefined;
  return typeof status === "number" && status >= 400 && status < 600 ? status : 500;
}
