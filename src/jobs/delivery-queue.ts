/**
 * The BullMQ side of deliveries: one queue per channel ("deliveries-telegram"…), so each
 * platform's limiter and each 429 pause apply to that platform alone. A job only names a
 * delivery record; the record, not the job, says whether it was sent.
 */
import { type JobsOptions, Queue } from "bullmq";
import type { ChannelName } from "../core/messages.js";
import type { Redis } from "../storage/redis.js";
import type { QueuedRef } from "./delivery-model.js";

export interface DeliveryQueue {
  enqueue(refs: QueuedRef[]): Promise<void>;
  /** Pauses every worker of the channel's queue (a 429 pauses the whole bot). */
  pause(channel: ChannelName, ms: number): Promise<void>;
  close(): Promise<void>;
}

export interface DeliveryQueueOptions {
  redis: Redis;
  /** BullMQ key prefix; tests give each file its own. */
  prefix: string;
  /** First retry delay of the exponential backoff (then ×2 per attempt). */
  retryDelayMs?: number;
}

export const DELIVERY_ATTEMPTS = 5;
const BULK_CHUNK = 1000;

export const deliveryQueueName = (channel: ChannelName) => `deliveries-${channel}`;

/** BullMQ job ids may not contain ':'; a re-send round gets a fresh id so it is not ignored. */
export const deliveryJobId = (ref: Pick<QueuedRef, "id" | "round">) =>
  ref.round === 0 ? `d-${ref.id}` : `d-${ref.id}-${ref.round}`;

export function deliveryJobOptions(retryDelayMs = 1000): JobsOptions {
  return {
    attempts: DELIVERY_ATTEMPTS,
    backoff: { type: "exponential", delay: retryDelayMs },
    // Bounded: progress is read from delivery records, the job history is only for debugging.
    removeOnComplete: { count: 2000 },
    removeOnFail: { count: 5000 },
  };
}

export function createDeliveryQueue(options: DeliveryQueueOptions): DeliveryQueue {
  const queues = new Map<ChannelName, Queue>();
  // Its own connection, so closing the queues never closes the app's shared client; made on
  // first use, so a process that never broadcasts opens none.
  let connection: Redis | undefined;
  const jobOptions = deliveryJobOptions(options.retryDelayMs);

  const queueOf = (channel: ChannelName): Queue => {
    let queue = queues.get(channel);
    if (!queue) {
      connection ??= options.redis.duplicate({ enableAutoPipelining: false });
      queue = new Queue(deliveryQueueName(channel), { connection, prefix: options.prefix });
      queues.set(channel, queue);
    }
    return queue;
  };

  return {
    async enqueue(refs) {
      const byChannel = new Map<ChannelName, QueuedRef[]>();
      for (const ref of refs) {
        const list = byChannel.get(ref.channel) ?? [];
        list.push(ref);
        byChannel.set(ref.channel, list);
      }
      for (const [channel, some] of byChannel) {
        for (let i = 0; i < some.length; i += BULK_CHUNK) {
          // A job id already in the queue is ignored: enqueueing twice is harmless.
          await queueOf(channel).addBulk(
            some.slice(i, i + BULK_CHUNK).map((ref) => ({
              name: "deliver",
              data: { deliveryId: ref.id, ...(ref.pace ? { pace: ref.pace } : {}) },
              opts: { ...jobOptions, jobId: deliveryJobId(ref) },
            })),
          );
        }
      }
    },
    pause: (channel, ms) => queueOf(channel).rateLimit(ms),
    async close() {
      await Promise.all([...queues.values()].map((queue) => queue.close()));
      queues.clear();
      connection?.disconnect();
      connection = undefined;
    },
  };
}
