/**
 * The web chat's outbox: one Redis Stream per chat holds what the page shows (the bot's messages
 * and the person's own, so a reload restores the whole conversation), read by cursor. Bytes
 * media live in their own expiring keys and the stored message points at a URL instead, so a
 * stream entry stays small JSON. Waiting pages are woken through one pub/sub connection rather
 * than a blocked connection each.
 */
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { Logger } from "../../core/logger.js";
import type { OutboundMessage } from "../../core/messages.js";
import type { Redis } from "../../storage/redis.js";

const TTL_SECONDS = 7 * 24 * 3600;
const MAX_ENTRIES = 200;
const READ_BATCH = 100;
/** A waiter re-reads at least this often, so a missed notification (reconnect) costs seconds. */
const RECHECK_MS = 5000;

export type OutboxAuthor = "bot" | "user";

export interface OutboxEntry {
  /** The stream id: the cursor the page passes back as `after`. */
  id: string;
  from: OutboxAuthor;
  /** The page's own id for a message it sent, so it can skip the bubble it already shows. */
  clientId?: string;
  message: OutboundMessage;
}

export interface StoredMedia {
  data: Buffer;
  mimeType: string;
  fileName: string;
}

export type AppendResult =
  | { ok: true; id: string }
  | { ok: false; failure: "unsupported" | "transient"; reason: string };

export interface WebChatOutbox {
  append(
    chatId: string,
    message: OutboundMessage,
    from?: OutboxAuthor,
    clientId?: string,
  ): Promise<AppendResult>;
  /** Entries after the cursor, oldest first; no cursor means from the beginning. */
  read(chatId: string, afterId?: string): Promise<OutboxEntry[]>;
  /** Like read, but waits up to timeoutMs for something new, or until the signal aborts. */
  waitForEntries(
    chatId: string,
    afterId: string | undefined,
    options: { timeoutMs: number; signal: AbortSignal },
  ): Promise<OutboxEntry[]>;
  readMedia(id: string): Promise<StoredMedia | undefined>;
  /** Drops the pub/sub connection; a later wait opens it again. */
  close(): Promise<void>;
}

export function createWebChatOutbox(
  redis: Redis,
  options: { keyPrefix?: string; logger: Logger },
): WebChatOutbox {
  const prefix = `${options.keyPrefix ?? ""}webchat:`;
  const streamKey = (chatId: string) => `${prefix}out:${chatId}`;
  const mediaKey = (id: string) => `${prefix}media:${id}`;
  const notifyChannel = `${prefix}notify`;
  const listeners = new Map<string, Set<() => void>>();
  let subscriber: Promise<Redis | undefined> | undefined;

  function subscribe(): Promise<Redis | undefined> {
    subscriber ??= (async () => {
      // The app's client may be lazy and refuse offline commands; this one queues until ready.
      const sub = redis.duplicate({ lazyConnect: true, enableOfflineQueue: true });
      sub.on("error", (err) => options.logger.debug({ err: err.message }, "webchat subscriber error"));
      sub.on("message", (_channel: string, chatId: string) => {
        for (const wake of listeners.get(chatId) ?? []) wake();
      });
      try {
        await sub.connect();
        await sub.subscribe(notifyChannel);
        return sub;
      } catch (error) {
        options.logger.warn({ err: String(error) }, "webchat: no pub/sub, pages fall back to re-reading");
        sub.disconnect();
        subscriber = undefined;
        return undefined;
      }
    })();
    return subscriber;
  }

  /** Registers before the read that precedes waiting, so a write in between is not missed. */
  function listen(chatId: string): { woken: Promise<void>; cancel: () => void } {
    let wake = () => {};
    const woken = new Promise<void>((resolve) => {
      wake = resolve;
    });
    const set = listeners.get(chatId) ?? new Set();
    set.add(wake);
    listeners.set(chatId, set);
    const cancel = () => {
      set.delete(wake);
      if (set.size === 0) listeners.delete(chatId);
    };
    return { woken, cancel };
  }

  async function storeMedia(message: OutboundMessage): Promise<OutboundMessage | { unsupported: string }> {
    if (message.kind !== "media") return message;
    const { source } = message;
    if (source.kind === "url") return message;
    if (source.kind === "platform-file") {
      const { url } = source.file;
      if (!url) return { unsupported: notShowable(message) ?? "no URL" };
      return { ...message, source: { kind: "url", url } };
    }
    const id = randomUUID();
    const { data, mimeType, fileName } = source;
    await redis
      .multi()
      .hset(mediaKey(id), { data: data.toString("base64"), mimeType, fileName })
      .expire(mediaKey(id), TTL_SECONDS)
      .exec();
    return { ...message, source: { kind: "url", url: `/webchat/media/${id}` } };
  }

  async function read(chatId: string, afterId?: string): Promise<OutboxEntry[]> {
    const start = afterId && afterId !== "0" ? `(${afterId}` : "-";
    const rows = await redis.xrange(streamKey(chatId), start, "+", "COUNT", READ_BATCH);
    return rows.flatMap(([id, fields]) => {
      const entry = parseEntry(id, fields);
      return entry ? [entry] : [];
    });
  }

  return {
    async append(chatId, message, from = "bot", clientId) {
      try {
        const stored = await storeMedia(message);
        if ("unsupported" in stored) return { ok: false, failure: "unsupported", reason: stored.unsupported };
        const fields = ["from", from, "message", JSON.stringify(stored)];
        if (clientId) fields.push("clientId", clientId);
        const key = streamKey(chatId);
        const results = await redis
          .multi()
          .xadd(key, "MAXLEN", "~", MAX_ENTRIES, "*", ...fields)
          .expire(key, TTL_SECONDS)
          .publish(notifyChannel, chatId)
          .exec();
        const [error, id] = results?.[0] ?? [new Error("transaction discarded"), null];
        if (error || typeof id !== "string") {
          return { ok: false, failure: "transient", reason: String(error ?? "no stream id") };
        }
        return { ok: true, id };
      } catch (error) {
        return { ok: false, failure: "transient", reason: String(error) };
      }
    },

    read,

    async waitForEntries(chatId, afterId, { timeoutMs, signal }) {
      const deadline = Date.now() + timeoutMs;
      await subscribe();
      for (;;) {
        const { woken, cancel } = listen(chatId);
        // Ends this round's timer when woken early, so no timers pile up per round.
        const round = new AbortController();
        try {
          const entries = await read(chatId, afterId);
          const left = deadline - Date.now();
          if (entries.length > 0 || signal.aborted || left <= 0) return entries;
          const timer = sleep(Math.min(left, RECHECK_MS), undefined, {
            signal: AbortSignal.any([signal, round.signal]),
          });
          await Promise.race([woken, timer.catch(() => {})]);
        } finally {
          round.abort();
          cancel();
        }
      }
    },

    async readMedia(id) {
      const stored = await redis.hgetall(mediaKey(id));
      if (!stored.data || !stored.mimeType) return undefined;
      return {
        data: Buffer.from(stored.data, "base64"),
        mimeType: stored.mimeType,
        fileName: stored.fileName ?? id,
      };
    },

    async close() {
      const sub = await subscriber;
      subscriber = undefined;
      await sub?.quit().catch(() => sub.disconnect());
    },
  };
}

/** Why the page could not show this message, or undefined when it can. */
export function notShowable(message: OutboundMessage): string | undefined {
  if (message.kind !== "media" || message.source.kind !== "platform-file") return undefined;
  const { file } = message.source;
  // Another platform's file id means nothing to a browser; only a URL can be shown.
  return file.url ? undefined : `a ${file.channel} file without a URL`;
}

/** Entries are written only by append above; anything else in the stream is skipped. */
function parseEntry(id: string, fields: string[]): OutboxEntry | undefined {
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < fields.length; i += 2) map.set(fields[i]!, fields[i + 1]!);
  const raw = map.get("message");
  if (!raw) return undefined;
  try {
    const message = JSON.parse(raw) as OutboundMessage;
    const from: OutboxAuthor = map.get("from") === "user" ? "user" : "bot";
    const clientId = map.get("clientId");
    return clientId ? { id, from, clientId, message } : { id, from, message };
  } catch {
    return undefined;
  }
}
