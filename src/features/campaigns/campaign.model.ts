/**
 * Calls for donations sent to donors who agreed to hear from the programme. The campaign keeps
 * the text, framed in the language staff wrote it in; each donor's copy is a delivery record of
 * the engine (src/jobs/), which is what makes a donor get it once.
 */
import { type Connection, type Model, Schema } from "mongoose";
import { modelOn } from "../../storage/model-on.js";

export interface Campaign {
  code: string;
  /** The staff dialog that created it: confirming twice makes one campaign. */
  idempotencyKey: string;
  text: string;
  /** The message as it goes out: header, text, footer in the staff member's language. */
  message: string;
  by: string;
  recipients: number;
  /** Copied from the delivery records when the last one settles, for reports. */
  sent: number;
  failed: number;
  createdAt: Date;
}

const campaignSchema = new Schema<Campaign>({
  code: { type: String, required: true, unique: true },
  idempotencyKey: { type: String, required: true, unique: true },
  text: { type: String, required: true },
  message: { type: String, required: true },
  by: { type: String, required: true },
  recipients: { type: Number, default: 0 },
  sent: { type: Number, default: 0 },
  failed: { type: Number, default: 0 },
  createdAt: { type: Date, default: () => new Date() },
});

export function campaignModel(connection: Connection): Model<Campaign> {
  return modelOn(connection, "Campaign", campaignSchema, "campaigns");
}
