/**
 * A line as the handover list shows it: the pupil's name and class are read from the request
 * now (a line names a school, never a child), so an erased request shows as erased.
 */
import { type Connection, trusted } from "mongoose";
import type { Translate } from "../../core/i18n.js";
import { formatDate, formatDateTime } from "../../core/text/format-date.js";
import type { AllocationLine } from "../allocation/model.js";
import { type HelpRequest, requestModel } from "../requests/model.js";

export interface HandoverRow {
  code: string;
  pupil: string;
  className: string;
  device: string;
  lot: string;
  serial: string;
  status: string;
  statusLabel: string;
  collect: string;
  overdue: boolean;
  withdrawn: boolean;
  canHandOver: boolean;
  canReturn: boolean;
}

export const DAY_MS = 86_400_000;

/** Handed over more than `days` ago and still not confirmed by the parent. */
export const isOverdue = (line: AllocationLine, days: number, now = Date.now()) =>
  line.status === "handed-over" && !!line.handedOverAt && now - line.handedOverAt.getTime() > days * DAY_MS;

export function whatOf(
  line: Pick<AllocationLine, "kind" | "deviceType" | "carrier" | "months">,
  t: Translate,
) {
  if (line.kind === "data")
    return t("handover-data", { carrier: line.carrier ?? "", months: line.months ?? 0 });
  return line.deviceType ? t(`device-${line.deviceType}`) : "";
}

export function createRowReader(connection: Connection) {
  const Requests = requestModel(connection);
  return async function rowsOf(lines: AllocationLine[], t: Translate, days: number): Promise<HandoverRow[]> {
    const codes = lines.map((line) => line.requestCode);
    const requests = codes.length
      ? await Requests.find({ code: trusted({ $in: codes }) }).lean<HelpRequest[]>()
      : [];
    const byCode = new Map(requests.map((request) => [request.code, request]));
    const now = Date.now();
    return lines.map((line) => {
      const request = byCode.get(line.requestCode);
      const erased = !request || !!request.erasedAt;
      const collect = [
        line.collectPlace,
        line.collectFrom ? t("handover-from", { date: formatDateTime(line.collectFrom) }) : "",
      ]
        .filter(Boolean)
        .join(", ");
      return {
        code: line.code,
        pupil: erased ? t("handover-erased") : (request?.childName ?? ""),
        className: erased ? "" : (request?.className ?? (request?.grade ? String(request.grade) : "")),
        device: whatOf(line, t),
        lot: line.lotCode,
        serial: line.serial ?? "",
        status: line.status,
        statusLabel: t(`handover-status-${line.status}`),
        collect,
        overdue: isOverdue(line, days, now),
        withdrawn: request?.status === "withdrawn",
        canHandOver: line.status === "matched" && request?.status === "matched",
        canReturn: line.status === "matched" || line.status === "handed-over",
      };
    });
  };
}

export const today = () => formatDate(new Date());
