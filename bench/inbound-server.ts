/**
 * One server under test of the inbound benchmark, in its own process (bench/child.ts), so its
 * memory is its own and it has a core's worth of event loop like a deployed instance:
 *
 * - `grammy`: a bare grammY bot behind Fastify (`webhookCallback(bot, "fastify")`) that echoes
 *   each message and button press with `ctx.reply`: the floor of what a webhook bot can cost.
 * - `grammy-redis`: the same with three Redis round trips first (SET NX dedupe, INCR rate, GET
 *   session), what the least a stateful bot does per update.
 * - `choem`: the whole app, startApp() as main.ts runs it, in webhook mode.
 *
 * argv: variant. env: BENCH_API_ROOT, BENCH_TOKEN, BENCH_SECRET, BENCH_REDIS_URL, BENCH_MONGODB_URI,
 * BENCH_PREFIX, BENCH_LOG. IPC: "memory" (after a full GC when --expose-gc), "cpu" (process.cpuUsage()), "outcomes" and "seed"
 * (ChoEm).
 */
import Fastify from "fastify";
import { Bot, webhookCallback } from "grammy";
import { Redis } from "ioredis";
import { startApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { createLogger } from "../src/core/logger.js";
import { personModel } from "../src/features/people/model.js";
import { createPersonCache } from "../src/features/people/person-cache.js";
import { serveParent } from "./child.js";

export type Variant = "grammy" | "grammy-redis" | "choem";

export const BENCH_BOT = {
  id: 7_000_000_001,
  is_bot: true as const,
  first_name: "ChoEm",
  username: "choem_bench_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

interface Started {
  url: string;
  outcomes?: () => Promise<Record<string, number>>;
  seed?: (chatIds: number[]) => Promise<void>;
  close(): Promise<void>;
}

async function startGrammy(withRedis: boolean): Promise<Started> {
  const bot = new Bot(env("BENCH_TOKEN"), { botInfo: BENCH_BOT, client: { apiRoot: env("BENCH_API_ROOT") } });
  const redis = withRedis ? new Redis(env("BENCH_REDIS_URL")) : undefined;
  const prefix = env("BENCH_PREFIX");
  if (redis) {
    bot.use(async (ctx, next) => {
      const claimed = await redis.set(`${prefix}seen:${ctx.update.update_id}`, "1", "EX", 86_400, "NX");
      if (claimed !== "OK") return;
      await redis.incr(`${prefix}rate:${ctx.from?.id}`);
      await redis.get(`${prefix}session:${ctx.chat?.id}`);
      await next();
    });
  }
  bot.on("message:text", (ctx) => ctx.reply(ctx.message.text));
  bot.on("callback_query:data", (ctx) => {
    // As ChoEm does: the button stops spinning at once, the reply is what is awaited.
    ctx.answerCallbackQuery().catch(() => undefined);
    return ctx.reply(ctx.callbackQuery.data);
  });
  bot.catch((error) => console.error("grammY bench bot:", error.message));
  const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
  app.post("/webhooks/telegram", webhookCallback(bot, "fastify", { secretToken: env("BENCH_SECRET") }));
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  return {
    url,
    async close() {
      await app.close();
      redis?.disconnect();
    },
  };
}

async function startChoEm(): Promise<Started> {
  const loaded = loadConfig({
    MONGODB_URI: env("BENCH_MONGODB_URI"),
    REDIS_URL: env("BENCH_REDIS_URL"),
    PORT: "0",
    // Any free port: two ChoEm servers may run side by side (BENCH_INBOUND_BASELINE).
    METRICS_PORT: "0",
    PUBLIC_URL: "https://choem.example.vn",
    CLIP_LINK_SECRET: "bench-clip-link-secret-0123456789",
    TELEGRAM_BOT_TOKEN: env("BENCH_TOKEN"),
    TELEGRAM_API_ROOT: env("BENCH_API_ROOT"),
    TELEGRAM_WEBHOOK_SECRET: env("BENCH_SECRET"),
  });
  if (!loaded.ok) throw new Error(loaded.message);
  const logger = createLogger(process.env.BENCH_LOG ?? "warn");
  const prefix = env("BENCH_PREFIX");
  const app = await startApp(loaded.config, logger, { host: "127.0.0.1", redisPrefix: prefix });
  return {
    url: app.url,
    /**
     * What a first "/start" of each chat leaves behind (the record, the cached person, the hourly
     * lastSeenAt mark), written in bulk with the people service's own model and cache: through the
     * app, FerretDB/SQLite creates a few records a second once it holds thousands.
     */
    async seed(chatIds) {
      const cache = createPersonCache(app.redis, prefix);
      const created = await personModel(app.mongo).insertMany(
        chatIds.map((id) => ({ channel: "telegram", userId: String(id), locale: "vi", roles: [] })),
      );
      for (const record of created) {
        const person = { id: String(record._id), channel: "telegram" as const, userId: record.userId };
        await cache.fill({ ...person, locale: "vi", roles: [] });
        await cache.read("telegram", record.userId);
      }
    },
    async outcomes() {
      const metric = await app.metrics.inbound.get();
      return Object.fromEntries(metric.values.map((v) => [String(v.labels.outcome), v.value]));
    },
    async close() {
      await app.mongo.dropDatabase().catch(() => undefined);
      await app.close();
    },
  };
}

const variant = process.argv[2] as Variant;
const started = variant === "choem" ? await startChoEm() : await startGrammy(variant === "grammy-redis");
serveParent(
  started.url,
  async (cmd, message) => {
    if (cmd === "memory") {
      globalThis.gc?.();
      return process.memoryUsage();
    }
    if (cmd === "cpu") return process.cpuUsage();
    if (cmd === "outcomes") return (await started.outcomes?.()) ?? {};
    if (cmd === "seed" && started.seed) return started.seed(message.chatIds as number[]);
    throw new Error(`unknown command ${cmd}`);
  },
  () => started.close(),
);
