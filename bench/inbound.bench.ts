/**
 * Inbound benchmark (issue 12): how many updates a second the webhook takes, and how fast it
 * answers, for a bare grammY echo bot, the same with three Redis calls per update, and the
 * whole of ChoEm, in one run, against the same fake Bot API (its own process, answers at once)
 * and the same load generator (50 webhook calls in flight, every update new). Replies are
 * counted at the fake: a server that answers the webhook without replying is not fast.
 * ChoEm gets "/start" and a tap on "menu:language" in turn; the grammY bots the same updates.
 * Each server runs in its own process; ChoEm's memory is read there, and every server's CPU
 * time per update, which a loaded machine disturbs less than the rates. With
 * BENCH_INBOUND_BASELINE=<another checkout> that checkout's ChoEm takes the same turns too.
 */
import { loadavg } from "node:os";
import { join } from "node:path";
import { telegramUpdate } from "../test/fakes/telegram-updates.js";
import { type Child, startChild } from "./child.js";
import { type LoadResult, percentile, runLoad } from "./load.js";

const SECONDS = Number(process.env.BENCH_INBOUND_SECONDS ?? 10);
const CONCURRENCY = Number(process.env.BENCH_INBOUND_CONCURRENCY ?? 50);
const CHAT_COUNTS = (process.env.BENCH_INBOUND_CHATS ?? "1000,10000").split(",").map(Number);
/** Each figure is the sum of this many turns, the servers taking turns. */
const ROUNDS = Number(process.env.BENCH_INBOUND_ROUNDS ?? 5);
/** Unmeasured load each server gets first, so no figure includes a cold start (JIT, connections). */
const WARM_SECONDS = Number(process.env.BENCH_INBOUND_WARM_SECONDS ?? 3);
/** Chats warmed by a real first "/start"; those beyond are seeded in bulk (inbound-server.ts). */
const WARM_BY_APP = Number(process.env.BENCH_INBOUND_WARM_BY_APP ?? 1000);
const MEMORY_UPDATES = Number(process.env.BENCH_MEMORY_UPDATES ?? 100_000);
const MEMORY_MORE = Number(process.env.BENCH_MEMORY_MORE ?? 20_000);
const TOKEN = "123456:BENCH-inbound";
const SECRET = "bench-inbound-secret";
const FIRST_CHAT = 600_000_000;

/**
 * Another checkout of ChoEm (its root directory, with node_modules) run as a fourth server in the
 * same turns, so a change is measured against what it replaces under the very same load.
 */
const BASELINE = process.env.BENCH_INBOUND_BASELINE;

const VARIANTS = [
  { key: "grammy", name: "grammY bare (echo)" },
  { key: "grammy-redis", name: "grammY + 3 Redis calls" },
  { key: "choem", name: "ChoEm (whole app)" },
  { key: "choem-baseline", name: "ChoEm baseline checkout" },
] as const;
type VariantKey = (typeof VARIANTS)[number]["key"];
const isChoEm = (key: VariantKey) => key === "choem" || key === "choem-baseline";

interface Stats {
  calls: Record<string, number>;
  replies: number;
  chats: number;
}

interface Figure {
  load: LoadResult;
  replies: number;
  /** CPU time the server's process used meanwhile (user + system), in µs. */
  cpuMicros: number;
}

/** Two rounds of one server as one figure. */
function add(a: Figure, b: Figure): Figure {
  const latencies = new Float64Array(a.load.latencies.length + b.load.latencies.length);
  latencies.set(a.load.latencies);
  latencies.set(b.load.latencies, a.load.latencies.length);
  return {
    load: {
      sent: a.load.sent + b.load.sent,
      failed: a.load.failed + b.load.failed,
      seconds: a.load.seconds + b.load.seconds,
      latencies: latencies.sort(),
    },
    replies: a.replies + b.replies,
    cpuMicros: a.cpuMicros + b.cpuMicros,
  };
}

/** The same server, another database. */
function withDatabase(uri: string, name: string): string {
  const url = new URL(uri);
  url.pathname = `/${name}_baseline`;
  return url.toString();
}

const replyRate = (f: Figure) => f.replies / f.load.seconds;
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");

/** "/start" and a tap on "menu:language" in turn, from a chat picked at random among `chats`. */
function mixedUpdate(chats: number) {
  return (i: number) => {
    const chat = FIRST_CHAT + Math.floor(Math.random() * chats);
    return i % 2 === 0
      ? telegramUpdate.command(chat, "start")
      : telegramUpdate.callback(chat, "menu:language");
  };
}

function figureLine(chats: number, name: string, f: Figure, ratios: string): string {
  const { load } = f;
  const perUpdate = load.sent === 0 ? 0 : f.replies / load.sent;
  return (
    `inbound ${String(chats).padStart(5)} chats  ${name.padEnd(24)} ${String(load.sent).padStart(6)} updates in ` +
    `${load.seconds.toFixed(2)} s = ${(load.sent / load.seconds).toFixed(0).padStart(5)} updates/s | ` +
    `${replyRate(f).toFixed(0).padStart(5)} replies/s (${perUpdate.toFixed(3)} per update) | ` +
    `p50 ${percentile(load.latencies, 50).toFixed(1)} ms p99 ${percentile(load.latencies, 99).toFixed(1)} ms | ` +
    `failed ${load.failed} | CPU ${(load.sent === 0 ? 0 : f.cpuMicros / load.sent).toFixed(0)} µs/update${ratios}`
  );
}

export async function runInboundBench(stores: { redisUrl: string; mongodbUri: string }): Promise<void> {
  const wanted = (
    process.env.BENCH_INBOUND_VARIANTS ?? `grammy,grammy-redis,choem${BASELINE ? ",choem-baseline" : ""}`
  ).split(",");
  const variants = VARIANTS.filter((v) => wanted.includes(v.key));
  const fake = await startChild(join(import.meta.dirname, "fake-bot-api.ts"));
  const servers = new Map<VariantKey, { child: Child; url: string }>();
  const runId = `bench${Date.now()}`;
  try {
    for (const variant of variants) {
      const profile = variant.key === "choem" && process.env.BENCH_CPU_PROF;
      const server =
        variant.key === "choem-baseline"
          ? join(BASELINE ?? "", "bench", "inbound-server.ts")
          : join(import.meta.dirname, "inbound-server.ts");
      const child = await startChild(server, [isChoEm(variant.key) ? "choem" : variant.key], {
        execArgv: ["--expose-gc", ...(profile ? ["--cpu-prof", `--cpu-prof-dir=${profile}`] : [])],
        env: {
          BENCH_API_ROOT: String(fake.ready),
          BENCH_TOKEN: TOKEN,
          BENCH_SECRET: SECRET,
          BENCH_REDIS_URL: stores.redisUrl,
          // Each ChoEm its own database: both seed the same people, and each drops its own at the end.
          BENCH_MONGODB_URI:
            variant.key === "choem-baseline" ? withDatabase(stores.mongodbUri, runId) : stores.mongodbUri,
          BENCH_PREFIX: `${runId}:${variant.key}:`,
        },
      });
      servers.set(variant.key, { child, url: String(child.ready) });
    }
    const choem = servers.get("choem");
    const choems = variants.filter((v) => isChoEm(v.key)).map((v) => v.key);
    const idle = choem ? await choem.child.ask<NodeJS.MemoryUsage>("memory") : undefined;
    console.log(
      `inbound: ${CONCURRENCY} webhook calls in flight for ${SECONDS} s per figure (${ROUNDS} turns of ` +
        `${(SECONDS / ROUNDS).toFixed(1)} s, the servers alternating), every update new; ` +
        `"/start" and a "menu:language" tap in turn from a random chat; replies counted at the fake Bot API; ` +
        `ratios are of replies/s; load average ${load()}`,
    );

    const run = async (
      key: VariantKey,
      options: { seconds?: number; count?: number; update(i: number): unknown },
    ) => {
      const server = servers.get(key)!;
      await fake.ask("reset");
      const cpuBefore = await server.child.ask<NodeJS.CpuUsage>("cpu");
      const result = await runLoad({ url: server.url, secret: SECRET, concurrency: CONCURRENCY, ...options });
      const stats = await fake.ask<Stats>("stats");
      const cpuAfter = await server.child.ask<NodeJS.CpuUsage>("cpu");
      const cpuMicros = cpuAfter.user + cpuAfter.system - cpuBefore.user - cpuBefore.system;
      return { load: result, replies: stats.replies, cpuMicros };
    };
    const outcomes = async (key: VariantKey = "choem"): Promise<Record<string, number>> => {
      const server = servers.get(key);
      return server ? server.child.ask<Record<string, number>>("outcomes") : {};
    };

    const warmedOf = new Map<VariantKey, number>();
    /** Brings a ChoEm server's people up to `chats`: the first "/start" of each is a real write. */
    const warmUp = async (key: VariantKey, chats: number) => {
      const warmed = warmedOf.get(key) ?? 0;
      if (chats <= warmed) return;
      // A person's first message creates their record: a real write, kept out of the figures.
      const from = warmed;
      const byApp = Math.max(0, Math.min(chats, WARM_BY_APP) - from);
      let said = "";
      if (byApp > 0) {
        const warm = await run(key, {
          count: byApp,
          update: (i) => telegramUpdate.command(FIRST_CHAT + from + i, "start"),
        });
        said +=
          `${warm.load.sent} first "/start" through the app (people records created) in ` +
          `${warm.load.seconds.toFixed(1)} s = ${(warm.load.sent / warm.load.seconds).toFixed(0)}/s, ` +
          `${warm.replies} replies, p99 ${percentile(warm.load.latencies, 99).toFixed(0)} ms`;
      }
      const seeded = chats - from - byApp;
      if (seeded > 0) {
        const at = performance.now();
        const ids = Array.from({ length: seeded }, (_, i) => FIRST_CHAT + from + byApp + i);
        await servers.get(key)!.child.ask("seed", { chatIds: ids });
        said +=
          `${said ? "; " : ""}${seeded} more people seeded in bulk as a first "/start" leaves them ` +
          `(record + cached person) in ${((performance.now() - at) / 1000).toFixed(1)} s`;
      }
      warmedOf.set(key, chats);
      const label = key === "choem" ? "" : ` (${key})`;
      console.log(`inbound ${String(chats).padStart(5)} chats  warm-up${label}: ${said}`);
    };
    for (const chats of CHAT_COUNTS) {
      for (const key of choems) await warmUp(key, chats);
      if (chats === CHAT_COUNTS[0] && WARM_SECONDS > 0) {
        for (const variant of variants)
          await run(variant.key, { seconds: WARM_SECONDS, update: mixedUpdate(chats) });
      }
      // The servers take turns in short rounds, so a change in what else runs on the machine
      // weighs on each of them alike.
      const figures = new Map<VariantKey, Figure>();
      const before = new Map<VariantKey, Record<string, number>>();
      for (const key of choems) before.set(key, await outcomes(key));
      for (let round = 0; round < ROUNDS; round++) {
        for (const variant of variants) {
          const part = await run(variant.key, { seconds: SECONDS / ROUNDS, update: mixedUpdate(chats) });
          const sum = figures.get(variant.key);
          figures.set(variant.key, sum ? add(sum, part) : part);
        }
      }
      const after = new Map<VariantKey, Record<string, number>>();
      for (const key of choems) after.set(key, await outcomes(key));
      const bare = figures.get("grammy");
      const redis = figures.get("grammy-redis");
      for (const variant of variants) {
        const figure = figures.get(variant.key)!;
        let ratios = "";
        if (variant.key !== "grammy" && bare)
          ratios += ` | ${(replyRate(figure) / replyRate(bare)).toFixed(3)} of bare`;
        if (isChoEm(variant.key) && redis)
          ratios += ` | ${(replyRate(figure) / replyRate(redis)).toFixed(3)} of +Redis`;
        const base = figures.get("choem-baseline");
        if (variant.key === "choem" && base)
          ratios += ` | ${(replyRate(figure) / replyRate(base)).toFixed(3)} of baseline`;
        if (isChoEm(variant.key)) {
          const delta = Object.entries(after.get(variant.key) ?? {})
            .map(([outcome, n]) => `${outcome} ${n - (before.get(variant.key)?.[outcome] ?? 0)}`)
            .join(", ");
          ratios += ` | ChoEm outcomes: ${delta}`;
        }
        console.log(figureLine(chats, variant.name, figure, ratios));
      }
    }

    if (choem && idle && MEMORY_UPDATES > 0) {
      const chats = Math.max(...CHAT_COUNTS);
      const memLine = (label: string, m: NodeJS.MemoryUsage) =>
        `inbound memory  ChoEm ${label.padEnd(44)} RSS ${mb(m.rss).padStart(4)} MB | heap used ${mb(m.heapUsed).padStart(4)} MB`;
      console.log(memLine("idle after start", idle));
      const first = await run("choem", { count: MEMORY_UPDATES, update: mixedUpdate(chats) });
      const afterFirst = await choem.child.ask<NodeJS.MemoryUsage>("memory");
      console.log(
        `${memLine(`after ${MEMORY_UPDATES} more updates (${chats} chats)`, afterFirst)} | ` +
          `${(first.load.sent / first.load.seconds).toFixed(0)} updates/s, ${first.replies} replies, failed ${first.load.failed}`,
      );
      const second = await run("choem", { count: MEMORY_MORE, update: mixedUpdate(chats) });
      const afterSecond = await choem.child.ask<NodeJS.MemoryUsage>("memory");
      console.log(
        `${memLine(`after a further ${MEMORY_MORE}`, afterSecond)} | ` +
          `${(second.load.sent / second.load.seconds).toFixed(0)} updates/s, ${second.replies} replies, failed ${second.load.failed}` +
          ` | growth ${mb(afterSecond.rss - afterFirst.rss)} MB RSS`,
      );
      console.log(`inbound: ChoEm outcomes over the whole run: ${JSON.stringify(await outcomes())}`);
    }
    console.log(`inbound: load average at the end ${load()}`);
  } finally {
    for (const { child } of servers.values()) await child.close();
    await fake.close();
  }
}
