/**
 * A bank statement as staff export it to CSV, with the header `date,amount,description,reference`:
 * - date: 2024-09-05 or 05/09/2024 (day first, as Vietnamese banks print it);
 * - amount: whole đồng, credits positive and debits negative, with or without "." / "," groups;
 * - description: the transfer note, where donors put their pledge code;
 * - reference: the bank's transaction id, may be empty.
 * All or nothing, like the school import: every bad line is reported and nothing is read.
 */
import { createHash } from "node:crypto";
import { type LineError, parseCsv } from "../schools/parse-csv.js";

export const STATEMENT_HEADER = ["date", "amount", "description", "reference"] as const;

export interface StatementLine {
  /** 1-based line in the file. */
  line: number;
  date: string;
  amountVnd: number;
  description: string;
  reference: string;
  /** The same for this transaction in any export: the bank's reference, else a hash of the rest. */
  key: string;
}

export type StatementResult = { ok: true; lines: StatementLine[] } | { ok: false; errors: LineError[] };

export function parseStatement(text: string): StatementResult {
  const csv = parseCsv(text);
  if (!csv.ok) return csv;
  const [header, ...body] = csv.records;
  const expected = STATEMENT_HEADER.join(",");
  if (!header || header.fields.map((f) => f.trim().toLowerCase()).join(",") !== expected) {
    return {
      ok: false,
      errors: [{ line: header?.line ?? 1, message: `the header must be exactly ${expected}` }],
    };
  }
  const errors: LineError[] = [];
  const lines: StatementLine[] = [];
  for (const { line, fields } of body) {
    if (fields.length !== STATEMENT_HEADER.length) {
      errors.push({ line, message: `expected ${STATEMENT_HEADER.length} columns, found ${fields.length}` });
      continue;
    }
    const [rawDate = "", rawAmount = "", rawDescription = "", rawReference = ""] = fields;
    const date = readDate(rawDate.trim());
    const amountVnd = readAmount(rawAmount.trim());
    if (!date) errors.push({ line, message: `date "${rawDate}" must be YYYY-MM-DD or DD/MM/YYYY` });
    if (amountVnd === undefined) errors.push({ line, message: `amount "${rawAmount}" must be whole đồng` });
    if (!date || amountVnd === undefined) continue;
    const description = rawDescription.normalize("NFC").replace(/\s+/g, " ").trim();
    const reference = rawReference.trim();
    const key = reference
      ? `ref:${reference}`
      : `hash:${createHash("sha256").update(`${date}|${amountVnd}|${description}`).digest("hex").slice(0, 32)}`;
    lines.push({ line, date, amountVnd, description, reference, key });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, lines };
}

function readDate(text: string): string | undefined {
  const iso = text.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  const vn = text.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : vn ? [vn[3], vn[2], vn[1]] : [];
  if (!y || !m || !d) return undefined;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  const valid = date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d);
  return valid ? date.toISOString().slice(0, 10) : undefined;
}

function readAmount(text: string): number | undefined {
  const match = text.match(/^([+-]?)(\d{1,3}(?:([.,])\d{3})(?:\3\d{3})*|\d+)$/);
  if (!match) return undefined;
  const value = Number(match[2]!.replace(/[.,]/g, ""));
  if (!Number.isSafeInteger(value)) return undefined;
  return match[1] === "-" ? -value : value;
}
