/**
 * Supply and who gets it: a lot is what can be given (devices a donor handed over, devices bought
 * with pooled money, data packages); a line is one unit of a lot matched to one verified request.
 * The rules every folder that touches them follows (docs/allocation.md):
 * - lines of a lot are added, returned or recounted only under the lot's lease (`lotLease`), and
 *   `allocated` is then rewritten by `_id` from the count of the lot's open lines;
 * - a request is in at most one open line, decided by inserting its claim under a unique index
 *   (`allocation_claims.requestCode`), removed when its line is returned to stock;
 * - a line names a school, never a child: the handover list reads the child's name and class
 *   from the request when it is drawn, so erasing the request erases them there too.
 */
import { type Connection, type Model, Schema } from "mongoose";
import { modelOn } from "../../storage/model-on.js";

export const LOT_KINDS = ["devices", "data"] as const;
export type LotKind = (typeof LOT_KINDS)[number];
/** Donated by one pledge's donor, bought with money pledges, or given outright (a carrier, a company). */
export const LOT_SOURCES = ["pledge", "purchase", "other"] as const;
export type LotSource = (typeof LOT_SOURCES)[number];

/** Which money pledges paid how much of a purchase, so each donor can be told what it became. */
export interface PaidBy {
  pledgeCode: string;
  vnd: number;
}

export interface Lot {
  /** "LO-7K2M9Q", shown to staff. */
  code: string;
  kind: LotKind;
  /** Devices: "laptop" | "tablet" | "phone" (as pledges and requests name them). */
  deviceType?: string;
  /** Data packages: the carrier (as connectivity requests name it) and how many months. */
  carrier?: string;
  months?: number;
  /** Units: devices, or SIMs / top-ups. */
  count: number;
  /** Open lines (matched, handed over or confirmed): rewritten under the lot's lease only. */
  allocated: number;
  source: LotSource;
  /** source "pledge": the pledge whose received devices or packages these are. */
  pledgeCode?: string;
  /** source "purchase": what it cost and which money pledges paid for it. */
  costVnd?: number;
  paidBy?: PaidBy[];
  /** Given outright: who gave it ("Viettel Bình Dương"). */
  giverName?: string;
  /** Folded ward or district names the donor restricted the lot to; empty: anywhere. */
  areas: string[];
  /** Where the lot is kept until handover ("Kho Sở GD&ĐT, 100 Đường 30/4"). */
  keptAt: string;
  note?: string;
  createdBy: string;
  createdAt: Date;
}

export const LINE_STATUSES = ["matched", "handed-over", "confirmed", "returned"] as const;
export type LineStatus = (typeof LINE_STATUSES)[number];
/** Statuses that hold a unit of the lot and a claim on the request. */
export const OPEN_LINE_STATUSES: LineStatus[] = ["matched", "handed-over", "confirmed"];

export interface AllocationLine {
  /** "DG-7K2M9Q": short, for URLs and the parent's "đã nhận" button. */
  code: string;
  lotCode: string;
  requestCode: string;
  /** One approval of a proposal: every line it made. */
  batchCode: string;
  status: LineStatus;
  /** Copied from the lot and the request's school so lists and counts need no join. */
  kind: LotKind;
  deviceType?: string;
  carrier?: string;
  months?: number;
  schoolCode?: string;
  district?: string;
  /** What the parent was told: where and from when to collect it. */
  collectPlace: string;
  collectFrom?: Date;
  approvedBy: string;
  approvedAt: Date;
  /** The device's serial number, written at handover if staff have it. */
  serial?: string;
  handedOverAt?: Date;
  handedOverBy?: string;
  /** The parent's one tap in chat ("Đã nhận"). */
  confirmedAt?: Date;
  returnedAt?: Date;
  returnedBy?: string;
  returnReason?: string;
  returnNote?: string;
  /** Data lines: the carrier's activation result, as imported ("activated" / "failed: …"). */
  activation?: string;
  activatedAt?: Date;
}

/** "This request is in an open line": one row per request, the unique index decides. */
export interface AllocationClaim {
  requestCode: string;
  lineCode: string;
}

const lotSchema = new Schema<Lot>({
  code: { type: String, required: true, unique: true },
  kind: { type: String, required: true, enum: LOT_KINDS },
  deviceType: String,
  carrier: String,
  months: Number,
  count: { type: Number, required: true },
  allocated: { type: Number, default: 0 },
  source: { type: String, required: true, enum: LOT_SOURCES },
  pledgeCode: { type: String, index: true },
  costVnd: Number,
  paidBy: [{ _id: false, pledgeCode: String, vnd: Number }],
  giverName: String,
  areas: { type: [String], default: [] },
  keptAt: { type: String, required: true },
  note: String,
  createdBy: { type: String, required: true },
  createdAt: { type: Date, default: () => new Date() },
});
lotSchema.index({ "paidBy.pledgeCode": 1 });

const lineSchema = new Schema<AllocationLine>({
  code: { type: String, required: true, unique: true },
  lotCode: { type: String, required: true },
  requestCode: { type: String, required: true, index: true },
  batchCode: { type: String, required: true, index: true },
  status: { type: String, required: true, enum: LINE_STATUSES },
  kind: { type: String, required: true, enum: LOT_KINDS },
  deviceType: String,
  carrier: String,
  months: Number,
  schoolCode: String,
  district: String,
  collectPlace: { type: String, required: true },
  collectFrom: Date,
  approvedBy: { type: String, required: true },
  approvedAt: { type: Date, required: true },
  serial: String,
  handedOverAt: Date,
  handedOverBy: String,
  confirmedAt: Date,
  returnedAt: Date,
  returnedBy: String,
  returnReason: String,
  returnNote: String,
  activation: String,
  activatedAt: Date,
});
// A lot's lines (its page, the recount) and a school's handover list, newest approvals first.
lineSchema.index({ lotCode: 1, status: 1 });
lineSchema.index({ schoolCode: 1, status: 1, approvedAt: -1 });

const claimSchema = new Schema<AllocationClaim>({
  requestCode: { type: String, required: true, unique: true },
  lineCode: { type: String, required: true },
});

export function lotModel(connection: Connection): Model<Lot> {
  return modelOn(connection, "Lot", lotSchema, "lots");
}
export function lineModel(connection: Connection): Model<AllocationLine> {
  return modelOn(connection, "AllocationLine", lineSchema, "allocation_lines");
}
export function claimModel(connection: Connection): Model<AllocationClaim> {
  return modelOn(connection, "AllocationClaim", claimSchema, "allocation_claims");
}
