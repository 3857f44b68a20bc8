/**
 * Campaigns: created once per staff dialog, then one broadcast of topic "campaign" to every
 * consenting donor through the delivery engine. Counts are read from the delivery records.
 */
import type { Connection } from "mongoose";
import type { DeliveryEngine } from "../../jobs/delivery-engine.js";
import type { StatusCounts } from "../../jobs/delivery-model.js";
import { humanCode } from "../../storage/human-code.js";
import { asDuplicateKey } from "../../storage/unique-insert.js";
import type { PledgeService } from "../pledges/service.js";
import { type Campaign, campaignModel } from "./campaign.model.js";

export interface CampaignInput {
  idempotencyKey: string;
  text: string;
  message: string;
  by: string;
  locale: "vi" | "en";
}

const failedOf = (counts: StatusCounts) =>
  counts.failed + counts.blocked + counts.uncertain + counts["outside-window"];

export function createCampaignService(deps: {
  mongo: Connection;
  pledges: PledgeService;
  deliveries: DeliveryEngine;
}) {
  const Campaigns = campaignModel(deps.mongo);
  const byCodeRaw = (code: string) => Campaigns.findOne({ code }).lean<Campaign>();
  const broadcaster = deps.deliveries.topic("campaign", {
    async compose(delivery) {
      const campaign = await byCodeRaw(delivery.broadcastId);
      return campaign ? { kind: "text", text: campaign.message } : undefined;
    },
    async finished(code, counts) {
      await Campaigns.updateOne({ code }, { $set: { sent: counts.sent, failed: failedOf(counts) } });
    },
  });

  async function createOnce(input: CampaignInput, recipients: number): Promise<Campaign> {
    const existing = await Campaigns.findOne({ idempotencyKey: input.idempotencyKey }).lean<Campaign>();
    if (existing) return existing;
    const { locale: _locale, ...fields } = input;
    try {
      const doc = { ...fields, code: humanCode("CG"), recipients, createdAt: new Date() };
      return (await Campaigns.create(doc)).toObject() as Campaign;
    } catch (error) {
      if (!asDuplicateKey(error)) throw error;
      const winner = await Campaigns.findOne({ idempotencyKey: input.idempotencyKey }).lean<Campaign>();
      if (!winner) throw error;
      return winner;
    }
  }

  return {
    /** The campaign with its counts as the delivery records tell them now. */
    async byCode(code: string): Promise<Campaign | null> {
      const campaign = await byCodeRaw(code);
      if (!campaign) return null;
      const counts = await broadcaster.count(code);
      return { ...campaign, sent: counts.sent, failed: failedOf(counts) };
    },
    /**
     * Creates the campaign (once per idempotency key) and queues one delivery per consenting
     * donor. Safe to call again after a crash: deliveries are keyed per donor.
     */
    async launch(input: CampaignInput): Promise<Campaign> {
      const donors = await deps.pledges.consentingDonors();
      const campaign = await createOnce(input, donors.length);
      await broadcaster.fanOut(
        campaign.code,
        donors.map((donor) => ({
          key: `${donor.channel}:${donor.userId}`,
          kind: "donor",
          channel: donor.channel,
          chatId: donor.chatId,
          // The call is written in one language, so it goes out in that one.
          locale: input.locale,
          context: campaign.code,
          refId: donor.userId,
        })),
      );
      return campaign;
    },
  };
}

export type CampaignService = ReturnType<typeof createCampaignService>;
