/**
 * What a donor is told when their pledge moves on, in their own language: thanks for a day's
 * receipts (daily-thanks.ts), where to transfer, then the school it went to. Schools only, never a child (docs/conventions.md, "Privacy").
 * Sent by donor-notices.ts through the delivery engine.
 */
import type { Translate } from "../../core/i18n.js";
import type { OutboundMessage } from "../../core/messages.js";
import { describeItems } from "./describe.js";
import { isFullyReceived } from "./lifecycle.js";
import type { ItemKind, Pledge } from "./model.js";
import { formatVnd } from "./parse-money.js";

export type PledgeEvent =
  | { kind: "received"; item: ItemKind; quantity: number }
  | { kind: "allocated" }
  | { kind: "delivered" }
  | { kind: "cancelled"; reason: string }
  /** Where to transfer, typed by staff in the console when no VietQR account is configured. */
  | { kind: "payment"; details: string };

export function describeQuantity(item: ItemKind, quantity: number, t: Translate, locale: string): string {
  if (item === "money") return formatVnd(quantity, locale);
  return t(item === "devices" ? "pledge-what-devices" : "pledge-what-data", { count: quantity });
}

/** What is still to come, or that everything is in. */
function progressOf(pledge: Pledge, t: Translate): string {
  return isFullyReceived(pledge)
    ? t("pledge-thanks-complete")
    : `${t("pledge-thanks-progress")}\n${describeItems(pledge, t, pledge.locale, true).join("\n")}`;
}

/** The one thank-you for a day's receipts (daily-thanks.ts): what they add up to, and the progress. */
export function composeDayThanks(
  pledge: Pledge,
  lines: Array<{ kind: ItemKind; quantity: number }>,
  t: Translate,
): OutboundMessage[] {
  const what = lines.map((line) => describeQuantity(line.kind, line.quantity, t, pledge.locale)).join(", ");
  const text = `${t("pledge-thanks-day", { code: pledge.code, what })}\n\n${progressOf(pledge, t)}`;
  return [{ kind: "text", text }];
}

export function composeNotice(pledge: Pledge, event: PledgeEvent, t: Translate): OutboundMessage[] {
  const locale = pledge.locale;
  const where = pledge.allocation
    ? { school: pledge.allocation.schoolName, district: pledge.allocation.district }
    : { school: "—", district: "—" };
  let text: string;
  switch (event.kind) {
    case "received": {
      const what = describeQuantity(event.item, event.quantity, t, locale);
      text = `${t("pledge-thanks-received", { code: pledge.code, what })}\n\n${progressOf(pledge, t)}`;
      break;
    }
    case "allocated":
      text = t("pledge-notice-allocated", { code: pledge.code, ...where });
      break;
    case "delivered":
      text = t("pledge-notice-delivered", { code: pledge.code, ...where });
      break;
    case "cancelled":
      text = t("pledge-notice-cancelled", { code: pledge.code, reason: event.reason });
      break;
    case "payment": {
      const owed = pledge.money ? Math.max(0, pledge.money.pledgedVnd - pledge.money.receivedVnd) : 0;
      text = t("pledge-notice-payment", {
        code: pledge.code,
        amount: formatVnd(owed, locale),
        details: event.details,
      });
      break;
    }
  }
  return [{ kind: "text", text }];
}
