/**
 * Every bank statement line ever imported, unique by its key: importing the same statement
 * twice (or two overlapping exports) counts nothing twice. The outcome is kept for follow-up.
 */
import { type Connection, type Model, Schema } from "mongoose";
import { modelOn } from "../../storage/model-on.js";

export type LineOutcomeKind = "pending" | "matched" | "mismatched" | "unmatched";

export interface StatementLineRecord {
  key: string;
  date: string;
  amountVnd: number;
  description: string;
  reference?: string;
  /** "pending" between claiming the line and recording it: a crash there is resumed next time. */
  outcome: LineOutcomeKind;
  code?: string;
  mismatch?: string;
  importedAt: Date;
}

const schema = new Schema<StatementLineRecord>({
  key: { type: String, required: true, unique: true },
  date: { type: String, required: true },
  amountVnd: { type: Number, required: true },
  description: { type: String, default: "" },
  reference: String,
  outcome: { type: String, required: true },
  code: String,
  mismatch: String,
  importedAt: { type: Date, default: () => new Date() },
});

export function statementLineModel(connection: Connection): Model<StatementLineRecord> {
  return modelOn(connection, "StatementLine", schema, "statement_lines");
}
