/**
 * Where delivery records live, behind a small interface: Redis for the live state with MongoDB
 * for the records in the app (redis-delivery-store.ts), a memory twin
 * (memory-delivery-store.ts) for benchmarks of the queue alone. Every status change is decided
 * atomically in Redis, so two workers can never both move one delivery, on any store
 * (docs/storage-and-ferretdb.md#atomicity).
 *
 * To add an implementation: honour each method's condition exactly (claim only from "queued",
 * settle only from "sending"…) and add it to the contract in test/jobs/delivery-store.test.ts.
 */
import type {
  ChatRef,
  Delivery,
  FinalStatus,
  NewDelivery,
  QueuedRef,
  StatusCounts,
} from "./delivery-model.js";

export interface Inserted {
  queued: QueuedRef[];
  /** Targets the broadcast already had (a fan-out run again): their state is left as it was. */
  existing: number;
}

export interface DeliveryStore {
  /** Starts writing records behind (and writes what a crashed process left); before the workers. */
  start(): Promise<void>;
  /** Writes what is left and stops; after the workers. */
  stop(): Promise<void>;
  /** Resolves when every change so far is in MongoDB (tests and readers of the raw records). */
  flush(deadlineMs?: number): Promise<void>;
  /**
   * Creates the records, skipping targets the broadcast already has. Returns the new ones that
   * are queued, to enqueue at once, and how many of the targets the broadcast had already.
   */
  insert(deliveries: NewDelivery[]): Promise<Inserted>;
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
  /** How many records name this chat ("Dữ liệu của tôi"). */
  countTo(chat: ChatRef): Promise<number>;
  /**
   * Cuts every record from an erased chat: no chat id, no target key, and one still queued
   * fails so it never goes out. Returns how many there were.
   */
  eraseTo(chat: ChatRef): Promise<number>;
}
