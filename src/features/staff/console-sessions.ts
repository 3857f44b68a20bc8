/**
 * Console sessions in Redis: a random secret in an httpOnly cookie, its SHA-256 as the key.
 * A session ends after 8 idle hours or 7 days whatever happens; each person can list their
 * sessions and end one or all ("sign out everywhere"). Revoking someone's staff role ends
 * their sessions too, because every request checks the directory again.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Redis } from "../../storage/redis.js";

export const IDLE_SECONDS = 8 * 3600;
export const ABSOLUTE_MS = 7 * 86_400_000;
/** The idle clock is pushed back at most once a minute: most requests only read. */
const TOUCH_EVERY_MS = 60_000;

export interface ConsoleSession {
  /** The digest of the secret: names the session in lists, never lets anyone in. */
  id: string;
  actor: string;
  createdAt: number;
  lastSeenAt: number;
  userAgent: string;
  ip: string;
}

export interface ConsoleSessions {
  create(
    actor: string,
    seen: { userAgent: string; ip: string },
  ): Promise<{ secret: string; session: ConsoleSession }>;
  read(secret: string | undefined): Promise<ConsoleSession | undefined>;
  list(actor: string): Promise<ConsoleSession[]>;
  end(actor: string, id: string): Promise<boolean>;
  endAll(actor: string): Promise<number>;
}

const digest = (secret: string) => createHash("sha256").update(secret).digest("hex");

export function createConsoleSessions(redis: Redis, prefix: string): ConsoleSessions {
  const sessionKey = (id: string) => `${prefix}console:session:${id}`;
  const indexKey = (actor: string) => `${prefix}console:sessions:${actor}`;

  async function load(id: string): Promise<ConsoleSession | undefined> {
    const raw = await redis.hgetall(sessionKey(id));
    if (!raw.actor) return undefined;
    const session: ConsoleSession = {
      id,
      actor: raw.actor,
      createdAt: Number(raw.createdAt),
      lastSeenAt: Number(raw.lastSeenAt),
      userAgent: raw.userAgent ?? "",
      ip: raw.ip ?? "",
    };
    if (Date.now() - session.createdAt > ABSOLUTE_MS) {
      await redis.multi().del(sessionKey(id)).zrem(indexKey(session.actor), id).exec();
      return undefined;
    }
    return session;
  }

  return {
    async create(actor, seen) {
      const secret = randomBytes(32).toString("base64url");
      const id = digest(secret);
      const now = Date.now();
      const session = {
        id,
        actor,
        createdAt: now,
        lastSeenAt: now,
        userAgent: seen.userAgent.slice(0, 200),
        ip: seen.ip,
      };
      await redis
        .multi()
        .hset(sessionKey(id), {
          actor,
          createdAt: now,
          lastSeenAt: now,
          userAgent: session.userAgent,
          ip: seen.ip,
        })
        .expire(sessionKey(id), IDLE_SECONDS)
        .zadd(indexKey(actor), now, id)
        .expire(indexKey(actor), ABSOLUTE_MS / 1000)
        .exec();
      return { secret, session };
    },
    async read(secret) {
      if (!secret || !/^[A-Za-z0-9_-]{43}$/.test(secret)) return undefined;
      const session = await load(digest(secret));
      if (session && Date.now() - session.lastSeenAt > TOUCH_EVERY_MS) {
        session.lastSeenAt = Date.now();
        await redis
          .multi()
          .hset(sessionKey(session.id), "lastSeenAt", session.lastSeenAt)
          .expire(sessionKey(session.id), IDLE_SECONDS)
          .exec();
      }
      return session;
    },
    async list(actor) {
      const ids = await redis.zrevrange(indexKey(actor), 0, -1);
      const sessions: ConsoleSession[] = [];
      for (const id of ids) {
        const session = await load(id);
        // Expired while idle: its key is gone, tidy the index.
        if (session) sessions.push(session);
        else await redis.zrem(indexKey(actor), id);
      }
      return sessions;
    },
    async end(actor, id) {
      // Only one's own: an id from another person's list is refused, not ended.
      const session = await load(id);
      if (session?.actor !== actor) return false;
      await redis.multi().zrem(indexKey(actor), id).del(sessionKey(id)).exec();
      return true;
    },
    async endAll(actor) {
      const ids = await redis.zrange(indexKey(actor), "0", "-1");
      const tx = redis.multi().del(indexKey(actor));
      for (const id of ids) tx.del(sessionKey(id));
      await tx.exec();
      return ids.length;
    },
  };
}
