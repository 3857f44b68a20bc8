/**
 * Requests for help: a device for a child, or connectivity for a household. Personal fields are
 * optional in the schema because "delete my data" erases them and keeps the anonymous rest.
 */
import { type Connection, type Model, Schema } from "mongoose";
import type { ChannelName } from "../../core/messages.js";
import { modelOn } from "../../storage/model-on.js";
import { QUEUE_INDEXES } from "./queue/queue-indexes.js";

export const REQUEST_STATUSES = [
  "new",
  "verified",
  "approved",
  "matched",
  "delivered",
  "rejected",
  "withdrawn",
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export type RequestKind = "device" | "connectivity";

export interface StatusChange {
  status: RequestStatus;
  at: Date;
  /** "parent", or the staff member's channel:id. */
  by: string;
  reason?: string;
}

export interface HelpRequest {
  code: string;
  idempotencyKey: string;
  kind: RequestKind;
  status: RequestStatus;
  history: StatusChange[];
  channel: ChannelName;
  userId: string;
  chatId: string;
  locale: string;
  // Not personal: kept after erasure for anonymous counts (school level and district).
  grade?: number;
  /**
   * Set when someone other than the first request's owner asked for the same child (or phone):
   * the first request's code, shown to staff only. A code names no one.
   */
  possibleDuplicateOf?: string;
  schoolCode?: string;
  /** The school's district, or its ward or commune where there is none (schoolArea). */
  district?: string;
  // Personal: erased on request. A family's circumstances, needs, carrier and where it lives
  // say who it is as much as a name does, and no count needs them.
  circumstances?: string[];
  device?: string;
  problem?: string;
  carrier?: string;
  place?: string;
  childName?: string;
  schoolName?: string;
  className?: string;
  homeHas?: string[];
  phone?: string;
  ward?: string;
  /**
   * Folded prefixes of the child's name words, for the staff queue's search
   * (queue/search-keys.ts). Derived from `childName`, so erasure removes it too; not marked
   * personal because "Dữ liệu của tôi" shows the name it comes from.
   */
  searchKeys?: string[];
  erasedAt?: Date;
  createdAt: Date;
}

const schema = new Schema<HelpRequest>({
  code: { type: String, required: true, unique: true },
  idempotencyKey: { type: String, required: true, unique: true },
  kind: { type: String, required: true },
  status: { type: String, required: true },
  history: [{ _id: false, status: String, at: Date, by: String, reason: String }],
  channel: { type: String, required: true },
  userId: { type: String, required: true, index: true },
  chatId: { type: String, required: true },
  locale: { type: String, required: true },
  grade: Number,
  schoolCode: String,
  district: String,
  circumstances: { type: [String], personal: true },
  device: { type: String, personal: true },
  problem: { type: String, personal: true },
  carrier: { type: String, personal: true },
  place: { type: String, personal: true },
  possibleDuplicateOf: String,
  childName: { type: String, personal: true },
  schoolName: { type: String, personal: true },
  className: { type: String, personal: true },
  homeHas: { type: [String], personal: true },
  phone: { type: String, personal: true },
  ward: { type: String, personal: true },
  searchKeys: { type: [String], default: undefined },
  erasedAt: Date,
  createdAt: { type: Date, default: () => new Date() },
});
// The staff queue (queue/, and `/yeucau` walking the same indexes backwards for oldest first).
// On MongoDB each serves a query's filter and its sort; FerretDB mostly scans anyway
// (docs/storage-and-ferretdb.md#queries-at-province-scale). They replace the older
// status_1_createdAt_1 and schoolCode_1_status_1_createdAt_1, which an operator may drop.
for (const [name, fields] of Object.entries(QUEUE_INDEXES)) schema.index(fields, { name });
// A lot's proposal streams the waiting requests of one kind and device type (or carrier), in
// its areas' schools (src/features/allocation/matching.ts, docs/allocation.md#proposal).
schema.index({ kind: 1, status: 1, device: 1, schoolCode: 1 }, { name: "allocation_device" });
schema.index({ kind: 1, status: 1, carrier: 1 }, { name: "allocation_data" });

/**
 * One row per "this child already has an open device request" or "this phone already has an
 * open connectivity request". A unique index on the key decides, also when two confirms race,
 * which request is the first (FerretDB updates are not atomic; its unique indexes hold).
 */
export interface RequestClaim {
  key: string;
  requestCode: string;
}
const claimSchema = new Schema<RequestClaim>({
  key: { type: String, required: true, unique: true },
  requestCode: { type: String, required: true, index: true },
});

export function requestModel(connection: Connection): Model<HelpRequest> {
  return modelOn(connection, "HelpRequest", schema, "requests");
}
export function requestClaimModel(connection: Connection): Model<RequestClaim> {
  return modelOn(connection, "RequestClaim", claimSchema, "request_claims");
}
