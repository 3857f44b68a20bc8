/**
 * Conversation state of one chat, in Redis with a TTL: a person can leave a form half done
 * and come back days later, even after the bot restarted.
 */
import type { Redis } from "ioredis";
import type { DialogState } from "./dialog/form.js";
import type { Locale } from "./i18n.js";
import type { ChoiceOption } from "./messages.js";

export interface Session {
  locale?: Locale;
  dialog?: DialogState;
  /** The last menu offered outside a form, so a typed "2" or label picks from it. */
  menu?: ChoiceOption[];
}

const TTL_SECONDS = 14 * 24 * 60 * 60;

export interface SessionStore {
  load(chatKey: string): Promise<Session>;
  save(chatKey: string, session: Session): Promise<void>;
}

export function createRedisSessionStore(redis: Redis, prefix: string): SessionStore {
  return {
    async load(chatKey) {
      const raw = await redis.get(`${prefix}session:${chatKey}`);
      return raw ? (JSON.parse(raw) as Session) : {};
    },
    async save(chatKey, session) {
      await redis.set(`${prefix}session:${chatKey}`, JSON.stringify(session), "EX", TTL_SECONDS);
    },
  };
}
