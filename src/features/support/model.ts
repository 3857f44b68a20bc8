/**
 * A question for a human (a help-desk ticket) and the messages of its conversation. Staff answer
 * from the console (docs/staff-console.md#the-help-desk); the answer reaches the person in
 * their own chat. Every change of a ticket is made under its record lock ("ticket:<code>"),
 * by code, never by a conditional update (docs/storage-and-ferretdb.md#atomicity).
 */
import { type Connection, type Model, Schema } from "mongoose";
import type { ChannelName } from "../../core/messages.js";
import { modelOn } from "../../storage/model-on.js";

export interface SupportTicket {
  code: string;
  /** The dialog instance that created it: a second confirm finds this and writes nothing. */
  idempotencyKey: string;
  channel: ChannelName;
  userId: string;
  chatId: string;
  locale: string;
  topic: string;
  question: string;
  phone?: string;
  /** The school of the person's latest request, if any; none means province staff only. */
  schoolCode?: string;
  /** "answered" is from before the console's help desk; such tickets read as open. */
  status: "open" | "answered" | "closed";
  /** The staff member answering ("<channel>:<userId>") and the name the person is told. */
  assignedTo?: string;
  assignedName?: string;
  /** Since when the person has waited for staff: set when they write, cleared when staff answer. */
  waitingSince?: Date;
  /** When the person was told, once, that a staff member answers what they type. */
  handoffToldAt?: Date;
  closedAt?: Date;
  /** Who closed it: a staff actor, or "person" when they ended the conversation themselves. */
  closedBy?: string;
  createdAt: Date;
}

const schema = new Schema<SupportTicket>({
  code: { type: String, required: true, unique: true },
  idempotencyKey: { type: String, required: true, unique: true },
  channel: { type: String, required: true },
  userId: { type: String, required: true, index: true },
  chatId: { type: String, required: true },
  locale: { type: String, required: true },
  topic: { type: String, required: true },
  question: { type: String, required: true, personal: true },
  phone: { type: String, personal: true },
  schoolCode: String,
  status: { type: String, default: "open" },
  assignedTo: String,
  assignedName: String,
  waitingSince: Date,
  handoffToldAt: Date,
  closedAt: Date,
  closedBy: String,
  createdAt: { type: Date, default: () => new Date() },
});
// The inbox: open tickets by school, oldest first; FerretDB scans anyway (storage-and-ferretdb.md).
schema.index({ status: 1, schoolCode: 1, createdAt: 1 });

export function supportTicketModel(connection: Connection): Model<SupportTicket> {
  return modelOn(connection, "SupportTicket", schema, "support_tickets");
}

export const MESSAGE_SOURCES = ["person", "staff", "note"] as const;
export type MessageSource = (typeof MESSAGE_SOURCES)[number];

/**
 * One message of a ticket's conversation: what the person wrote, what staff answered (sent to
 * the person), or an internal note (staff only). Kept under the ticket owner's channel and
 * userId, so erasing the person erases the whole conversation.
 */
export interface SupportMessage {
  ticketCode: string;
  channel: ChannelName;
  userId: string;
  from: MessageSource;
  /** The staff member who wrote a reply or note. */
  by?: string;
  byName?: string;
  text: string;
  /** A staff reply that closed the ticket. */
  closing?: boolean;
  createdAt: Date;
}

const messageSchema = new Schema<SupportMessage>({
  ticketCode: { type: String, required: true, index: true },
  channel: { type: String, required: true },
  userId: { type: String, required: true, index: true },
  from: { type: String, required: true, enum: MESSAGE_SOURCES },
  by: String,
  byName: String,
  text: { type: String, required: true, personal: true },
  closing: Boolean,
  createdAt: { type: Date, default: () => new Date() },
});

export function supportMessageModel(connection: Connection): Model<SupportMessage> {
  return modelOn(connection, "SupportMessage", messageSchema, "support_messages");
}
