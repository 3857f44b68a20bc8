/**
 * Writing pledges once (idempotent on the dialog that filled them in) and reading them back for
 * their donor; the consent to hear from the programme and who can still be reached.
 */
import { type Connection, trusted } from "mongoose";
import type { ChannelName } from "../../core/messages.js";
import { humanCode } from "../../storage/human-code.js";
import { unsetPersonal } from "../../storage/personal.js";
import { asDuplicateKey } from "../../storage/unique-insert.js";
import { type HistoryEntry, type Pledge, pledgeModel } from "./model.js";

export type NewPledge = Omit<Pledge, "code" | "status" | "history" | "receipts" | "createdAt">;

export interface Donor {
  channel: ChannelName;
  userId: string;
  chatId: string;
}

export function createPledgeService(connection: Connection) {
  const Pledges = pledgeModel(connection);
  const byCode = (code: string) => Pledges.findOne({ code }).lean<Pledge>();

  return {
    byCode,
    /** One pledge per filled-in form: a second confirm (or a retry after a crash) returns the first. */
    async create(input: NewPledge): Promise<Pledge> {
      const already = await Pledges.findOne({ idempotencyKey: input.idempotencyKey }).lean<Pledge>();
      if (already) return already;
      const history: HistoryEntry[] = [{ action: "pledged", status: "pledged", at: new Date(), by: "donor" }];
      for (let attempt = 0; ; attempt++) {
        try {
          const doc = { ...input, code: humanCode("UH"), status: "pledged" as const, history, receipts: [] };
          return (await Pledges.create(doc)).toObject() as Pledge;
        } catch (error) {
          const clash = asDuplicateKey(error);
          if (!clash || attempt >= 3) throw error;
          // The same form confirmed twice at once: the other write won, and is ours too.
          const winner = await Pledges.findOne({ idempotencyKey: input.idempotencyKey }).lean<Pledge>();
          if (winner) return winner;
          // Otherwise the code itself clashed (rare): draw another.
        }
      }
    },
    mine: (channel: ChannelName, userId: string) =>
      Pledges.find({ channel, userId }).sort({ createdAt: -1 }).limit(10).lean<Pledge[]>(),
    /** Withdraws the consent to hear calls for donations, on every pledge of this donor. */
    async stopUpdates(channel: ChannelName, userId: string): Promise<number> {
      const result = await Pledges.updateMany({ channel, userId }, { $set: { wantsUpdates: false } });
      return result.modifiedCount;
    },
    /**
     * "Delete my data" (Decree 13/2023): name, phone and pick-up address go, and nothing links
     * the pledges to the person any more; amounts and schools stay for the anonymous totals.
     */
    async eraseDonor(channel: ChannelName, userId: string): Promise<number> {
      const result = await Pledges.updateMany(
        { channel, userId },
        {
          $unset: unsetPersonal(Pledges.schema),
          $set: { showName: false, wantsUpdates: false, userId: "erased", chatId: "erased" },
        },
      );
      return result.modifiedCount;
    },
    /** Donors whose latest pledge agreed to hear from the programme (a block is the sender's business). */
    async consentingDonors(): Promise<Donor[]> {
      const pledges = await Pledges.find(
        { status: trusted({ $ne: "cancelled" }) },
        { channel: 1, userId: 1, chatId: 1, wantsUpdates: 1, createdAt: 1 },
      )
        .sort({ createdAt: -1 })
        .lean<Pledge[]>();
      const latest = new Map<string, Pledge>();
      for (const p of pledges)
        if (!latest.has(`${p.channel}:${p.userId}`)) latest.set(`${p.channel}:${p.userId}`, p);
      return [...latest.values()]
        .filter((p) => p.wantsUpdates)
        .map((p) => ({ channel: p.channel, userId: p.userId, chatId: p.chatId }));
    },
  };
}

export type PledgeService = ReturnType<typeof createPledgeService>;
