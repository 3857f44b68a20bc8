/**
 * Starts and stops the delivery workers: a few BullMQ Workers ("lanes") per channel queue, all
 * under the platform's global limiter (Capabilities.sendRate, shared by every process through
 * Redis). stop() lets jobs in flight finish, so a deploy never leaves a send half-recorded.
 *
 * Why lanes: a BullMQ Worker fills its free slots one fetch at a time before it runs any of
 * them, so after a start or a limiter pause a Worker of 100 slots waits for 100 round trips in
 * a row. Four Workers of 25 fill theirs side by side (docs/architecture.md#delivery-engine).
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
  /** Jobs in flight per channel in this process: at least the limit × the platform's latency in seconds. */
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

const DEFAULT_CONCURRENCY = 50;
/** BullMQ Workers per channel sharing its concurrency. */
const LANES = 4;

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
      const concurrency = deps.concurrency ?? DEFAULT_CONCURRENCY;
      const lanes = Math.max(1, Math.min(LANES, concurrency));
      for (const { name: channel, capabilities } of deps.channels) {
        const channelCtx = { ...ctx, groupGapMs: deps.groupGapMs ?? capabilities.groupGapMs };
        const rate = { max: capabilities.sendRate.max, duration: capabilities.sendRate.perMs };
        // Workers block on Redis: their connection must retry forever (BullMQ requires it). The
        // lanes share it; each Worker makes its own blocking connection from it.
        const connection = deps.redis.duplicate({
          maxRetriesPerRequest: null,
          enableOfflineQueue: true,
          enableAutoPipelining: false,
        });
        connections.push(connection);
        for (let lane = 0; lane < lanes; lane++) {
          const worker = new Worker<DeliveryJobData>(
            deliveryQueueName(channel),
            (job, token) => deliver(job, token, channelCtx),
            {
              connection,
              prefix: deps.bullPrefix,
              // 50 over 4 lanes: 13, 13, 12, 12.
              concurrency: Math.floor((concurrency + lanes - 1 - lane) / lanes),
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
