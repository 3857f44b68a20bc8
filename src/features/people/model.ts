/** A person as ChoEm knows them on one channel: language and roles. Contact details live on records. */
import { type Connection, type Model, Schema } from "mongoose";
import type { Locale } from "../../core/i18n.js";
import type { ChannelName } from "../../core/messages.js";
import type { Role } from "../../core/person.js";
import { modelOn } from "../../storage/model-on.js";

export interface PersonRecord {
  channel: ChannelName;
  userId: string;
  locale: Locale;
  roles: Role[];
  createdAt: Date;
  lastSeenAt: Date;
}

const schema = new Schema<PersonRecord>({
  channel: { type: String, required: true },
  userId: { type: String, required: true },
  locale: { type: String, required: true },
  roles: { type: [String], default: [] },
  createdAt: { type: Date, default: () => new Date() },
  lastSeenAt: { type: Date, default: () => new Date() },
});
schema.index({ channel: 1, userId: 1 }, { unique: true });

export function personModel(connection: Connection): Model<PersonRecord> {
  return modelOn(connection, "Person", schema, "people");
}
