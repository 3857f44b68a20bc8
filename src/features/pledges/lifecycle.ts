/**
 * A pledge's way: pledged → received (parts add up in the ledger, ledger.ts, until every item
 * is in) → allocated to a school → delivered, or cancelled. Each change is read, checked and written back under the
 * pledge's Redis lease (core/lock.ts), so two staff acting at once (or a statement imported
 * twice) change a pledge once, on every store; the history says who and when.
 */
import type { Connection } from "mongoose";
import type { RecordLock } from "../../core/lock.js";
import { entryIdOf, ITEM_ORDER, isReversed, newEntryId, totalsUpdate, withTotals } from "./ledger.js";
import {
  type Allocation,
  type HistoryEntry,
  type ItemKind,
  type Pledge,
  type PledgeStatus,
  pledgeModel,
  type Receipt,
} from "./model.js";

export type Change =
  | { kind: "changed"; pledge: Pledge }
  | { kind: "not-found" }
  | { kind: "not-allowed"; from: PledgeStatus };
export type ReceiveResult =
  | { kind: "changed"; pledge: Pledge; entry: Receipt }
  | { kind: "not-found" }
  | { kind: "not-allowed"; from: PledgeStatus }
  | { kind: "duplicate"; pledge: Pledge }
  | { kind: "no-such-item"; pledge: Pledge }
  /** More than was pledged would be in: recorded only when the caller confirms it. */
  | { kind: "over"; pledge: Pledge; pledged: number; received: number };
export type ReverseResult =
  | { kind: "changed"; pledge: Pledge; entry: Receipt; reversed: Receipt }
  | { kind: "not-found" }
  | { kind: "no-such-entry" }
  | { kind: "already-reversed"; pledge: Pledge }
  | { kind: "reason-needed" };

export interface ReceiptInput {
  kind: ItemKind;
  quantity: number;
  key: string;
  by: string;
  note?: string;
  /** Staff saw that this takes the item above what was pledged, and meant it. */
  confirmOver?: boolean;
}

/** Things still arrive after allocation (the rest of a partial gift), never after delivery. */
const RECEIVABLE: PledgeStatus[] = ["pledged", "received", "allocated"];

export function pledgedOf(pledge: Pledge, kind: ItemKind): { pledged: number; received: number } | undefined {
  if (kind === "money")
    return pledge.money && { pledged: pledge.money.pledgedVnd, received: pledge.money.receivedVnd };
  const item = kind === "devices" ? pledge.devices : pledge.data;
  return item && { pledged: item.count, received: item.receivedCount };
}

export function isFullyReceived(pledge: Pledge): boolean {
  return ITEM_ORDER.every((kind) => {
    const item = pledgedOf(pledge, kind);
    return !item || item.received >= item.pledged;
  });
}

/** Anything in that was not reversed since. */
export function hasReceivedAnything(pledge: Pledge): boolean {
  return ITEM_ORDER.some((kind) => (pledgedOf(pledge, kind)?.received ?? 0) > 0);
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
    /**
     * Appends what arrived to the ledger; the pledge becomes "received" once every pledged item
     * is in. Taking an item above what was pledged needs `confirmOver`, and the entry says so.
     */
    async receive(code: string, receipt: ReceiptInput): Promise<ReceiveResult> {
      const { note, confirmOver, ...rest } = receipt;
      return lock(`pledge:${code}`, async () => {
        const current = await Pledges.findOne({ code }).lean<Pledge>();
        if (!current) return { kind: "not-found" };
        const item = pledgedOf(current, receipt.kind);
        if (!item) return { kind: "no-such-item", pledge: current };
        // The same statement line (or the same staff command replayed) counts once.
        if (current.receipts.some((r) => r.key === receipt.key))
          return { kind: "duplicate", pledge: current };
        if (!RECEIVABLE.includes(current.status)) return { kind: "not-allowed", from: current.status };
        const over = item.received + receipt.quantity > item.pledged;
        if (over && !confirmOver)
          return { kind: "over", pledge: current, pledged: item.pledged, received: item.received };
        const added: Receipt = {
          ...rest,
          id: newEntryId(),
          at: new Date(),
          ...(note ? { note } : {}),
          ...(over ? { over: true } : {}),
        };
        const after = withTotals(current, [...current.receipts, added]);
        const status = current.status === "pledged" && isFullyReceived(after) ? "received" : current.status;
        const history = [...current.history, entry("received", status, receipt.by, note)];
        await Pledges.updateOne({ code }, { $set: { status, history, ...totalsUpdate(after) } });
        return { kind: "changed", pledge: { ...after, status, history }, entry: added };
      });
    },

    /**
     * Undoes a wrong entry by appending its opposite, with the reason; the entry itself stays.
     * A pledge that was complete only because of it goes back to "pledged".
     */
    async reverse(
      code: string,
      input: { entryId: string; reason: string; by: string },
    ): Promise<ReverseResult> {
      const reason = input.reason.trim();
      if (!reason) return { kind: "reason-needed" };
      return lock(`pledge:${code}`, async () => {
        const current = await Pledges.findOne({ code }).lean<Pledge>();
        if (!current) return { kind: "not-found" };
        const target = current.receipts.find(
          (r) => entryIdOf(r) === input.entryId && r.quantity > 0 && !r.reverses,
        );
        if (!target) return { kind: "no-such-entry" };
        if (isReversed(current.receipts, target)) return { kind: "already-reversed", pledge: current };
        const reversal: Receipt = {
          key: `reversal:${entryIdOf(target)}`,
          id: newEntryId(),
          kind: target.kind,
          quantity: -target.quantity,
          at: new Date(),
          by: input.by,
          reverses: entryIdOf(target),
          reason,
        };
        const after = withTotals(current, [...current.receipts, reversal]);
        const status = current.status === "received" && !isFullyReceived(after) ? "pledged" : current.status;
        const history = [...current.history, entry("reversed", status, input.by, reason)];
        await Pledges.updateOne({ code }, { $set: { status, history, ...totalsUpdate(after) } });
        return { kind: "changed", pledge: { ...after, status, history }, entry: reversal, reversed: target };
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
