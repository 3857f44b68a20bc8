/**
 * One delivery = one clip to one target (a linked group, a parent's private chat, or the teacher's
 * chat for a Zalo group they forward to by hand). The unique (clipId, target) index is the real
 * guard against sending twice: jobs are at least once, records are exactly once.
 */
import { type Connection, type Model, Schema, type Types } from "mongoose";
import type { Locale } from "../core/i18n.js";
import type { ChannelName } from "../core/messages.js";
import { modelOn } from "../storage/model-on.js";

/**
 * queued → sending (a lease) → sent | blocked | failed | uncertain. "uncertain" is a send that
 * began but never reported back (the process died mid-send): it is reported, never repeated
 * automatically, because a parent getting the same clip twice is what we promised not to do.
 * "outside-window" is a Zalo OA follower who has not written in 7 days: Zalo refuses the send,
 * and the teacher must reach them another way (not a failure to retry).
 */
export const DELIVERY_STATUSES = [
  "queued",
  "sending",
  "sent",
  "blocked",
  "outside-window",
  "failed",
  "uncertain",
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export type FinalStatus = Exclude<DeliveryStatus, "queued" | "sending">;
export type TargetKind = "group" | "parent" | "forward";

/** Where one copy goes; `key` is unique within a clip, so a parent in two classes gets one copy. */
export interface DeliveryTarget {
  key: string;
  kind: TargetKind;
  channel: ChannelName;
  chatId: string;
  locale: Locale;
  classId: string;
  /** The group link or membership behind the target, to mark it blocked or migrated. */
  refId: string;
}

export interface NewDelivery extends DeliveryTarget {
  clipId: string;
  /** Targets already known to have blocked the bot are recorded as such, never queued. */
  status: "queued" | "blocked";
}

export interface Delivery extends DeliveryTarget {
  id: string;
  clipId: string;
  status: DeliveryStatus;
  /** Incremented by each "re-send to the failed ones", so the new jobs get new job ids. */
  round: number;
  attempts: number;
  leaseUntil?: Date;
  messageIds: string[];
  reason?: string;
  settledAt?: Date;
  createdAt: Date;
}

/** What a queue needs to (re)enqueue a delivery. */
export interface QueuedRef {
  id: string;
  channel: ChannelName;
  round: number;
  /** "<channel>:<chatId>" for group targets: paced per group. */
  pace?: string;
}

export type StatusCounts = Record<DeliveryStatus, number>;

export function emptyCounts(): StatusCounts {
  return { queued: 0, sending: 0, sent: 0, blocked: 0, "outside-window": 0, failed: 0, uncertain: 0 };
}

export function queuedRef(
  delivery: Pick<Delivery, "id" | "channel" | "round" | "kind" | "chatId">,
): QueuedRef {
  const ref: QueuedRef = { id: delivery.id, channel: delivery.channel, round: delivery.round };
  if (delivery.kind === "group") ref.pace = `${delivery.channel}:${delivery.chatId}`;
  return ref;
}

export interface DeliveryDocument extends Omit<Delivery, "id"> {
  _id: Types.ObjectId;
}

const schema = new Schema<DeliveryDocument>({
  clipId: { type: String, required: true },
  key: { type: String, required: true },
  kind: { type: String, required: true },
  channel: { type: String, required: true },
  // Strings: Telegram chat ids exceed 32 bits, and Zalo's are not numbers at all.
  chatId: { type: String, required: true },
  locale: { type: String, required: true },
  classId: { type: String, required: true },
  refId: { type: String, required: true },
  status: { type: String, required: true },
  round: { type: Number, default: 0 },
  attempts: { type: Number, default: 0 },
  leaseUntil: Date,
  messageIds: { type: [String], default: [] },
  reason: String,
  settledAt: Date,
  createdAt: { type: Date, default: () => new Date() },
});
schema.index({ clipId: 1, key: 1 }, { unique: true });
schema.index({ clipId: 1, status: 1 });

export function deliveryModel(connection: Connection): Model<DeliveryDocument> {
  return modelOn(connection, "Delivery", schema, "deliveries");
}
