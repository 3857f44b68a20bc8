/**
 * Pledges of donors (nhà hảo tâm): money, devices and data packages, received in parts, then
 * allocated to a school and delivered. Where a gift went is kept at school level only: nothing
 * here ever points at a child.
 */
import { type Connection, type Model, Schema } from "mongoose";
import type { ChannelName } from "../../core/messages.js";
import { modelOn } from "../../storage/model-on.js";

export const PLEDGE_STATUSES = ["pledged", "received", "allocated", "delivered", "cancelled"] as const;
export type PledgeStatus = (typeof PLEDGE_STATUSES)[number];
export const DONOR_TYPES = ["individual", "organization", "civil-servant"] as const;
export type DonorType = (typeof DONOR_TYPES)[number];
export const ITEM_KINDS = ["money", "devices", "data"] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
export const DEVICE_TYPES = ["laptop", "tablet", "phone"] as const;
export const DEVICE_CONDITIONS = ["new", "used-good", "needs-repair"] as const;
export const HANDOVERS = ["pickup", "drop-off"] as const;
export const DATA_CARRIERS = ["viettel", "vinaphone", "mobifone", "vietnamobile", "other"] as const;

export interface MoneyItem {
  pledgedVnd: number;
  receivedVnd: number;
}
export interface DeviceItem {
  type: string;
  count: number;
  condition: string;
  handover: string;
  address?: string;
  receivedCount: number;
}
export interface DataItem {
  carrier: string;
  count: number;
  months: number;
  receivedCount: number;
}

/**
 * One line of the pledge's receipt ledger (ledger.ts): only ever appended, never edited. A wrong
 * entry is undone by a reversing entry (negative quantity, `reverses`, a reason).
 */
export interface Receipt {
  /** Unique per source (a statement line, a staff message), so one arrival counts once. */
  key: string;
  /** Short id shown to staff; entries from before ledgers had ids are named by `key`. */
  id?: string;
  kind: ItemKind;
  /** What arrived; negative on a reversing entry. */
  quantity: number;
  at: Date;
  by: string;
  note?: string;
  /** The id (or key) of the entry this one undoes. */
  reverses?: string;
  /** Why an entry was reversed: required on a reversal. */
  reason?: string;
  /** Recorded above what was pledged, after staff confirmed it. */
  over?: boolean;
}

export interface HistoryEntry {
  action: "pledged" | "received" | "reversed" | "allocated" | "delivered" | "cancelled";
  status: PledgeStatus;
  at: Date;
  /** "donor", "statement", or the staff member's channel:id. */
  by: string;
  note?: string;
}

/** A school the gift went to, copied at allocation so anonymous totals need no join. */
export interface Allocation {
  schoolCode: string;
  schoolName: string;
  /** The school's district, or its ward or commune where there is none (since July 2025). */
  district: string;
  level: string;
  at: Date;
  by: string;
  note?: string;
}

export interface Pledge {
  code: string;
  idempotencyKey: string;
  status: PledgeStatus;
  history: HistoryEntry[];
  channel: ChannelName;
  userId: string;
  chatId: string;
  locale: string;
  donorType: DonorType;
  /** Absent when the donor chose to stay anonymous. */
  donorName?: string;
  showName: boolean;
  /** Consent to hear calls for donations; campaigns go only to these. */
  wantsUpdates: boolean;
  money?: MoneyItem;
  devices?: DeviceItem;
  data?: DataItem;
  phone?: string;
  receipts: Receipt[];
  allocation?: Allocation;
  createdAt: Date;
}

const money = new Schema<MoneyItem>(
  { pledgedVnd: { type: Number, required: true }, receivedVnd: { type: Number, default: 0 } },
  { _id: false },
);
const devices = new Schema<DeviceItem>(
  {
    type: { type: String, required: true },
    count: { type: Number, required: true },
    condition: { type: String, required: true },
    handover: { type: String, required: true },
    address: { type: String, personal: true },
    receivedCount: { type: Number, default: 0 },
  },
  { _id: false },
);
const data = new Schema<DataItem>(
  {
    carrier: { type: String, required: true },
    count: { type: Number, required: true },
    months: { type: Number, required: true },
    receivedCount: { type: Number, default: 0 },
  },
  { _id: false },
);

const schema = new Schema<Pledge>({
  code: { type: String, required: true, unique: true },
  idempotencyKey: { type: String, required: true, unique: true },
  status: { type: String, required: true, enum: PLEDGE_STATUSES, index: true },
  history: [{ _id: false, action: String, status: String, at: Date, by: String, note: String }],
  channel: { type: String, required: true },
  userId: { type: String, required: true, index: true },
  chatId: { type: String, required: true },
  locale: { type: String, required: true },
  donorType: { type: String, required: true, enum: DONOR_TYPES },
  donorName: { type: String, personal: true },
  showName: { type: Boolean, default: false },
  wantsUpdates: { type: Boolean, default: false, index: true },
  money: { type: money, default: undefined },
  devices: { type: devices, default: undefined },
  data: { type: data, default: undefined },
  phone: { type: String, personal: true },
  receipts: [
    {
      _id: false,
      key: String,
      id: String,
      kind: String,
      quantity: Number,
      at: Date,
      by: String,
      note: String,
      reverses: String,
      reason: String,
      over: Boolean,
    },
  ],
  allocation: {
    type: new Schema<Allocation>(
      {
        schoolCode: String,
        schoolName: String,
        district: String,
        level: String,
        at: Date,
        by: String,
        note: String,
      },
      { _id: false },
    ),
    default: undefined,
  },
  createdAt: { type: Date, default: () => new Date() },
});

export function pledgeModel(connection: Connection): Model<Pledge> {
  return modelOn(connection, "Pledge", schema, "pledges");
}
