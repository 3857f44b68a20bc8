/**
 * `BENCH_ONLY=reports`: the console dashboard's reads (src/features/reports/figures.ts) over
 * BENCH_REPORTS_COUNT requests (500,000 by default; seeding that many takes minutes on FerretDB),
 * next to a plain scan of the same collection in the same run, reported as a ratio: what the
 * dashboard costs in units of "read every request once". Province-wide (no school filter) and
 * one district (a `$in` on its 50 school codes). docs/reports.md#bench.
 */

import { createLogger } from "../src/core/logger.js";
import { pledgeModel } from "../src/features/pledges/model.js";
import { figures } from "../src/features/reports/figures.js";
import { reportScope } from "../src/features/reports/scope.js";
import { requestModel } from "../src/features/requests/model.js";
import { connectMongo } from "../src/storage/mongo.js";
import { bestOf } from "./best-of.js";
import { growTo, SCHOOLS } from "./data-seed.js";

const COUNT = Number(process.env.BENCH_REPORTS_COUNT ?? 500_000);
const ROUNDS = Number(process.env.BENCH_REPORTS_ROUNDS ?? 3);

const timed = (fn: () => Promise<unknown>) => bestOf(ROUNDS, fn);

export async function runReportsBench(stores: { mongodbUri: string }): Promise<void> {
  const url = new URL(stores.mongodbUri);
  url.pathname = `/choem_bench_reports_${Date.now()}`;
  const mongo = await connectMongo(url.toString(), createLogger(process.env.BENCH_LOG ?? "warn"));
  try {
    await Promise.all([requestModel(mongo).init(), pledgeModel(mongo).init()]);
    await mongo.collection("schools").insertMany(
      SCHOOLS.map((s, i) => ({
        ...s,
        name: `Trường ${s.code}`,
        ward: `Phường ${i % 120}`,
        province: "BD",
      })),
    );
    const start = performance.now();
    await growTo(mongo, 0, COUNT);
    console.log(`reports: ${COUNT} requests seeded in ${((performance.now() - start) / 1000).toFixed(1)} s`);

    const scan = await timed(async () => {
      let n = 0;
      for await (const _ of mongo.collection("requests").find({}, { projection: { status: 1 } })) n += 1;
      return n;
    });
    const district = SCHOOLS[0]?.district ?? "";
    const all = await timed(async () => figures(mongo, await reportScope(mongo, { all: true }, {})));
    const one = await timed(async () =>
      figures(mongo, await reportScope(mongo, { all: true }, { area: `d:${district}` })),
    );
    const line = (name: string, ms: number) =>
      `reports: ${name.padEnd(34)} ${(ms / 1000).toFixed(2).padStart(7)} s | ${(ms / scan).toFixed(2)}× the scan`;
    console.log(line("plain scan of requests", scan));
    console.log(line("dashboard, whole province", all));
    console.log(line(`dashboard, one district (${district})`, one));
  } finally {
    await mongo.dropDatabase().catch(() => undefined);
    await mongo.close();
  }
}
