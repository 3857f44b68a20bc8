/**
 * Starts and stops the delivery workers: one BullMQ Worker per channel queue, each with the
 * platform's global limiter (Capabilities.sendRate, shared by every process through Redis).
 * stop() lets jobs in flight finish, so a deploy never leaves a send half-recorded.
 */
import { type Job, Worker } from "bullmq";
import type { Capabilities } from "../core/channel.js";
import type { Logger } from "../core/logger.js";
import type { ChannelName } from "../core/messages.js";
import type { Redis } from "../storage/redis.js";
import {
  afterSettle,
  type DeliverContext,
  type DeliveryHooks,
  type DeliveryJobData,
  deliver,
  type Send,
} from "./deliver.js";
import {
  createDeliveryQueue,
  DELIVERY_ATTEMPTS,
  type DeliveryQueue,
  deliveryQueueName,
} from "./delivery-queue.js";
import type { DeliveryStore } from "./delivery-store.js";
import { createGroupPacing } from "./group-pacing.js";
import { createSettleTracker } from "./settle-tracker.js";

export interface Limit {
  max: number;
  duration: number;
}

export interface DeliveryWorkerDeps {
  redis: Redis;
  /** BullMQ key prefix, the same one the fan-out's queue uses. */
  bullPrefix: string;
  /** Key prefix for pacing and progress keys (the app's Redis prefix). */
  keyPrefix: string;
  /** The channels to work for, with what they say of their rates and group pacing. */
  channels: Array<{ name: ChannelName; capabilities: Pick<Capabilities, "sendRate" | "groupGapMs"> }>;
  store: DeliveryStore;
  send: Send;
  hooksOf(topic: string): DeliveryHooks | undefined;
  logger: Logger;
  /** Overrides of a channel's own rate (benchmarks against a fake that allows more). */
  limits?: Partial<Record<ChannelName, Limit>>;
  /** Jobs in flight per worker: at least the limit × the platform's latency in seconds. */
  concurrency?: number;
  /** How long a send may take before a re-run may call it interrupted; above the client's timeout. */
  leaseMs?: number;
  /** Overrides every channel's group gap (tests that must not wait seconds). */
  groupGapMs?: number;
  /** BullMQ lock and stall check, shortened by tests that simulate a crash. */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
}

export interface DeliveryWorkers {
  start(): Promise<void>;
  /** Waits for jobs in flight; `force` abandons them as a crash would (their leases then expire). */
  stop(options?: { force?: boolean }): Promise<void>;
}

export function createDeliveryWorkers(deps: DeliveryWorkerDeps): DeliveryWorkers {
  let workers: Worker<DeliveryJobData>[] = [];
  let connections: Redis[] = [];
  // Made by start(): the 429 pause goes through a Queue, closed again by stop().
  let queue: DeliveryQueue | undefined;
  const ctx: DeliverContext = {
    store: deps.store,
    send: deps.send,
    hooksOf: deps.hooksOf,
    pacing: createGroupPacing(deps.redis, deps.keyPrefix),
    groupGapMs: 0,
    tracker: createSettleTracker(deps.redis, deps.keyPrefix),
    pause: async (channel, ms) => queue?.pause(channel, ms),
    leaseMs: deps.leaseMs ?? 120_000,
    logger: deps.logger.child({ part: "deliveries" }),
  };

  /**
   * A job out of attempts (the store down longer than its retries) must not leave its delivery
   * hanging. Jobs BullMQ fails for stalling too often never reach here: the store's sweep() finds those.
   */
  async function onFailed(job: Job<DeliveryJobData> | undefined, error: Error) {
    if (!job || job.attemptsMade < (job.opts.attempts ?? DELIVERY_ATTEMPTS)) return;
    const status = await deps.store.abandon(job.data.deliveryId, error.message.slice(0, 200));
    ctx.logger.warn({ deliveryId: job.data.deliveryId, status, err: error.message }, "delivery job gave up");
    const delivery = status && (await deps.store.get(job.data.deliveryId));
    if (delivery && status) await afterSettle(ctx, delivery, status);
  }

  return {
    async start() {
      if (workers.length > 0) return;
      queue = createDeliveryQueue({ redis: deps.redis, prefix: deps.bullPrefix });
      for (const { name: channel, capabilities } of deps.channels) {
        const channelCtx = { ...ctx, groupGapMs: deps.groupGapMs ?? capabilities.groupGapMs };
        const rate = { max: capabilities.sendRate.max, duration: capabilities.sendRate.perMs };
        // Workers block on Redis: their connection must retry forever (BullMQ requires it).
        const connection = deps.redis.duplicate({
          maxRetriesPerRequest: null,
          enableOfflineQueue: true,
          enableAutoPipelining: false,
        });
        connections.push(connection);
        const worker = new Worker<DeliveryJobData>(
          deliveryQueueName(channel),
          (job, token) => deliver(job, token, channelCtx),
          {
            connection,
            prefix: deps.bullPrefix,
            concurrency: deps.concurrency ?? 50,
            limiter: { ...rate, ...deps.limits?.[channel] },
            maxStalledCount: 3,
            ...(deps.lockDurationMs ? { lockDuration: deps.lockDurationMs } : {}),
            ...(deps.stalledIntervalMs ? { stalledInterval: deps.stalledIntervalMs } : {}),
          },
        );
        worker.on("failed", (job, error) => {
          onFailed(job, error).catch((err: unknown) =>
            ctx.logger.error({ err }, "could not settle a failed job"),
          );
        });
        worker.on("error", (err) => ctx.logger.error({ err, channel }, "delivery worker error"));
        workers.push(worker);
      }
      await Promise.all(workers.map((worker) => worker.waitUntilReady()));
    },
    async stop(options = {}) {
      await Promise.all(workers.map((worker) => worker.close(options.force)));
      await queue?.close();
      queue = undefined;
      for (const connection of connections) connection.disconnect();
      workers = [];
      connections = [];
    },
  };
}
