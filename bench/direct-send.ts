/**
 * The baseline sender: the same sends from a plain loop, no queue and no database, paced to the
 * allowed rate with the same fixed window as the queue's limiter, and pausing everything on a 429 as
 * the queue does. What is left between this and the queue is the queue's own cost.
 */
import { setTimeout as delay } from "node:timers/promises";
import type { SendOutcome } from "../src/core/messages.js";

export async function directSend(
  targets: Array<{ chatId: string }>,
  send: (chatId: string) => Promise<SendOutcome>,
  options: { perSecond: number; windowMs: number; inFlight: number },
): Promise<void> {
  const perWindow = Math.round((options.perSecond * options.windowMs) / 1000);
  let next = 0;
  let windowStart = Date.now();
  let inWindow = 0;
  let pausedUntil = 0;

  async function slot(): Promise<void> {
    for (;;) {
      const now = Date.now();
      if (now < pausedUntil) {
        await delay(pausedUntil - now);
        continue;
      }
      if (now - windowStart >= options.windowMs) {
        windowStart = now;
        inWindow = 0;
      }
      if (inWindow < perWindow) {
        inWindow++;
        return;
      }
      await delay(windowStart + options.windowMs - now);
    }
  }

  async function worker(): Promise<void> {
    while (next < targets.length) {
      const target = targets[next++]!;
      for (;;) {
        await slot();
        const outcome = await send(target.chatId);
        if (outcome.kind !== "throttled") break;
        pausedUntil = Math.max(pausedUntil, Date.now() + outcome.retryAfterSeconds * 1000);
      }
    }
  }

  await Promise.all(Array.from({ length: options.inFlight }, worker));
}
