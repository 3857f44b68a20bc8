/**
 * Which ticket, if any, the person's free text joins: one Redis key per person, set when a
 * staff member takes the ticket and removed when it closes. Every message no form or feature
 * understood asks this (one GET), so it must stay out of MongoDB.
 */
import type { ChannelName } from "../../core/messages.js";
import type { Redis } from "../../storage/redis.js";

/** Long enough for any conversation with staff; a ticket left open longer stops catching text. */
const HANDOFF_SECONDS = 30 * 86_400;

// Deletes the key only while it still names this ticket: a newer ticket of the person keeps its own.
const DELETE_IF = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

export interface Handoff {
  ticketOf(channel: ChannelName, userId: string): Promise<string | undefined>;
  start(channel: ChannelName, userId: string, code: string): Promise<void>;
  end(channel: ChannelName, userId: string, code: string): Promise<void>;
  forget(channel: ChannelName, userId: string): Promise<number>;
}

export function createHandoff(redis: Redis, prefix: string): Handoff {
  const keyOf = (channel: ChannelName, userId: string) => `${prefix}support:handoff:${channel}:${userId}`;
  return {
    async ticketOf(channel, userId) {
      return (await redis.get(keyOf(channel, userId))) ?? undefined;
    },
    async start(channel, userId, code) {
      await redis.set(keyOf(channel, userId), code, "EX", HANDOFF_SECONDS);
    },
    async end(channel, userId, code) {
      await redis.eval(DELETE_IF, 1, keyOf(channel, userId), code);
    },
    forget: (channel, userId) => redis.del(keyOf(channel, userId)),
  };
}
