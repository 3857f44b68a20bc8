/** Opens help-desk tickets, once per filled-in form even when "confirm" arrives twice. */
import type { Connection } from "mongoose";
import type { ChannelName } from "../../core/messages.js";
import { humanCode } from "../../storage/human-code.js";
import { asDuplicateKey } from "../../storage/unique-insert.js";
import { type SupportTicket, supportTicketModel } from "./model.js";

export type NewTicket = Omit<SupportTicket, "code" | "status" | "createdAt">;

export interface SupportService {
  open(ticket: NewTicket): Promise<SupportTicket>;
  mine(channel: ChannelName, userId: string): Promise<SupportTicket[]>;
  /** Closes the person's tickets and erases what they wrote; the anonymous count stays. */
  erase(channel: ChannelName, userId: string): Promise<number>;
}

export function createSupportService(connection: Connection): SupportService {
  const Tickets = supportTicketModel(connection);
  return {
    async open(ticket) {
      for (let attempt = 0; attempt < 5; attempt++) {
        try {
          const created = await Tickets.create({ ...ticket, code: humanCode("HT"), status: "open" });
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
    async erase(channel, userId) {
      const result = await Tickets.updateMany(
        { channel, userId },
        {
          $unset: { phone: 1 },
          $set: { question: "", status: "closed", userId: "erased", chatId: "erased" },
        },
      );
      return result.modifiedCount;
    },
  };
}
