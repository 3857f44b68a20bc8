/**
 * The one record of who blocked the bot: a Redis hash of "<channel>:<chatId>" → when. Every send
 * reads it (through the sender), a "blocked" answer or event writes it, and any message from
 * that chat clears it: a person who writes again is reachable again. One hash field per chat,
 * so the hot path costs one HEXISTS per send and one HDEL per inbound message.
 */
import type { Redis } from "ioredis";
import type { ChannelName } from "../messages.js";

export interface ChatRef {
  channel: ChannelName;
  chatId: string;
}

export interface Reachability {
  isBlocked(chat: ChatRef): Promise<boolean>;
  /** The chats of `chats` known to have blocked the bot, as "<channel>:<chatId>". */
  blockedAmong(chats: ChatRef[]): Promise<Set<string>>;
  markBlocked(chat: ChatRef): Promise<void>;
  clear(chat: ChatRef): Promise<void>;
}

export const chatKeyOf = (chat: ChatRef) => `${chat.channel}:${chat.chatId}`;

/** The hash; the pipeline's first script clears a chat's field in it too (inbound-gate.ts). */
export const blockedKey = (prefix: string) => `${prefix}blocked`;

export function createReachability(redis: Redis, prefix: string): Reachability {
  const hash = blockedKey(prefix);
  return {
    isBlocked: async (chat) => (await redis.hexists(hash, chatKeyOf(chat))) === 1,
    async blockedAmong(chats) {
      if (chats.length === 0) return new Set();
      const keys = chats.map(chatKeyOf);
      const values = await redis.hmget(hash, ...keys);
      return new Set(keys.filter((_, index) => values[index] !== null));
    },
    async markBlocked(chat) {
      await redis.hset(hash, chatKeyOf(chat), new Date().toISOString());
    },
    async clear(chat) {
      await redis.hdel(hash, chatKeyOf(chat));
    },
  };
}
