/**
 * How a pledge reads back to its donor: what was pledged, what has arrived, and where it went —
 * a school and its district, never a child (Decree 13/2023; docs/conventions.md#privacy).
 */
import type { Translate } from "../../core/i18n.js";
import { formatDate } from "../../core/text/format-date.js";
import { formatPhone } from "../../core/text/parse-phone.js";
import type { Pledge } from "./model.js";
import { formatVnd } from "./parse-money.js";

type Items = Pick<Pledge, "money" | "devices" | "data">;

/** One line per kind pledged; with `progress`, what has arrived so far. */
export function describeItems(items: Items, t: Translate, locale: string, progress = false): string[] {
  const { money, devices, data } = items;
  const received = (amount: string | number) =>
    progress ? ` (${t("pledge-received-so-far", { amount })})` : "";
  const lines: string[] = [];
  if (money) {
    const line = t("pledge-item-money", { amount: formatVnd(money.pledgedVnd, locale) });
    lines.push(`• ${line}${received(formatVnd(money.receivedVnd, locale))}`);
  }
  if (devices) {
    const line = t("pledge-item-devices", {
      count: devices.count,
      device: t(`pledge-device-${devices.type}`),
      condition: t(`pledge-condition-${devices.condition}`),
    });
    lines.push(`• ${line}${received(devices.receivedCount)}`);
  }
  if (data) {
    const line = t("pledge-item-data", {
      count: data.count,
      carrier: t(`carrier-${data.carrier}`),
      months: data.months,
    });
    lines.push(`• ${line}${received(data.receivedCount)}`);
  }
  return lines;
}

/** How devices reach the programme, with the contact only the donor and staff see. */
export function describeHandover(
  devices: Pledge["devices"],
  phone: string | undefined,
  t: Translate,
): string {
  if (!devices) return "";
  if (devices.handover !== "pickup") return t("pledge-handover-drop-off");
  return t("pledge-handover-pickup-at", {
    address: devices.address ?? "—",
    phone: phone ? formatPhone(phone) : "—",
  });
}

/** Where the gift went: the school's name and its district or ward (schoolArea), nothing finer. */
export function describeDestination(pledge: Pledge, t: Translate): string | undefined {
  const a = pledge.allocation;
  return a ? t("pledge-destination", { school: a.schoolName, district: a.district }) : undefined;
}

export function describePledge(pledge: Pledge, t: Translate, locale: string): string {
  // As families read dates: 01/12/2026, in Vietnam's time zone.
  const date = formatDate(pledge.createdAt);
  const destination = describeDestination(pledge, t);
  return [
    `${pledge.code} · ${date}`,
    t("pledge-status-line", { status: t(`pledge-status-${pledge.status}`) }),
    ...describeItems(pledge, t, locale, true),
    ...(destination ? [destination] : []),
  ].join("\n");
}
