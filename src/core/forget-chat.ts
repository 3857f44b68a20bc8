/**
 * What the core keeps in Redis about one chat, erased for "Xoá hết" (docs/architecture.md#redis):
 * the session (language, last menu, the form in progress with its answers), the person's
 * rate-limit counter, whose key holds their id, and what they sent too fast (held-messages.ts). The chat lock is released by the pipeline when
 * the turn ends; the block record is the reachability's (cleared by its own `clear`); dedupe and
 * completion claims are keyed by update and form-instance ids, which name nobody.
 */
import type { Redis } from "ioredis";
import { heldKey } from "./held-messages.js";
import type { ChannelName } from "./messages.js";
import { senderRateKey } from "./rate-limit.js";
import { sessionKey } from "./session-store.js";

export async function forgetChat(
  redis: Redis,
  prefix: string,
  chat: { channel: ChannelName; chatId: string; userId: string },
): Promise<number> {
  return redis.del(
    sessionKey(prefix, `${chat.channel}:${chat.chatId}`),
    senderRateKey(prefix, chat.channel, chat.userId),
    heldKey(prefix, chat),
  );
}
