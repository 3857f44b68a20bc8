/**
 * The whole app in process, as operators run it: with every platform pointed at its loopback
 * fake (webhook mode behind a public URL), or with no token at all (the web chat).
 */
import { type AppOptions, type RunningApp, startApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { createLogger, type Logger } from "../../src/core/logger.js";
import { type FakeTelegramApi, startFakeTelegramApi } from "../fakes/telegram-api.js";
import { type FakeZaloApi, startFakeZaloApi } from "../fakes/zalo-api.js";
import { FAKE_OA_SECRET_KEY, type FakeZaloOaApi, startFakeZaloOaApi } from "../fakes/zalo-oa-api.js";
import { seedSchools } from "./schools.js";
import { silentLogger } from "./silent-logger.js";
import { testMongoUri, testRedisUrl, uniqueName } from "./stores.js";

export const TELEGRAM_SECRET = "telegram-secret_123";
export const ZALO_SECRET = "zalo-secret-456";
export const OA_SECRET_KEY = FAKE_OA_SECRET_KEY;

/** A debug-level logger that keeps every line, to check what the app would write to its logs. */
export function capturingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  return { logger: createLogger("debug", { write: (line: string) => void lines.push(line) }), lines };
}

export interface PlatformApp {
  app: RunningApp;
  telegram: FakeTelegramApi;
  zalo: FakeZaloApi;
  zaloOa: FakeZaloOaApi;
  close(): Promise<void>;
}

async function start(
  env: Record<string, string>,
  prefix: string,
  logger: Logger,
  options: Pick<AppOptions, "rateLimit"> = {},
): Promise<RunningApp> {
  const loaded = loadConfig({
    MONGODB_URI: testMongoUri(),
    REDIS_URL: testRedisUrl(),
    PORT: "0",
    METRICS_PORT: "0",
    ...env,
  });
  if (!loaded.ok) throw new Error(loaded.message);
  const app = await startApp(loaded.config, logger, {
    host: "127.0.0.1",
    redisPrefix: `${uniqueName(prefix)}:`,
    ...options,
  });
  await seedSchools(app.mongo);
  return app;
}

export async function startPlatformApp(
  env: Record<string, string> = {},
  logger: Logger = silentLogger(),
  /** A long transcript from one person needs a higher rate limit than people get. */
  options: Pick<AppOptions, "rateLimit"> = {},
): Promise<PlatformApp> {
  const [telegram, zalo, zaloOa] = await Promise.all([
    startFakeTelegramApi(),
    startFakeZaloApi(),
    startFakeZaloOaApi(),
  ]);
  const app = await start(
    {
      PUBLIC_URL: "https://choem.example.vn",
      CLIP_LINK_SECRET: "test-suite-clip-link-secret",
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      TELEGRAM_WEBHOOK_SECRET: TELEGRAM_SECRET,
      ZALO_BOT_TOKEN: zalo.token,
      ZALO_API_ROOT: zalo.apiRoot,
      ZALO_WEBHOOK_SECRET: ZALO_SECRET,
      ZALO_OA_APP_ID: zaloOa.appId,
      ZALO_OA_SECRET_KEY: OA_SECRET_KEY,
      ZALO_OA_APP_SECRET: zaloOa.appSecret,
      ZALO_OA_REFRESH_TOKEN: zaloOa.refreshToken,
      ZALO_OA_API_ROOT: zaloOa.apiRoot,
      ZALO_OA_OAUTH_ROOT: zaloOa.oauthRoot,
      ...env,
    },
    "p",
    logger,
    options,
  );
  return {
    app,
    telegram,
    zalo,
    zaloOa,
    async close() {
      await app.mongo.dropDatabase();
      await app.close();
      await Promise.all([telegram.close(), zalo.close(), zaloOa.close()]);
    },
  };
}

/** No platform token: the web chat, as `npm start` serves it on a fresh machine. */
export async function startWebChatApp(): Promise<RunningApp> {
  return start({}, "w", silentLogger());
}
