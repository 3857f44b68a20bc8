/**
 * Every staff read or change of personal data is logged (Decree 13/2023): who, what, which
 * record, when. Entries are only ever inserted. The console's audit page filters by person,
 * action and record, newest first, each served by its index.
 */
import { type Connection, type Model, Schema, trusted } from "mongoose";
import { modelOn } from "../../storage/model-on.js";

export interface AuditEntry {
  actor: string;
  action: string;
  target: string;
  /** A short note: a reason, a count, the browser that signed in. Never personal data. */
  detail?: string;
  at: Date;
}

const schema = new Schema<AuditEntry>({
  actor: { type: String, required: true },
  action: { type: String, required: true },
  target: { type: String, required: true },
  detail: String,
  at: { type: Date, default: () => new Date() },
});
schema.index({ at: -1 });
schema.index({ actor: 1, at: -1 });
schema.index({ action: 1, at: -1 });
schema.index({ target: 1, at: -1 });

export function auditModel(connection: Connection): Model<AuditEntry> {
  return modelOn(connection, "AuditEntry", schema, "audit_log");
}

export type Audit = (actor: string, action: string, target: string, detail?: string) => Promise<void>;

export function createAudit(connection: Connection): Audit {
  const Entries = auditModel(connection);
  return async (actor, action, target, detail) => {
    await Entries.create({ actor, action, target, at: new Date(), ...(detail ? { detail } : {}) });
  };
}

export interface AuditFilter {
  actor?: string;
  action?: string;
  target?: string;
  /** Entries strictly older than this (the next page). */
  before?: Date;
}

export const AUDIT_PAGE = 50;

export async function readAudit(connection: Connection, filter: AuditFilter): Promise<AuditEntry[]> {
  const query: Record<string, unknown> = {};
  if (filter.actor) query.actor = filter.actor;
  if (filter.action) query.action = filter.action;
  if (filter.target) query.target = filter.target;
  if (filter.before) query.at = trusted({ $lt: filter.before });
  return auditModel(connection)
    .find(query, { _id: 0, __v: 0 })
    .sort({ at: -1 })
    .limit(AUDIT_PAGE)
    .lean<AuditEntry[]>();
}
