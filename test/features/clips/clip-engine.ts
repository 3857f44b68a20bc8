/**
 * The clips feature wired as the app wires it: the real delivery engine (test/helpers/test-engine.ts)
 * sending through a scriptable recording sender, and the teacher's reports through the harness
 * that built the feature last.
 */

import { join } from "node:path";
import type { Connection } from "mongoose";
import type { Feature } from "../../../src/core/feature.js";
import { createI18n } from "../../../src/core/i18n.js";
import { createRecordLock } from "../../../src/core/lock.js";
import type { Notify } from "../../../src/core/notifier.js";
import { createClipDeliveryHooks } from "../../../src/features/clips/delivery-hooks.js";
import { createClipsFeature } from "../../../src/features/clips/feature.js";
import { createClipService } from "../../../src/features/clips/service.js";
import { createClipLinks } from "../../../src/features/clips/signed-link.js";
import type { Send } from "../../../src/jobs/deliver.js";
import type { StatusCounts } from "../../../src/jobs/delivery-model.js";
import type { Redis } from "../../../src/storage/redis.js";
import type { HarnessKit } from "../../helpers/core-harness.js";
import { createTestEngine } from "../../helpers/test-engine.js";

export const LINK_SECRET = "a-test-secret-that-is-long-enough";
export const PUBLIC_URL = "https://choem.example";

export function createClipEngine(redis: Redis, mongo: Connection, send: Send) {
  const i18n = createI18n("vi", join(import.meta.dirname, "..", "..", "..", "locales"));
  const links = createClipLinks({ secret: LINK_SECRET, publicUrl: PUBLIC_URL });
  const { deliveries: engine, reachability, store, prefix } = createTestEngine(redis, mongo, send);
  const lock = createRecordLock(redis, prefix);
  const waiters: Array<(counts: StatusCounts) => void> = [];
  let notify: Notify = async () => {};
  const hooks = createClipDeliveryHooks({
    mongo,
    lock,
    links,
    i18n,
    notify: (to, compose) => notify(to, compose),
  });
  const broadcaster = engine.topic("lesson", {
    ...hooks,
    async finished(broadcastId, counts) {
      await hooks.finished?.(broadcastId, counts);
      waiters.shift()?.(counts);
    },
  });

  const clipsFeature = (kit: HarnessKit): Feature[] => {
    notify = kit.notify;
    return [createClipsFeature({ mongo, lock, broadcaster, links, reachability })];
  };
  return {
    links,
    store,
    reachability,
    clips: createClipService(mongo),
    clipsFeature,
    start: () => engine.start(),
    /** Resolves when the next clip round has settled and its report was sent. */
    nextReport(): Promise<StatusCounts> {
      return new Promise((resolve) => waiters.push(resolve));
    },
    close: () => engine.stop(),
  };
}
