/**
 * Help-desk tickets in MongoDB: opening one (once per filled-in form even when "confirm"
 * arrives twice), reading them for the person and for the console's inbox, and erasure.
 * Changes after opening are the desk's (desk.ts), under each ticket's record lock.
 */
import { type Connection, trusted } from "mongoose";
import type { ScopedSchools } from "../../core/console.js";
import type { ChannelName } from "../../core/messages.js";
import { humanCode } from "../../storage/human-code.js";
import { unsetPersonal } from "../../storage/personal.js";
import { asDuplicateKey } from "../../storage/unique-insert.js";
import { type SupportMessage, type SupportTicket, supportMessageModel, supportTicketModel } from "./model.js";

export type NewTicket = Omit<SupportTicket, "code" | "status" | "createdAt">;

/** The inbox's tabs: unassigned, assigned to me, the person waits for staff, closed. */
export const INBOX_TABS = ["new", "mine", "waiting", "closed"] as const;
export type InboxTab = (typeof INBOX_TABS)[number];

/** The most rows a tab shows; oldest first for open tickets, so the longest wait is on top. */
const INBOX_LIMIT = 100;

export interface SupportService {
  open(ticket: NewTicket): Promise<SupportTicket>;
  mine(channel: ChannelName, userId: string): Promise<SupportTicket[]>;
  byCode(code: string): Promise<SupportTicket | undefined>;
  /** One tab of the inbox, filtered by the viewer's schools in the query itself. */
  inbox(tab: InboxTab, scoped: ScopedSchools, actor: string): Promise<SupportTicket[]>;
  conversation(code: string): Promise<SupportMessage[]>;
  /** Every message of the person's tickets, notes too, for "Dữ liệu của tôi". */
  messagesOf(channel: ChannelName, userId: string): Promise<SupportMessage[]>;
  /** Closes the person's tickets and erases what was written; the anonymous count stays. */
  erase(channel: ChannelName, userId: string): Promise<number>;
}

export function createSupportService(connection: Connection): SupportService {
  const Tickets = supportTicketModel(connection);
  const Messages = supportMessageModel(connection);

  function tabFilter(tab: InboxTab, actor: string): Record<string, unknown> {
    const open = { status: trusted({ $ne: "closed" }) };
    if (tab === "new") return { ...open, assignedTo: trusted({ $exists: false }) };
    if (tab === "mine") return { ...open, assignedTo: actor };
    if (tab === "waiting")
      return { ...open, assignedTo: trusted({ $exists: true }), waitingSince: trusted({ $exists: true }) };
    return { status: "closed" };
  }

  return {
    async open(ticket) {
      for (let attempt = 0; attempt < 5; attempt++) {
        try {
          const created = await Tickets.create({
            ...ticket,
            code: humanCode("HT"),
            status: "open",
            waitingSince: new Date(),
          });
          return created.toObject();
        } catch (error) {
          const duplicate = asDuplicateKey(error);
          if (!duplicate) throw error;
          const existing = await Tickets.findOne({
            idempotencyKey: ticket.idempotencyKey,
          }).lean<SupportTicket>();
          if (existing) return existing;
          // Otherwise the random code clashed: draw another.
        }
      }
      throw new Error("could not draw a free ticket code in 5 attempts");
    },
    mine: (channel, userId) =>
      Tickets.find({ channel, userId }).sort({ createdAt: -1 }).limit(10).lean<SupportTicket[]>(),
    async byCode(code) {
      return (await Tickets.findOne({ code }).lean<SupportTicket>()) ?? undefined;
    },
    inbox(tab, scoped, actor) {
      const scope = scoped.all ? {} : { schoolCode: trusted({ $in: scoped.codes }) };
      const sort: Record<string, 1 | -1> = tab === "closed" ? { closedAt: -1 } : { createdAt: 1 };
      return Tickets.find({ ...tabFilter(tab, actor), ...scope })
        .sort(sort)
        .limit(INBOX_LIMIT)
        .lean<SupportTicket[]>();
    },
    conversation: (code) =>
      Messages.find({ ticketCode: code }).sort({ createdAt: 1 }).lean<SupportMessage[]>(),
    messagesOf: (channel, userId) =>
      Messages.find({ channel, userId }).sort({ createdAt: 1 }).lean<SupportMessage[]>(),
    async erase(channel, userId) {
      const tickets = await Tickets.updateMany(
        { channel, userId },
        {
          $unset: { phone: 1, waitingSince: 1 },
          $set: { question: "", status: "closed", userId: "erased", chatId: "erased" },
        },
      );
      const messages = await Messages.updateMany(
        { channel, userId },
        { $unset: unsetPersonal(Messages.schema), $set: { userId: "erased" } },
      );
      return tickets.modifiedCount + messages.modifiedCount;
    },
  };
}
