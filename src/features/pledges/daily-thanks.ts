/**
 * One thank-you a day per pledge, for everything that arrived that day (Vietnam's day), instead
 * of one per ledger entry: staff often record a delivery in several lines, and a donor who gets
 * four "thank you" messages in ten minutes (or one for a typo and its correction) stops reading.
 *
 * How: the first entry of a day wins a Redis `SET NX` on pledge + day (the once-only decision,
 * docs/conventions.md#once-only-decisions) and puts a delayed BullMQ job, whose id is also
 * pledge + day. Each later entry of that day pushes the job back (`changeDelay`), so the thanks
 * goes out once the pledge has been quiet for `quietMs` (half an hour by default), and reads the
 * ledger only then: what the day's entries add up to, reversals included. A day whose entries
 * were all reversed sends nothing. An entry after that day's thanks went out is not thanked on
 * its own; it shows in the progress of the next thanks, and in /ungho. The message itself goes
 * through the delivery engine (topic "donor-thanks"), whose record per broadcast makes a job run
 * twice one message.
 *
 * Chosen over thanking at the first entry (with SET NX alone) because that message would name
 * only the first part of the day; over one job at the end of the day because a donor who drops
 * off laptops at 9:00 should hear by lunch. Tests drive the delay by promoting the job.
 */
import { type Job, Queue, Worker } from "bullmq";
import type { I18n } from "../../core/i18n.js";
import type { Logger } from "../../core/logger.js";
import type { Broadcaster } from "../../jobs/broadcaster.js";
import type { DeliveryEngine } from "../../jobs/delivery-engine.js";
import type { Redis } from "../../storage/redis.js";
import { netBetween } from "./ledger.js";
import type { Pledge } from "./model.js";
import { composeDayThanks } from "./notices.js";
import type { PledgeService } from "./service.js";

export const THANKS_QUEUE = "pledge-thanks";
export const DEFAULT_THANKS_QUIET_MS = 30 * 60_000;
const DAY_MS = 86_400_000;

/** "2026-12-02": the day in Vietnam when `at` happened, whatever the server's time zone. */
export function vietnamDay(at: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(at);
}

/** The instants a Vietnam day covers (UTC+7 all year: no daylight saving). */
export function dayWindow(day: string): { from: Date; to: Date } {
  const from = new Date(`${day}T00:00:00+07:00`);
  return { from, to: new Date(from.getTime() + DAY_MS) };
}

interface ThanksJob {
  code: string;
  day: string;
}

export interface DailyThanks {
  /** After a receipt: thank for the day's entries once the pledge has been quiet for a while. */
  schedule(pledge: Pledge, at?: Date): Promise<void>;
  start(): void;
  stop(): Promise<void>;
}

export function createDailyThanks(deps: {
  redis: Redis;
  /** The app's key prefix; the queue's keys live under "<prefix>bull" like the engine's. */
  prefix: string;
  pledges: PledgeService;
  deliveries: DeliveryEngine;
  i18n: Pick<I18n, "translator">;
  logger: Logger;
  quietMs?: number;
}): DailyThanks {
  const quietMs = deps.quietMs ?? DEFAULT_THANKS_QUIET_MS;
  const bullPrefix = `${deps.prefix}bull`;
  let queue: Queue<ThanksJob> | undefined;
  let worker: Worker<ThanksJob> | undefined;
  const connections: Redis[] = [];
  // Made on first use: a process that records nothing opens no connection.
  const queueOf = () => {
    if (!queue) {
      const connection = deps.redis.duplicate({ enableAutoPipelining: false });
      connections.push(connection);
      queue = new Queue<ThanksJob>(THANKS_QUEUE, { connection, prefix: bullPrefix });
    }
    return queue;
  };

  const broadcaster: Broadcaster = deps.deliveries.topic("donor-thanks", {
    async compose(delivery) {
      const pledge = await deps.pledges.byCode(delivery.refId);
      if (!pledge) return undefined;
      const { from, to } = dayWindow(delivery.context);
      const lines = netBetween(pledge.receipts, from, to);
      if (lines.length === 0) return undefined;
      return composeDayThanks(pledge, lines, deps.i18n.translator(delivery.locale))[0];
    },
  });

  async function thank(job: Job<ThanksJob>): Promise<void> {
    const { code, day } = job.data;
    const pledge = await deps.pledges.byCode(code);
    // An erased donor keeps no chat to write to.
    if (!pledge || pledge.userId === "erased") return;
    const { from, to } = dayWindow(day);
    if (netBetween(pledge.receipts, from, to).length === 0) return;
    await broadcaster.fanOut(`thanks-${code}-${day}`, [
      {
        key: "donor",
        kind: "donor",
        channel: pledge.channel,
        chatId: pledge.chatId,
        locale: pledge.locale === "en" ? "en" : "vi",
        context: day,
        refId: code,
      },
    ]);
  }

  return {
    async schedule(pledge, at = new Date()) {
      const day = vietnamDay(at);
      const jobId = `thanks-${pledge.code}-${day}`;
      const first = await deps.redis.set(
        `${deps.prefix}pledge-thanks:${pledge.code}:${day}`,
        "1",
        "EX",
        (2 * DAY_MS) / 1000,
        "NX",
      );
      if (first === "OK") {
        await queueOf().add(
          "thank",
          { code: pledge.code, day },
          {
            jobId,
            delay: quietMs,
            attempts: 5,
            backoff: { type: "exponential", delay: 5_000 },
            removeOnComplete: { count: 2000 },
            removeOnFail: { count: 2000 },
          },
        );
        return;
      }
      const job = await queueOf().getJob(jobId);
      if (!job || !(await job.isDelayed())) return;
      // It may start between the check and here: then this entry shows in its progress line.
      await job.changeDelay(quietMs).catch((err) => {
        deps.logger.debug({ err }, "thanks already on its way; not pushed back");
      });
    },
    start() {
      const connection = deps.redis.duplicate({
        maxRetriesPerRequest: null,
        enableOfflineQueue: true,
        enableAutoPipelining: false,
      });
      connections.push(connection);
      worker = new Worker<ThanksJob>(THANKS_QUEUE, thank, { connection, prefix: bullPrefix, concurrency: 5 });
      // A failed job is retried by BullMQ; the worker's own errors are logged, not fatal.
      worker.on("error", (err) => deps.logger.error({ err }, "pledge thanks worker failed"));
    },
    async stop() {
      await worker?.close();
      await queue?.close();
      for (const connection of connections) connection.disconnect();
    },
  };
}
