/**
 * How the Redis delivery store (redis-delivery-store.ts) lays a delivery out in Redis, and how
 * a record goes between its Redis hash, the Delivery the engine sees and the MongoDB document
 * the flusher writes. Every field is a string in the hash: dates as epoch milliseconds, message
 * ids as JSON. Key layout: docs/architecture.md#delivery-engine.
 */
import { Types } from "mongoose";
import type { Locale } from "../core/i18n.js";
import type { ChannelName } from "../core/messages.js";
import type { Delivery, DeliveryDocument, DeliveryStatus, NewDelivery } from "./delivery-model.js";

/** A finished delivery's hash stays this long after it reached MongoDB; then MongoDB answers. */
export const FLUSHED_KEEP_SECONDS = 7 * 24 * 3600;
/** A broadcast's sets, refreshed by each fan-out and re-send; longer than any hash. */
export const BROADCAST_KEEP_SECONDS = 30 * 24 * 3600;

export function deliveryKeys(prefix: string) {
  return {
    /** Global: ids whose hash changed since MongoDB last had it, scored by a version. */
    dirty: `${prefix}dlv-dirty`,
    /** Global: new records waiting and sends in flight, by when they were first left unwritten. */
    later: `${prefix}dlv-later`,
    hash: (id: string) => `${prefix}dlv:${id}`,
    status: (broadcastId: string, status: DeliveryStatus) => `${prefix}dlv-st:${broadcastId}:${status}`,
  };
}

export const newDeliveryId = () => new Types.ObjectId().toHexString();

type Fields = Record<string, string>;

/** The hash fields of a new delivery (insert) or of a record read back from MongoDB (hydrate). */
export function toFields(d: NewDelivery | Delivery, id: string, now: number, stored: boolean): Fields {
  const full = d as Partial<Delivery>;
  const fields: Fields = {
    id,
    topic: d.topic,
    broadcastId: d.broadcastId,
    key: d.key,
    kind: d.kind,
    channel: d.channel,
    chatId: d.chatId,
    locale: d.locale,
    context: d.context ?? "",
    refId: d.refId ?? "",
    status: d.status,
    round: String(full.round ?? 0),
    attempts: String(full.attempts ?? 0),
    messageIds: JSON.stringify(full.messageIds ?? []),
    createdAt: String(full.createdAt?.getTime() ?? now),
  };
  if (full.leaseUntil) fields.leaseUntil = String(full.leaseUntil.getTime());
  if (full.settledAt) fields.settledAt = String(full.settledAt.getTime());
  if (full.reason) fields.reason = full.reason;
  if (!full.id && d.status === "blocked")
    Object.assign(fields, { settledAt: String(now), reason: "blocked before" });
  if (stored) fields.stored = "1";
  return fields;
}

const dateOf = (ms: string | undefined) => (ms ? new Date(Number(ms)) : undefined);

export function fromFields(h: Fields): Delivery {
  const delivery: Delivery = {
    id: h.id!,
    topic: h.topic!,
    broadcastId: h.broadcastId!,
    key: h.key!,
    kind: h.kind!,
    channel: h.channel as ChannelName,
    chatId: h.chatId!,
    locale: h.locale as Locale,
    context: h.context ?? "",
    refId: h.refId ?? "",
    status: h.status as DeliveryStatus,
    round: Number(h.round ?? 0),
    attempts: Number(h.attempts ?? 0),
    messageIds: JSON.parse(h.messageIds ?? "[]") as string[],
    createdAt: dateOf(h.createdAt) ?? new Date(0),
  };
  const leaseUntil = dateOf(h.leaseUntil);
  const settledAt = dateOf(h.settledAt);
  if (leaseUntil) delivery.leaseUntil = leaseUntil;
  if (settledAt) delivery.settledAt = settledAt;
  if (h.reason) delivery.reason = h.reason;
  return delivery;
}

/** ioredis answers HGETALL in a script as a flat list. */
export function pairsToFields(flat: string[]): Fields {
  const fields: Fields = {};
  for (let i = 0; i + 1 < flat.length; i += 2) fields[flat[i]!] = flat[i + 1]!;
  return fields;
}

/** The whole MongoDB document for a hash: the flusher replaces the record with it. */
export function toDocument(h: Fields): DeliveryDocument {
  const { id, ...rest } = fromFields(h);
  // _id first: FerretDB 1.24 never finishes a replacement whose _id comes later.
  return { _id: new Types.ObjectId(id), ...rest };
}

export function fromDocument(doc: DeliveryDocument): Delivery {
  const { _id, ...rest } = doc;
  return { ...rest, id: String(_id), messageIds: rest.messageIds ?? [] };
}
