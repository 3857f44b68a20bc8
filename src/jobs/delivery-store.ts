/**
 * Where delivery records live, behind a small interface: MongoDB in the app, a memory twin
 * (memory-delivery-store.ts) for benchmarks of the queue alone. Every status change of one
 * delivery happens under its Redis lease (core/lock.ts), so two workers can never both move it,
 * on any store (docs/storage-and-ferretdb.md#atomicity); the update's status filter is kept as a
 * check that under the lease is always true.
 *
 * To add an implementation: honour each method's condition exactly (claim only from "queued",
 * settle only from "sending"…) and add it to the contract in test/jobs/delivery-store.test.ts.
 */
import { type Connection, trusted } from "mongoose";
import type { RecordLock } from "../core/lock.js";
import {
  type Delivery,
  type DeliveryDocument,
  type DeliveryStatus,
  deliveryModel,
  emptyCounts,
  type FinalStatus,
  type NewDelivery,
  type QueuedRef,
  queuedRef,
  type StatusCounts,
} from "./delivery-model.js";
import { withStoreRetry } from "./store-retry.js";

export interface DeliveryStore {
  /** Creates the records, skipping targets the broadcast already has; returns how many new ones are queued. */
  insert(deliveries: NewDelivery[]): Promise<number>;
  /** Queued deliveries of a broadcast, to (re)enqueue after a fan-out that may have been cut short. */
  waiting(broadcastId: string): Promise<QueuedRef[]>;
  get(id: string): Promise<Delivery | null>;
  /** queued → sending until `leaseUntil`; null when it was not queued. */
  claim(id: string, leaseUntil: Date): Promise<Delivery | null>;
  /**
   * sending → queued: the platform refused (429, 5xx), so it may go again. `partsSent` are the
   * ids of the parts that did go out before the refusal; the next try skips that many.
   */
  release(id: string, partsSent?: string[]): Promise<boolean>;
  /** sending → a final status; false when someone else settled it first. */
  settle(
    id: string,
    status: FinalStatus,
    details?: { messageIds?: string[]; reason?: string },
  ): Promise<boolean>;
  /** sending with exactly this expired lease → uncertain. */
  expire(id: string, leaseUntil: Date): Promise<boolean>;
  /** Its job is gone for good: queued → failed, sending → uncertain. Returns the new status. */
  abandon(id: string, reason: string): Promise<FinalStatus | undefined>;
  retarget(id: string, chatId: string): Promise<void>;
  /**
   * Sends whose lease ran out with no job left to notice (a worker that died more often than
   * BullMQ retries stalled jobs) become uncertain, so they show and can be re-sent.
   */
  sweep(broadcastId: string, now?: Date): Promise<number>;
  count(broadcastId: string): Promise<StatusCounts>;
  /** Puts deliveries in these statuses back in the queue, in a new round. */
  requeue(broadcastId: string, from: FinalStatus[]): Promise<QueuedRef[]>;
}

const INSERT_CHUNK = 1000;

/** The record lock every status change of one delivery is made under (core/lock.ts). */
export const deliveryRecord = (id: string) => `delivery:${id}`;

export function createMongoDeliveryStore(connection: Connection, lock: RecordLock): DeliveryStore {
  const Deliveries = deliveryModel(connection);
  /** One status change of one delivery, decided under its lease. */
  const change = <T>(id: string, task: () => Promise<T>) =>
    lock(deliveryRecord(id), () => withStoreRetry(task));
  // The unique (broadcastId, key) index is what makes a fan-out run twice insert once: a fresh
  // database must have it before the first insert.
  let indexed: Promise<unknown> | undefined;
  const toDelivery = (doc: DeliveryDocument | null): Delivery | null => {
    if (!doc) return null;
    const { _id, ...rest } = doc;
    return { ...rest, id: String(_id), messageIds: rest.messageIds ?? [] };
  };
  const moved = (result: { modifiedCount: number }) => result.modifiedCount === 1;
  const done = (status: FinalStatus, reason?: string) => ({
    $set: { status, settledAt: new Date(), ...(reason ? { reason } : {}) },
    $unset: { leaseUntil: 1 },
  });

  async function insertChunk(docs: Array<Record<string, unknown>>): Promise<number> {
    try {
      // The driver directly: mongoose would hydrate ten thousand documents for nothing.
      return (await Deliveries.collection.insertMany(docs, { ordered: false })).insertedCount;
    } catch (error) {
      const failure = error as { writeErrors?: unknown; insertedCount?: number; code?: number };
      const errors = [failure.writeErrors ?? failure].flat() as Array<{ code?: number }>;
      // A target the broadcast already has (a fan-out run again after a crash) is not an error.
      if (errors.length === 0 || errors.some((e) => e.code !== 11000)) throw error;
      return failure.insertedCount ?? 0;
    }
  }

  return {
    async insert(deliveries) {
      indexed ??= Deliveries.init();
      await indexed;
      const now = new Date();
      const docs = deliveries.map((d) => ({
        ...d,
        round: 0,
        attempts: 0,
        messageIds: [],
        createdAt: now,
        ...(d.status === "blocked" ? { settledAt: now, reason: "blocked before" } : {}),
      }));
      let queued = 0;
      // Queued and already-blocked apart, so the count of new queued ones is exact.
      for (const status of ["queued", "blocked"] as const) {
        const some = docs.filter((d) => d.status === status);
        for (let i = 0; i < some.length; i += INSERT_CHUNK) {
          const inserted = await withStoreRetry(() => insertChunk(some.slice(i, i + INSERT_CHUNK)));
          if (status === "queued") queued += inserted;
        }
      }
      return queued;
    },
    async waiting(broadcastId) {
      const docs = await Deliveries.find(
        { broadcastId, status: "queued" },
        { channel: 1, round: 1, kind: 1, chatId: 1 },
      ).lean<Array<Pick<DeliveryDocument, "_id" | "channel" | "round" | "kind" | "chatId">>>();
      return docs.map((d) => queuedRef({ ...d, id: String(d._id) }));
    },
    get: async (id) =>
      toDelivery(await withStoreRetry(() => Deliveries.findById(id).lean<DeliveryDocument>())),
    async claim(id, leaseUntil) {
      // A claimer that finds the delivery being changed by someone else has lost: whoever
      // holds it is claiming or settling it, and a released delivery gets a new job.
      const doc = await lock.ifFree(deliveryRecord(id), () =>
        withStoreRetry(() =>
          Deliveries.findOneAndUpdate(
            { _id: id, status: "queued" },
            { $set: { status: "sending", leaseUntil }, $inc: { attempts: 1 } },
            { returnDocument: "after" },
          ).lean<DeliveryDocument>(),
        ),
      );
      return toDelivery(doc ?? null);
    },
    release: async (id, partsSent) =>
      moved(
        await change(id, () =>
          Deliveries.updateOne(
            { _id: id, status: "sending" },
            {
              $set: { status: "queued", ...(partsSent ? { messageIds: partsSent } : {}) },
              $unset: { leaseUntil: 1 },
            },
          ),
        ),
      ),
    async settle(id, status, details = {}) {
      const update = done(status, details.reason);
      if (details.messageIds) Object.assign(update.$set, { messageIds: details.messageIds });
      return moved(await change(id, () => Deliveries.updateOne({ _id: id, status: "sending" }, update)));
    },
    expire: async (id, leaseUntil) =>
      moved(
        await change(id, () =>
          Deliveries.updateOne({ _id: id, status: "sending", leaseUntil }, done("uncertain", "interrupted")),
        ),
      ),
    async abandon(id, reason) {
      for (const [from, to] of [
        ["queued", "failed"],
        ["sending", "uncertain"],
      ] as const) {
        const result = await change(id, () =>
          Deliveries.updateOne({ _id: id, status: from }, done(to, reason)),
        );
        if (moved(result)) return to;
      }
      return undefined;
    },
    async retarget(id, chatId) {
      // Under the lease too: FerretDB rewrites the whole document, so a concurrent claim could undo it.
      await change(id, () => Deliveries.updateOne({ _id: id }, { $set: { chatId } }));
    },
    async sweep(broadcastId, now = new Date()) {
      const stale = await withStoreRetry(() =>
        Deliveries.find(
          { broadcastId, status: "sending", leaseUntil: trusted({ $lt: now }) },
          { leaseUntil: 1 },
        ).lean<Array<Pick<DeliveryDocument, "_id" | "leaseUntil">>>(),
      );
      let swept = 0;
      // One by one under each lease, so a worker settling one of them at this moment wins or loses cleanly.
      for (const { _id, leaseUntil } of stale) {
        const result = await change(String(_id), () =>
          Deliveries.updateOne({ _id, status: "sending", leaseUntil }, done("uncertain", "interrupted")),
        );
        if (moved(result)) swept++;
      }
      return swept;
    },
    async count(broadcastId) {
      const rows = await withStoreRetry(() =>
        Deliveries.aggregate<{ _id: DeliveryStatus; n: number }>([
          { $match: { broadcastId } },
          { $group: { _id: "$status", n: { $sum: 1 } } },
        ]),
      );
      const counts = emptyCounts();
      for (const row of rows) counts[row._id] = row.n;
      return counts;
    },
    async requeue(broadcastId, from) {
      const candidates = await Deliveries.find(
        { broadcastId, status: trusted({ $in: from }) },
        { status: 1 },
      ).lean<Array<Pick<DeliveryDocument, "_id" | "status">>>();
      const refs: QueuedRef[] = [];
      for (const candidate of candidates) {
        // Under the lease, so two teachers' taps on "re-send" queue each delivery once.
        const doc = await change(String(candidate._id), () =>
          Deliveries.findOneAndUpdate(
            { _id: candidate._id, status: candidate.status },
            { $set: { status: "queued" }, $inc: { round: 1 }, $unset: { reason: 1, settledAt: 1 } },
            { returnDocument: "after" },
          ).lean<DeliveryDocument>(),
        );
        const delivery = toDelivery(doc);
        if (delivery) refs.push(queuedRef(delivery));
      }
      return refs;
    },
  };
}
