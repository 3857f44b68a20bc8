/**
 * One delivery job: claim the record, send once, record how it ended. The record's status is
 * what makes a re-run safe: "sent" ends the job at once; "sending" means another run is (or
 * was) in the middle of it, so the job waits for that run's lease and, if it never reported,
 * marks the delivery "uncertain" rather than risk a second copy. Parts of a message that went
 * out before a failure are recorded, and the next try sends only the rest.
 */
import { DelayedError, type Job, Worker } from "bullmq";
import type { Logger } from "../core/logger.js";
import type { ChannelName, OutboundMessage, SendOptions, SendOutcome } from "../core/messages.js";
import type { Recipient } from "../core/notifier.js";
import type { Delivery, FinalStatus, StatusCounts } from "./delivery-model.js";
import { DELIVERY_ATTEMPTS } from "./delivery-queue.js";
import type { DeliveryStore } from "./delivery-store.js";
import type { GroupPacing } from "./group-pacing.js";
import type { SettleTracker } from "./settle-tracker.js";

/** The app's sender (src/core/sending/sender.ts): it never throws and knows who blocked the bot. */
export type Send = (to: Recipient, message: OutboundMessage, options?: SendOptions) => Promise<SendOutcome>;

/** What the feature owning a topic tells the engine; every hook but compose is optional. */
export interface DeliveryHooks {
  /** The message for this target, in its channel and language; undefined when there is nothing to send. */
  compose(delivery: Delivery): Promise<OutboundMessage | undefined>;
  /** The target blocked the bot or removed it from the group. */
  blocked?(delivery: Delivery): Promise<void>;
  /** A group moved to a new chat id (a Telegram supergroup): follow it. */
  migrated?(delivery: Delivery, newChatId: string): Promise<void>;
  /** Every delivery of the broadcast has settled (called once per broadcast and round, best effort). */
  finished?(broadcastId: string, counts: StatusCounts): Promise<void>;
}

export interface DeliverContext {
  store: DeliveryStore;
  send: Send;
  hooksOf(topic: string): DeliveryHooks | undefined;
  pacing: GroupPacing;
  /** The channel's least gap between two messages into one group (its Capabilities.groupGapMs). */
  groupGapMs: number;
  tracker: SettleTracker;
  pause(channel: ChannelName, ms: number): Promise<void>;
  leaseMs: number;
  logger: Logger;
}

export interface DeliveryJobData {
  deliveryId: string;
  /** "<channel>:<chatId>" of a group target: messages into one group are spaced. */
  pace?: string;
}

export async function deliver(job: Job<DeliveryJobData>, token: string | undefined, ctx: DeliverContext) {
  const { deliveryId, pace } = job.data;
  const later = async (at: number): Promise<never> => {
    await job.moveToDelayed(at, token);
    throw new DelayedError();
  };
  if (pace && ctx.groupGapMs > 0) {
    const waitMs = await ctx.pacing.reserve(pace, ctx.groupGapMs);
    if (waitMs > 0) return later(Date.now() + waitMs);
  }
  const delivery = await ctx.store.claim(deliveryId, new Date(Date.now() + ctx.leaseMs));
  if (!delivery) return notClaimed(deliveryId, ctx, later);
  const hooks = ctx.hooksOf(delivery.topic);
  if (!hooks) return settle(ctx, delivery, "failed", { reason: `no feature sends topic ${delivery.topic}` });

  let message: OutboundMessage | undefined;
  try {
    message = await hooks.compose(delivery);
  } catch (error) {
    // Nothing was sent: let the job retry like any passing failure.
    await ctx.store.release(deliveryId);
    throw error;
  }
  if (!message) return settle(ctx, delivery, "failed", { reason: "nothing to send" });

  // Parts an earlier try delivered are not sent again.
  const before = delivery.messageIds;
  const to = () => ({ channel: delivery.channel, chatId: delivery.chatId, locale: delivery.locale });
  const options = before.length > 0 ? { skipParts: before.length } : undefined;
  let outcome = await ctx.send(to(), message, options);
  if (outcome.kind === "migrated") {
    await hooks.migrated?.(delivery, outcome.newChatId);
    await ctx.store.retarget(deliveryId, outcome.newChatId);
    delivery.chatId = outcome.newChatId;
    outcome = await ctx.send(to(), message, options);
  }
  const partsSent = [...before, ...(outcome.messageIds ?? [])];

  switch (outcome.kind) {
    case "sent":
      return settle(ctx, delivery, "sent", { messageIds: partsSent });
    case "blocked":
      return settle(ctx, delivery, "blocked", { reason: outcome.reason, messageIds: partsSent });
    case "outside-window":
      return settle(ctx, delivery, "outside-window", { reason: outcome.reason, messageIds: partsSent });
    case "throttled":
      // Not sent: back to the queue, and every worker of this platform waits as told.
      await ctx.store.release(deliveryId, partsSent);
      await ctx.pause(delivery.channel, Math.max(1, outcome.retryAfterSeconds) * 1000);
      throw Worker.RateLimitError();
    case "transient": {
      // A 5xx or a dropped connection: retried with backoff. A connection that dropped after the
      // platform accepted the message looks the same; that rare second copy beats a lost lesson.
      const attempts = job.opts.attempts ?? DELIVERY_ATTEMPTS;
      if (job.attemptsMade + 1 >= attempts)
        return settle(ctx, delivery, "failed", { reason: outcome.reason, messageIds: partsSent });
      await ctx.store.release(deliveryId, partsSent);
      throw new Error(`transient: ${outcome.reason}`);
    }
    case "migrated":
      return settle(ctx, delivery, "failed", { reason: "migrated twice", messageIds: partsSent });
    case "rejected":
    case "unsupported":
      return settle(ctx, delivery, "failed", { reason: outcome.reason, messageIds: partsSent });
  }
}

async function notClaimed(
  deliveryId: string,
  ctx: DeliverContext,
  later: (at: number) => Promise<never>,
): Promise<string> {
  const current = await ctx.store.get(deliveryId);
  if (!current) return "missing";
  if (current.status === "queued") throw new Error("claim raced with a release; retrying");
  if (current.status !== "sending") return `already ${current.status}`;
  const lease = current.leaseUntil?.getTime() ?? 0;
  // Another run holds the lease (a stalled job picked up again): look again when it ends.
  if (lease > Date.now()) return later(lease + 50);
  if (!(await ctx.store.expire(deliveryId, current.leaseUntil ?? new Date(0)))) return "raced";
  ctx.logger.warn({ deliveryId }, "a send was interrupted; delivery marked uncertain");
  await afterSettle(ctx, current, "uncertain");
  return "uncertain";
}

export async function settle(
  ctx: DeliverContext,
  delivery: Delivery,
  status: FinalStatus,
  details: { messageIds?: string[]; reason?: string },
): Promise<string> {
  if (!(await ctx.store.settle(delivery.id, status, details))) return "raced";
  await afterSettle(ctx, delivery, status);
  return status;
}

/** The counter said "maybe the last": the records decide, and the topic hears the final counts. */
export async function reportIfFinished(
  store: DeliveryStore,
  hooks: Pick<DeliveryHooks, "finished"> | undefined,
  broadcastId: string,
): Promise<void> {
  const counts = await store.count(broadcastId);
  if (counts.queued + counts.sending === 0) await hooks?.finished?.(broadcastId, counts);
}

/** Hooks run after the record is final; their failures are logged, the delivery stays settled. */
export async function afterSettle(ctx: DeliverContext, delivery: Delivery, status: FinalStatus) {
  try {
    const hooks = ctx.hooksOf(delivery.topic);
    if (status === "blocked") await hooks?.blocked?.(delivery);
    if (!(await ctx.tracker.settled(delivery.broadcastId))) return;
    await reportIfFinished(ctx.store, hooks, delivery.broadcastId);
  } catch (error) {
    ctx.logger.error({ err: error, deliveryId: delivery.id }, "after-delivery hook failed");
  }
}
