/**
 * The real delivery engine (Redis state, MongoDB records, BullMQ queues and workers on the test stores)
 * over a scriptable send, for feature tests that need to see how broadcasts end. Channels are
 * stand-ins that state capabilities only: the engine reads their rates, `send` does the sending.
 */
import type { Connection } from "mongoose";
import type { Channel } from "../../src/core/channel.js";
import type { ChannelName } from "../../src/core/messages.js";
import { createChannelRegistry } from "../../src/core/sending/channel-registry.js";
import { createReachability } from "../../src/core/sending/reachability.js";
import type { Send } from "../../src/jobs/deliver.js";
import { createDeliveryEngine, type DeliveryEngineDeps } from "../../src/jobs/delivery-engine.js";
import { createRedisDeliveryStore } from "../../src/jobs/redis-delivery-store.js";
import type { Redis } from "../../src/storage/redis.js";
import { BUTTONS, NUMBERED } from "./core-harness.js";
import { silentLogger } from "./silent-logger.js";
import { uniqueName } from "./stores.js";

const stub = (name: ChannelName, capabilities: Channel["capabilities"]): Channel => ({
  name,
  // Fast platforms: tests check correctness, `npm run bench` measures speed.
  capabilities: { ...capabilities, sendRate: { max: 500, perMs: 1000 }, groupGapMs: 50 },
  send: async () => ({ kind: "unsupported", reason: "stand-in" }),
});

export function createTestEngine(
  redis: Redis,
  mongo: Connection,
  send: Send,
  /** Same prefix: a second engine picks up the first one's queues (a restarted process). */
  options: { prefix?: string; workers?: DeliveryEngineDeps["workers"] } = {},
) {
  const prefix = options.prefix ?? `${uniqueName("eng")}:`;
  const channels = createChannelRegistry();
  channels.add(stub("telegram", BUTTONS));
  channels.add(stub("zalo", NUMBERED));
  const reachability = createReachability(redis, prefix);
  const store = createRedisDeliveryStore({ connection: mongo, redis, prefix, logger: silentLogger() });
  const deliveries = createDeliveryEngine({
    redis,
    prefix,
    store,
    send,
    channels,
    reachability,
    logger: silentLogger(),
    retryDelayMs: 50,
    workers: { concurrency: 10, ...options.workers },
  });
  return { deliveries, reachability, store, prefix };
}
