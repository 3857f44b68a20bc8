/**
 * The Zalo Official Account channel (OA API v3): signed events in on POST /webhooks/zalo-oa,
 * customer-service messages out to people who wrote to the OA in the last 7 days. Tokens rotate
 * through MongoDB and a Redis lock (tokens.ts); isHealthy() turns false when they cannot be
 * refreshed, for /readyz. Buttons are off by default: the v3 docs publish no button payload for
 * /message/cs, so numbered options are the safe choice until tested on the real OA.
 * Platform notes: docs/platforms/zalo-oa.md, https://developers.zalo.me/docs/official-account
 */
import type { Connection } from "mongoose";
import type { Capabilities, Channel, ChannelDeps } from "../../core/channel.js";
import type { Redis } from "../../storage/redis.js";
import { createZaloOaClient } from "./client.js";
import { createZaloOaSender } from "./deliver.js";
import { ZALO_OA_MAX_TEXT_LENGTH } from "./payloads.js";
import { ZALO_OA_REQUESTS_PER_MINUTE } from "./reach.js";
import { createMongoTokenStore } from "./token-store.js";
import { createZaloOaTokens } from "./tokens.js";
import { zaloOaWebhook } from "./webhook.js";

export interface ZaloOaChannelConfig {
  appId: string;
  /** The OA Secret Key from the app's webhook page: it signs events. */
  secretKey: string;
  /**
   * The App secret, sent as `secret_key` to OAuth. Zalo shows it apart from the OA Secret Key
   * (docs/platforms/zalo-oa.md §8). ZALO_OA_APP_SECRET sets it; without it the OA Secret Key is used.
   */
  appSecret?: string;
  /** ZALO_OA_REFRESH_TOKEN, used only while nothing is stored for this app. */
  refreshToken: string | undefined;
  apiRoot: string;
  oauthRoot: string;
  /** Send choices as OA buttons (at most five) instead of numbered lines. */
  buttons?: boolean;
}

export type ZaloOaChannelDeps = ChannelDeps & {
  mongo: Connection;
  redis: Redis;
  keyPrefix?: string;
  /** How long a webhook answer waits for the core before acknowledging anyway. */
  ackBudgetMs?: number;
};

export type ZaloOaChannel = Channel & { isHealthy(): boolean };

export function zaloOaCapabilities(buttons: boolean): Capabilities {
  return {
    buttons,
    // OA buttons stack vertically, one per row.
    maxTextLength: ZALO_OA_MAX_TEXT_LENGTH,
    maxCaptionLength: ZALO_OA_MAX_TEXT_LENGTH,
    media: { photo: "native", video: "link", document: "native" },
    requestPhone: true,
    groups: false,
    uploads: false,
    urlsOpenedBy: "platform",
    // The app may make 4,000 requests a minute; keep a tenth for uploads and token refreshes.
    sendRate: { max: Math.floor((ZALO_OA_REQUESTS_PER_MINUTE / 60) * 0.9), perMs: 1000 },
    groupGapMs: 0,
  };
}

/** Often enough that the 25 h access token is renewed in time, and the refresh token long before its 3 months. */
const TOKEN_CHECK_EVERY_MS = 30 * 60_000;

export function createZaloOaChannel(config: ZaloOaChannelConfig, deps: ZaloOaChannelDeps): ZaloOaChannel {
  const log = deps.logger.child({ channel: "zalo-oa" });
  const doFetch = deps.fetch ?? fetch;
  const client = createZaloOaClient({
    appId: config.appId,
    appSecret: config.appSecret ?? config.secretKey,
    apiRoot: config.apiRoot,
    oauthRoot: config.oauthRoot,
    fetch: doFetch,
  });
  const tokens = createZaloOaTokens({
    appId: config.appId,
    envRefreshToken: config.refreshToken,
    client,
    store: createMongoTokenStore(deps.mongo, config.appId),
    redis: deps.redis,
    keyPrefix: deps.keyPrefix,
    logger: log,
  });
  const send = createZaloOaSender({
    client,
    tokens,
    fetch: doFetch,
    logger: log,
    buttons: config.buttons ?? false,
  });
  const routes = zaloOaWebhook({
    appId: config.appId,
    secretKey: config.secretKey,
    onInbound: deps.onInbound,
    onIgnored: (reason) => deps.onIgnored("zalo-oa", reason),
    logger: log,
    ackBudgetMs: deps.ackBudgetMs,
  });

  let timer: NodeJS.Timeout | undefined;
  let checking: Promise<unknown> | undefined;
  const check = () => {
    checking ??= tokens.accessToken().finally(() => {
      checking = undefined;
    });
  };

  return {
    name: "zalo-oa",
    capabilities: zaloOaCapabilities(config.buttons ?? false),
    send,
    routes,
    // Not awaited: start-up must not wait on Zalo; a failure is logged and shows in isHealthy().
    async start() {
      check();
      timer ??= setInterval(check, TOKEN_CHECK_EVERY_MS).unref();
    },
    async stop() {
      clearInterval(timer);
      timer = undefined;
      await checking;
    },
    isHealthy: () => tokens.isHealthy(),
  };
}
