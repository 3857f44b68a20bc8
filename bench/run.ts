/**
 * `npm run bench`: runs every benchmark against private local Redis and MongoDB (or the
 * configured ones) and prints the figures. Benchmarks are measurements, not tests: they report
 * honestly and never fail the build. `BENCH_ONLY=broadcast`, `inbound` or `data` runs one part
 * (`data`: the staff queue and the summary at 10k and 100k requests, 500k by env, bench/data.bench.ts;
 * `reports`: the dashboard against a plain scan, bench/reports.ts, only when asked for;
 * `allocation`: a lot's proposal against a plain scan, bench/allocation.ts, only when asked for).
 */
import { loadConfig } from "../src/config.js";
import { createLogger } from "../src/core/logger.js";
import type { DeliveryDocument } from "../src/jobs/delivery-model.js";
import type { DeliveryStore } from "../src/jobs/delivery-store.js";
import { createMemoryDeliveryStore } from "../src/jobs/memory-delivery-store.js";
import { createRedisDeliveryStore } from "../src/jobs/redis-delivery-store.js";
import { provisionStores } from "../src/storage/local/provision.js";
import { connectMongo } from "../src/storage/mongo.js";
import { connectRedis } from "../src/storage/redis.js";
import { runAllocationBench } from "./allocation.js";
import {
  ALLOWED_PER_SECOND,
  type RunResult,
  runBaseline,
  runQueue,
  telegramOver,
} from "./broadcast.bench.js";
import { runDataBench } from "./data.bench.js";
import { startFakePlatform } from "./fake-platform-client.js";
import { runInboundBench } from "./inbound.bench.js";
import { runReportsBench } from "./reports.js";

const TARGETS = Number(process.env.BENCH_TARGETS ?? 10_000);
// The real store (Redis state, MongoDB records written behind) on the same 10,000 by default.
const MONGO_TARGETS = Number(process.env.BENCH_MONGO_TARGETS ?? 10_000);
/**
 * 1,000 a second counted in quarter-second windows (250 per 250 ms): the same rate as one
 * 1,000-per-second window, without a burst each second that, added to a straggling previous
 * window, runs past what the platform tolerates and costs a whole second of 429 pause.
 */
const WINDOW_MS = Number(process.env.BENCH_WINDOW_MS ?? 250);

function line(result: RunResult, baseline?: RunResult): string {
  const allowed = (result.rate / ALLOWED_PER_SECOND).toFixed(3);
  // The platform allows nothing while it has told us to wait: that time is not ours to use.
  const open = result.targets / (ALLOWED_PER_SECOND * Math.max(0.001, result.seconds - result.toldToWait));
  const ofBaseline = baseline ? ` | ${(result.rate / baseline.rate).toFixed(3)} of baseline` : "";
  return (
    `${result.name.padEnd(40)} ${String(result.targets).padStart(6)} in ${result.seconds.toFixed(2).padStart(6)} s` +
    ` = ${result.rate.toFixed(0).padStart(4)}/s | ${allowed} of allowed (${open.toFixed(3)} outside 429 waits of ` +
    `${result.toldToWait.toFixed(1)} s)${ofBaseline} | 429s ${result.throttled} | duplicates ${result.duplicates} | lost ${result.lost}` +
    (result.uncertain > 0 ? ` | uncertain ${result.uncertain}` : "") +
    (result.flushSeconds !== undefined
      ? ` | all in MongoDB ${result.flushSeconds.toFixed(1)} s after the last send`
      : "")
  );
}

type Logger = ReturnType<typeof createLogger>;

async function runBroadcastBench(
  stores: { redisUrl: string; mongodbUri: string },
  logger: Logger,
): Promise<void> {
  const redis = await connectRedis(stores.redisUrl, logger);
  const mongo = await connectMongo(stores.mongodbUri, logger);
  const platform = await startFakePlatform(ALLOWED_PER_SECOND);
  const telegram = telegramOver(platform, logger);
  const prefix = `bench${Date.now()}:`;
  try {
    console.log(
      `broadcast: fake platform allows ${ALLOWED_PER_SECOND}/s (token bucket, 1 s burst); ` +
        `limiter ${ALLOWED_PER_SECOND}/s in ${WINDOW_MS} ms windows; forced 429s carry retry_after 1 s`,
    );
    const queueDeps = { platform, telegram, redis, logger };
    const opened: DeliveryStore[] = [];
    const realStore = async (keys: string, started = true) => {
      const store = createRedisDeliveryStore({ connection: mongo, redis, prefix: keys, logger });
      if (started) await store.start();
      opened.push(store);
      return store;
    };
    const uncertainChats = async (broadcastId: string) =>
      (
        await mongo
          .collection<DeliveryDocument>("deliveries")
          .find({ broadcastId, status: "uncertain" }, { projection: { chatId: 1 } })
          .toArray()
      ).map((d) => d.chatId);
    for (const injected429 of [0, 3]) {
      const baseline = await runBaseline(platform, telegram, TARGETS, injected429, WINDOW_MS);
      console.log(line(baseline));
      const memory = await runQueue(
        "queue + memory store",
        { ...queueDeps, store: createMemoryDeliveryStore(), prefix: `${prefix}m${injected429}:` },
        { targets: TARGETS, injected429, concurrency: 100, windowMs: WINDOW_MS },
      );
      console.log(line(memory, baseline));
      const keys = `${prefix}r${injected429}:`;
      const real = await runQueue(
        "queue + real store (Redis + FerretDB)",
        { ...queueDeps, store: await realStore(`${keys}keys:`), prefix: keys, uncertainChats },
        { targets: MONGO_TARGETS, injected429, concurrency: 100, windowMs: WINDOW_MS },
      );
      console.log(line(real, MONGO_TARGETS === TARGETS ? baseline : undefined));
    }
    // The killed process's store never wrote to MongoDB (the worst case for the replay); the
    // process that takes over opens a new store on the same keys.
    const keys = `${prefix}k:`;
    const killed = await runQueue(
      "queue + real store (Redis + FerretDB)",
      {
        ...queueDeps,
        store: await realStore(`${keys}keys:`, false),
        prefix: keys,
        nextStore: () => realStore(`${keys}keys:`),
        uncertainChats,
      },
      { targets: MONGO_TARGETS, injected429: 0, concurrency: 100, windowMs: WINDOW_MS, killAt: 0.3 },
    );
    console.log(line(killed));
    for (const store of opened) await store.stop();
  } finally {
    platform.close();
    await mongo.dropDatabase().catch(() => undefined);
    await mongo.close();
    redis.disconnect();
  }
}

const PARTS = ["broadcast", "inbound", "data", "reports", "allocation"] as const;

async function main(): Promise<void> {
  const only = process.env.BENCH_ONLY;
  if (only !== undefined && only !== "" && !PARTS.includes(only as (typeof PARTS)[number])) {
    throw new Error(`BENCH_ONLY must be one of ${PARTS.join(", ")}`);
  }
  const runs = (part: (typeof PARTS)[number]) => !only || only === part;
  const logger = createLogger(process.env.BENCH_LOG ?? "warn");
  const loaded = loadConfig(process.env);
  if (!loaded.ok) throw new Error(loaded.message);
  const stores = await provisionStores(loaded.config, logger);
  try {
    if (runs("broadcast")) await runBroadcastBench(stores, logger);
    if (runs("inbound")) await runInboundBench(stores);
    if (runs("data")) await runDataBench(stores);
    // Not in the default run: seeding 500,000 requests takes minutes (BENCH_ONLY=reports).
    if (only === "reports") await runReportsBench(stores);
    // Also only when asked for: seeding 100,000 requests (BENCH_ONLY=allocation).
    if (only === "allocation") await runAllocationBench(stores);
  } finally {
    await stores.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
