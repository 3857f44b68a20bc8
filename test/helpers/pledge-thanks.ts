/**
 * The day's thank-you to a donor waits for a quiet half hour (src/features/pledges/daily-thanks.ts).
 * Tests do not wait: they promote the delayed job, as if the half hour had passed.
 */
import { Queue } from "bullmq";
import { THANKS_QUEUE } from "../../src/features/pledges/daily-thanks.js";
import type { Redis } from "../../src/storage/redis.js";

/** Runs every waiting thanks now; returns how many there were. */
export async function promoteThanks(redis: Redis, prefix: string): Promise<number> {
  const connection = redis.duplicate({ enableAutoPipelining: false });
  const queue = new Queue(THANKS_QUEUE, { connection, prefix: `${prefix}bull` });
  try {
    const delayed = await queue.getDelayed();
    for (const job of delayed) await job.promote();
    return delayed.length;
  } finally {
    await queue.close();
    connection.disconnect();
  }
}
