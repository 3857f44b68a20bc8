/**
 * The staff queue's query, built without touching a database: who may see what (scope, which
 * the caller cannot leave out), the filters, a search, and the page position. It also names the
 * declared index the query is shaped for (queue-indexes.ts), so tests and the bench can check
 * that every combination it issues has one.
 */
import { trusted } from "mongoose";
import { readHumanCode } from "../../../storage/human-code.js";
import { REQUEST_STATUSES, type RequestKind, type RequestStatus } from "../model.js";
import { decodeCursor } from "./cursor.js";
import type { QueueIndexName } from "./queue-indexes.js";
import { searchKeysFor } from "./search-keys.js";

export const PAGE_SIZE = 50;

/** What the staff member may see: everything, some schools, or some areas (a request's `district`). */
export type QueueScope = { all: true } | { schoolCodes: string[] } | { areas: string[] };

export interface QueueFilter {
  kind?: RequestKind;
  statuses?: RequestStatus[];
  schoolCode?: string;
  /** A request's area as stored from its school (schoolArea): "Phường Phú Lợi", or a district. */
  area?: string;
  /** Requests with every one of these circumstances. */
  circumstances?: string[];
  createdFrom?: Date;
  /** Inclusive. */
  createdTo?: Date;
  possibleDuplicate?: boolean;
  /** A code (YC-…, any case or spacing) or words of the child's name. */
  search?: string;
}

export type QueueQuery =
  | { kind: "query"; filter: Record<string, unknown>; index: QueueIndexName | "code_1" }
  /** Scope and filter exclude each other (another school, another district): nothing to read. */
  | { kind: "empty" }
  | { kind: "bad-cursor" }
  | { kind: "search-too-short" };

const text = (value: unknown): value is string => typeof value === "string" && value.length > 0;
const isDate = (value: unknown): value is Date => value instanceof Date && !Number.isNaN(value.getTime());

/** The scope's list narrowed by the filter's one value: undefined means "no restriction". */
function narrow(allowed: string[] | undefined, wanted: string | undefined): string[] | undefined {
  if (!text(wanted)) return allowed?.filter(text);
  return !allowed || allowed.includes(wanted) ? [wanted] : [];
}

/**
 * One value as a plain equality, several as $in. Same meaning and same index use on MongoDB;
 * FerretDB 1.24 hands only top-level equalities to PostgreSQL and reads everything for an $in
 * (docs/storage-and-ferretdb.md#queries-at-province-scale), so the usual one school, one
 * status query stays cheap there too.
 */
function oneOf(values: string[]): unknown {
  return values.length === 1 ? values[0] : trusted({ $in: values });
}

export function buildQueueQuery(scope: QueueScope, filter: QueueFilter, cursor?: string): QueueQuery {
  const schools = narrow("schoolCodes" in scope ? scope.schoolCodes : undefined, filter.schoolCode);
  const areas = narrow("areas" in scope ? scope.areas : undefined, filter.area);
  if (schools?.length === 0 || areas?.length === 0) return { kind: "empty" };
  const statuses = filter.statuses?.filter((s) => (REQUEST_STATUSES as readonly string[]).includes(s));
  if (statuses?.length === 0) return { kind: "empty" };

  const query: Record<string, unknown> = {};
  if (schools) query.schoolCode = oneOf(schools);
  if (areas) query.district = oneOf(areas);
  if (statuses) query.status = oneOf(statuses);
  if (filter.kind === "device" || filter.kind === "connectivity") query.kind = filter.kind;
  const circumstances = filter.circumstances?.filter(text);
  if (circumstances?.length) query.circumstances = trusted({ $all: circumstances });
  if (filter.possibleDuplicate !== undefined)
    query.possibleDuplicateOf = trusted({ $exists: filter.possibleDuplicate });

  const code = text(filter.search) ? readHumanCode("YC", filter.search) : undefined;
  if (code) return { kind: "query", filter: { ...query, code }, index: "code_1" };
  let keys: string[] = [];
  if (text(filter.search) && filter.search.trim()) {
    keys = searchKeysFor(filter.search);
    if (keys.length === 0) return { kind: "search-too-short" };
    // The first key as a plain equality, for the same reason as in `oneOf`.
    const [first, ...rest] = keys;
    query.searchKeys = first;
    if (rest.length > 0) query.$and = [{ searchKeys: trusted({ $all: rest }) }];
  }

  const createdAt: Record<string, Date> = {};
  if (isDate(filter.createdFrom)) createdAt.$gte = filter.createdFrom;
  if (isDate(filter.createdTo)) createdAt.$lte = filter.createdTo;
  if (cursor !== undefined) {
    const after = decodeCursor(cursor);
    if (!after) return { kind: "bad-cursor" };
    if (!createdAt.$lte || after.createdAt < createdAt.$lte) createdAt.$lte = after.createdAt;
    // The bound on createdAt is the index range; the $or only drops the ties already shown.
    query.$or = [{ createdAt: trusted({ $lt: after.createdAt }) }, { _id: trusted({ $lt: after.id }) }];
  }
  if (Object.keys(createdAt).length > 0) query.createdAt = trusted(createdAt);

  const lead = schools ? "school" : areas ? "area" : "all";
  const second = keys.length > 0 ? "name" : statuses ? "status" : "none";
  return { kind: "query", filter: query, index: INDEX_FOR[lead][second] };
}

/** The narrowest place first (a school, else a district), then a name key or a status. */
const INDEX_FOR: Record<"all" | "school" | "area", Record<"none" | "status" | "name", QueueIndexName>> = {
  all: { none: "queue_all", status: "queue_status", name: "queue_name" },
  school: { none: "queue_school", status: "queue_school_status", name: "queue_school_name" },
  area: { none: "queue_area", status: "queue_area_status", name: "queue_area_name" },
};
