/**
 * One delivery job: claim the record, send once, record how it ended. The record's status is
 * what makes a re-run safe: "sent" ends the job at once; "sending" means another run is (or
 * was) in the middle of it, so the job waits for that run's lease and, if it never reported,
 * marks the delivery "uncertain" rather than risk a second copy.
 */
import { DelayedError, type Job, Worker } from "bullmq";
import { isOutsideWindow } from "../channels/zalo-oa/reach.js";
import type { Logger } from "../core/logger.js";
import type { ChannelName, OutboundMessage, SendOutcome } from "../core/messages.js";
import type { Delivery, FinalStatus, StatusCounts } from "./delivery-model.js";
import { DELIVERY_ATTEMPTS } from "./delivery-queue.js";
import type { DeliveryStore } from "./delivery-store.js";
import type { GroupPacing } from "./group-pacing.js";
import type { SettleTracker } from "./settle-tracker.js";

export type Send = (channel: ChannelName, chatId: string, message: OutboundMessage) => Promise<SendOutcome>;

export interface DeliveryHooks {
  /** The message for this target, in its channel and language; undefined when there is nothing to send. */
  compose(delivery: Delivery): Promise<OutboundMessage | undefined>;
  /** The target blocked the bot or removed it from the group. */
  blocked?(delivery: Delivery): Promise<void>;
  /** A Telegram group became a supergroup: move the group's link to the new chat id. */
  migrated?(delivery: Delivery, newChatId: string): Promise<void>;
  /** Every delivery of the clip has settled (called once per clip and round, best effort). */
  finished?(clipId: string, counts: StatusCounts): Promise<void>;
}

export interface DeliverContext {
  store: DeliveryStore;
  send: Send;
  hooks: DeliveryHooks;
  pacing: GroupPacing;
  tracker: SettleTracker;
  pause(channel: ChannelName, ms: number): Promise<void>;
  leaseMs: number;
  logger: Logger;
}

export interface DeliveryJobData {
  deliveryId: string;
  pace?: string;
}

export async function deliver(job: Job<DeliveryJobData>, token: string | undefined, ctx: DeliverContext) {
  const { deliveryId, pace } = job.data;
  const later = async (at: number): Promise<never> => {
    await job.moveToDelayed(at, token);
    throw new DelayedError();
  };
  if (pace) {
    const waitMs = await ctx.pacing.reserve(pace);
    if (waitMs > 0) return later(Date.now() + waitMs);
  }
  const delivery = await ctx.store.claim(deliveryId, new Date(Date.now() + ctx.leaseMs));
  if (!delivery) return notClaimed(deliveryId, ctx, later);

  let message: OutboundMessage | undefined;
  try {
    message = await ctx.hooks.compose(delivery);
  } catch (error) {
    // Nothing was sent: let the job retry like any passing failure.
    await ctx.store.release(deliveryId);
    throw error;
  }
  if (!message) return settle(ctx, delivery, "failed", { reason: "nothing to send" });

  let outcome: SendOutcome;
  try {
    outcome = await ctx.send(delivery.channel, delivery.chatId, message);
    if (outcome.kind === "migrated") {
      const newChatId = outcome.newChatId;
      await ctx.hooks.migrated?.(delivery, newChatId);
      await ctx.store.retarget(deliveryId, newChatId);
      delivery.chatId = newChatId;
      outcome = await ctx.send(delivery.channel, newChatId, message);
    }
  } catch (error) {
    // A send that threw may or may not have reached the platform: never repeat it blindly.
    ctx.logger.error({ err: error, deliveryId }, "send threw; delivery marked uncertain");
    return settle(ctx, delivery, "uncertain", { reason: "send failed unexpectedly" });
  }

  switch (outcome.kind) {
    case "sent":
      return settle(ctx, delivery, "sent", { messageIds: outcome.messageIds });
    case "blocked":
      return settle(ctx, delivery, "blocked", { reason: outcome.reason });
    case "throttled":
      // Not sent: back to the queue, and every worker of this platform waits as told.
      await ctx.store.release(deliveryId);
      await ctx.pause(delivery.channel, Math.max(1, outcome.retryAfterSeconds) * 1000);
      throw Worker.RateLimitError();
    case "transient": {
      // A 5xx or a dropped connection: retried with backoff. A connection that dropped after the
      // platform accepted the message looks the same; that rare second copy beats a lost lesson.
      const attempts = job.opts.attempts ?? DELIVERY_ATTEMPTS;
      if (job.attemptsMade + 1 >= attempts)
        return settle(ctx, delivery, "failed", { reason: outcome.reason });
      await ctx.store.release(deliveryId);
      throw new Error(`transient: ${outcome.reason}`);
    }
    case "migrated":
      return settle(ctx, delivery, "failed", { reason: "migrated twice" });
    case "rejected":
      if (isOutsideWindow(outcome))
        return settle(ctx, delivery, "outside-window", { reason: outcome.reason });
      return settle(ctx, delivery, "failed", { reason: outcome.reason });
    case "unsupported":
      return settle(ctx, delivery, "failed", { reason: outcome.reason });
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

/** Hooks run after the record is final; their failures are logged, the delivery stays settled. */
export async function afterSettle(ctx: DeliverContext, delivery: Delivery, status: FinalStatus) {
  try {
    if (status === "blocked") await ctx.hooks.blocked?.(delivery);
    if (!(await ctx.tracker.settled(delivery.clipId))) return;
    const counts = await ctx.store.count(delivery.clipId);
    if (counts.queued + counts.sending === 0) await ctx.hooks.finished?.(delivery.clipId, counts);
  } catch (error) {
    ctx.logger.error({ err: error, deliveryId: delivery.id }, "after-delivery hook failed");
  }
}
