/**
 * A pledge's receipts as a ledger: every arrival is an entry appended under the pledge's lock
 * (lifecycle.ts), and a wrong one is undone by a reversing entry with a reason, never by
 * editing or deleting it, so what staff did stays readable. The received totals on the pledge
 * (which the public summary adds up) are always recomputed from the whole ledger and written
 * with $set: never $inc, which FerretDB can lose (docs/storage-and-ferretdb.md#atomicity).
 *
 * The ledger lives inside the pledge record (`receipts`) rather than in a collection of its
 * own: pledges recorded before there were ledgers already carry their entries there, and the
 * lock's read-check-write needs the pledge and its entries in one read anyway.
 */
import { randomBytes } from "node:crypto";
import type { ItemKind, Pledge, Receipt } from "./model.js";

export const ITEM_ORDER: ItemKind[] = ["money", "devices", "data"];

/** How staff name an entry: its id, or the key of an entry from before ids. */
export const entryIdOf = (entry: Receipt): string => entry.id ?? entry.key;

export const newEntryId = (): string => randomBytes(4).toString("hex");

/** Net received of one kind: arrivals minus reversals, never below nothing. */
export function receivedOf(receipts: Receipt[], kind: ItemKind): number {
  const sum = receipts.filter((r) => r.kind === kind).reduce((total, r) => total + r.quantity, 0);
  return Math.max(0, sum);
}

/** Whether an entry was already undone by a later one. */
export function isReversed(receipts: Receipt[], entry: Receipt): boolean {
  const id = entryIdOf(entry);
  return receipts.some((r) => r.reverses === id);
}

/** The pledge with its received totals recomputed from `receipts`. */
export function withTotals(pledge: Pledge, receipts: Receipt[]): Pledge {
  const next: Pledge = { ...pledge, receipts };
  if (pledge.money) next.money = { ...pledge.money, receivedVnd: receivedOf(receipts, "money") };
  if (pledge.devices) next.devices = { ...pledge.devices, receivedCount: receivedOf(receipts, "devices") };
  if (pledge.data) next.data = { ...pledge.data, receivedCount: receivedOf(receipts, "data") };
  return next;
}

/** The $set that writes totals and ledger together. */
export function totalsUpdate(pledge: Pledge): Record<string, unknown> {
  return {
    receipts: pledge.receipts,
    ...(pledge.money ? { "money.receivedVnd": pledge.money.receivedVnd } : {}),
    ...(pledge.devices ? { "devices.receivedCount": pledge.devices.receivedCount } : {}),
    ...(pledge.data ? { "data.receivedCount": pledge.data.receivedCount } : {}),
  };
}

/** What the ledger's entries in [from, to) add up to per kind, reversals included. */
export function netBetween(
  receipts: Receipt[],
  from: Date,
  to: Date,
): Array<{ kind: ItemKind; quantity: number }> {
  const inWindow = receipts.filter((r) => r.at >= from && r.at < to);
  return ITEM_ORDER.map((kind) => ({
    kind,
    quantity: inWindow.filter((r) => r.kind === kind).reduce((total, r) => total + r.quantity, 0),
  })).filter((line) => line.quantity > 0);
}
