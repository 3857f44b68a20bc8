/**
 * Builds Zalo OA channels against the loopback fake and the run's real MongoDB and Redis. Each
 * harness gets its own database, Redis prefix and app id, and captures every log line.
 */
import type { Connection } from "mongoose";
import {
  createZaloOaChannel,
  type ZaloOaChannel,
  type ZaloOaChannelDeps,
} from "../../../src/channels/zalo-oa/adapter.js";
import { createLogger } from "../../../src/core/logger.js";
import { connectMongo } from "../../../src/storage/mongo.js";
import { Redis } from "../../../src/storage/redis.js";
import { FAKE_OA_SECRET_KEY, type FakeZaloOaApi, startFakeZaloOaApi } from "../../fakes/zalo-oa-api.js";
import { silentLogger } from "../../helpers/silent-logger.js";
import { testMongoUri, testRedisUrl, uniqueName } from "../../helpers/stores.js";

export interface OaHarness {
  api: FakeZaloOaApi;
  mongo: Connection;
  redis: Redis;
  keyPrefix: string;
  /** Every line any channel of this harness logged, as written (JSON). */
  logs: string[];
  channel(
    options?: { buttons?: boolean; refreshToken?: string | null },
    deps?: Partial<ZaloOaChannelDeps>,
  ): ZaloOaChannel;
  /** The stored token document of this harness's app, straight from MongoDB. */
  storedTokens(): Promise<Record<string, unknown> | null>;
  close(): Promise<void>;
}

export async function startOaHarness(): Promise<OaHarness> {
  const api = await startFakeZaloOaApi({ appId: String(4_000_000_000 + Math.floor(Math.random() * 1e9)) });
  const mongo = await connectMongo(testMongoUri(), silentLogger());
  const redis = new Redis(testRedisUrl());
  const keyPrefix = `${uniqueName("oa")}:`;
  const logs: string[] = [];
  const logger = createLogger("info", { write: (line: string) => void logs.push(line) });

  return {
    api,
    mongo,
    redis,
    keyPrefix,
    logs,
    channel(options = {}, deps = {}) {
      return createZaloOaChannel(
        {
          appId: api.appId,
          secretKey: FAKE_OA_SECRET_KEY,
          appSecret: api.appSecret,
          // null: no ZALO_OA_REFRESH_TOKEN at all; by default the fake's current one.
          refreshToken:
            options.refreshToken === null ? undefined : (options.refreshToken ?? api.refreshToken),
          apiRoot: api.apiRoot,
          oauthRoot: api.oauthRoot,
          ...(options.buttons === undefined ? {} : { buttons: options.buttons }),
        },
        {
          onInbound: async () => {},
          onIgnored: () => {},
          logger,
          mongo,
          redis,
          keyPrefix,
          ...deps,
        },
      );
    },
    storedTokens: () => mongo.collection("zalo_oa_tokens").findOne({ appId: api.appId }),
    async close() {
      await api.close();
      await mongo.dropDatabase();
      await mongo.close();
      await redis.quit();
    },
  };
}
