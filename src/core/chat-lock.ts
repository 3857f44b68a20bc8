/**
 * One update of a chat at a time, across every instance: Telegram queues button presses apart
 * from messages, so two updates of one chat can arrive together (docs/platforms/telegram.md §3).
 * The lock expires by itself, so a crashed instance cannot hold a chat forever.
 */
import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";

const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

export interface ChatLockOptions {
  holdMs: number;
  waitMs: number;
}

export async function withChatLock<T>(
  redis: Redis,
  key: string,
  task: () => Promise<T>,
  options: ChatLockOptions = { holdMs: 30_000, waitMs: 15_000 },
): Promise<T> {
  const token = randomUUID();
  const deadline = Date.now() + options.waitMs;
  let delay = 5;
  while ((await redis.set(key, token, "PX", options.holdMs, "NX")) !== "OK") {
    if (Date.now() > deadline) throw new Error(`chat lock ${key} not acquired in ${options.waitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, 100);
  }
  try {
    return await task();
  } finally {
    await redis.eval(RELEASE, 1, key, token);
  }
}
