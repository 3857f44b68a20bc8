/**
 * Drives the real core (router, dialog engine, pipeline) on the real Redis and MongoDB, with a
 * channel that records what would be sent. Used for transcripts that do not need a platform.
 */

import { randomUUID } from "node:crypto";
import { join } from "node:path";
import type { Connection } from "mongoose";
import { telegramCapabilities } from "../../src/channels/telegram/adapter.js";
import { zaloCapabilities } from "../../src/channels/zalo/adapter.js";
import type { Capabilities, Channel } from "../../src/core/channel.js";
import { createConversation } from "../../src/core/conversation.js";
import type { Feature } from "../../src/core/feature.js";
import { createI18n, type I18n } from "../../src/core/i18n.js";
import { createRecordLock, type RecordLock } from "../../src/core/lock.js";
import { createLogger } from "../../src/core/logger.js";
import type {
  ChannelName,
  InboundContent,
  InboundMessage,
  OutboundMessage,
} from "../../src/core/messages.js";
import type { Notify } from "../../src/core/notifier.js";
import type { Pipeline } from "../../src/core/pipeline.js";
import type { RateLimit } from "../../src/core/rate-limit.js";
import { type ChannelDirectory, createChannelRegistry } from "../../src/core/sending/channel-registry.js";
import { createReachability, type Reachability } from "../../src/core/sending/reachability.js";
import { createSender, type Sender } from "../../src/core/sending/sender.js";
import { createPeopleFeature } from "../../src/features/people/feature.js";
import { createPeopleService } from "../../src/features/people/service.js";
import { createDeliveryEngine, type DeliveryEngine } from "../../src/jobs/delivery-engine.js";
import { createRedisDeliveryStore } from "../../src/jobs/redis-delivery-store.js";
import type { Redis } from "../../src/storage/redis.js";
import { silentLogger } from "./silent-logger.js";

/** A channel with buttons and a share-phone button, and one with numbered options: Telegram's and Zalo's. */
export const BUTTONS: Capabilities = telegramCapabilities;
export const NUMBERED: Capabilities = zaloCapabilities;

/** What the app gives features, built by the harness over its recording channel. */
export interface HarnessKit {
  i18n: I18n;
  notify: Notify;
  sender: Sender;
  channels: ChannelDirectory;
  reachability: Reachability;
  lock: RecordLock;
  /** The real delivery engine (Mongo records, BullMQ); its workers run after `startDeliveries()`. */
  deliveries: DeliveryEngine;
}

export interface Harness extends HarnessKit {
  pipeline: Pipeline;
  /** Starts the delivery workers (sending through the harness's channel). */
  startDeliveries(): Promise<void>;
  /** Resolves when a message matching `test` is (or was, from index `from` of `sent`) sent. */
  waitForSent(
    test: (sent: { chatId: string; message: OutboundMessage }) => boolean,
    from?: number,
  ): Promise<void>;
  close(): Promise<void>;
  sent: Array<{ chatId: string; message: OutboundMessage }>;
  /** Sends one inbound message from `chatId` and returns the replies it produced. */
  say(content: InboundContent | string, chatId?: string, updateId?: string): Promise<OutboundMessage[]>;
  /** The same from member `userId` of group `groupId`; the replies are what the whole group sees. */
  sayInGroup(content: InboundContent | string, groupId: string, userId: string): Promise<OutboundMessage[]>;
  texts(replies: OutboundMessage[]): string;
}

export function createHarness(options: {
  redis: Redis;
  mongo: Connection;
  prefix: string;
  /** Features, or a function building them over the harness's own sender and delivery engine. */
  features: Feature[] | ((kit: HarnessKit) => Feature[]);
  capabilities?: Capabilities;
  channel?: ChannelName;
  rateLimit?: RateLimit;
  /** "channel:id" entries, as ADMIN_IDS. */
  adminIds?: string[];
  /** Gives the recording channel a private-chat link, as Telegram's t.me/<bot>?start=… */
  deepLink?: (payload: string) => string;
}): Harness {
  const i18n = createI18n("vi", join(import.meta.dirname, "..", "..", "locales"));
  const admins = (options.adminIds ?? []).map((entry) => {
    const [channel = "", id = ""] = entry.split(":");
    return { channel, id };
  });
  const people = createPeopleService(options, admins);
  const sent: Harness["sent"] = [];
  const watchers: Array<{ test: Parameters<Harness["waitForSent"]>[0]; resolve: () => void }> = [];
  const name = options.channel ?? "telegram";
  const channel: Channel = {
    name,
    capabilities: options.capabilities ?? BUTTONS,
    async send(chatId, message) {
      const entry = { chatId, message };
      sent.push(entry);
      for (const watcher of watchers.filter((w) => w.test(entry))) {
        watchers.splice(watchers.indexOf(watcher), 1);
        watcher.resolve();
      }
      return { kind: "sent", messageIds: [String(sent.length)] };
    },
    ...(options.deepLink ? { deepLink: async (payload: string) => options.deepLink?.(payload) } : {}),
  };
  const logger = process.env.HARNESS_LOG ? createLogger("error") : silentLogger();
  const channels = createChannelRegistry();
  channels.add(channel);
  const reachability = createReachability(options.redis, options.prefix);
  const lock = createRecordLock(options.redis, options.prefix);
  const sender = createSender({ channels, i18n, reachability, logger });
  const notify = sender.notify;
  const deliveries = createDeliveryEngine({
    redis: options.redis,
    prefix: options.prefix,
    store: createRedisDeliveryStore({
      connection: options.mongo,
      redis: options.redis,
      prefix: options.prefix,
      logger,
    }),
    send: sender.send,
    channels,
    reachability,
    logger,
    retryDelayMs: 50,
    workers: { concurrency: 10, groupGapMs: 50 },
  });
  const kit: HarnessKit = { i18n, notify, sender, channels, reachability, lock, deliveries };
  const { pipeline } = createConversation({
    redis: options.redis,
    prefix: options.prefix,
    i18n,
    people,
    channels,
    sender,
    reachability,
    logger,
    rateLimit: options.rateLimit ?? { max: 1000, windowSeconds: 60 },
    features: [
      createPeopleFeature(people),
      ...(typeof options.features === "function" ? options.features(kit) : options.features),
    ],
  });
  async function speak(
    content: InboundContent | string,
    from: Pick<InboundMessage, "chatId" | "chatKind" | "userId" | "updateId">,
  ): Promise<OutboundMessage[]> {
    const before = sent.length;
    const message: InboundMessage = {
      channel: name,
      ...from,
      receivedAt: new Date(),
      content: typeof content === "string" ? asContent(content) : content,
    };
    await pipeline.handle(message);
    return sent.slice(before).map((s) => s.message);
  }
  return {
    ...kit,
    pipeline,
    sent,
    startDeliveries: () => deliveries.start(),
    waitForSent(test, from = 0) {
      if (sent.slice(from).some(test)) return Promise.resolve();
      return new Promise((resolve) => watchers.push({ test, resolve }));
    },
    close: async () => {
      pipeline.stop();
      await deliveries.stop();
    },
    say: (content, chatId = "1001", updateId = randomUUID()) =>
      speak(content, { chatId, chatKind: "private", userId: chatId, updateId }),
    sayInGroup: (content, groupId, userId) =>
      speak(content, { chatId: groupId, chatKind: "group", userId, updateId: randomUUID() }),
    texts: (replies) => replies.map((r) => (r.kind === "text" ? r.text : r.kind)).join("\n---\n"),
  };
}

function asContent(text: string): InboundContent {
  const command = text.match(/^\/(\w+)\s*(.*)$/s);
  return command
    ? { kind: "command", command: command[1]!.toLowerCase(), args: command[2]! }
    : { kind: "text", text };
}

export function choicesOf(reply: OutboundMessage | undefined): string[] {
  return reply && reply.kind === "text" ? (reply.choices ?? []).flat().map((c) => c.value) : [];
}

export function lastOf(replies: OutboundMessage[]): OutboundMessage | undefined {
  return replies[replies.length - 1];
}
