/**
 * The in-memory twin of the Redis delivery store: same conditions, one process only. Used to
 * measure the queue and the sender without the stores (bench/), never by the app.
 */
import { randomBytes } from "node:crypto";
import {
  type Delivery,
  type DeliveryStatus,
  emptyCounts,
  type FinalStatus,
  queuedRef,
} from "./delivery-model.js";
import type { DeliveryStore, Inserted } from "./delivery-store.js";

export function createMemoryDeliveryStore(): DeliveryStore & { all(): Delivery[] } {
  const byId = new Map<string, Delivery>();
  const keys = new Set<string>();
  const copy = (d: Delivery | undefined) => (d ? { ...d, messageIds: [...d.messageIds] } : null);
  /** Moves a delivery when it is in `from`; the same compare-and-set the Redis scripts do. */
  const move = (id: string, from: DeliveryStatus, change: Partial<Delivery>): Delivery | undefined => {
    const current = byId.get(id);
    if (!current || current.status !== from) return undefined;
    Object.assign(current, change);
    return current;
  };
  const final = (status: FinalStatus, reason?: string): Partial<Delivery> => ({
    status,
    settledAt: new Date(),
    leaseUntil: undefined,
    ...(reason ? { reason } : {}),
  });

  return {
    all: () => [...byId.values()].map((d) => copy(d)!),
    start: async () => {},
    stop: async () => {},
    flush: async () => {},
    async insert(deliveries) {
      const inserted: Inserted = { queued: [], existing: 0 };
      for (const d of deliveries) {
        const key = `${d.broadcastId}|${d.key}`;
        if (keys.has(key)) {
          inserted.existing++;
          continue;
        }
        keys.add(key);
        const id = randomBytes(12).toString("hex");
        const delivery: Delivery = { ...d, id, round: 0, attempts: 0, messageIds: [], createdAt: new Date() };
        byId.set(id, delivery);
        if (d.status === "queued") inserted.queued.push(queuedRef(delivery));
      }
      return inserted;
    },
    async waiting(broadcastId) {
      return [...byId.values()]
        .filter((d) => d.broadcastId === broadcastId && d.status === "queued")
        .map(queuedRef);
    },
    get: async (id) => copy(byId.get(id)),
    async claim(id, leaseUntil) {
      const current = byId.get(id);
      const attempts = (current?.attempts ?? 0) + 1;
      return copy(move(id, "queued", { status: "sending", leaseUntil, attempts }));
    },
    release: async (id, partsSent) =>
      move(id, "sending", {
        status: "queued",
        leaseUntil: undefined,
        ...(partsSent ? { messageIds: [...partsSent] } : {}),
      }) !== undefined,
    async settle(id, status, details = {}) {
      const change = final(status, details.reason);
      if (details.messageIds) change.messageIds = details.messageIds;
      return move(id, "sending", change) !== undefined;
    },
    async expire(id, leaseUntil) {
      if (byId.get(id)?.leaseUntil?.getTime() !== leaseUntil.getTime()) return false;
      return move(id, "sending", final("uncertain", "interrupted")) !== undefined;
    },
    async abandon(id, reason) {
      if (move(id, "queued", final("failed", reason))) return "failed";
      if (move(id, "sending", final("uncertain", reason))) return "uncertain";
      return undefined;
    },
    async retarget(id, chatId) {
      const current = byId.get(id);
      if (current) current.chatId = chatId;
    },
    async sweep(broadcastId, now = new Date()) {
      const stale = [...byId.values()].filter(
        (d) =>
          d.broadcastId === broadcastId &&
          d.status === "sending" &&
          (d.leaseUntil?.getTime() ?? 0) < now.getTime(),
      );
      for (const d of stale) Object.assign(d, final("uncertain", "interrupted"));
      return stale.length;
    },
    async count(broadcastId) {
      const counts = emptyCounts();
      for (const d of byId.values()) if (d.broadcastId === broadcastId) counts[d.status]++;
      return counts;
    },
    async requeue(broadcastId, from) {
      const moved = [...byId.values()].filter(
        (d) => d.broadcastId === broadcastId && from.includes(d.status as FinalStatus),
      );
      for (const d of moved)
        Object.assign(d, { status: "queued", round: d.round + 1, reason: undefined, settledAt: undefined });
      return moved.map(queuedRef);
    },
    async countTo(chat) {
      return [...byId.values()].filter((d) => d.channel === chat.channel && d.chatId === chat.chatId).length;
    },
    async eraseTo(chat) {
      const own = [...byId.values()].filter((d) => d.channel === chat.channel && d.chatId === chat.chatId);
      for (const d of own) {
        keys.delete(`${d.broadcastId}|${d.key}`);
        Object.assign(d, { chatId: "erased", key: `erased:${d.id}` });
        move(d.id, "queued", final("failed", "erased"));
      }
      return own.length;
    },
  };
}
