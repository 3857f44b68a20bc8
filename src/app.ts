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
import type { ChannelDeps } from "./core/channel.js";
import { createConversation } from "./core/conversation.js";
import type { Feature } from "./core/feature.js";
import { createI18n } from "./core/i18n.js";
import { createRecordLock } from "./core/lock.js";
import type { Logger } from "./core/logger.js";
import { createOfferedMemory } from "./core/offered-choices.js";
import type { Pipeline } from "./core/pipeline.js";
import type { RateLimit } from "./core/rate-limit.js";
import { type ChannelDirectory, createChannelRegistry } from "./core/sending/channel-registry.js";
import { createReachability } from "./core/sending/reachability.js";
import { createSender } from "./core/sending/sender.js";
import { allocationFeature } from "./features/allocation/feature.js";
import { campaignsFeature } from "./features/campaigns/feature.js";
import { carriersFeature } from "./features/carriers/feature.js";
import { classesFeature } from "./features/classes/feature.js";
import { clipsFeature } from "./features/clips/feature.js";
import { createConsoleFeature } from "./features/console/feature.js";
import type { FeatureContext, FeatureFactory } from "./features/context.js";
import { handoverFeature } from "./features/handover/feature.js";
import { paymentsFeature } from "./features/payments/feature.js";
import { peopleFeature } from "./features/people/feature.js";
import { createPeopleService } from "./features/people/service.js";
import { pledgesFeature } from "./features/pledges/feature.js";
import { createPrivacyFeature } from "./features/privacy/feature.js";
import { reportsFeature } from "./features/reports/feature.js";
import { requestsFeature } from "./features/requests/feature.js";
import { seedSampleSchools } from "./features/schools/seed-sample.js";
import { createSchoolService } from "./features/schools/service.js";
import { createStaffDirectory } from "./features/staff/directory.js";
import { staffFeature } from "./features/staff/feature.js";
import { createScopeResolver } from "./features/staff/scope.js";
import { supportFeature } from "./features/support/feature.js";
import { transparencyFeature } from "./features/transparency/feature.js";
import { buildMetricsServer, createMetrics, type Metrics } from "./http/metrics.js";
import { buildServer } from "./http/server.js";
import { createDeliveryEngine } from "./jobs/delivery-engine.js";
import { createRedisDeliveryStore } from "./jobs/redis-delivery-store.js";
import { provisionStores } from "./storage/local/provision.js";
import { connectMongo, isMongoUp } from "./storage/mongo.js";
import { APP_KEY_PREFIX, connectRedis, isRedisUp, type Redis } from "./storage/redis.js";

/**
 * Every feature, in the order the main menu lists their entries and the router asks them
 * about content outside a form. A new feature is one line here.
 */
export const FEATURES: FeatureFactory[] = [
  peopleFeature,
  requestsFeature,
  pledgesFeature,
  transparencyFeature,
  paymentsFeature,
  classesFeature,
  clipsFeature,
  campaignsFeature,
  supportFeature,
  carriersFeature,
  staffFeature,
  allocationFeature,
  handoverFeature,
  reportsFeature,
];

export interface AppOptions {
  /** Overrides HOST for the public listener. */
  host?: string;
  /** Redis key prefix; tests give each app its own. */
  redisPrefix?: string;
  rateLimit?: RateLimit;
  fetch?: typeof fetch;
  /** The feature list; tests add one to show what a new feature takes. Default FEATURES. */
  features?: FeatureFactory[];
}

export interface RunningApp {
  url: string;
  /** The Prometheus listener's base URL (GET /metrics there). */
  metricsUrl: string;
  server: FastifyInstance;
  mongo: Connection;
  redis: Redis;
  /** The Redis key prefix this app writes under. */
  prefix: string;
  metrics: Metrics;
  pipeline: Pipeline;
  channels: ChannelDirectory;
  features: Feature[];
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

    const prefix = options.redisPrefix ?? APP_KEY_PREFIX;
    const metrics = createMetrics();
    const i18n = createI18n(config.defaultLocale);
    const people = createPeopleService({ mongo, redis, prefix }, config.adminIds);
    const schools = createSchoolService(mongo);
    if (!config.mongodbUri) await seedSampleSchools(schools, logger);

    // Built before any feature, so every send path exists from the start: no late binding.
    const channels = createChannelRegistry();
    const reachability = createReachability(redis, prefix);
    const lock = createRecordLock(redis, prefix);
    const staffScopes = createScopeResolver(mongo);
    const staff = createStaffDirectory(mongo, {
      adminIds: config.adminIds,
      roles: people,
      lock,
      scopes: staffScopes,
    });
    const sender = createSender({
      channels,
      i18n,
      reachability,
      logger,
      onOutcome: (channel, outcome) => metrics.outbound.labels(channel, outcome).inc(),
      rememberOffered: createOfferedMemory(redis, prefix),
    });
    const deliveries = createDeliveryEngine({
      redis,
      prefix,
      store: createRedisDeliveryStore({ connection: mongo, redis, prefix, logger }),
      send: sender.send,
      channels,
      reachability,
      logger,
    });
    const context: FeatureContext = {
      config,
      mongo,
      redis,
      prefix,
      i18n,
      lock,
      logger,
      sender,
      channels,
      reachability,
      deliveries,
      people,
      schools,
      staff,
      staffScopes,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    };
    const built: Feature[] = [];
    for (const factory of options.features ?? FEATURES) built.push(await factory(context));
    // "Dữ liệu của tôi" is made from every other feature's privacy hooks, and the staff console
    // from their console pages, so they come last.
    const features = [...built, createPrivacyFeature(built, context), createConsoleFeature(built, context)];

    const { pipeline } = createConversation({
      redis,
      prefix,
      i18n,
      people,
      channels,
      sender,
      reachability,
      logger,
      features,
      rateLimit: options.rateLimit ?? { max: 30, windowSeconds: 60 },
      onOutcome: (channel, outcome) => metrics.inbound.labels(channel, outcome).inc(),
    });

    const channelDeps: ChannelDeps = {
      onInbound: (message) => pipeline.handle(message),
      onIgnored: (channel, reason) => {
        metrics.inbound.labels(channel, "ignored").inc();
        logger.debug({ channel, reason }, "update ignored");
      },
      logger,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    };
    if (config.telegram) channels.add(createTelegramChannel(config.telegram, channelDeps));
    if (config.zalo) channels.add(createZaloChannel(config.zalo, channelDeps));
    const zaloOa = config.zaloOa
      ? createZaloOaChannel(config.zaloOa, { ...channelDeps, mongo, redis, keyPrefix: prefix })
      : undefined;
    if (zaloOa) channels.add(zaloOa);
    if (config.webChatEnabled) {
      const secureCookie = config.publicUrl.startsWith("https:");
      channels.add(createWebChatChannel({ ...channelDeps, redis, mongo, keyPrefix: prefix, secureCookie }));
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
      routes: [...channels.all(), ...features].flatMap((part) => (part.routes ? [part.routes] : [])),
      redis,
      prefix,
      trustProxy: config.trustProxy,
    });
    // Fastify's close() stops accepting and waits for requests in flight.
    closers.push(() => server.close());
    const host = options.host ?? config.host;
    await server.listen({ port: config.port, host });
    const url = `http://${loopbackFor(host)}:${boundPort(server, config.port)}`;

    const metricsServer = await buildMetricsServer(metrics);
    closers.push(() => metricsServer.close());
    await metricsServer.listen({ port: config.metrics.port, host: config.metrics.host });
    const metricsUrl = `http://${loopbackFor(config.metrics.host)}:${boundPort(metricsServer, config.metrics.port)}`;

    for (const channel of channels.all()) {
      if (channel.stop) closers.push(() => channel.stop?.() ?? Promise.resolve());
      await channel.start?.();
    }
    // What people sent too fast before a restart is handled once their window opens.
    closers.push(async () => pipeline.stop());
    await pipeline.start();
    // Workers start after the channels they send on, and stop before the stores close.
    closers.push(() => deliveries.stop());
    await deliveries.start();
    for (const feature of features) {
      if (feature.stop) closers.push(() => feature.stop?.() ?? Promise.resolve());
      await feature.start?.();
    }
    logger.info(
      { url, metricsUrl, publicUrl: config.publicUrl, channels: channels.names() },
      "ChoEm is listening",
    );
    return { url, metricsUrl, server, mongo, redis, prefix, metrics, pipeline, channels, features, close };
  } catch (error) {
    await close();
    throw error;
  }
}

function boundPort(server: FastifyInstance, configured: number): number {
  const address = server.server.address();
  return typeof address === "object" && address ? address.port : configured;
}

/** An address this process can reach a listener bound to `host` at. */
function loopbackFor(host: string): string {
  if (host === "0.0.0.0" || host === "::" || host === "localhost") return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}
