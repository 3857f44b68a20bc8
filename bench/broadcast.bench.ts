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
  lost: number;
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
): Promise<RunResult> {
  const stats = await platform.stats();
  const seconds = (Date.now() - startedAt) / 1000;
  const reached = new Set(stats.chats);
  return {
    name,
    targets: targets.length,
    seconds,
    rate: targets.length / seconds,
    throttled: stats.throttled,
    toldToWait,
    duplicates: stats.duplicates,
    lost: targets.filter((t) => !reached.has(t.chatId)).length,
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
  },
  run: { targets: number; injected429: number; concurrency: number; windowMs?: number },
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
  const workers = createDeliveryWorkers({
    redis: deps.redis,
    bullPrefix,
    keyPrefix,
    channels: [{ name: "telegram", capabilities: deps.telegram.capabilities }],
    store: deps.store,
    async send({ chatId }, message, options) {
      const outcome = await deps.telegram.send(chatId, message, options);
      waits.seen(outcome);
      return outcome;
    },
    hooksOf: () => ({ compose: async () => CLIP, finished: async (_id, counts) => finish(counts) }),
    logger: deps.logger,
    limits: { telegram: limiterAt(ALLOWED_PER_SECOND, run.windowMs ?? 1000) },
    concurrency: run.concurrency,
  });
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
  const counts = await finished;
  const result = await verdict(
    `${name}, ${run.injected429} forced 429s`,
    deps.platform,
    targets,
    startedAt,
    waits.seconds(),
  );
  await workers.stop();
  await queue.close();
  if (counts.sent !== count) deps.logger.warn({ counts }, "not every delivery ended sent");
  return result;
}
