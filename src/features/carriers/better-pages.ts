/**
 * Better-line requests in the console (docs/carriers.md#better-lines): counts per carrier and
 * ward, an export per carrier, and the form that records a carrier's answer for a ward.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ConsoleKit } from "../../core/console.js";
import type { Translate } from "../../core/i18n.js";
import { stripUnsafe } from "../../core/text/strip-unsafe.js";
import { ANSWER_STATUSES } from "./answer.model.js";
import type { BetterLines, WardGroup } from "./better-lines.js";
import { formatOf, knownCarrier, scopeOf, sendSheet } from "./shared.js";

const VIEW = "features/carriers/views/better";
const TEXT_LIMIT = 500;
type AnswerBody = { Body: { carrier?: string; ward?: string; text?: string; status?: string } };

const placesText = (group: WardGroup, t: Translate) =>
  Object.entries(group.places)
    .map(([place, count]) => `${t(`place-${place}`)}: ${count}`)
    .join(", ");

export function registerBetterPages(app: FastifyInstance, kit: ConsoleKit, better: BetterLines) {
  const allowed = (request: FastifyRequest) => kit.user(request).staff.level !== "school";

  async function page(request: FastifyRequest, reply: Parameters<ConsoleKit["page"]>[1], extra = {}) {
    const { t } = kit.user(request);
    const groups = await better.groups(await scopeOf(kit, request));
    await kit.audit(request, "carrier:better-lines", "better-lines", String(groups.length));
    return kit.page(request, reply, VIEW, {
      title: t("carrier-better-title"),
      statuses: ANSWER_STATUSES.map((status) => ({ status, label: t(`carrier-answer-status-${status}`) })),
      carriers: [...new Set(groups.map((g) => g.carrier))],
      groups: groups.map((group) => ({
        ...group,
        carrierName: t(`carrier-${group.carrier}`),
        placesText: placesText(group, t),
        answerStatus: group.answer ? t(`carrier-answer-status-${group.answer.status}`) : "",
      })),
      ...extra,
    });
  }

  app.get<{ Querystring: { saved?: string; told?: string } }>("/carriers/better", async (request, reply) => {
    if (!allowed(request)) return kit.notFound(request, reply);
    const { saved, told } = request.query;
    return page(request, reply, saved ? { saved, told: Number(told) || 0 } : {});
  });

  app.get<{ Params: { carrier: string }; Querystring: { format?: string } }>(
    "/carriers/better/:carrier/export",
    async (request, reply) => {
      const carrier = knownCarrier(request.params.carrier);
      if (!carrier || !allowed(request)) return kit.notFound(request, reply);
      const { t } = kit.user(request);
      const format = formatOf(request.query.format);
      const groups = await better.groups(await scopeOf(kit, request), carrier);
      await kit.audit(request, "carrier:better-export", carrier, `${format} ${groups.length}`);
      if (groups.length === 0) return page(request, reply, { nothingToExport: carrier });
      const sheet = {
        header: [t("carrier-col-ward"), t("carrier-col-households"), t("carrier-col-places")],
        rows: groups.map((g) => [g.wardLabel, g.households, placesText(g, t)]),
      };
      return sendSheet(reply, sheet, format, `vung-song-yeu-${carrier}`);
    },
  );

  app.post<AnswerBody>("/carriers/better/answer", async (request, reply) => {
    if (!allowed(request)) return kit.notFound(request, reply);
    const carrier = knownCarrier(String(request.body?.carrier ?? ""));
    const ward = String(request.body?.ward ?? "");
    const status = ANSWER_STATUSES.find((s) => s === request.body?.status);
    const text = stripUnsafe(String(request.body?.text ?? ""))
      .trim()
      .slice(0, TEXT_LIMIT);
    if (!carrier || !ward) return kit.notFound(request, reply);
    if (!status || !text)
      return page(request, reply.code(400), { problem: "carrier-answer-needed", ward, carrier });
    const { staff } = kit.user(request);
    const result = await better.answer(await scopeOf(kit, request), {
      carrier,
      ward,
      text,
      status,
      by: staff.actor,
    });
    await kit.audit(request, "carrier:answer", `${carrier}|${ward}`, result.kind);
    if (result.kind === "not-found") return kit.notFound(request, reply);
    const told = result.kind === "saved" ? result.told : 0;
    return reply.redirect(`/console/carriers/better?saved=${result.kind}&told=${told}`, 303);
  });
}
