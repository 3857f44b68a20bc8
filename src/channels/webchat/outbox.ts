/**
 * The web chat's outbox: one Redis Stream per chat holds what the page shows (the bot's messages
 * and the person's own, so a reload restores the whole conversation), read by cursor. Bytes
 * media live in their own expiring keys and the stored message points at a URL instead, so a
 * stream entry stays small JSON. Waiting pages are woken through one pub/sub connection rather
 * than a blocked connection each.
 *
 * Nothing is written for a chat without a live session (sessions.ts), and what is written
 * expires with the session: a broadcast to a person who left, or a reply after forget(), can
 * neither keep an old history alive nor start a new one nobody can read.
 */
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { Logger } from "../../core/logger.js";
import type { OutboundMessage } from "../../core/messages.js";
import type { Redis } from "../../storage/redis.js";
import { webChatKeys } from "./keys.js";

/** Bytes media live at most this long, and never past the session. */
const MEDIA_TTL_MS = 7 * 24 * 3600 * 1000;
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
  /** The language a bot message is written in: the page's language button follows it. */
  language?: string;
  message: OutboundMessage;
}

export interface StoredMedia {
  data: Buffer;
  mimeType: string;
  fileName: string;
}

export type AppendResult =
  | { ok: true; id: string }
  | { ok: false; failure: "unsupported" | "transient" | "rejected"; reason: string };

/** Why append wrote nothing: the session ended (idle) or was forgotten. */
export const NO_SESSION = "no web chat session for this chat (ended or erased)";

// The stream takes the session's remaining time: it can never outlive it.
const APPEND = `
local ttl = redis.call("pttl", KEYS[1])
if ttl < 0 then return false end
local id = redis.call("xadd", KEYS[2], "MAXLEN", "~", ARGV[1], "*", unpack(ARGV, 4))
redis.call("pexpire", KEYS[2], ttl)
redis.call("publish", ARGV[2], ARGV[3])
return id`;

const STORE_MEDIA = `
local ttl = redis.call("pttl", KEYS[1])
if ttl < 0 then return 0 end
redis.call("hset", KEYS[2], "data", ARGV[1], "mimeType", ARGV[2], "fileName", ARGV[3])
redis.call("pexpire", KEYS[2], math.min(ttl, tonumber(ARGV[4])))
redis.call("sadd", KEYS[3], ARGV[5])
redis.call("pexpire", KEYS[3], ttl)
return 1`;

export interface WebChatOutbox {
  append(
    chatId: string,
    message: OutboundMessage,
    from?: OutboxAuthor,
    clientId?: string,
    language?: string,
  ): Promise<AppendResult>;
  /** Entries after the cursor, oldest first; no cursor means from the beginning. */
  read(chatId: string, afterId?: string): Promise<OutboxEntry[]>;
  /** Like read, but waits up to timeoutMs for something new, or until the signal aborts. */
  waitForEntries(
    chatId: string,
    afterId: string | undefined,
    options: { timeoutMs: number; signal: AbortSignal },
  ): Promise<OutboxEntry[]>;
  /** A media file of this chat; another chat's id finds nothing. */
  readMedia(chatId: string, id: string): Promise<StoredMedia | undefined>;
  /** Deletes the chat's history and media; returns how many keys went. */
  forget(chatId: string): Promise<number>;
  /** Drops the pub/sub connection; a later wait opens it again. */
  close(): Promise<void>;
}

export function createWebChatOutbox(
  redis: Redis,
  options: { keyPrefix?: string; logger: Logger },
): WebChatOutbox {
  const keys = webChatKeys(options.keyPrefix);
  const streamKey = keys.outbox;
  const notifyChannel = keys.notify;
  const listeners = new Map<string, Set<() => void>>();
  let subscriber: Promise<Redis | undefined> | undefined;

  function subscribe(): Promise<Redis | undefined> {
    subscriber ??= (async () => {
      // The app's client may be lazy and refuse offline commands; this one queues until ready.
      const sub = redis.duplicate({
        lazyConnect: true,
        enableOfflineQueue: true,
        enableAutoPipelining: false,
      });
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

  async function storeMedia(
    chatId: string,
    message: OutboundMessage,
  ): Promise<OutboundMessage | { unsupported: string } | { gone: true }> {
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
    const stored = await redis.eval(
      STORE_MEDIA,
      3,
      keys.session(chatId),
      keys.media(chatId, id),
      keys.mediaOf(chatId),
      data.toString("base64"),
      mimeType,
      fileName,
      MEDIA_TTL_MS,
      id,
    );
    if (stored !== 1) return { gone: true };
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
    async append(chatId, message, from = "bot", clientId, language) {
      try {
        const stored = await storeMedia(chatId, message);
        if ("unsupported" in stored) return { ok: false, failure: "unsupported", reason: stored.unsupported };
        if ("gone" in stored) return { ok: false, failure: "rejected", reason: NO_SESSION };
        const fields = ["from", from, "message", JSON.stringify(stored)];
        if (clientId) fields.push("clientId", clientId);
        if (language) fields.push("language", language);
        const id = await redis.eval(
          APPEND,
          2,
          keys.session(chatId),
          streamKey(chatId),
          MAX_ENTRIES,
          notifyChannel,
          chatId,
          ...fields,
        );
        if (id === null) return { ok: false, failure: "rejected", reason: NO_SESSION };
        if (typeof id !== "string") return { ok: false, failure: "transient", reason: "no stream id" };
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

    async readMedia(chatId, id) {
      const stored = await redis.hgetall(keys.media(chatId, id));
      if (!stored.data || !stored.mimeType) return undefined;
      return {
        data: Buffer.from(stored.data, "base64"),
        mimeType: stored.mimeType,
        fileName: stored.fileName ?? id,
      };
    },

    async forget(chatId) {
      const ids = await redis.smembers(keys.mediaOf(chatId));
      return redis.del(streamKey(chatId), keys.mediaOf(chatId), ...ids.map((id) => keys.media(chatId, id)));
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
    const language = map.get("language");
    return {
      id,
      from,
      message,
      ...(clientId ? { clientId } : {}),
      ...(language ? { language } : {}),
    };
  } catch {
    return undefined;
  }
}
