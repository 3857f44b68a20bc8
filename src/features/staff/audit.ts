/** Every staff read or change of personal data is logged (Decree 13/2023): who, what, when. */
import { type Connection, type Model, Schema } from "mongoose";
import { modelOn } from "../../storage/model-on.js";

export interface AuditEntry {
  actor: string;
  action: string;
  target: string;
  at: Date;
}

const schema = new Schema<AuditEntry>({
  actor: { type: String, required: true, index: true },
  action: { type: String, required: true },
  target: { type: String, required: true },
  at: { type: Date, default: () => new Date() },
});

export function auditModel(connection: Connection): Model<AuditEntry> {
  return modelOn(connection, "AuditEntry", schema, "audit_log");
}

export type Audit = (actor: string, action: string, target: string) => Promise<void>;

export function createAudit(connection: Connection): Audit {
  const Entries = auditModel(connection);
  return async (actor, action, target) => {
    await Entries.create({ actor, action, target, at: new Date() });
  };
}
