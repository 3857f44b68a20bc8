/** How a request reads back to its parent or to staff. Never shown to donors. */
import type { Translate } from "../../core/i18n.js";
import { formatDate } from "../../core/text/format-date.js";
import { formatPhone } from "../../core/text/parse-phone.js";
import type { HelpRequest } from "./model.js";

export function describeRequest(request: HelpRequest, t: Translate): string {
  // As families read dates: 01/12/2026, in Vietnam's time zone.
  const date = formatDate(request.createdAt);
  const last = request.history[request.history.length - 1];
  const reason =
    last?.reason && last.reason !== "erased" ? `\n${t("request-reason", { reason: last.reason })}` : "";
  return `${request.code} · ${t(`request-kind-${request.kind}`)} · ${date}\n${t("request-status-line", {
    status: t(`request-status-${request.status}`),
  })}${reason}`;
}

/**
 * The staff view: enough to verify, with the school and the contact phone, and the first
 * request when this one may repeat it (parents never see that line: describeRequest is theirs).
 */
export function describeForStaff(request: HelpRequest, t: Translate): string {
  const who =
    request.kind === "device"
      ? `${request.childName ?? "—"}, ${t("request-grade", { grade: request.grade ?? 0 })}`
      : (request.ward ?? "—");
  const duplicate = request.possibleDuplicateOf
    ? `\n${t("staff-request-possible-duplicate", { code: request.possibleDuplicateOf })}`
    : "";
  return `${describeRequest(request, t)}\n${who} · ${request.schoolName ?? request.carrier ?? ""} · ${request.phone ?? ""}${duplicate}`;
}

/**
 * Everything the request keeps, for "Dữ liệu của tôi": the form's own labels and options, so
 * the parent recognises what they typed. Fields erased earlier are simply absent.
 */
export function describeStored(request: HelpRequest, t: Translate): string {
  const lines = storedFields(request, t).map(({ label, value }) => `${label}: ${value}`);
  return [t(`request-kind-${request.kind}`), ...lines].join("\n");
}

/** Each field the parent gave, labelled as their form asked it; the console's detail page too. */
export function storedFields(request: HelpRequest, t: Translate): Array<{ label: string; value: string }> {
  const form = request.kind;
  const option = (prefix: string, value: string) => t(`${prefix}-${value}`);
  const fields: Array<[string, string | undefined]> = [
    ["childName", request.childName],
    ["grade", request.grade === undefined ? undefined : String(request.grade)],
    ["school", request.schoolName],
    ["className", request.className],
    ["circumstances", request.circumstances?.map((v) => option("circumstance", v)).join(", ")],
    ["device", request.device && option("device", request.device)],
    ["homeHas", request.homeHas?.map((v) => option("home-has", v)).join(", ")],
    ["problem", request.problem && option("problem", request.problem)],
    ["carrier", request.carrier && option("carrier", request.carrier)],
    ["place", request.place && option("place", request.place)],
    ["ward", request.ward],
    ["phone", request.phone && formatPhone(request.phone)],
  ];
  return fields
    .filter((field): field is [string, string] => Boolean(field[1]))
    .map(([name, value]) => ({ label: t(`${form}-${name}-label`), value }));
}
