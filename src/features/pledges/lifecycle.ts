/**
 * A pledge's way: pledged → received (parts add up until every item is in) → allocated to a
 * school → delivered, or cancelled. Each change is read, checked and written back under the
 * pledge's Redis lease (core/lock.ts), so two staff acting at once (or a statement imported
 * twice) change a pledge once, on every store; the history says who and when.
 */
import type { Connection } from "mongoose";
import type { RecordLock } from "../../core/lock.js";
import {
  type Allocation,
  type HistoryEntry,
  type ItemKind,
  type Pledge,
  type PledgeStatus,
  pledgeModel,
} from "./model.js";

export type Change =
  | { kind: "changed"; pledge: Pledge }
  | { kind: "not-found" }
  | { kind: "not-allowed"; from: PledgeStatus };
export type ReceiveResult =
  | Change
  | { kind: "duplicate"; pledge: Pledge }
  | { kind: "no-such-item"; pledge: Pledge };

export interface ReceiptInput {
  kind: ItemKind;
  quantity: number;
  key: string;
  by: string;
  note?: string;
}

/** Things still arrive after allocation (the rest of a partial gift), never after delivery. */
const RECEIVABLE: PledgeStatus[] = ["pledged", "received", "allocated"];
const RECEIVED_FIELD: Record<ItemKind, string> = {
  money: "money.receivedVnd",
  devices: "devices.receivedCount",
  data: "data.receivedCount",
};

export function pledgedOf(pledge: Pledge, kind: ItemKind): { pledged: number; received: number } | undefined {
  if (kind === "money")
    return pledge.money && { pledged: pledge.money.pledgedVnd, received: pledge.money.receivedVnd };
  const item = kind === "devices" ? pledge.devices : pledge.data;
  return item && { pledged: item.count, received: item.receivedCount };
}

export function isFullyReceived(pledge: Pledge): boolean {
  return (["money", "devices", "data"] as const).every((kind) => {
    const item = pledgedOf(pledge, kind);
    return !item || item.received >= item.pledged;
  });
}

/** A copy of the pledge as if `received` of this kind had arrived, to see whether it completes it. */
function withReceived(pledge: Pledge, kind: ItemKind, received: number): Pledge {
  if (kind === "money" && pledge.money)
    return { ...pledge, money: { ...pledge.money, receivedVnd: received } };
  if (kind === "devices" && pledge.devices)
    return { ...pledge, devices: { ...pledge.devices, receivedCount: received } };
  if (kind === "data" && pledge.data) return { ...pledge, data: { ...pledge.data, receivedCount: received } };
  return pledge;
}

export function hasReceivedAnything(pledge: Pledge): boolean {
  return pledge.receipts.length > 0;
}

export function createPledgeLifecycle(connection: Connection, lock: RecordLock) {
  const Pledges = pledgeModel(connection);
  const entry = (action: HistoryEntry["action"], status: PledgeStatus, by: string, note?: string) => ({
    action,
    status,
    at: new Date(),
    by,
    ...(note ? { note } : {}),
  });

  async function move(
    code: string,
    allowed: (pledge: Pledge) => boolean,
    to: PledgeStatus,
    action: HistoryEntry["action"],
    by: string,
    note?: string,
    set: Record<string, unknown> = {},
  ): Promise<Change> {
    return lock(`pledge:${code}`, async () => {
      const current = await Pledges.findOne({ code }).lean<Pledge>();
      if (!current) return { kind: "not-found" };
      if (!allowed(current)) return { kind: "not-allowed", from: current.status };
      const history = [...current.history, entry(action, to, by, note)];
      await Pledges.updateOne({ code }, { $set: { status: to, ...set, history } });
      return { kind: "changed", pledge: { ...current, status: to, ...set, history } };
    });
  }

  return {
    /** Adds what arrived; the pledge becomes "received" once every pledged item is in. */
    async receive(code: string, receipt: ReceiptInput): Promise<ReceiveResult> {
      const { note, ...rest } = receipt;
      return lock(`pledge:${code}`, async () => {
        const current = await Pledges.findOne({ code }).lean<Pledge>();
        if (!current) return { kind: "not-found" };
        const item = pledgedOf(current, receipt.kind);
        if (!item) return { kind: "no-such-item", pledge: current };
        // The same statement line (or the same staff command replayed) counts once.
        if (current.receipts.some((r) => r.key === receipt.key))
          return { kind: "duplicate", pledge: current };
        if (!RECEIVABLE.includes(current.status)) return { kind: "not-allowed", from: current.status };
        // Totals are computed here and written whole: no $inc, which FerretDB can lose.
        const total = item.received + receipt.quantity;
        const after = withReceived(current, receipt.kind, total);
        const status = current.status === "pledged" && isFullyReceived(after) ? "received" : current.status;
        const receipts = [...current.receipts, { ...rest, at: new Date(), ...(note ? { note } : {}) }];
        const history = [...current.history, entry("received", status, receipt.by, note)];
        await Pledges.updateOne(
          { code },
          { $set: { status, receipts, history, [RECEIVED_FIELD[receipt.kind]]: total } },
        );
        return { kind: "changed", pledge: { ...after, status, receipts, history } };
      });
    },

    /** To a school, once something has arrived; allocating again corrects the school. */
    allocate(code: string, school: Omit<Allocation, "at" | "by" | "note">, by: string, note?: string) {
      const allocation = { ...school, at: new Date(), by, ...(note ? { note } : {}) };
      return move(
        code,
        (p) => ["pledged", "received", "allocated"].includes(p.status) && hasReceivedAnything(p),
        "allocated",
        "allocated",
        by,
        note,
        { allocation },
      );
    },

    deliver: (code: string, by: string, note?: string) =>
      move(code, (p) => p.status === "allocated", "delivered", "delivered", by, note),

    cancel: (code: string, by: string, reason: string) =>
      move(
        code,
        (p) => p.status !== "delivered" && p.status !== "cancelled",
        "cancelled",
        "cancelled",
        by,
        reason,
      ),
  };
}

export type PledgeLifecycle = ReturnType<typeof createPledgeLifecycle>;
