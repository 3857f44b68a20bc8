/** A lot as the console pages show it: what it holds, where it came from, its counts. */
import type { Translate } from "../../core/i18n.js";
import { formatDate } from "../../core/text/format-date.js";
import { formatVnd } from "../pledges/parse-money.js";
import type { Lot } from "./model.js";
import { unitsOf } from "./notices.js";

export interface LotView {
  code: string;
  what: string;
  source: string;
  areas: string;
  keptAt: string;
  note: string;
  count: number;
  allocated: number;
  free: number;
  created: string;
}

/** `areaNames`: the lot's folded areas as the directory writes them (ScopeResolver.namesOf). */
export function describeLot(lot: Lot, t: Translate, locale: string, areaNames = lot.areas): LotView {
  const source =
    lot.source === "pledge"
      ? t("allocation-source-pledge-of", { code: lot.pledgeCode ?? "" })
      : lot.source === "purchase"
        ? t("allocation-source-purchase-of", {
            cost: formatVnd(lot.costVnd ?? 0, locale),
            paid: (lot.paidBy ?? []).map((p) => `${p.pledgeCode} ${formatVnd(p.vnd, locale)}`).join(", "),
          })
        : t("allocation-source-other-of", { giver: lot.giverName ?? "" });
  return {
    code: lot.code,
    what: unitsOf(lot, lot.count, t),
    source,
    areas: areaNames.length ? areaNames.join(", ") : t("allocation-areas-anywhere"),
    keptAt: lot.keptAt,
    note: lot.note ?? "",
    count: lot.count,
    allocated: lot.allocated,
    free: Math.max(0, lot.count - lot.allocated),
    created: formatDate(lot.createdAt),
  };
}
