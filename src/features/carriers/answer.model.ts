/**
 * A carrier's answer about one ward's better-line requests: one record per carrier and ward,
 * its natural key as `_id` ("viettel|phuong 5"), written by an unconditional upsert by `_id`
 * under the Redis lease `carrier-answer:<_id>` (docs/carriers.md#better-lines).
 */
import { type Connection, type Model, Schema } from "mongoose";
import { modelOn } from "../../storage/model-on.js";

export const ANSWER_STATUSES = ["planned", "done", "not-possible"] as const;
export type AnswerStatus = (typeof ANSWER_STATUSES)[number];

export interface CarrierAnswer {
  _id: string;
  carrier: string;
  /** The folded ward, as grouped (scope.ts wardKey). */
  ward: string;
  /** The ward as a parent typed it, for pages and exports. */
  wardLabel: string;
  text: string;
  status: AnswerStatus;
  answeredBy: string;
  answeredAt: Date;
  /** How many families were told this answer. */
  told: number;
}

const schema = new Schema<CarrierAnswer>({
  _id: { type: String, required: true },
  carrier: { type: String, required: true },
  ward: { type: String, required: true },
  wardLabel: { type: String, required: true },
  text: { type: String, required: true },
  status: { type: String, required: true, enum: ANSWER_STATUSES },
  answeredBy: { type: String, required: true },
  answeredAt: { type: Date, required: true },
  told: { type: Number, default: 0 },
});

export function answerModel(connection: Connection): Model<CarrierAnswer> {
  return modelOn(connection, "CarrierAnswer", schema, "carrier_answers");
}

export const answerId = (carrier: string, ward: string) => `${carrier}|${ward}`;
