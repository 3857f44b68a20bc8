/**
 * Who may read and write a web chat: the server makes the conversation and hands the browser a
 * secret in an httpOnly cookie; Redis keeps only its SHA-256, under the chat id. A chat id is no
 * credential (it reaches the core as the person's id), the secret is. Sessions end after
 * SESSION_IDLE_SECONDS without a request from the page, and everything the chat keeps in Redis
 * ends with them (docs/architecture.md#web-chat-sessions).
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { checkRate, type RateLimit } from "../../core/rate-limit.js";
import type { Redis } from "../../storage/redis.js";
import { webChatKeys } from "./keys.js";

export const SESSION_IDLE_SECONDS = 30 * 24 * 3600;
/** New conversations per client address; one person needs one, a script wants thousands. */
export const NEW_SESSION_LIMIT: RateLimit = { max: 20, windowSeconds: 600 };
/** A retried post (lost response on a weak connection) within this time is dropped. */
const SEEN_MS = 24 * 3600 * 1000;
const SEEN_KEEP = 500;
/** Long enough for a page on a slow line to come back and read it. */
const FAREWELL_SECONDS = 600;

/** `<chatId>.<secret>`: 16 and 32 random bytes, base64url. */
const TOKEN = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

// Checks the session in the same step, so an id claimed after forget() leaves nothing behind.
const CLAIM = `
if redis.call("exists", KEYS[1]) == 0 then return -1 end
local now = tonumber(ARGV[1])
redis.call("zremrangebyscore", KEYS[2], "-inf", now - tonumber(ARGV[2]))
local added = redis.call("zadd", KEYS[2], "NX", now, ARGV[3])
redis.call("zremrangebyrank", KEYS[2], 0, -tonumber(ARGV[4]) - 1)
redis.call("pexpire", KEYS[2], redis.call("pttl", KEYS[1]))
return added`;

export type ClaimResult = "fresh" | "repeated" | "gone";

export interface WebChatSessions {
  /** A new conversation: its chat id and the cookie value that opens it. Writes one key. */
  create(): Promise<{ chatId: string; token: string }>;
  /** The chat a cookie value opens (renewing the idle time), or undefined for any other value. */
  open(token: string | undefined): Promise<string | undefined>;
  /** Whether this client address may start another conversation now. */
  allowNew(address: string): Promise<boolean>;
  /** Claims the page's id for a message once; "gone" when the session ended meanwhile. */
  claim(chatId: string, messageId: string): Promise<ClaimResult>;
  /**
   * Deletes the session and its seen ids; returns how many keys went. A `farewell` is kept for
   * ten minutes under the secret's digest, for the page's next request (`farewell`).
   */
  end(chatId: string, farewell?: string): Promise<number>;
  /** The farewell left for this cookie value, once; undefined for any other value. */
  farewell(token: string | undefined): Promise<string | undefined>;
}

const digest = (secret: string) => createHash("sha256").update(secret).digest();

/** The chat id and secret a cookie value names, or undefined when it has not their shape. */
function readToken(token: string | undefined): { chatId: string; secret: string } | undefined {
  const match = token ? TOKEN.exec(token) : null;
  return match ? { chatId: match[1]!, secret: match[2]! } : undefined;
}

export function createWebChatSessions(redis: Redis, options: { keyPrefix?: string } = {}): WebChatSessions {
  const keys = webChatKeys(options.keyPrefix);
  const idleMs = SESSION_IDLE_SECONDS * 1000;

  return {
    async create() {
      const chatId = randomBytes(16).toString("base64url");
      const secret = randomBytes(32).toString("base64url");
      const stored = await redis.set(
        keys.session(chatId),
        digest(secret).toString("hex"),
        "EX",
        SESSION_IDLE_SECONDS,
        "NX",
      );
      // 128 random bits do not collide; if they ever did, the other chat must stay closed.
      if (stored !== "OK") throw new Error("web chat id collision");
      return { chatId, token: `${chatId}.${secret}` };
    },

    async open(token) {
      const read = readToken(token);
      if (!read) return undefined;
      const { chatId, secret } = read;
      const stored = await redis.get(keys.session(chatId));
      if (!stored || !/^[0-9a-f]{64}$/.test(stored)) return undefined;
      if (!timingSafeEqual(Buffer.from(stored, "hex"), digest(secret))) return undefined;
      // Sliding: the history lives exactly as long as the session, renewed only by the person.
      await redis
        .multi()
        .pexpire(keys.session(chatId), idleMs)
        .pexpire(keys.outbox(chatId), idleMs)
        .pexpire(keys.seen(chatId), idleMs)
        .pexpire(keys.mediaOf(chatId), idleMs)
        .exec();
      return chatId;
    },

    async allowNew(address) {
      return (await checkRate(redis, keys.newSessions(address), NEW_SESSION_LIMIT)) === "allowed";
    },

    async claim(chatId, messageId) {
      const added = await redis.eval(
        CLAIM,
        2,
        keys.session(chatId),
        keys.seen(chatId),
        Date.now(),
        SEEN_MS,
        messageId,
        SEEN_KEEP,
      );
      return added === -1 ? "gone" : added === 1 ? "fresh" : "repeated";
    },

    async end(chatId, farewell) {
      const stored = farewell ? await redis.get(keys.session(chatId)) : null;
      if (farewell && stored) await redis.set(keys.farewell(stored), farewell, "EX", FAREWELL_SECONDS);
      return redis.del(keys.session(chatId), keys.seen(chatId));
    },

    async farewell(token) {
      const read = readToken(token);
      if (!read) return undefined;
      return (await redis.getdel(keys.farewell(digest(read.secret).toString("hex")))) ?? undefined;
    },
  };
}
