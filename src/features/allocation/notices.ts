/**
 * Everyone told at their level once a batch is approved (docs/allocation.md#notices), through
 * the one delivery engine, so a batch of a thousand is paced per platform, retried and safe
 * across a crash:
 * - topic "allocation-parent": each parent, in their language, what (the device or package),
 *   where and from when to collect it; never the lot or the donor;
 * - topic "allocation-donor": for a pledge lot its donor, for a purchase each paying money
 *   donor, how many units reached how many children at which schools. Counts and school names
 *   only: the text is composed from the batch's lines, which name no child.
 * One broadcast per batch and topic (`<batch code>`), one target per line or pledge.
 */
import { type Connection, trusted } from "mongoose";
import type { I18n, Translate } from "../../core/i18n.js";
import { formatDateTime } from "../../core/text/format-date.js";
import type { Broadcaster } from "../../jobs/broadcaster.js";
import type { DeliveryEngine } from "../../jobs/delivery-engine.js";
import { type Pledge, pledgeModel } from "../pledges/model.js";
import { formatVnd } from "../pledges/parse-money.js";
import { type HelpRequest, requestModel } from "../requests/model.js";
import type { SchoolService } from "../schools/service.js";
import { type AllocationLine, type Lot, lineModel, lotModel } from "./model.js";

const localeOf = (locale: string) => (locale === "en" ? ("en" as const) : ("vi" as const));

/** "10 máy tính bảng", "1 gói dữ liệu Viettel 3 tháng": a count of what the lot holds. */
export function unitsOf(
  lot: Pick<Lot, "kind" | "deviceType" | "carrier" | "months">,
  count: number,
  t: Translate,
) {
  if (lot.kind === "data")
    return t("allocation-units-data", {
      count,
      carrier: t(`carrier-${lot.carrier}`),
      months: lot.months ?? 1,
    });
  return t("allocation-units-device", { count, type: lot.deviceType ?? "" });
}

export interface AllocationNotices {
  /** Queues the parents' and donors' messages of a batch just approved; returns how many. */
  announce(lot: Lot, batchCode: string, lines: AllocationLine[]): Promise<number>;
}

export function createAllocationNotices(deps: {
  mongo: Connection;
  deliveries: DeliveryEngine;
  i18n: Pick<I18n, "translator">;
  schools: Pick<SchoolService, "byCode">;
}): AllocationNotices {
  const Lines = lineModel(deps.mongo);
  const Lots = lotModel(deps.mongo);
  const Requests = requestModel(deps.mongo);
  const Pledges = pledgeModel(deps.mongo);

  const parents: Broadcaster = deps.deliveries.topic("allocation-parent", {
    async compose(delivery) {
      const line = await Lines.findOne({ code: delivery.context }).lean<AllocationLine>();
      const request = line && (await Requests.findOne({ code: line.requestCode }).lean<HelpRequest>());
      // Returned before it went out, or erased: nothing to tell.
      if (!line || line.status === "returned" || !request || request.erasedAt) return undefined;
      const t = deps.i18n.translator(delivery.locale);
      const what = unitsOf(line, 1, t);
      const from = line.collectFrom
        ? t("allocation-told-from", { date: formatDateTime(line.collectFrom) })
        : "";
      return {
        kind: "text",
        text: t("allocation-told-parent", {
          what,
          pupil: request.childName ?? t("allocation-a-pupil"),
          code: request.code,
          place: line.collectPlace,
          from,
        }),
      };
    },
  });

  const donors: Broadcaster = deps.deliveries.topic("allocation-donor", {
    async compose(delivery) {
      const lines = await Lines.find({ batchCode: delivery.refId }).lean<AllocationLine[]>();
      const first = lines[0];
      const lot = first && (await Lots.findOne({ code: first.lotCode }).lean<Lot>());
      if (!lot) return undefined;
      const t = deps.i18n.translator(delivery.locale);
      const schoolCodes = [...new Set(lines.flatMap((line) => (line.schoolCode ? [line.schoolCode] : [])))];
      const names: string[] = [];
      for (const code of schoolCodes) names.push((await deps.schools.byCode(code))?.name ?? code);
      names.sort((a, b) => a.localeCompare(b, "vi"));
      const reached = names.length
        ? t("allocation-told-reached-schools", {
            children: lines.length,
            schools: names.length,
            names: names.join(", "),
          })
        : t("allocation-told-reached-families", { families: lines.length });
      if (lot.source === "purchase") {
        const paid = lot.paidBy?.find((p) => p.pledgeCode === delivery.context);
        const amount = formatVnd(paid?.vnd ?? 0, delivery.locale);
        const bought = unitsOf(lot, lot.count, t);
        return {
          kind: "text",
          text: t("allocation-told-money-donor", {
            amount,
            bought,
            units: unitsOf(lot, lines.length, t),
            reached,
          }),
        };
      }
      return {
        kind: "text",
        text: t("allocation-told-donor", { units: unitsOf(lot, lines.length, t), reached }),
      };
    },
  });

  async function donorsOf(lot: Lot): Promise<Pledge[]> {
    const codes =
      lot.source === "pledge" ? [lot.pledgeCode ?? ""] : (lot.paidBy ?? []).map((p) => p.pledgeCode);
    const found: Pledge[] = [];
    for (const code of codes) {
      const pledge = await Pledges.findOne({ code }).lean<Pledge>();
      // An erased donor keeps no chat to write to.
      if (pledge && pledge.userId !== "erased") found.push(pledge);
    }
    return found;
  }

  return {
    async announce(lot, batchCode, lines) {
      if (lines.length === 0) return 0;
      const requests = await Requests.find(
        { code: trusted({ $in: lines.map((line) => line.requestCode) }) },
        { code: 1, channel: 1, chatId: 1, locale: 1, erasedAt: 1 },
      ).lean<HelpRequest[]>();
      const byCode = new Map(requests.map((request) => [request.code, request]));
      const parentTargets = lines.flatMap((line) => {
        const request = byCode.get(line.requestCode);
        if (!request || request.erasedAt) return [];
        return [
          {
            key: `line:${line.code}`,
            kind: "parent",
            channel: request.channel,
            chatId: request.chatId,
            locale: localeOf(request.locale),
            context: line.code,
            refId: line.code,
          },
        ];
      });
      await parents.fanOut(batchCode, parentTargets);
      const donorTargets = (await donorsOf(lot)).map((pledge) => ({
        key: `pledge:${pledge.code}`,
        kind: "donor",
        channel: pledge.channel,
        chatId: pledge.chatId,
        locale: localeOf(pledge.locale),
        context: pledge.code,
        refId: batchCode,
      }));
      if (donorTargets.length) await donors.fanOut(batchCode, donorTargets);
      return parentTargets.length + donorTargets.length;
    },
  };
}
