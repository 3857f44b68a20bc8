/**
 * When a person's window opens again, what they sent too fast is handled, in the order sent.
 * A timer per sender in this instance; the list itself is in Redis (held-messages.ts), taken
 * whole by one taker, so two instances never handle a message twice. When the window is full
 * again part way, the rest go back to the head of the list, ahead of anything sent since.
 */
import type { HeldMessages, Sender } from "./held-messages.js";
import type { Logger } from "./logger.js";
import type { InboundMessage } from "./messages.js";
import type { InboundOutcome } from "./pipeline.js";

// Past the window's end by a little, so the counter has surely expired when the timer fires.
const MARGIN_MS = 50;

export interface ReleaseDeps {
  held: HeldMessages;
  logger: Logger;
  /** Milliseconds until the sender's window opens (Redis PTTL: negative when already open). */
  windowLeftMs(sender: Sender): Promise<number>;
  handleAgain(message: InboundMessage): Promise<InboundOutcome>;
}

export function createReleases(deps: ReleaseDeps) {
  const timers = new Map<string, NodeJS.Timeout>();
  const nameOf = (sender: Sender) => `${sender.channel}:${sender.userId}`;

  async function release(sender: Sender): Promise<void> {
    timers.delete(nameOf(sender));
    const waiting = await deps.held.takeAll(sender);
    for (const [index, message] of waiting.entries()) {
      // The window is full again (the pipeline set a new timer): this one and the rest wait.
      if ((await deps.handleAgain(message)) === "rate-limited") {
        await deps.held.keepFirst(waiting.slice(index));
        return;
      }
    }
  }

  async function schedule(sender: Sender): Promise<void> {
    const name = nameOf(sender);
    if (timers.has(name)) return;
    const left = Math.max(0, await deps.windowLeftMs(sender));
    if (timers.has(name)) return;
    const timer = setTimeout(() => {
      release(sender).catch((error: unknown) => {
        deps.logger.error({ err: error, channel: sender.channel }, "could not release held messages");
      });
    }, left + MARGIN_MS);
    timer.unref();
    timers.set(name, timer);
  }

  return {
    schedule(sender: Sender): void {
      schedule({ channel: sender.channel, userId: sender.userId }).catch((error: unknown) => {
        deps.logger.warn({ err: error, channel: sender.channel }, "could not schedule held messages");
      });
    },
    async start(): Promise<void> {
      for (const sender of await deps.held.senders()) await schedule(sender);
    },
    stop(): void {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}
