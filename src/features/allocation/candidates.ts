/**
 * The proposal for a lot (docs/allocation.md#proposal): the `want` best waiting requests that
 * fit it, plus a few runner-ups, by priority score (ties: the longer wait first). It streams
 * the indexed query through a cursor into a bounded heap, so 100,000 candidates for a lot of
 * 1,000 keep only about 1,000 in memory. A request already claimed by an open line is left out:
 * the few the heap kept are checked against `allocation_claims`, and if any was claimed the
 * scan runs again without them (rare: a claimed request is normally `matched` already).
 */
import { type Connection, trusted } from "mongoose";
import { type HelpRequest, requestModel } from "../requests/model.js";
import type { ScopeResolver } from "../staff/scope.js";
import { candidateQuery, insideLot, type LotPlace } from "./matching.js";
import { claimModel, type Lot } from "./model.js";
import { type Score, scoreOf } from "./score.js";
import { createTopK } from "./top-k.js";
import type { PriorityWeights } from "./weights.js";

export interface Candidate {
  code: string;
  schoolCode?: string;
  createdAt: Date;
  score: Score;
}

export interface Proposal {
  chosen: Candidate[];
  runners: Candidate[];
  /** Requests the scans read, for the bench and the page's footnote. */
  scanned: number;
}

const FIELDS = { code: 1, schoolCode: 1, ward: 1, district: 1, createdAt: 1, circumstances: 1, homeHas: 1 };
const BATCH = 1_000;
/** A claim found among the kept ones means scanning again; more than this is a bug elsewhere. */
const MAX_SCANS = 5;

/** Higher score first, then the longer wait, then the code (so a page never shuffles). */
export const ranksBefore = (a: Candidate, b: Candidate) =>
  a.score.total - b.score.total ||
  b.createdAt.getTime() - a.createdAt.getTime() ||
  (a.code < b.code ? 1 : a.code > b.code ? -1 : 0);

/** The lot's areas as the directory places them (folded ward or district names → schools). */
export async function placeOf(lot: Lot, scopes: ScopeResolver): Promise<LotPlace> {
  if (lot.areas.length === 0) return { areas: [] };
  const scoped = await scopes.schoolsOf({ kind: "area", areas: lot.areas });
  return { schoolCodes: new Set(scoped.all ? [] : scoped.codes), areas: lot.areas };
}

export async function propose(
  connection: Connection,
  lot: Lot,
  place: LotPlace,
  weights: PriorityWeights,
  options: { want: number; runners: number; exclude?: Iterable<string>; now?: number },
): Promise<Proposal> {
  const Requests = requestModel(connection);
  const Claims = claimModel(connection);
  const now = options.now ?? Date.now();
  const exclude = new Set(options.exclude ?? []);
  const size = Math.max(0, options.want) + Math.max(0, options.runners);
  const query = candidateQuery(lot, place);
  let scanned = 0;
  for (let scan = 0; scan < MAX_SCANS; scan++) {
    const top = createTopK<Candidate>(size, ranksBefore);
    if (size > 0 && !(place.schoolCodes && place.schoolCodes.size === 0 && lot.kind === "devices")) {
      const cursor = Requests.find(query, FIELDS).lean<HelpRequest>().cursor({ batchSize: BATCH });
      for await (const request of cursor) {
        scanned += 1;
        if (exclude.has(request.code) || !insideLot(place, request)) continue;
        const createdAt = new Date(request.createdAt);
        top.offer({
          code: request.code,
          ...(request.schoolCode ? { schoolCode: request.schoolCode } : {}),
          createdAt,
          score: scoreOf(request, weights, now),
        });
      }
    }
    const kept = top.best();
    const claimed = kept.length
      ? await Claims.find({ requestCode: trusted({ $in: kept.map((c) => c.code) }) }, { requestCode: 1 })
          .lean<Array<{ requestCode: string }>>()
          .then((rows) => rows.map((row) => row.requestCode))
      : [];
    if (claimed.length === 0) {
      const want = Math.max(0, options.want);
      return { chosen: kept.slice(0, want), runners: kept.slice(want), scanned };
    }
    for (const code of claimed) exclude.add(code);
  }
  throw new Error(`proposal for ${lot.code}: claimed requests kept turning up`);
}
