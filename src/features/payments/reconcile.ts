/**
 * Matching a bank statement to pledges: a credit whose note holds a pledge code ("UH-7K2M9Q",
 * "uh 7k2m9q", "UH7K2M9Q") is recorded as money received for it, parts adding up. Lines that
 * name no pledge, or that disagree with it, are listed for staff; nothing is counted twice.
 */
import type { Connection } from "mongoose";
import type { RecordLock } from "../../core/lock.js";
import { readHumanCode } from "../../storage/human-code.js";
import { insertUnique } from "../../storage/unique-insert.js";
import { createPledgeLifecycle } from "../pledges/lifecycle.js";
import type { Pledge } from "../pledges/model.js";
import { createPledgeService } from "../pledges/service.js";
import type { StatementLine } from "./statement.js";
import { type StatementLineRecord, statementLineModel } from "./statement-line.model.js";

/**
 * amount-differs: recorded, but not what was still owed (a partial payment, or too much);
 * the others are not recorded: unknown-code, cancelled, no-money (the pledge has no money part),
 * closed (already delivered).
 */
export type MismatchReason = "amount-differs" | "unknown-code" | "cancelled" | "no-money" | "closed";

export interface LineOutcome {
  line: number;
  date: string;
  amountVnd: number;
  description: string;
  code?: string;
  mismatch?: MismatchReason;
  recorded: boolean;
  /** What the pledge still expected before this line. */
  expectedVnd?: number;
}

export interface ReconcileResult {
  matched: LineOutcome[];
  mismatched: LineOutcome[];
  unmatched: LineOutcome[];
  /** Lines seen in an earlier import: skipped. */
  alreadyImported: number;
  /** Money going out: not donations. */
  debits: number;
}

/** The first pledge code in a transfer note, however the bank or donor spaced or cased it. */
export function findPledgeCode(description: string): string | undefined {
  const pattern = /(?<![A-Z0-9])UH[\s._-]*([A-Z0-9]{6})(?![A-Z0-9])/g;
  for (const match of description.toUpperCase().matchAll(pattern)) {
    const code = readHumanCode("UH", `UH${match[1]}`);
    if (code) return code;
  }
  return undefined;
}

export async function reconcileStatement(
  connection: Connection,
  lock: RecordLock,
  lines: StatementLine[],
  options: { onReceipt?: (pledge: Pledge, amountVnd: number) => Promise<void> } = {},
): Promise<ReconcileResult> {
  const pledges = createPledgeService(connection);
  const lifecycle = createPledgeLifecycle(connection, lock);
  const Lines = statementLineModel(connection);
  await Lines.init();
  const result: ReconcileResult = {
    matched: [],
    mismatched: [],
    unmatched: [],
    alreadyImported: 0,
    debits: 0,
  };

  for (const line of lines) {
    if (line.amountVnd <= 0) {
      result.debits++;
      continue;
    }
    const claim = await insertUnique<StatementLineRecord>(Lines, {
      key: line.key,
      date: line.date,
      amountVnd: line.amountVnd,
      description: line.description,
      ...(line.reference ? { reference: line.reference } : {}),
      outcome: "pending",
      importedAt: new Date(),
    });
    if (!claim.ok) {
      const earlier = await Lines.findOne({ key: line.key }).lean<StatementLineRecord>();
      if (earlier && earlier.outcome !== "pending") {
        result.alreadyImported++;
        continue;
      }
    }
    const outcome: LineOutcome = {
      line: line.line,
      date: line.date,
      amountVnd: line.amountVnd,
      description: line.description,
      recorded: false,
    };
    const code = findPledgeCode(line.description);
    const pledge = code ? await pledges.byCode(code) : null;
    if (code) outcome.code = code;
    if (!code) result.unmatched.push(outcome);
    else {
      const { mismatch, fresh } = await record(pledge, line, outcome);
      if (fresh && pledge && options.onReceipt) {
        const now = await pledges.byCode(pledge.code);
        if (now) await options.onReceipt(now, line.amountVnd);
      }
      if (mismatch) outcome.mismatch = mismatch;
      (mismatch ? result.mismatched : result.matched).push(outcome);
    }
    const kind = !code ? "unmatched" : outcome.mismatch ? "mismatched" : "matched";
    await Lines.updateOne(
      { key: line.key },
      {
        $set: {
          outcome: kind,
          ...(code ? { code } : {}),
          ...(outcome.mismatch ? { mismatch: outcome.mismatch } : {}),
        },
      },
    );
  }
  return result;

  async function record(
    pledge: Pledge | null,
    line: StatementLine,
    outcome: LineOutcome,
  ): Promise<{ mismatch?: MismatchReason; fresh?: boolean }> {
    if (!pledge) return { mismatch: "unknown-code" };
    if (pledge.status === "cancelled") return { mismatch: "cancelled" };
    if (!pledge.money) return { mismatch: "no-money" };
    const expected = Math.max(0, pledge.money.pledgedVnd - pledge.money.receivedVnd);
    outcome.expectedVnd = expected;
    const receipt = await lifecycle.receive(pledge.code, {
      kind: "money",
      quantity: line.amountVnd,
      key: `statement:${line.key}`,
      by: "statement",
      // The bank says the money is there: a transfer above the pledge is a fact, not a typo.
      confirmOver: true,
      ...(line.reference ? { note: line.reference } : {}),
    });
    if (receipt.kind !== "changed" && receipt.kind !== "duplicate") return { mismatch: "closed" };
    // A duplicate is this line recorded by an import that stopped before marking it done.
    outcome.recorded = true;
    const fresh = receipt.kind === "changed";
    return line.amountVnd === expected ? { fresh } : { mismatch: "amount-differs", fresh };
  }
}
