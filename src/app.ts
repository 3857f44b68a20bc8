/**
 * Composition root as a function: everything the bot needs, built from a Config, started,
 * and closed again in reverse order. main.ts and the whole-app tests both use it.
 */
import type { FastifyInstance } from "fastify";
import type { Connection } from "mongoose";
import { createTelegramChannel } from "./channels/telegram/adapter.js";
import { createWebChatChannel } from "./channels/webchat/adapter.js";
import { createZaloChannel } from "./channels/zalo/adapter.js";
import { createZaloOaChannel } from "./channels/zalo-oa/adapter.js";
import type { Config } from "./config.js";
import type { Channel, ChannelDeps } from "./core/channel.js";
import { createConversation } from "./core/conversation.js";
import { createI18n } from "./core/i18n.js";
import type { Logger } from "./core/logger.js";
import type { ChannelName, OutboundMessage, SendOutcome } from "./core/messages.js";
import type { Pipeline } from "./core/pipeline.js";
import type { RateLimit } from "./core/rate-limit.js";
import { createLessons } from "./features/clips/lessons.js";
import { createPeopleFeature } from "./features/people/feature.js";
import { createPeopleService } from "./features/people/service.js";
import { createPledgesFeature } from "./features/pledges/feature.js";
import { createPrivacyFeature } from "./features/privacy/feature.js";
import { createRequestsFeature } from "./features/requests/feature.js";
import { seedSampleSchools } from "./features/schools/seed-sample.js";
import { createSchoolService } from "./features/schools/service.js";
import { createSupportFeature } from "./features/support/feature.js";
import { createMetrics, type Metrics } from "./http/metrics.js";
import { buildServer } from "./http/server.js";
import { provisionStores } from "./storage/local/provision.js";
import { connectMongo, isMongoUp } from "./storage/mongo.js";
import { connectRedis, isRedisUp, type Redis } from "./storage/redis.js";

export interface AppOptions {
  host?: string;
  /** Redis key prefix; tests give each app its own. */
  redisPrefix?: string;
  rateLimit?: RateLimit;
  fetch?: typeof fetch;
}

export interface RunningApp {
  url: string;
  server: FastifyInstance;
  mongo: Connection;
  redis: Redis;
  metrics: Metrics;
  pipeline: Pipeline;
  channels: Map<ChannelName, Channel>;
  close(): Promise<void>;
}

export async function startApp(
  config: Config,
  logger: Logger,
  options: AppOptions = {},
): Promise<RunningApp> {
  const closers: Array<() => Promise<unknown>> = [];
  const close = async () => {
    for (const closer of closers.reverse()) {
      await closer().catch((err) => logger.error({ err }, "error while closing"));
    }
  };
  try {
    const stores = await provisionStores(config, logger);
    closers.push(() => stores.stop());
    const mongo = await connectMongo(stores.mongodbUri, logger);
    closers.push(() => mongo.close());
    const redis = await connectRedis(stores.redisUrl, logger);
    closers.push(() => redis.quit().catch(() => redis.disconnect()));

    const prefix = options.redisPrefix ?? "choem:";
    const metrics = createMetrics();
    const i18n = createI18n(config.defaultLocale);
    const people = createPeopleService(mongo, config.adminIds);
    const schools = createSchoolService(mongo);
    if (!config.mongodbUri) await seedSampleSchools(schools, logger);
    const channels = new Map<ChannelName, Channel>();
    const send = async (
      channel: ChannelName,
      chatId: string,
      message: OutboundMessage,
    ): Promise<SendOutcome> => {
      const target = channels.get(channel);
      return target
        ? target.send(chatId, message)
        : { kind: "unsupported", reason: `channel ${channel} is not running` };
    };
    const lessons = await createLessons({
      mongo,
      redis,
      prefix,
      i18n,
      people,
      schools,
      logger,
      publicUrl: config.publicUrl,
      clipLinkSecret: config.clipLinkSecret,
      telegram: config.telegram,
      channelNames: () => [...channels.keys()],
      send,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
    // Built inside the features callback (it needs the notifier); its routes and worker are used below.
    let pledges: ReturnType<typeof createPledgesFeature> | undefined;
    const { pipeline } = createConversation({
      redis,
      prefix,
      i18n,
      people,
      channels,
      logger,
      rateLimit: options.rateLimit ?? { max: 30, windowSeconds: 60 },
      onOutcome: (channel, outcome) => metrics.inbound.labels(channel, outcome).inc(),
      features: (notify) => {
        pledges = createPledgesFeature({
          mongo,
          redis,
          notify,
          send,
          publicUrl: config.publicUrl,
          vietqr: config.vietqr,
          logger,
          queuePrefix: prefix.replace(/:$/, ""),
        });
        return [
          createPeopleFeature(people),
          createRequestsFeature({ mongo, schools, notify }),
          pledges.feature,
          ...lessons.features(notify),
          createSupportFeature(mongo),
          createPrivacyFeature(mongo),
        ];
      },
    });
    const jobs = [pledges!, lessons];

    const channelDeps: ChannelDeps = {
      onInbound: (message) => pipeline.handle(message),
      onIgnored: (channel, reason) => {
        metrics.inbound.labels(channel, "ignored").inc();
        logger.debug({ channel, reason }, "update ignored");
      },
      logger,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    };
    // Every send, replies and broadcasts alike, is counted by channel and outcome.
    const register = (channel: Channel) => {
      const sendRaw = channel.send.bind(channel);
      channels.set(channel.name, {
        ...channel,
        async send(chatId, message) {
          const outcome = await sendRaw(chatId, message);
          metrics.outbound.labels(channel.name, outcome.kind).inc();
          return outcome;
        },
      });
    };
    if (config.telegram) register(createTelegramChannel(config.telegram, channelDeps));
    if (config.zalo) register(createZaloChannel(config.zalo, channelDeps));
    const zaloOa = config.zaloOa
      ? createZaloOaChannel(config.zaloOa, { ...channelDeps, mongo, redis, keyPrefix: prefix })
      : undefined;
    if (zaloOa) register(zaloOa);
    if (config.webChatEnabled) {
      register(createWebChatChannel({ ...channelDeps, redis, keyPrefix: prefix }));
    }

    const server = await buildServer({
      logger,
      metrics,
      readiness: {
        redis: () => isRedisUp(redis),
        mongodb: () => isMongoUp(mongo),
        // A failing token refresh means no OA message goes out: alert through readiness.
        ...(zaloOa ? { zaloOa: async () => zaloOa.isHealthy() } : {}),
      },
      routes: [
        ...[...channels.values()].flatMap((channel) => (channel.routes ? [channel.routes] : [])),
        ...jobs.map((job) => job.routes),
      ],
    });
    // Fastify's close() stops accepting and waits for requests in flight.
    closers.push(() => server.close());
    await server.listen({ port: config.port, host: options.host ?? "0.0.0.0" });
    const address = server.server.address();
    const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : config.port}`;

    for (const channel of channels.values()) {
      if (channel.stop) closers.push(() => channel.stop?.() ?? Promise.resolve());
      await channel.start?.();
    }
    for (const job of jobs) {
      closers.push(() => job.stop());
      await job.start();
    }
    logger.info({ url, publicUrl: config.publicUrl, channels: [...channels.keys()] }, "ChoEm is listening");
    return { url, server, mongo, redis, metrics, pipeline, channels, close };
  } catch (error) {
    await close();
    throw error;
  }
}
