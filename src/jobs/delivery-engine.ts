/**
 * The one delivery engine for every broadcast: lessons, calls for donations, donor notices.
 * A feature registers a topic with its hooks (what to send, what to do when it ends) and gets
 * a Broadcaster for it; the engine owns the records, the per-channel queues and the workers,
 * and knows no platform: rates and group pacing come from each channel's Capabilities.
 * Architecture: docs/architecture.md#delivery-engine.
 */
import type { Logger } from "../core/logger.js";
import type { ChannelDirectory } from "../core/sending/channel-registry.js";
import type { Reachability } from "../core/sending/reachability.js";
import type { Redis } from "../storage/redis.js";
import { type Broadcaster, createBroadcaster } from "./broadcaster.js";
import type { DeliveryHooks, Send } from "./deliver.js";
import type { ChatRef } from "./delivery-model.js";
import { createDeliveryQueue } from "./delivery-queue.js";
import type { DeliveryStore } from "./delivery-store.js";
import { createDeliveryWorkers, type DeliveryWorkerDeps, type DeliveryWorkers } from "./delivery-workers.js";

export interface DeliveryEngine {
  /** Registers a topic (once, while features are built) and returns its broadcaster. */
  topic(name: string, hooks: DeliveryHooks): Broadcaster;
  /** Starts one worker per running channel; call after the channels started. */
  start(): Promise<void>;
  stop(options?: { force?: boolean }): Promise<void>;
  /** How many delivery records name this chat, and erasing them ("Dữ liệu của tôi"). */
  countTo(chat: ChatRef): Promise<number>;
  eraseTo(chat: ChatRef): Promise<number>;
}

export interface DeliveryEngineDeps {
  redis: Redis;
  /** The app's Redis key prefix; BullMQ keys live under "<prefix>bull". */
  prefix: string;
  store: DeliveryStore;
  send: Send;
  channels: ChannelDirectory;
  reachability: Reachability;
  logger: Logger;
  /** Worker tuning, for tests and benchmarks. */
  workers?: Partial<
    Pick<
      DeliveryWorkerDeps,
      "limits" | "concurrency" | "leaseMs" | "groupGapMs" | "lockDurationMs" | "stalledIntervalMs"
    >
  >;
  retryDelayMs?: number;
}

export function createDeliveryEngine(deps: DeliveryEngineDeps): DeliveryEngine {
  const topics = new Map<string, DeliveryHooks>();
  const bullPrefix = `${deps.prefix}bull`;
  const queue = createDeliveryQueue({
    redis: deps.redis,
    prefix: bullPrefix,
    ...(deps.retryDelayMs ? { retryDelayMs: deps.retryDelayMs } : {}),
  });
  let workers: DeliveryWorkers | undefined;

  return {
    topic(name, hooks) {
      if (topics.has(name)) throw new Error(`delivery topic ${name} registered twice`);
      topics.set(name, hooks);
      return createBroadcaster({
        topic: name,
        store: deps.store,
        queue,
        redis: deps.redis,
        keyPrefix: deps.prefix,
        reachability: deps.reachability,
        hooks,
      });
    },
    async start() {
      if (workers) return;
      // The store writes records behind the workers: it starts first and stops last.
      await deps.store.start();
      const channels = deps.channels.names().flatMap((name) => {
        const capabilities = deps.channels.capabilitiesOf(name);
        return capabilities ? [{ name, capabilities }] : [];
      });
      workers = createDeliveryWorkers({
        redis: deps.redis,
        bullPrefix,
        keyPrefix: deps.prefix,
        channels,
        store: deps.store,
        send: deps.send,
        hooksOf: (topic) => topics.get(topic),
        logger: deps.logger,
        ...deps.workers,
      });
      await workers.start();
    },
    async stop(options) {
      await workers?.stop(options);
      workers = undefined;
      await queue.close();
      await deps.store.stop();
    },
    countTo: (chat) => deps.store.countTo(chat),
    eraseTo: (chat) => deps.store.eraseTo(chat),
  };
}
