/**
 * Calls for donations sent to donors who agreed to hear from the programme: the campaign with
 * its counts, and one delivery row per donor so a donor is counted (and sent to) once.
 */
import { type Connection, type Model, Schema } from "mongoose";
import { modelOn } from "../../storage/model-on.js";

export interface Campaign {
  code: string;
  /** The staff dialog that created it: confirming twice makes one campaign. */
  idempotencyKey: string;
  text: string;
  by: string;
  recipients: number;
  sent: number;
  failed: number;
  createdAt: Date;
}

export interface CampaignDelivery {
  campaignCode: string;
  donorKey: string;
  outcome: "sent" | "failed" | "blocked";
  at: Date;
}

const campaignSchema = new Schema<Campaign>({
  code: { type: String, required: true, unique: true },
  idempotencyKey: { type: String, required: true, unique: true },
  text: { type: String, required: true },
  by: { type: String, required: true },
  recipients: { type: Number, default: 0 },
  sent: { type: Number, default: 0 },
  failed: { type: Number, default: 0 },
  createdAt: { type: Date, default: () => new Date() },
});

const deliverySchema = new Schema<CampaignDelivery>({
  campaignCode: { type: String, required: true },
  donorKey: { type: String, required: true },
  outcome: { type: String, required: true },
  at: { type: Date, default: () => new Date() },
});
deliverySchema.index({ campaignCode: 1, donorKey: 1 }, { unique: true });

export function campaignModel(connection: Connection): Model<Campaign> {
  return modelOn(connection, "Campaign", campaignSchema, "campaigns");
}
export function campaignDeliveryModel(connection: Connection): Model<CampaignDelivery> {
  return modelOn(connection, "CampaignDelivery", deliverySchema, "campaign_deliveries");
}
