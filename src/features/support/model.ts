/** A question for a human: staff answer it in the person's own chat. */
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
  status: "open" | "answered" | "closed";
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
  status: { type: String, default: "open" },
  createdAt: { type: Date, default: () => new Date() },
});

export function supportTicketModel(connection: Connection): Model<SupportTicket> {
  return modelOn(connection, "SupportTicket", schema, "support_tickets");
}
