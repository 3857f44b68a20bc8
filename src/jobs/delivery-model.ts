/**
 * One delivery = one message of one broadcast to one target. A broadcast belongs to a topic
 * (a lesson, a call for donations, a donor notice): the feature that owns the topic composes
 * the message and hears how it ended (DeliveryHooks). The unique (broadcastId, key) index is
 * the last guard against sending twice (the Redis store decides first, on the same key): jobs
 * are at least once, records are exactly once.
 * Broadcast ids are unique across topics (an ObjectId, a campaign code, "notice-<id>").
 */
import { type Connection, type Model, Schema, type Types } from "mongoose";
import type { Locale } from "../core/i18n.js";
import type { ChannelName } from "../core/messages.js";
import { modelOn } from "../storage/model-on.js";

/**
 * queued → sending (a lease) → sent | blocked | outside-window | failed | uncertain. "uncertain" is a send that
 * began but never reported back (the process died mid-send): it is reported, never repeated
 * automatically, because a person getting the same message twice is what we promised not to do.
 * "outside-window" is someone the platform lets the bot answer only after they write (Zalo OA:
 * 7 days): not a failure to retry, the sender must reach them another way.
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
/**
 * What the target is to its topic ("parent", "forward", "donor"…). "group" is the one kind the
 * engine reads: messages into one group are spaced by the channel's groupGapMs.
 */
export type TargetKind = string;

/** Where one copy goes; `key` is unique within a broadcast, so a parent in two classes gets one copy. */
export interface DeliveryTarget {
  key: string;
  kind: TargetKind;
  channel: ChannelName;
  chatId: string;
  locale: Locale;
  /** What the target belongs to for its topic (a lesson's class); "" when nothing. */
  context: string;
  /** The record behind the target (a group link, a membership), for the topic's hooks. */
  refId: string;
}

export interface NewDelivery extends DeliveryTarget {
  topic: string;
  broadcastId: string;
  /** Targets known to have blocked the bot are recorded as such, never queued. */
  status: "queued" | "blocked";
}

export interface Delivery extends DeliveryTarget {
  id: string;
  topic: string;
  broadcastId: string;
  status: DeliveryStatus;
  /** Incremented by each "re-send to the failed ones", so the new jobs get new job ids. */
  round: number;
  attempts: number;
  leaseUntil?: Date;
  /** Ids of the parts already delivered: a try after a partial send skips that many parts. */
  messageIds: string[];
  reason?: string;
  settledAt?: Date;
  createdAt: Date;
}

/** The chat a delivery goes to, as privacy asks for it. */
export interface ChatRef {
  channel: ChannelName;
  chatId: string;
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
  topic: { type: String, required: true },
  broadcastId: { type: String, required: true },
  key: { type: String, required: true },
  kind: { type: String, required: true },
  channel: { type: String, required: true },
  // Strings: Telegram chat ids exceed 32 bits, and Zalo's are not numbers at all.
  chatId: { type: String, required: true },
  locale: { type: String, required: true },
  context: { type: String, default: "" },
  refId: { type: String, default: "" },
  status: { type: String, required: true },
  round: { type: Number, default: 0 },
  attempts: { type: Number, default: 0 },
  leaseUntil: Date,
  messageIds: { type: [String], default: [] },
  reason: String,
  settledAt: Date,
  createdAt: { type: Date, default: () => new Date() },
});
schema.index({ broadcastId: 1, key: 1 }, { unique: true });
schema.index({ broadcastId: 1, status: 1 });

export function deliveryModel(connection: Connection): Model<DeliveryDocument> {
  return modelOn(connection, "Delivery", schema, "deliveries");
}
