/**
 * Lessons as one module: classes, clips and the delivery engine that sends them, wired once
 * for the app. Its workers start after the channels do and stop before the stores close.
 */
import type { Redis } from "ioredis";
import type { Connection } from "mongoose";
import { createTelegramClient } from "../../channels/telegram/client.js";
import type { Feature } from "../../core/feature.js";
import type { I18n } from "../../core/i18n.js";
import type { Logger } from "../../core/logger.js";
import type { ChannelName, OutboundMessage, SendOutcome } from "../../core/messages.js";
import type { Notify } from "../../core/notifier.js";
import { createBroadcaster } from "../../jobs/broadcaster.js";
import type { DeliveryHooks } from "../../jobs/deliver.js";
import { createDeliveryQueue } from "../../jobs/delivery-queue.js";
import { createMongoDeliveryStore } from "../../jobs/delivery-store.js";
import { createDeliveryWorkers, type DeliveryWorkers } from "../../jobs/delivery-workers.js";
import { createClassesFeature } from "../classes/feature.js";
import type { PeopleService } from "../people/service.js";
import type { SchoolService } from "../schools/service.js";
import { createClipDeliveryHooks } from "./delivery-hooks.js";
import { createClipsFeature } from "./feature.js";
import { clipRoutes } from "./routes.js";
import { createClipService } from "./service.js";
import { createClipLinks } from "./signed-link.js";

export interface LessonsDeps {
  mongo: Connection;
  redis: Redis;
  prefix: string;
  i18n: I18n;
  people: PeopleService;
  schools: SchoolService;
  logger: Logger;
  publicUrl: string;
  clipLinkSecret: string;
  telegram: { token: string; apiRoot: string } | undefined;
  /** The channels running, read when the workers start. */
  channelNames: () => ChannelName[];
  send: (channel: ChannelName, chatId: string, message: OutboundMessage) => Promise<SendOutcome>;
  fetch?: typeof fetch;
}

export async function createLessons(deps: LessonsDeps) {
  const telegram = deps.telegram ? createTelegramClient(deps.telegram) : undefined;
  // Deep links need the bot's @username; without it teachers still get the class code.
  const botUsername = await telegram?.botUsername().catch((err) => {
    deps.logger.warn({ err: String(err) }, "could not read the bot's username: invites will show codes only");
    return undefined;
  });
  const links = createClipLinks({ secret: deps.clipLinkSecret, publicUrl: deps.publicUrl });
  const store = createMongoDeliveryStore(deps.mongo);
  // The queue and the workers must share the BullMQ prefix.
  const bullPrefix = `${deps.prefix}bull`;
  const queue = createDeliveryQueue({ redis: deps.redis, prefix: bullPrefix });
  const broadcaster = createBroadcaster({ store, queue, redis: deps.redis, keyPrefix: deps.prefix });
  const clipService = createClipService(deps.mongo);
  let hooks: DeliveryHooks | undefined;
  let workers: DeliveryWorkers | undefined;

  return {
    /** The features; the delivery hooks tell teachers through the notifier given here. */
    features(notify: Notify): Feature[] {
      hooks = createClipDeliveryHooks({ mongo: deps.mongo, links, i18n: deps.i18n, notify });
      return [
        createClassesFeature({
          mongo: deps.mongo,
          addRole: (person, role) => deps.people.addRole(person, role),
          schools: deps.schools,
          ...(botUsername ? { botUsername } : {}),
          countRecentClips: (ids, days) => clipService.countRecent(ids, days),
        }),
        createClipsFeature({ mongo: deps.mongo, broadcaster, store, links }),
      ];
    },
    routes: clipRoutes({
      mongo: deps.mongo,
      links,
      t: deps.i18n.translator(deps.i18n.defaultLocale),
      fileUrl: async (file) => (file.channel === "telegram" ? telegram?.fileUrl(file.fileId) : undefined),
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
    }),
    /** After the channels started: one queue and worker per running channel. */
    async start() {
      if (!hooks) throw new Error("lessons: features() must be called before start()");
      workers = createDeliveryWorkers({
        redis: deps.redis,
        bullPrefix,
        keyPrefix: deps.prefix,
        channels: deps.channelNames(),
        store,
        logger: deps.logger,
        send: deps.send,
        hooks,
      });
      await workers.start();
    },
    async stop() {
      await workers?.stop();
      await queue.close();
    },
  };
}
