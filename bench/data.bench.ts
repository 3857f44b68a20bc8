/**
 * `BENCH_ONLY=data`: the staff queue and the reports at province scale. Seeds 10k requests,
 * grows to 100k (and 500k with BENCH_DATA_SIZES), and at each size times p50/p95 of the queue's
 * queries and the summary next to a plain find({_id}) and find().limit(50) in the same run,
 * so growth shows as a ratio. Then prints the plans (explain "queryPlanner").
 */
import { performance } from "node:perf_hooks";
import type { Connection, Model } from "mongoose";
import { createLogger } from "../src/core/logger.js";
import { pledgeModel } from "../src/features/pledges/model.js";
import { requestModel } from "../src/features/requests/model.js";
import {
  buildQueueQuery,
  type QueueFilter,
  type QueueScope,
} from "../src/features/requests/queue/build-queue-query.js";
import { createRequestQueue, QUEUE_SORT } from "../src/features/requests/queue/list-requests.js";
import { summarize } from "../src/features/transparency/summarize.js";
import { connectMongo } from "../src/storage/mongo.js";
import { benchCode, growTo, SCHOOLS } from "./data-seed.js";
import { describePlan } from "./explain-plan.js";

/**
 * 500,000 is left out by default: on FerretDB seeding it takes over seven minutes on the
 * development machine and each unfiltered page minutes more. BENCH_DATA_SIZES=10000,100000,500000
 * adds it (on MongoDB it is quick).
 */
const SIZES = (process.env.BENCH_DATA_SIZES ?? "10000,100000").split(",").map(Number);
const RUNS = Number(process.env.BENCH_DATA_RUNS ?? 20);

interface Figure {
  p50: number;
  p95: number;
  runs: number;
}

/**
 * One warm-up, then `runs` timed calls. FerretDB reads a whole collection for most of these, so
 * a call slower than 2 s is timed 3 times, and one slower than 20 s only once (the warm-up).
 */
async function time(call: (run: number) => Promise<unknown>): Promise<Figure> {
  const warm = performance.now();
  await call(0);
  const warmMs = performance.now() - warm;
  if (warmMs > 20_000) return { p50: warmMs, p95: warmMs, runs: 1 };
  const runs = warmMs > 2000 ? Math.min(3, RUNS) : RUNS;
  const took: number[] = [];
  for (let run = 1; run <= runs; run++) {
    const start = performance.now();
    await call(run);
    took.push(performance.now() - start);
  }
  took.sort((a, b) => a - b);
  const at = (q: number) => took[Math.min(took.length - 1, Math.ceil(q * took.length) - 1)] ?? 0;
  return { p50: at(0.5), p95: at(0.95), runs };
}

const ms = (value: number) => `${value.toFixed(1).padStart(8)} ms`;

function queueCases(size: number): Array<[string, QueueScope, QueueFilter]> {
  const school = SCHOOLS[7]?.code ?? "";
  return [
    ["queue: first page", { all: true }, {}],
    ["queue: status new + school", { all: true }, { statuses: ["new"], schoolCode: school }],
    [
      "queue: school scope, new+verified",
      { schoolCodes: [school, SCHOOLS[8]?.code ?? ""] },
      { statuses: ["new", "verified"] },
    ],
    ["queue: search name", { all: true }, { search: "nguyen van an" }],
    ["queue: search code", { all: true }, { search: benchCode(Math.floor(size / 2)).toLowerCase() }],
  ];
}

/**
 * A query expected to take longer than this (its time at the previous size, scaled by the size)
 * is skipped and said so: on FerretDB an unfiltered page at 500,000 would take many minutes.
 */
const BUDGET_MS = Number(process.env.BENCH_DATA_BUDGET_MS ?? 60_000);
type Previous = Map<string, { size: number; p50: number }>;

async function measure(mongo: Connection, size: number, previous: Previous): Promise<void> {
  const requests = mongo.collection("requests");
  const queue = createRequestQueue(mongo);
  const ids = await Promise.all(
    Array.from({ length: 20 }, (_, i) => requests.findOne({ code: benchCode(Math.floor((i * size) / 20)) })),
  );
  const idAt = (run: number) => ids[run % ids.length]?._id;
  const firstPage = await queue.listRequests({ all: true }, {});
  const cursor = firstPage.kind === "page" ? (firstPage.nextCursor ?? undefined) : undefined;
  const calls: Array<[string, (run: number) => Promise<unknown>]> = [
    ["find({_id})", (run) => requests.findOne({ _id: idAt(run) })],
    ["find().limit(50)", () => requests.find({}).limit(50).toArray()],
    ...queueCases(size).map(([name, scope, filter]): [string, () => Promise<unknown>] => [
      name,
      () => queue.listRequests(scope, filter),
    ]),
    ["queue: page 2 (cursor)", () => queue.listRequests({ all: true }, {}, cursor ? { cursor } : {})],
    ["summary (16 aggregations on pledges)", () => summarize(mongo)],
  ];
  const figures: Array<[string, Figure]> = [];
  for (const [name, call] of calls) {
    const before = previous.get(name);
    const expected = before ? (before.p50 * size) / before.size : 0;
    if (expected > BUDGET_MS) {
      console.log(
        `data ${String(size).padStart(6)}  ${name.padEnd(38)} skipped: about ${(expected / 1000).toFixed(0)} s expected from ${(before?.p50 ?? 0).toFixed(0)} ms at ${before?.size}`,
      );
      continue;
    }
    const figure = await time(call);
    figures.push([name, figure]);
    previous.set(name, { size, p50: figure.p50 });
  }
  const base = figures.find(([name]) => name === "find().limit(50)")?.[1].p50 ?? 1;
  for (const [name, f] of figures) {
    const ratio = (f.p50 / base).toFixed(1).padStart(6);
    console.log(
      `data ${String(size).padStart(6)}  ${name.padEnd(38)} p50 ${ms(f.p50)}  p95 ${ms(f.p95)}  ${ratio}x limit(50)  (${f.runs} runs)`,
    );
  }
}

async function printPlans(mongo: Connection, size: number): Promise<void> {
  const Requests = requestModel(mongo) as Model<unknown>;
  console.log(`data plans at ${size} (explain "queryPlanner"; index the builder aimed for in brackets):`);
  for (const [name, scope, filter] of queueCases(size)) {
    const built = buildQueueQuery(scope, filter);
    if (built.kind !== "query") continue;
    const plan = await Requests.find(built.filter).sort(QUEUE_SORT).limit(51).explain("queryPlanner");
    console.log(`  ${name.padEnd(36)} [${built.index}] ${describePlan(plan)}`);
  }
  const placed = await pledgeModel(mongo)
    .aggregate([
      { $match: { status: { $in: ["allocated", "delivered"] } } },
      { $group: { _id: "$allocation.district", value: { $sum: "$money.receivedVnd" } } },
    ])
    .explain("queryPlanner");
  console.log(`  ${"summary: one of its $match+$group".padEnd(36)} [status_1] ${describePlan(placed)}`);
}

export async function runDataBench(stores: { mongodbUri: string }): Promise<void> {
  const url = new URL(stores.mongodbUri);
  url.pathname = `/choem_bench_data_${Date.now()}`;
  const mongo = await connectMongo(url.toString(), createLogger(process.env.BENCH_LOG ?? "warn"));
  try {
    // The declared indexes exist before the data, as in production.
    await Promise.all([requestModel(mongo).init(), pledgeModel(mongo).init()]);
    let have = 0;
    const previous: Previous = new Map();
    for (const size of SIZES) {
      const start = performance.now();
      await growTo(mongo, have, size);
      console.log(
        `data: ${have} -> ${size} requests (+${Math.ceil((size - have) / 20)} pledges) seeded in ${((performance.now() - start) / 1000).toFixed(1)} s`,
      );
      have = size;
      await measure(mongo, size, previous);
    }
    await printPlans(mongo, have);
  } finally {
    await mongo.dropDatabase().catch(() => undefined);
    await mongo.close();
  }
}
