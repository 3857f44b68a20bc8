/** How a request reads back to its parent or to staff. Never shown to donors. */
import type { Translate } from "../../core/i18n.js";
import type { HelpRequest } from "./model.js";

export function describeRequest(request: HelpRequest, t: Translate): string {
  const date = request.createdAt.toISOString().slice(0, 10);
  const last = request.history[request.history.length - 1];
  const reason =
    last?.reason && last.reason !== "erased" ? `\n${t("request-reason", { reason: last.reason })}` : "";
  return `${request.code} · ${t(`request-kind-${request.kind}`)} · ${date}\n${t("request-status-line", {
    status: t(`request-status-${request.status}`),
  })}${reason}`;
}

/** The staff view: enough to verify, with the school and the contact phone. */
export function describeForStaff(request: HelpRequest, t: Translate): string {
  const who =
    request.kind === "device"
      ? `${request.childName ?? "—"}, ${t("request-grade", { grade: request.grade ?? 0 })}`
      : (request.ward ?? "—");
  return `${describeRequest(request, t)}\n${who} · ${request.schoolName ?? request.carrier ?? ""} · ${request.phone ?? ""}`;
}
