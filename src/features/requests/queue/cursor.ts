/**
 * The queue's page cursor: the last item's (createdAt, _id), opaque to the caller. Keyset
 * paging, not skip: page 200 costs what page 1 does, and requests filed meanwhile (newer, so
 * before page 1) neither repeat nor push items off a page.
 */
import { Types } from "mongoose";

export interface QueuePosition {
  createdAt: Date;
  id: Types.ObjectId;
}

export function encodeCursor(position: QueuePosition): string {
  return Buffer.from(`${position.createdAt.getTime()}.${position.id.toHexString()}`).toString("base64url");
}

/** The position, or undefined for anything that did not come from `encodeCursor`. */
export function decodeCursor(cursor: string): QueuePosition | undefined {
  if (!/^[A-Za-z0-9_-]{1,80}$/.test(cursor)) return undefined;
  const match = /^(\d{1,15})\.([0-9a-f]{24})$/.exec(Buffer.from(cursor, "base64url").toString());
  if (!match) return undefined;
  const createdAt = new Date(Number(match[1]));
  if (Number.isNaN(createdAt.getTime())) return undefined;
  return { createdAt, id: new Types.ObjectId(match[2]) };
}
