/**
 * The handover of matched gifts (docs/allocation.md#handover): a school's open lines with the
 * pupil read from the request at drawing time, marking one handed over, the parent's one tap
 * "Đã nhận", and returning a line to stock. Every change of a line runs under its lot's lease
 * (LotStock.change), so a handover and a return of the same line never cross, on every store.
 */
import { type Connection, trusted } from "mongoose";
import type { ScopedSchools } from "../../core/console.js";
import type { RecordLock } from "../../core/lock.js";
import { type AllocationLine, claimModel, lineModel } from "../allocation/model.js";
import { createLotStock } from "../allocation/stock.js";
import type { HelpRequest, RequestStatus } from "../requests/model.js";
import { NEXT, type RequestService } from "../requests/service.js";

/** Lines a school still has to hand over or see confirmed. */
export const LISTED_STATUSES = ["matched", "handed-over", "confirmed"] as const;
export const RETURN_REASONS = ["moved-away", "duplicate", "withdrawn", "unreachable", "other"] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];

/** Where a request goes when its line is returned for this reason; undefined: it stays as it is. */
const REQUEST_AFTER: Record<ReturnReason, RequestStatus | undefined> = {
  "moved-away": "withdrawn",
  duplicate: "rejected",
  withdrawn: undefined,
  unreachable: "approved",
  other: "approved",
};
/** A device handed to the wrong family comes back: a delivered request may then move on too. */
const RETURN_RULE: Record<RequestStatus, RequestStatus[]> = {
  ...NEXT,
  delivered: ["approved", "rejected", "withdrawn"],
};

export type HandoverResult =
  | { kind: "done"; line: AllocationLine; request: HelpRequest }
  | { kind: "not-found" }
  | { kind: "not-open"; status: string }
  | { kind: "request-closed"; from: string };
export type ReturnResult =
  | { kind: "done"; line: AllocationLine; request?: HelpRequest }
  | { kind: "not-found" }
  | { kind: "not-open"; status: string };
export type ConfirmResult = "confirmed" | "already" | "not-yet" | "not-yours" | "not-found";

export function createHandoverService(connection: Connection, lock: RecordLock, requests: RequestService) {
  const Lines = lineModel(connection);
  const Claims = claimModel(connection);
  const stock = createLotStock(connection, lock);
  const byCode = (code: string) => Lines.findOne({ code }).lean<AllocationLine>();
  const inScope = (scoped: ScopedSchools) =>
    scoped.all ? {} : { schoolCode: trusted({ $in: scoped.codes }) };

  return {
    byCode,
    /** Open lines of the schools in scope, newest approvals first. */
    open: (scoped: ScopedSchools, schoolCode?: string) =>
      Lines.find({
        ...inScope(scoped),
        ...(schoolCode ? { schoolCode } : {}),
        status: trusted({ $in: [...LISTED_STATUSES] }),
      })
        .sort({ approvedAt: -1 })
        .lean<AllocationLine[]>(),

    /** Line → handed-over and its request → delivered, under the lot's lease. */
    handOver(code: string, by: string, serial: string): Promise<HandoverResult> {
      return withLine(code, async (line) => {
        if (line.status !== "matched") return { kind: "not-open", status: line.status };
        const moved = await requests.changeStatus(line.requestCode, "delivered", by);
        if (moved.kind === "not-found") return { kind: "not-found" };
        if (moved.kind === "not-allowed") return { kind: "request-closed", from: moved.from };
        const set = { status: "handed-over" as const, handedOverAt: new Date(), handedOverBy: by };
        await Lines.updateOne({ code }, { $set: { ...set, ...(serial ? { serial } : {}) } });
        return {
          kind: "done",
          line: { ...line, ...set, ...(serial ? { serial } : {}) },
          request: moved.request,
        };
      });
    },

    /** The parent's tap: only the request's owner, once; anything else changes nothing. */
    async confirm(code: string, person: { channel: string; userId: string }): Promise<ConfirmResult> {
      const found = await byCode(code);
      if (!found) return "not-found";
      const request = await requests.byCode(found.requestCode);
      if (!request || request.channel !== person.channel || request.userId !== person.userId)
        return "not-yours";
      const result = await withLine(code, async (line) => {
        if (line.status === "confirmed") return "already" as const;
        if (line.status !== "handed-over") return "not-yet" as const;
        await Lines.updateOne({ code }, { $set: { status: "confirmed", confirmedAt: new Date() } });
        return "confirmed" as const;
      });
      return typeof result === "string" ? result : "not-found";
    },

    /** Back to stock: the line ends returned, its claim goes, the lot's count follows (stock.ts). */
    returnToStock(code: string, by: string, reason: ReturnReason, note: string): Promise<ReturnResult> {
      return withLine(code, async (line) => {
        if (line.status !== "matched" && line.status !== "handed-over")
          return { kind: "not-open", status: line.status };
        const set = {
          status: "returned" as const,
          returnedAt: new Date(),
          returnedBy: by,
          returnReason: reason,
          ...(note ? { returnNote: note } : {}),
        };
        await Lines.updateOne({ code }, { $set: set });
        await Claims.deleteOne({ requestCode: line.requestCode, lineCode: line.code });
        const to = REQUEST_AFTER[reason];
        const moved = to
          ? await requests.changeStatus(line.requestCode, to, by, `return:${reason}`, RETURN_RULE)
          : undefined;
        const request = moved?.kind === "changed" ? moved.request : undefined;
        return { kind: "done", line: { ...line, ...set }, ...(request ? { request } : {}) };
      });
    },
  };

  /** Runs `change` with the line as it is under its lot's lease. */
  async function withLine<T>(
    code: string,
    change: (line: AllocationLine) => Promise<T>,
  ): Promise<T | { kind: "not-found" }> {
    const first = await byCode(code);
    if (!first) return { kind: "not-found" };
    return stock.change(first.lotCode, async () => {
      const line = await byCode(code);
      return line ? change(line) : { kind: "not-found" as const };
    });
  }
}

export type HandoverService = ReturnType<typeof createHandoverService>;

/** "ABC-123 45": letters, digits and a few separators, as printed on a label. */
export function readSerial(typed: unknown): { ok: true; serial: string } | { ok: false; typed: string } {
  const text = String(typed ?? "")
    .trim()
    .slice(0, 200);
  if (text === "") return { ok: true, serial: "" };
  return /^[A-Za-z0-9][A-Za-z0-9 ./_-]{1,39}$/.test(text)
    ? { ok: true, serial: text }
    : { ok: false, typed: text };
}

export const isReturnReason = (value: unknown): value is ReturnReason =>
  typeof value === "string" && (RETURN_REASONS as readonly string[]).includes(value);
