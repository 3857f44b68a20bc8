/**
 * Campaign records and the delivery ledger: creating a campaign once per staff dialog, queueing
 * it to every consenting donor, and counting sent/failed once per donor.
 */
import { type Connection, trusted } from "mongoose";
import type { OutboundMessage } from "../../core/messages.js";
import { humanCode } from "../../storage/human-code.js";
import { asDuplicateKey } from "../../storage/unique-insert.js";
import type { PledgeService } from "../pledges/service.js";
import { type Campaign, campaignDeliveryModel, campaignModel } from "./campaign.model.js";
import { type CampaignJob, type CampaignLedger, type CampaignQueue, donorKeyOf } from "./campaign-queue.js";

export function createCampaignService(connection: Connection, pledges: PledgeService) {
  const Campaigns = campaignModel(connection);
  const Deliveries = campaignDeliveryModel(connection);

  /**
   * Counts come from the delivery rows, not from $inc: jobs finish concurrently, and FerretDB 1.x
   * loses concurrent $inc updates. The rows are the truth; the campaign keeps a copy for reports.
   */
  async function refresh(code: string): Promise<Campaign | null> {
    const [sent, failed] = await Promise.all([
      Deliveries.countDocuments({ campaignCode: code, outcome: "sent" }),
      Deliveries.countDocuments({ campaignCode: code, outcome: trusted({ $ne: "sent" }) }),
    ]);
    return Campaigns.findOneAndUpdate(
      { code },
      { $set: { sent, failed } },
      { returnDocument: "after" },
    ).lean<Campaign>();
  }

  const ledger: CampaignLedger = {
    async wasSent(campaignCode, donorKey) {
      return (await Deliveries.exists({ campaignCode, donorKey, outcome: "sent" })) !== null;
    },
    async record(job, outcome) {
      try {
        await Deliveries.create({
          campaignCode: job.campaignCode,
          donorKey: job.donorKey,
          outcome,
          at: new Date(),
        });
      } catch (error) {
        // Recorded already (a retry after a crash): counted once.
        if (asDuplicateKey(error)) return;
        throw error;
      }
      if (outcome === "blocked") await pledges.markUnreachable(job.channel, job.userId);
      await refresh(job.campaignCode);
    },
  };

  return {
    ledger,
    /** The campaign with its counts brought up to date. */
    byCode: refresh,
    /**
     * Creates the campaign (once per idempotency key) and queues one message per consenting
     * donor. Safe to call again after a crash: jobs and deliveries are keyed per donor.
     */
    async launch(
      input: { idempotencyKey: string; text: string; by: string },
      message: OutboundMessage,
      queue: CampaignQueue,
    ): Promise<Campaign> {
      const donors = await pledges.consentingDonors();
      let campaign = await Campaigns.findOne({ idempotencyKey: input.idempotencyKey }).lean<Campaign>();
      if (!campaign) {
        try {
          const doc = { ...input, code: humanCode("CG"), recipients: donors.length, createdAt: new Date() };
          campaign = (await Campaigns.create(doc)).toObject() as Campaign;
        } catch (error) {
          if (!asDuplicateKey(error)) throw error;
          campaign = await Campaigns.findOne({ idempotencyKey: input.idempotencyKey }).lean<Campaign>();
          if (!campaign) throw error;
        }
      }
      const code = campaign.code;
      const jobs: CampaignJob[] = donors.map((donor) => ({
        campaignCode: code,
        donorKey: donorKeyOf(donor.channel, donor.userId),
        channel: donor.channel,
        userId: donor.userId,
        chatId: donor.chatId,
        message,
      }));
      await queue.enqueue(jobs);
      return campaign;
    },
  };
}

export type CampaignService = ReturnType<typeof createCampaignService>;
