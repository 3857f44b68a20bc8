/**
 * The clips feature wired as the app wires it: delivery store and queue on the test stores,
 * workers sending through a recording sender, and the teacher's reports through the harness.
 */
import { join } from "node:path";
import type { Connection } from "mongoose";
import type { Feature } from "../../../src/core/feature.js";
import { createI18n } from "../../../src/core/i18n.js";
import type { Notify } from "../../../src/core/notifier.js";
import { createClipDeliveryHooks } from "../../../src/features/clips/delivery-hooks.js";
import { createClipsFeature } from "../../../src/features/clips/feature.js";
import { createClipService } from "../../../src/features/clips/service.js";
import { createClipLinks } from "../../../src/features/clips/signed-link.js";
import { createBroadcaster } from "../../../src/jobs/broadcaster.js";
import type { Send } from "../../../src/jobs/deliver.js";
import type { StatusCounts } from "../../../src/jobs/delivery-model.js";
import { createDeliveryQueue } from "../../../src/jobs/delivery-queue.js";
import { createMongoDeliveryStore } from "../../../src/jobs/delivery-store.js";
import { createDeliveryWorkers } from "../../../src/jobs/delivery-workers.js";
import type { Redis } from "../../../src/storage/redis.js";
import { silentLogger } from "../../helpers/silent-logger.js";
import { uniqueName } from "../../helpers/stores.js";

export const LINK_SECRET = "a-test-secret-that-is-long-enough";
export const PUBLIC_URL = "https://choem.example";

export function createClipEngine(redis: Redis, mongo: Connection, send: Send) {
  const i18n = createI18n("vi", join(import.meta.dirname, "..", "..", "..", "locales"));
  const links = createClipLinks({ secret: LINK_SECRET, publicUrl: PUBLIC_URL });
  const store = createMongoDeliveryStore(mongo);
  const bullPrefix = uniqueName("bqc");
  const keyPrefix = `${uniqueName("clips")}:`;
  const queue = createDeliveryQueue({ redis, prefix: bullPrefix, retryDelayMs: 50 });
  const broadcaster = createBroadcaster({ store, queue, redis, keyPrefix });
  const waiters: Array<(counts: StatusCounts) => void> = [];
  let notify: Notify = async () => {};

  const clipsFeature = (harnessNotify: Notify): Feature[] => {
    notify = harnessNotify;
    return [createClipsFeature({ mongo, broadcaster, store, links })];
  };
  const hooks = createClipDeliveryHooks({ mongo, links, i18n, notify: (to, compose) => notify(to, compose) });
  const workers = createDeliveryWorkers({
    redis,
    bullPrefix,
    keyPrefix,
    channels: ["telegram", "zalo"],
    store,
    send,
    logger: silentLogger(),
    limits: { telegram: { max: 500, duration: 1000 }, zalo: { max: 500, duration: 1000 } },
    concurrency: 10,
    groupGapMs: 50,
    hooks: {
      ...hooks,
      async finished(clipId, counts) {
        await hooks.finished?.(clipId, counts);
        waiters.shift()?.(counts);
      },
    },
  });
  return {
    links,
    store,
    clips: createClipService(mongo),
    clipsFeature,
    workers,
    /** Resolves when the next clip round has settled and its report was sent. */
    nextReport(): Promise<StatusCounts> {
      return new Promise((resolve) => waiters.push(resolve));
    },
    async close() {
      await workers.stop();
      await queue.close();
    },
  };
}
