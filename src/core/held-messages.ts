/**
 * Messages that came faster than a person's allowance (rate-limit.ts): kept in Redis, in order,
 * and handed back when the window opens, so nothing a parent typed is lost because they typed
 * quickly (docs/architecture.md#rate-limit). A list per sender, bounded and expiring: a flood
 * cannot grow it without end, and a sender who never writes again does not keep it forever.
 */
import type { Redis } from "ioredis";
import type { ChannelName, InboundMessage } from "./messages.js";

/** At most this many held per sender; older ones beyond it are dropped (a flood, not a parent). */
export const HELD_MAX = 20;
const HELD_KEEP_SECONDS = 3600;

export interface Sender {
  channel: ChannelName;
  userId: string;
}

export interface HeldMessages {
  /** Keeps `message` at the end of its sender's list. */
  keep(message: InboundMessage): Promise<void>;
  /** Keeps these, in this order, ahead of anything held since (a release that stopped part way). */
  keepFirst(messages: InboundMessage[]): Promise<void>;
  /** Takes the sender's whole list, oldest first; each message is taken by one caller only. */
  takeAll(sender: Sender): Promise<InboundMessage[]>;
  /** Senders with something held: a new instance releases what a stopped one was holding. */
  senders(): Promise<Sender[]>;
}

/** A sender's held messages, the same wherever they write; erasure deletes it by this name too. */
export const heldKey = (prefix: string, sender: Sender) => `${prefix}held:${sender.channel}:${sender.userId}`;

export function createHeldMessages(redis: Redis, prefix: string): HeldMessages {
  const keyOf = (sender: Sender) => heldKey(prefix, sender);

  return {
    async keep(message) {
      const key = keyOf(message);
      await redis
        .multi()
        .rpush(key, JSON.stringify(message))
        .ltrim(key, -HELD_MAX, -1)
        .expire(key, HELD_KEEP_SECONDS)
        .exec();
    },
    async keepFirst(messages) {
      const first = messages[0];
      if (!first) return;
      const key = keyOf(first);
      // LPUSH puts each at the head: pushed newest first, they end up in their order.
      const newestFirst = messages.map((m) => JSON.stringify(m)).reverse();
      await redis
        .multi()
        .lpush(key, ...newestFirst)
        .ltrim(key, 0, HELD_MAX - 1)
        .expire(key, HELD_KEEP_SECONDS)
        .exec();
    },
    async takeAll(sender) {
      const key = keyOf(sender);
      const result = await redis.multi().lrange(key, 0, -1).del(key).exec();
      const rows = (result?.[0]?.[1] as string[] | undefined) ?? [];
      return rows.map(revive);
    },
    async senders() {
      const found: Sender[] = [];
      const start = `${prefix}held:`;
      let cursor = "0";
      do {
        const [next, keys] = await redis.scan(cursor, "MATCH", `${start}*`, "COUNT", 500);
        cursor = next;
        for (const key of keys) {
          const [channel, ...rest] = key.slice(start.length).split(":");
          if (channel && rest.length > 0)
            found.push({ channel: channel as ChannelName, userId: rest.join(":") });
        }
      } while (cursor !== "0");
      return found;
    },
  };
}

function revive(row: string): InboundMessage {
  const message = JSON.parse(row) as InboundMessage & { receivedAt: string };
  return { ...message, receivedAt: new Date(message.receivedAt) };
}
