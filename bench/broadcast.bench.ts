/**
 * Broadcast benchmark: one clip to 10,000 parents through the real delivery engine (BullMQ on
 * Redis, the global limiter at the platform's rate, the real Telegram client over loopback HTTP)
 * against a fake platform that allows 1,000 sends a second and refuses some with 429. The
 * baseline is the same sends made straight from a loop with the same pacing, in the same run.
 * Reported: achieved rate against the allowed rate and against the baseline, duplicates, losses.
 */

import { createTelegramChannel } from "../src/channels/telegram/adapter.js";
import type { Channel } from "../src/core/channel.js";
import type { Logger } from "../src/core/logger.js";
import type { OutboundMessage, SendOutcome } from "../src/core/messages.js";
import { createReachability } from "../src/core/sending/reachability.js";
import { type BroadcastTarget, createBroadcaster } from "../src/jobs/broadcaster.js";
import type { StatusCounts } from "../src/jobs/delivery-model.js";
import { createDeliveryQueue } from "../src/jobs/delivery-queue.js";
import type { DeliveryStore } from "../src/jobs/delivery-store.js";
import { createDeliveryWorkers } from "../src/jobs/delivery-workers.js";
import type { Redis } from "../src/storage/redis.js";
import { directSend } from "./direct-send.js";
import type { FakePlatform } from "./fake-platform-client.js";

export const ALLOWED_PER_SECOND = 1000;
const CLIP: OutboundMessage = {
  kind: "media",
  media: "video",
  source: {
    kind: "platform-file",
    file: { channel: "telegram", fileId: "vid-1", fromChatId: "7001", messageId: "42" },
  },
  caption: "📚 Bài giảng lớp 6A1\nToán – Bài 5: Phân số",
};

/** The same rate over a shorter window: sends spread evenly instead of a burst each second. */
export function limiterAt(perSecond: number, windowMs: number) {
  return { max: Math.round((perSecond * windowMs) / 1000), duration: windowMs };
}

export interface RunResult {
  name: string;
  targets: number;
  seconds: number;
  rate: number;
  throttled: number;
  /** Seconds the platform told us to wait (429 retry_after, overlapping waits counted once). */
  toldToWait: number;
  duplicates: number;
  /** Targets the platform never saw and the records do not report as uncertain. */
  lost: number;
  /** Sends cut short by a killed worker, reported as such (by design never repeated). */
  uncertain: number;
  /** Seconds after the last send until every record was in MongoDB (real store only). */
  flushSeconds?: number;
}

/** Adds up the waits 429s demand, counting overlapping ones once. */
function waitMeter() {
  let until = 0;
  let total = 0;
  return {
    seen(outcome: SendOutcome) {
      if (outcome.kind !== "throttled") return;
      const now = Date.now();
      const end = now + outcome.retryAfterSeconds * 1000;
      total += Math.max(0, end - Math.max(now, until));
      until = Math.max(until, end);
    },
    seconds: () => total / 1000,
  };
}

export function targetsOf(count: number): BroadcastTarget[] {
  return Array.from({ length: count }, (_, i) => ({
    key: `parent:telegram:${100_000 + i}`,
    kind: "parent" as const,
    channel: "telegram" as const,
    chatId: String(100_000 + i),
    locale: "vi" as const,
    context: "bench",
    refId: `m${i}`,
  }));
}

export function telegramOver(platform: FakePlatform, logger: Logger): Channel {
  return createTelegramChannel(
    { token: "123456:BENCH", apiRoot: platform.apiRoot, mode: "webhook", webhookSecret: "bench" },
    { onInbound: async () => {}, onIgnored: () => {}, logger },
  );
}

async function verdict(
  name: string,
  platform: FakePlatform,
  targets: BroadcastTarget[],
  startedAt: number,
  toldToWait: number,
  uncertainChats: Set<string> = new Set(),
): Promise<RunResult> {
  const stats = await platform.stats();
  const seconds = (Date.now() - startedAt) / 1000;
  const reached = new Set(stats.chats);
  return {
    uncertain: uncertainChats.size,
    name,
    targets: targets.length,
    seconds,
    rate: targets.length / seconds,
    throttled: stats.throttled,
    toldToWait,
    duplicates: stats.duplicates,
    lost: targets.filter((t) => !reached.has(t.chatId) && !uncertainChats.has(t.chatId)).length,
  };
}

export async function runBaseline(
  platform: FakePlatform,
  telegram: Channel,
  count: number,
  injected429: number,
  windowMs: number,
): Promise<RunResult> {
  const targets = targetsOf(count);
  await platform.reset();
  await platform.fail429(injected429);
  const waits = waitMeter();
  const startedAt = Date.now();
  const send = async (chatId: string) => {
    const outcome = await telegram.send(chatId, CLIP);
    waits.seen(outcome);
    return outcome;
  };
  await directSend(targets, send, { perSecond: ALLOWED_PER_SECOND, windowMs, inFlight: 100 });
  return verdict(`direct loop, ${injected429} forced 429s`, platform, targets, startedAt, waits.seconds());
}

export async function runQueue(
  name: string,
  deps: {
    platform: FakePlatform;
    telegram: Channel;
    redis: Redis;
    store: DeliveryStore;
    logger: Logger;
    prefix: string;
    /** For the kill run: the store of the process that takes over (same Redis keys). */
    nextStore?: () => Promise<DeliveryStore>;
    /** The real store: chats whose record says uncertain, read from MongoDB once all is written. */
    uncertainChats?: (broadcastId: string) => Promise<string[]>;
  },
  run: {
    targets: number;
    injected429: number;
    concurrency: number;
    windowMs?: number;
    /** Kill the worker once this share of targets reached the platform, and start another. */
    killAt?: number;
  },
): Promise<RunResult> {
  const count = run.targets;
  const targets = targetsOf(count);
  await deps.platform.reset();
  await deps.platform.fail429(run.injected429);
  const waits = waitMeter();
  const broadcastId = `bench-${Date.now()}`;
  let finish: (counts: StatusCounts) => void = () => {};
  const finished = new Promise<StatusCounts>((resolve) => {
    finish = resolve;
  });
  const bullPrefix = `${deps.prefix}bull`;
  const keyPrefix = `${deps.prefix}keys:`;
  let killed = false;
  let reached = 0;
  let onKillPoint: () => void = () => {};
  const killPoint = new Promise<void>((resolve) => {
    onKillPoint = resolve;
  });
  const killAfter = run.killAt === undefined ? Number.POSITIVE_INFINITY : Math.round(count * run.killAt);
  const workersOn = (store: DeliveryStore, mortal: boolean) =>
    createDeliveryWorkers({
      redis: deps.redis,
      bullPrefix,
      keyPrefix,
      channels: [{ name: "telegram", capabilities: deps.telegram.capabilities }],
      store,
      async send({ chatId }, message, options) {
        // A killed process: what it had in flight, or still picks up, never reports back.
        if (mortal && killed) return new Promise<SendOutcome>(() => {});
        const outcome = await deps.telegram.send(chatId, message, options);
        waits.seen(outcome);
        // The process dies while the send that reached the kill point is reporting back: that one
        // at least is in flight, even when the point falls where a limiter window ends.
        if (mortal && outcome.kind === "sent" && ++reached >= killAfter && !killed) {
          killed = true;
          onKillPoint();
        }
        return mortal && killed ? new Promise<SendOutcome>(() => {}) : outcome;
      },
      hooksOf: () => ({ compose: async () => CLIP, finished: async (_id, counts) => finish(counts) }),
      logger: deps.logger,
      limits: { telegram: limiterAt(ALLOWED_PER_SECOND, run.windowMs ?? 1000) },
      concurrency: run.concurrency,
      // Short leases in the kill run, so the interrupted sends are called uncertain soon.
      ...(run.killAt === undefined ? {} : { leaseMs: 3000, lockDurationMs: 1000, stalledIntervalMs: 500 }),
    });
  const workers = workersOn(deps.store, run.killAt !== undefined);
  const queue = createDeliveryQueue({ redis: deps.redis, prefix: bullPrefix });
  const broadcaster = createBroadcaster({
    topic: "bench",
    store: deps.store,
    queue,
    redis: deps.redis,
    keyPrefix,
    reachability: createReachability(deps.redis, keyPrefix),
  });
  await workers.start();
  const startedAt = Date.now();
  await broadcaster.fanOut(broadcastId, targets);
  let store = deps.store;
  let last = workers;
  if (run.killAt !== undefined && deps.nextStore) {
    await killPoint;
    await workers.stop({ force: true });
    store = await deps.nextStore();
    last = workersOn(store, false);
    await last.start();
  }
  const counts = await finished;
  const seconds = (Date.now() - startedAt) / 1000;
  // What is not yet in MongoDB when the last send settled: the flusher's lag behind the sends.
  const flushing = Date.now();
  await store.flush(600_000);
  const flushSeconds = (Date.now() - flushing) / 1000;
  const uncertainChats = new Set(
    counts.uncertain > 0 ? ((await deps.uncertainChats?.(broadcastId)) ?? []) : [],
  );
  const label = run.killAt === undefined ? "" : `, worker killed at ${Math.round(run.killAt * 100)} %`;
  const result = await verdict(
    `${name}, ${run.injected429} forced 429s${label}`,
    deps.platform,
    targets,
    startedAt,
    waits.seconds(),
    uncertainChats,
  );
  result.seconds = seconds;
  result.rate = count / seconds;
  if (deps.uncertainChats) result.flushSeconds = flushSeconds;
  await last.stop();
  await queue.close();
  if (counts.sent !== count) deps.logger.warn({ counts }, "not every delivery ended sent");
  return result;
}
