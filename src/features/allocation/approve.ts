/**
 * Approving a proposal as one batch (docs/allocation.md#approval), inside `LotStock.change`:
 * the batch is refused whole when it asks for more units than the lot has free; otherwise each
 * request is read again, joins only if it still fits the lot and inserting its claim succeeds
 * (the unique index decides against any other approval, of this lot or another), moves to
 * `matched` through the request service (its own lease), and gets a line with the batch's code.
 * Requests that moved meanwhile are skipped and reported, never half-joined.
 *
 * The lease lasts LOCK_DEFAULTS.holdMs (30 s). A batch that takes longer (a thousand requests on
 * a slow store) goes on in a new lease after LEASE_BUDGET_MS, where free units are counted
 * again: whatever no longer fits is skipped as "lot-full", so the lot is never over-allocated.
 */
import type { Connection } from "mongoose";
import type { RecordLock } from "../../core/lock.js";
import { humanCode } from "../../storage/human-code.js";
import { asDuplicateKey } from "../../storage/unique-insert.js";
import type { HelpRequest } from "../requests/model.js";
import type { RequestService } from "../requests/service.js";
import { fitsLot, type LotPlace } from "./matching.js";
import { type AllocationLine, claimModel, type Lot, lineModel } from "./model.js";
import { createLotStock } from "./stock.js";

export type SkipReason = "moved" | "claimed" | "lot-full";
export interface Skipped {
  code: string;
  why: SkipReason;
}
export type ApproveResult =
  | { kind: "not-found" }
  | { kind: "too-many"; free: number; asked: number }
  | { kind: "done"; lot: Lot; batchCode: string; lines: AllocationLine[]; skipped: Skipped[] };

export interface Approval {
  lotCode: string;
  requestCodes: string[];
  collectPlace: string;
  collectFrom?: Date;
  by: string;
}

const LEASE_BUDGET_MS = 20_000;

export function createApprover(deps: {
  connection: Connection;
  lock: RecordLock;
  requests: RequestService;
  placeOf: (lot: Lot) => Promise<LotPlace>;
}) {
  const Lines = lineModel(deps.connection);
  const Claims = claimModel(deps.connection);
  const stock = createLotStock(deps.connection, deps.lock);

  /** One request into the batch, or why not. */
  async function join(
    lot: Lot,
    place: LotPlace,
    code: string,
    batch: { batchCode: string; approvedAt: Date } & Approval,
  ): Promise<AllocationLine | SkipReason> {
    const request = await deps.requests.byCode(code);
    if (!request || !fitsLot(lot, place, request)) return "moved";
    const lineCode = humanCode("DG");
    try {
      await Claims.create({ requestCode: code, lineCode });
    } catch (error) {
      if (asDuplicateKey(error)) return "claimed";
      throw error;
    }
    const moved = await deps.requests.changeStatus(code, "matched", batch.by, `lot:${lot.code}`);
    if (moved.kind !== "changed") {
      await Claims.deleteOne({ requestCode: code, lineCode });
      return "moved";
    }
    const line = lineOf(lot, moved.request, lineCode, batch);
    await Lines.create(line);
    return line;
  }

  return async function approve(approval: Approval): Promise<ApproveResult> {
    const codes = [...new Set(approval.requestCodes)];
    const batch = { ...approval, batchCode: humanCode("LD"), approvedAt: new Date() };
    const lines: AllocationLine[] = [];
    const skipped: Skipped[] = [];
    let next = 0;
    let lot: Lot | undefined;
    while (next < codes.length || !lot) {
      const first = !lot;
      const outcome = await stock.change(approval.lotCode, async (current) => {
        if (!current) return { kind: "not-found" as const };
        lot = current;
        const free = current.count - (await stock.countOpen(current.code));
        const left = codes.length - next;
        if (first && left > free) return { kind: "too-many" as const, free: Math.max(0, free), asked: left };
        const place = await deps.placeOf(current);
        const started = Date.now();
        let room = free;
        while (next < codes.length && Date.now() - started < LEASE_BUDGET_MS) {
          const code = codes[next++] as string;
          if (room <= 0) {
            skipped.push({ code, why: "lot-full" });
            continue;
          }
          const joined = await join(current, place, code, batch);
          if (typeof joined === "string") skipped.push({ code, why: joined });
          else {
            lines.push(joined);
            room -= 1;
          }
        }
        return { kind: "ok" as const };
      });
      if (outcome.kind !== "ok") return outcome;
    }
    return { kind: "done", lot: lot as Lot, batchCode: batch.batchCode, lines, skipped };
  };
}

function lineOf(
  lot: Lot,
  request: HelpRequest,
  code: string,
  batch: { batchCode: string; approvedAt: Date } & Approval,
): AllocationLine {
  return {
    code,
    lotCode: lot.code,
    requestCode: request.code,
    batchCode: batch.batchCode,
    status: "matched",
    kind: lot.kind,
    ...(lot.deviceType ? { deviceType: lot.deviceType } : {}),
    ...(lot.carrier ? { carrier: lot.carrier, months: lot.months ?? 1 } : {}),
    ...(request.schoolCode ? { schoolCode: request.schoolCode } : {}),
    ...(request.district ? { district: request.district } : {}),
    collectPlace: batch.collectPlace,
    ...(batch.collectFrom ? { collectFrom: batch.collectFrom } : {}),
    approvedBy: batch.by,
    approvedAt: batch.approvedAt,
  };
}

export type Approve = ReturnType<typeof createApprover>;
