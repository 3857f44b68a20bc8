/**
 * Sending a call for donations: one BullMQ job per donor, with a job id made of the campaign and
 * the donor, so queueing a campaign again adds nothing. A job checks its ledger before sending
 * (completed jobs are evicted, the ledger in MongoDB is not), and the outcome kind alone decides
 * what happens next: throttled waits, transient retries, blocked stops contacting the donor.
 *
 * This is the pledges feature's own small queue; it moves onto the shared broadcast queue of
 * src/jobs/ when that exists.
 */
import { type Job, Queue, Worker } from "bullmq";
import type { Logger } from "../../core/logger.js";
import type { ChannelName, OutboundMessage, SendOutcome } from "../../core/messages.js";
import type { Redis } from "../../storage/redis.js";

export const CAMPAIGN_QUEUE = "campaigns";

export interface CampaignJob {
  campaignCode: string;
  donorKey: string;
  channel: ChannelName;
  userId: string;
  chatId: string;
  message: OutboundMessage;
}

export type DeliveryOutcome = "sent" | "failed" | "blocked";

/** Where deliveries are remembered; record() counts each donor of a campaign once. */
export interface CampaignLedger {
  wasSent(campaignCode: string, donorKey: string): Promise<boolean>;
  record(job: CampaignJob, outcome: DeliveryOutcome): Promise<void>;
}

export type Send = (channel: ChannelName, chatId: string, message: OutboundMessage) => Promise<SendOutcome>;

export interface CampaignQueue {
  enqueue(jobs: CampaignJob[]): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

const ATTEMPTS = 5;

/** BullMQ job ids may not contain ":"; channel and user id are kept readable otherwise. */
export function donorKeyOf(channel: ChannelName, userId: string): string {
  return `${channel}-${userId}`.replace(/[^A-Za-z0-9_-]/g, "_");
}

export function createCampaignQueue(deps: {
  redis: Redis;
  /** BullMQ key prefix: tests give each file its own. */
  prefix: string;
  send: Send;
  ledger: CampaignLedger;
  logger: Logger;
  concurrency?: number;
}): CampaignQueue {
  let connection: Redis | undefined;
  let queue: Queue<CampaignJob> | undefined;
  let worker: Worker<CampaignJob> | undefined;

  // Made on first use, so a process (or test) that never sends a campaign opens no connection.
  function ensureQueue(): Queue<CampaignJob> {
    // BullMQ's blocking commands need a connection that retries forever and queues while offline.
    connection ??= deps.redis.duplicate({
      maxRetriesPerRequest: null,
      enableOfflineQueue: true,
      lazyConnect: false,
    });
    queue ??= new Queue<CampaignJob>(CAMPAIGN_QUEUE, { connection, prefix: deps.prefix });
    return queue;
  }

  async function process(job: Job<CampaignJob>): Promise<DeliveryOutcome | "already-sent"> {
    const data = job.data;
    if (await deps.ledger.wasSent(data.campaignCode, data.donorKey)) return "already-sent";
    const outcome = await deps.send(data.channel, data.chatId, data.message);
    switch (outcome.kind) {
      case "sent":
        await deps.ledger.record(data, "sent");
        return "sent";
      case "throttled":
        // The platform says wait: the whole queue pauses, and this job goes back without using an attempt.
        await ensureQueue().rateLimit(Math.max(1, Math.ceil(outcome.retryAfterSeconds * 1000)));
        throw Worker.RateLimitError();
      case "transient":
        throw new Error(`transient: ${outcome.reason}`);
      case "blocked":
        await deps.ledger.record(data, "blocked");
        return "blocked";
      default:
        await deps.ledger.record(data, "failed");
        return "failed";
    }
  }

  return {
    async enqueue(jobs) {
      await ensureQueue().addBulk(
        jobs.map((data) => ({
          name: "campaign",
          data,
          opts: {
            jobId: `campaign-${data.campaignCode}-${data.donorKey}`,
            attempts: ATTEMPTS,
            backoff: { type: "exponential", delay: 2000 },
            removeOnComplete: { count: 1000 },
            removeOnFail: { count: 5000 },
          },
        })),
      );
    },
    async start() {
      ensureQueue();
      worker = new Worker<CampaignJob>(CAMPAIGN_QUEUE, process, {
        connection: connection!,
        prefix: deps.prefix,
        concurrency: deps.concurrency ?? 5,
        autorun: false,
      });
      worker.on("failed", (job, error) => {
        if (!job || job.attemptsMade < (job.opts.attempts ?? 1)) return;
        deps.logger.warn(
          { campaign: job.data.campaignCode, err: error.message },
          "campaign message not delivered",
        );
        deps.ledger.record(job.data, "failed").catch((err) => deps.logger.error({ err }, "campaign ledger"));
      });
      worker.on("error", (err) => deps.logger.error({ err }, "campaign worker error"));
      void worker.run();
      await worker.waitUntilReady();
    },
    async stop() {
      await worker?.close();
      await queue?.close();
      await connection?.quit().catch(() => connection?.disconnect());
      worker = undefined;
      queue = undefined;
      connection = undefined;
    },
  };
}
