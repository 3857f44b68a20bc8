/**
 * `BENCH_ONLY=allocation`: a lot's proposal (src/features/allocation/candidates.ts) over
 * ALLOC_REQUESTS verified device requests (100,000 by default) for a lot of ALLOC_LOT (1,000),
 * next to a plain scan of the same requests (`find({ status: "verified" })` iterated) in the same
 * run, reported as a ratio: what ranking them by priority into a bounded heap costs in units of
 * "read every verified request once". Province-wide and one district (a `$in` on its schools).
 * Memory is bounded by design (a heap of the lot's size plus five, and the cursor's batch), so
 * it is not measured here: without a forced GC a heap figure would count garbage.
 * docs/allocation.md#bench.
 */
import { Types } from "mongoose";
import { createLogger } from "../src/core/logger.js";
import { type Candidate, propose } from "../src/features/allocation/candidates.js";
import { claimModel, type Lot } from "../src/features/allocation/model.js";
import { DEFAULT_WEIGHTS } from "../src/features/allocation/weights.js";
import { requestModel } from "../src/features/requests/model.js";
import { connectMongo } from "../src/storage/mongo.js";
import { bestOf } from "./best-of.js";
import { benchCode, SCHOOLS } from "./data-seed.js";

const COUNT = Number(process.env.ALLOC_REQUESTS ?? 100_000);
const LOT = Number(process.env.ALLOC_LOT ?? 1_000);
const ROUNDS = Number(process.env.BENCH_ALLOC_ROUNDS ?? 3);
const CIRCUMSTANCES = ["poor", "near-poor", "orphan", "job-loss", "migrant", "lockdown", "other"];
const HOME = ["nothing", "shared-phone", "old-computer", "internet"];
const DEVICES = ["tablet", "tablet", "laptop", "any"];

function requestDocument(index: number, now: number) {
  // A cheap deterministic spread: every run ranks the same province.
  const h = (index * 2654435761) >>> 0;
  const school = SCHOOLS[h % SCHOOLS.length] ?? { code: "38000", district: "" };
  const createdAt = new Date(now - (h % (52 * 7)) * 86_400_000);
  return {
    _id: new Types.ObjectId(),
    code: benchCode(index),
    idempotencyKey: `bench-alloc-${index}`,
    kind: "device",
    status: "verified",
    history: [{ status: "new", at: createdAt, by: "parent" }],
    channel: "webchat",
    userId: `bench-u${index}`,
    chatId: `bench-u${index}`,
    locale: "vi",
    grade: 1 + (h % 12),
    schoolCode: school.code,
    district: school.district,
    circumstances: CIRCUMSTANCES.filter((_, i) => (h >> (i + 3)) % 5 === 0),
    homeHas: [HOME[(h >> 11) % HOME.length]],
    device: DEVICES[(h >> 13) % DEVICES.length],
    childName: `Em ${index}`,
    createdAt,
  };
}

const timed = (fn: () => Promise<unknown>) => bestOf(ROUNDS, fn);

export async function runAllocationBench(stores: { mongodbUri: string }): Promise<void> {
  const url = new URL(stores.mongodbUri);
  url.pathname = `/choem_bench_alloc_${Date.now()}`;
  const mongo = await connectMongo(url.toString(), createLogger(process.env.BENCH_LOG ?? "warn"));
  try {
    await Promise.all([requestModel(mongo).init(), claimModel(mongo).init()]);
    const seeding = performance.now();
    const now = Date.UTC(2026, 11, 1);
    for (let start = 0; start < COUNT; start += 5_000) {
      const end = Math.min(COUNT, start + 5_000);
      await mongo.collection("requests").insertMany(
        Array.from({ length: end - start }, (_, i) => requestDocument(start + i, now)),
        { ordered: false },
      );
    }
    console.log(
      `allocation: ${COUNT} verified requests seeded in ${((performance.now() - seeding) / 1000).toFixed(1)} s`,
    );
    const lot: Lot = {
      code: "LO-BENCH1",
      kind: "devices",
      deviceType: "tablet",
      count: LOT,
      allocated: 0,
      source: "other",
      giverName: "bench",
      areas: [],
      keptAt: "bench",
      createdBy: "bench",
      createdAt: new Date(now),
    };
    const scan = await timed(async () => {
      let n = 0;
      for await (const _ of mongo.collection("requests").find({ status: "verified" })) n += 1;
      return n;
    });
    let chosen: Candidate[] = [];
    let scanned = 0;
    const province = await timed(async () => {
      const proposal = await propose(mongo, lot, { areas: [] }, DEFAULT_WEIGHTS, {
        want: LOT,
        runners: 5,
        now,
      });
      chosen = proposal.chosen;
      scanned = proposal.scanned;
    });
    const district = SCHOOLS[0]?.district ?? "";
    const schoolCodes = new Set(SCHOOLS.filter((s) => s.district === district).map((s) => s.code));
    const oneDistrict = await timed(() =>
      propose(mongo, { ...lot, areas: [district] }, { areas: [district], schoolCodes }, DEFAULT_WEIGHTS, {
        want: LOT,
        runners: 5,
        now,
      }),
    );
    const line = (name: string, ms: number) =>
      `allocation: ${name.padEnd(52)} ${(ms / 1000).toFixed(2).padStart(7)} s | ${(ms / scan).toFixed(2)}× the scan`;
    console.log(line("plain scan of verified requests", scan));
    console.log(line(`proposal, lot of ${LOT}, whole province`, province));
    console.log(line(`proposal, lot of ${LOT}, one district (${schoolCodes.size} schools)`, oneDistrict));
    console.log(
      `allocation: the province proposal read ${scanned} requests and kept ${chosen.length} (top score ` +
        `${chosen[0]?.score.total ?? 0}, last ${chosen.at(-1)?.score.total ?? 0})`,
    );
  } finally {
    await mongo.dropDatabase().catch(() => undefined);
    await mongo.close();
  }
}
