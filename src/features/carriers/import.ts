/**
 * Applying a carrier's activation result file (docs/carriers.md#activation-results). Each row
 * names a line by its code (or the phone of its request) and says "activated" or "failed".
 * Under the line's lease (`line:<code>`) the line is read again and written only if its result
 * changes, so importing the same file twice changes nothing and tells nobody the second time.
 * Activated: the request moves to delivered and the parent is told; failed: the parent is told
 * kindly that staff will be in touch. Every row ends in exactly one group of the report.
 */
import { type Connection, trusted } from "mongoose";
import type { RecordLock } from "../../core/lock.js";
import type { Notify } from "../../core/notifier.js";
import { fold } from "../../core/text/fold.js";
import { parsePhone } from "../../core/text/parse-phone.js";
import { type AllocationLine, lineModel, OPEN_LINE_STATUSES } from "../allocation/model.js";
import { type HelpRequest, requestModel } from "../requests/model.js";
import type { RequestService } from "../requests/service.js";
import type { CarrierScope } from "./scope.js";
import type { ReadRow } from "./sheet.js";

export type Outcome = "activated" | "failed";

export interface ImportReport {
  applied: Array<{ line: number; code: string; result: Outcome }>;
  already: Array<{ line: number; code: string }>;
  unknown: Array<{ line: number; value: string }>;
  bad: Array<{ line: number; reason: string }>;
}

const ACTIVATED = new Set([
  "activated",
  "active",
  "ok",
  "success",
  "da kich hoat",
  "kich hoat",
  "thanh cong",
]);
const FAILED = new Set(["failed", "fail", "error", "that bai", "khong thanh cong", "loi", "chua kich hoat"]);

export function readOutcome(cell: string): Outcome | undefined {
  const word = fold(cell);
  if (ACTIVATED.has(word)) return "activated";
  if (FAILED.has(word)) return "failed";
  return undefined;
}

const LINE_CODE = /^DG-[A-Z0-9]{6}$/;

interface Columns {
  key: number;
  result: number;
  note: number;
  headerLine?: number;
}

/** Finds the columns by header words ("mã dòng", "số điện thoại", "kết quả", "ghi chú"), else 1-2-3. */
function columnsOf(rows: ReadRow[]): Columns {
  const first = rows[0];
  if (!first) return { key: 0, result: 1, note: 2 };
  const words = first.cells.map(fold);
  // Whole words only: "ma" is a word in "mã dòng", not in "format".
  const find = (...names: string[]) => words.findIndex((w) => names.some((n) => ` ${w} `.includes(` ${n} `)));
  const result = find("result", "ket qua", "trang thai", "status");
  if (result < 0) return { key: 0, result: 1, note: 2 };
  const key = find("code", "ma", "phone", "so dien thoai", "sdt", "thue bao");
  const note = find("note", "ghi chu", "ly do", "reason");
  return { key: Math.max(key, 0), result, note, headerLine: first.line };
}

export interface ImportDeps {
  connection: Connection;
  lock: RecordLock;
  requests: RequestService;
  notify: Notify;
}

export function createImporter(deps: ImportDeps) {
  const Lines = lineModel(deps.connection);
  const Requests = requestModel(deps.connection);

  /** The open data line of this carrier a cell names, by code or by its request's phone. */
  async function lineFor(value: string, carrier: string): Promise<AllocationLine | undefined> {
    const open = { kind: "data" as const, carrier, status: trusted({ $in: OPEN_LINE_STATUSES }) };
    const code = value.toUpperCase();
    if (LINE_CODE.test(code))
      return (await Lines.findOne({ ...open, code }).lean<AllocationLine>()) ?? undefined;
    // A spreadsheet that took the phone for a number dropped its leading 0.
    const phone = parsePhone(/^\d{9}$/.test(value) ? `0${value}` : value);
    if (!phone.ok) return undefined;
    const asked = await Requests.find({ kind: "connectivity", phone: phone.e164 }, { code: 1 }).lean<
      HelpRequest[]
    >();
    if (asked.length === 0) return undefined;
    const codes = asked.map((request) => request.code);
    return (
      (await Lines.findOne({ ...open, requestCode: trusted({ $in: codes }) }).lean<AllocationLine>()) ??
      undefined
    );
  }

  async function tell(request: HelpRequest, line: AllocationLine, outcome: Outcome) {
    if (request.erasedAt) return;
    const locale = request.locale === "en" ? "en" : "vi";
    await deps.notify({ channel: request.channel, chatId: request.chatId, locale }, (t) => [
      {
        kind: "text",
        text: t(`carrier-told-${outcome}`, {
          carrier: t(`carrier-${line.carrier ?? "other"}`),
          months: line.months ?? 0,
          code: request.code,
        }),
      },
    ]);
  }

  /** One row under its line's lease: "applied", "already", or why not. */
  async function applyOne(code: string, outcome: Outcome, note: string, actor: string) {
    return deps.lock(`line:${code}`, async () => {
      const line = await Lines.findOne({ code }).lean<AllocationLine>();
      if (!line || !OPEN_LINE_STATUSES.includes(line.status)) return "unknown" as const;
      const request = await deps.requests.byCode(line.requestCode);
      if (line.activation === "activated") {
        if (outcome === "failed") return "was-activated" as const;
        // A crash after the line was written left the request matched: finish it, tell no one again.
        if (request?.status === "matched") await deps.requests.changeStatus(request.code, "delivered", actor);
        return "already" as const;
      }
      if (outcome === "failed" && line.activation?.startsWith("failed")) return "already" as const;
      const activation = outcome === "activated" ? "activated" : `failed${note ? `: ${note}` : ""}`;
      const set = outcome === "activated" ? { activation, activatedAt: new Date() } : { activation };
      await Lines.updateOne({ code }, { $set: set });
      if (request && outcome === "activated") {
        await deps.requests.changeStatus(request.code, "delivered", actor, "carrier-activated");
      }
      if (request) await tell(request, line, outcome);
      return "applied" as const;
    });
  }

  return {
    async run(rows: ReadRow[], carrier: string, scope: CarrierScope, actor: string): Promise<ImportReport> {
      const report: ImportReport = { applied: [], already: [], unknown: [], bad: [] };
      const columns = columnsOf(rows);
      for (const row of rows) {
        if (row.line === columns.headerLine) continue;
        const value = row.cells[columns.key]?.trim() ?? "";
        const outcome = readOutcome(row.cells[columns.result] ?? "");
        const note = (row.cells[columns.note] ?? "").trim().slice(0, 200);
        if (!value) {
          report.bad.push({ line: row.line, reason: "carrier-import-bad-no-key" });
          continue;
        }
        if (!outcome) {
          report.bad.push({ line: row.line, reason: "carrier-import-bad-result" });
          continue;
        }
        const line = await lineFor(value, carrier);
        const request = line ? await deps.requests.byCode(line.requestCode) : undefined;
        if (!line || !scope.covers({ ...request, schoolCode: line.schoolCode ?? request?.schoolCode })) {
          report.unknown.push({ line: row.line, value });
          continue;
        }
        try {
          const done = await applyOne(line.code, outcome, note, actor);
          if (done === "applied") report.applied.push({ line: row.line, code: line.code, result: outcome });
          else if (done === "already") report.already.push({ line: row.line, code: line.code });
          else if (done === "unknown") report.unknown.push({ line: row.line, value });
          else report.bad.push({ line: row.line, reason: "carrier-import-bad-was-activated" });
        } catch {
          // A lease not had in time or a store error: said on the report, safe to import again.
          report.bad.push({ line: row.line, reason: "carrier-import-bad-not-applied" });
        }
      }
      return report;
    },
  };
}
