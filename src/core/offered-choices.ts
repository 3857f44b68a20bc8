/**
 * Choices sent outside a turn (a notification with a button: "Đã nhận") to a chat whose channel
 * shows them as numbered lines (Zalo): the chat's session learns them as its current menu, so a
 * typed "1" means that button and not the first line of an older menu. Written under the chat's
 * lock, the same one a turn holds, so it cannot cross a turn saving the session.
 */
import type { Redis } from "ioredis";
import { withLock } from "./lock.js";
import type { ChoiceOption } from "./messages.js";
import type { Recipient } from "./notifier.js";
import { createRedisSessionStore } from "./session-store.js";

export type RememberOffered = (to: Recipient, options: ChoiceOption[]) => Promise<void>;

export function createOfferedMemory(redis: Redis, prefix: string): RememberOffered {
  const sessions = createRedisSessionStore(redis, prefix);
  return async (to, options) => {
    const chatKey = `${to.channel}:${to.chatId}`;
    await withLock(redis, `${prefix}lock:${chatKey}`, async () => {
      const session = await sessions.load(chatKey);
      session.menu = options.map(({ value, label }) => ({ value, label }));
      await sessions.save(chatKey, session);
    });
  };
}
