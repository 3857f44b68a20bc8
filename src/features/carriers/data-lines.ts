/**
 * A carrier's data lines waiting for activation: open lines of kind "data" for that carrier
 * whose `activation` is not "activated" (none yet, or failed and worth sending again), with the
 * phone and ward read from the request when the page or file is drawn (docs/allocation.md: a
 * line names no one). Filtered by the viewer's scope (scope.ts).
 */
import { type Connection, trusted } from "mongoose";
import { formatPhone } from "../../core/text/parse-phone.js";
import { type AllocationLine, lineModel, OPEN_LINE_STATUSES } from "../allocation/model.js";
import { type HelpRequest, requestModel } from "../requests/model.js";
import type { CarrierScope } from "./scope.js";

export interface WaitingLine {
  code: string;
  lotCode: string;
  months: number;
  phone: string;
  ward: string;
  activation: string;
  requestCode: string;
}

/** The phone as carriers' systems take it: "0912345678". */
export const carrierPhone = (e164: string | undefined) => (e164 ? formatPhone(e164).replace(/\s+/g, "") : "");

export function createDataLines(connection: Connection) {
  const Lines = lineModel(connection);
  const Requests = requestModel(connection);

  async function withRequests(lines: AllocationLine[]) {
    const codes = [...new Set(lines.map((line) => line.requestCode))];
    const requests = codes.length
      ? await Requests.find({ code: trusted({ $in: codes }) }).lean<HelpRequest[]>()
      : [];
    const byCode = new Map(requests.map((request) => [request.code, request]));
    return lines.map((line) => ({ line, request: byCode.get(line.requestCode) }));
  }

  return {
    async waiting(carrier: string, scope: CarrierScope): Promise<WaitingLine[]> {
      const lines = await Lines.find({
        kind: "data",
        carrier,
        status: trusted({ $in: OPEN_LINE_STATUSES }),
      })
        .sort({ approvedAt: 1 })
        .lean<AllocationLine[]>();
      const pending = lines.filter((line) => line.activation !== "activated");
      return (await withRequests(pending))
        .filter(({ line, request }) =>
          scope.covers({ ...request, schoolCode: line.schoolCode ?? request?.schoolCode }),
        )
        .map(({ line, request }) => ({
          code: line.code,
          lotCode: line.lotCode,
          months: line.months ?? 0,
          phone: carrierPhone(request?.phone),
          ward: request?.ward ?? "",
          activation: line.activation ?? "",
          requestCode: line.requestCode,
        }));
    },
    /** Counts of waiting lines per carrier in scope, for the carriers' index page. */
    async counts(scope: CarrierScope): Promise<Map<string, number>> {
      const lines = await Lines.find({ kind: "data", status: trusted({ $in: OPEN_LINE_STATUSES }) }).lean<
        AllocationLine[]
      >();
      const counts = new Map<string, number>();
      for (const { line, request } of await withRequests(lines.filter((l) => l.activation !== "activated"))) {
        if (
          !line.carrier ||
          !scope.covers({ ...request, schoolCode: line.schoolCode ?? request?.schoolCode })
        )
          continue;
        counts.set(line.carrier, (counts.get(line.carrier) ?? 0) + 1);
      }
      return counts;
    },
    withRequests,
  };
}

export type DataLines = ReturnType<typeof createDataLines>;
