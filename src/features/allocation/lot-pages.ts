/**
 * The console's "Lô quà" (docs/allocation.md#lots): the lots the viewer works with and the
 * form for a new one, and one lot's page (counts, lines, the way to its proposal). A lot out of
 * the viewer's reach answers "not found" (lot-scope.ts). Creating a lot is audited; a wrong
 * form comes back with everything typed and what to fix.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { ConsoleKit } from "../../core/console.js";
import { formatDate } from "../../core/text/format-date.js";
import { DATA_CARRIERS, DEVICE_TYPES } from "../pledges/model.js";
import type { SchoolService } from "../schools/service.js";
import type { ScopeResolver } from "../staff/scope.js";
import { describeLot } from "./describe-lot.js";
import { type LotForm, lotFormOf, readLotForm } from "./lot-input.js";
import { areasWithin, seesLot, sourcesFor } from "./lot-scope.js";
import type { LotService } from "./lots.js";
import type { Lot } from "./model.js";

export const VIEWS = "features/allocation/views";
type LotParams = {
  Params: { code: string };
  Querystring: { batch?: string; made?: string; skipped?: string };
};

export interface LotPageDeps {
  lots: LotService;
  schools: Pick<SchoolService, "byCode">;
  scopes: ScopeResolver;
}

/** The lot named in the URL, if the viewer works with it. */
export async function scopedLot(
  kit: ConsoleKit,
  lots: LotService,
  scopes: ScopeResolver,
  request: FastifyRequest<{ Params: { code: string } }>,
): Promise<Lot | undefined> {
  const code = String(request.params.code ?? "")
    .toUpperCase()
    .slice(0, 20);
  const lot = await lots.byCode(code);
  return lot && (await seesLot(scopes, kit.user(request).staff, lot)) ? lot : undefined;
}

export function registerLotPages(app: import("fastify").FastifyInstance, kit: ConsoleKit, deps: LotPageDeps) {
  const { lots } = deps;

  async function listPage(
    request: FastifyRequest,
    reply: FastifyReply,
    form: Partial<LotForm> = {},
    problem?: { key: string; args?: Record<string, string | number> },
  ) {
    const { staff, t, locale } = kit.user(request);
    const shown: Lot[] = [];
    for (const lot of await lots.list()) if (await seesLot(deps.scopes, staff, lot)) shown.push(lot);
    return kit.page(request, reply, `${VIEWS}/lots`, {
      title: t("allocation-lots-title"),
      lots: await Promise.all(
        shown.map(async (lot) => describeLot(lot, t, locale, await deps.scopes.namesOf(lot.areas))),
      ),
      sources: sourcesFor(staff).map((value) => ({ value, label: t(`allocation-source-${value}`) })),
      deviceTypes: DEVICE_TYPES.map((value) => ({ value, label: t(`device-${value}`) })),
      carriers: DATA_CARRIERS.filter((c) => c !== "other").map((value) => ({
        value,
        label: t(`carrier-${value}`),
      })),
      areasHint: staff.scope.kind === "area" ? (await deps.scopes.namesOf(staff.scope.areas)).join(", ") : "",
      form: { source: sourcesFor(staff)[0], kind: "devices", ...form },
      ...(problem ? { problem } : {}),
    });
  }

  app.get("/lots", async (request, reply) => {
    if (!seesAny(kit, request)) return kit.notFound(request, reply);
    return listPage(request, reply);
  });

  app.post("/lots", async (request, reply) => {
    if (!seesAny(kit, request)) return kit.notFound(request, reply);
    const { staff } = kit.user(request);
    const form = lotFormOf(request.body);
    const allowedSources: readonly string[] = sourcesFor(staff);
    if (!allowedSources.includes(form.source))
      return listPage(request, reply.code(400), form, { key: "allocation-lot-bad-source" });
    const read = readLotForm(form, await deps.scopes.areas(), staff.scope.kind !== "all");
    if (!read.ok) return listPage(request, reply.code(400), form, read.problem);
    const outside = [];
    for (const area of read.draft.areas)
      if (!(await areasWithin(deps.scopes, staff, [area]))) outside.push(area);
    if (outside.length)
      return listPage(request, reply.code(400), form, {
        key: "allocation-lot-bad-area-outside",
        args: { area: outside.join(", ") },
      });
    const made = await lots.create(read.draft, staff.actor);
    if (!made.ok) return listPage(request, reply.code(400), form, made.problem);
    await kit.audit(request, "allocation:lot-create", made.lot.code, `${made.lot.source}:${made.lot.count}`);
    return reply.redirect(`/console/lots/${made.lot.code}`, 303);
  });

  app.get<LotParams>("/lots/:code", async (request, reply) => {
    const lot = await scopedLot(kit, lots, deps.scopes, request);
    if (!lot) return kit.notFound(request, reply);
    const { t, locale } = kit.user(request);
    const lines = await lots.linesOf(lot.code);
    const names = new Map<string, string>();
    for (const code of new Set(lines.flatMap((line) => (line.schoolCode ? [line.schoolCode] : []))))
      names.set(code, (await deps.schools.byCode(code))?.name ?? code);
    await kit.audit(request, "allocation:lot-view", lot.code);
    const skipped = String(request.query.skipped ?? "")
      .split(",")
      .filter((code) => /^YC-[A-Z0-9]{6}:[a-z-]+$/.test(code))
      .map((entry) => {
        const [code = "", why = ""] = entry.split(":");
        return { code, why: t(`allocation-skipped-${why}`) };
      });
    const batch = /^LD-[A-Z0-9]{6}$/.test(request.query.batch ?? "") ? request.query.batch : undefined;
    return kit.page(request, reply, `${VIEWS}/lot`, {
      title: t("allocation-lot-title", { code: lot.code }),
      lot: describeLot(lot, t, locale, await deps.scopes.namesOf(lot.areas)),
      lines: lines.map((line) => ({
        code: line.code,
        request: line.requestCode,
        school: line.schoolCode ? (names.get(line.schoolCode) ?? line.schoolCode) : "",
        status: t(`handover-status-${line.status}`),
        batch: line.batchCode,
        approved: formatDate(line.approvedAt),
      })),
      ...(batch ? { batch: { code: batch, made: Number(request.query.made ?? 0), skipped } } : {}),
    });
  });
}

/** Province and area staff allocate; school staff find the section absent. */
function seesAny(kit: ConsoleKit, request: FastifyRequest): boolean {
  const { staff } = kit.user(request);
  return staff.level === "province" || staff.level === "area";
}
