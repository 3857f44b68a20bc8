/**
 * A lot's proposal and its approval (docs/allocation.md#proposal, #approval). The page proposes
 * the `free` best requests and a few runner-ups, each with its score broken down; staff drop a
 * line (a link that proposes again without it, so the next candidate moves up), tick runner-ups
 * in or lines out, type where and from when to collect, and approve the ticked ones as one
 * batch. A refused batch (more than the lot has free, a missing place or date) comes back with
 * every tick and everything typed; an approved one tells everyone (notices.ts) and shows which
 * requests were skipped because they moved meanwhile.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ConsoleKit } from "../../core/console.js";
import { parseDateTime } from "../../core/text/parse-date.js";
import { stripUnsafe } from "../../core/text/strip-unsafe.js";
import { readHumanCode } from "../../storage/human-code.js";
import type { ScopeResolver } from "../staff/scope.js";
import type { Approve } from "./approve.js";
import { propose } from "./candidates.js";
import { describeLot } from "./describe-lot.js";
import { scopedLot, VIEWS } from "./lot-pages.js";
import type { LotService } from "./lots.js";
import type { LotPlace } from "./matching.js";
import type { Lot } from "./model.js";
import type { AllocationNotices } from "./notices.js";
import type { PriorityStore } from "./priority-store.js";
import type { createProposalView } from "./proposal-view.js";

/** Runner-ups shown under the proposal, to swap in. */
export const RUNNERS = 5;
const MAX_DROPS = 200;

type Codes = string | string[] | undefined;
type ProposalParams = { Params: { code: string }; Querystring: { drop?: Codes } };
type ApproveBody = { requests?: Codes; drop?: Codes; collectPlace?: string; collectFrom?: string };

export interface ProposalPageDeps {
  connection: import("mongoose").Connection;
  lots: LotService;
  scopes: ScopeResolver;
  priority: PriorityStore;
  placeOf: (lot: Lot) => Promise<LotPlace>;
  approve: Approve;
  notices: AllocationNotices;
  rowsOf: ReturnType<typeof createProposalView>;
}

/** Request codes from a query or a form, canonical, at most `max`. */
export function codesOf(value: Codes, max = MAX_DROPS): string[] {
  const list = [value ?? []].flat().slice(0, max);
  return [...new Set(list.flatMap((typed) => readHumanCode("YC", String(typed)) ?? []))];
}

export function registerProposalPages(app: FastifyInstance, kit: ConsoleKit, deps: ProposalPageDeps) {
  async function page(
    request: FastifyRequest<{ Params: { code: string } }>,
    reply: FastifyReply,
    lot: Lot,
    drops: string[],
    typed: {
      ticked?: string[];
      collectPlace?: string;
      collectFrom?: string;
      problem?: string;
      args?: object;
    } = {},
  ) {
    const { t, locale } = kit.user(request);
    const view = describeLot(lot, t, locale, await deps.scopes.namesOf(lot.areas));
    const { weights } = await deps.priority.read();
    const proposal = await propose(deps.connection, lot, await deps.placeOf(lot), weights, {
      want: view.free,
      runners: RUNNERS,
      exclude: drops,
    });
    const chosen = await deps.rowsOf(proposal.chosen, t);
    const runners = await deps.rowsOf(proposal.runners, t);
    const ticked = new Set(typed.ticked ?? proposal.chosen.map((c) => c.code));
    await kit.audit(request, "allocation:proposal", lot.code, String(chosen.length + runners.length));
    const dropLink = (code: string) =>
      `/console/lots/${lot.code}/proposal?${[...drops, code].map((c) => `drop=${c}`).join("&")}`;
    const mark = (rows: typeof chosen) =>
      rows.map((row) => ({ ...row, ticked: ticked.has(row.code), dropLink: dropLink(row.code) }));
    return kit.page(request, reply, `${VIEWS}/proposal`, {
      title: t("allocation-proposal-title", { code: lot.code }),
      lot: view,
      chosen: mark(chosen),
      runners: mark(runners),
      drops,
      scanned: proposal.scanned,
      form: { collectPlace: typed.collectPlace ?? "", collectFrom: typed.collectFrom ?? "" },
      ...(typed.problem ? { problem: typed.problem, problemArgs: typed.args ?? {} } : {}),
    });
  }

  app.get<ProposalParams>("/lots/:code/proposal", async (request, reply) => {
    const lot = await scopedLot(kit, deps.lots, deps.scopes, request);
    if (!lot) return kit.notFound(request, reply);
    return page(request, reply, lot, codesOf(request.query.drop));
  });

  app.post<{ Params: { code: string }; Body: ApproveBody }>("/lots/:code/approve", async (request, reply) => {
    const lot = await scopedLot(kit, deps.lots, deps.scopes, request);
    if (!lot) return kit.notFound(request, reply);
    const body = request.body ?? {};
    const drops = codesOf(body.drop);
    const ticked = codesOf(body.requests, lot.count + RUNNERS);
    const collectPlace = stripUnsafe(String(body.collectPlace ?? ""))
      .trim()
      .slice(0, 200);
    const collectFrom = stripUnsafe(String(body.collectFrom ?? ""))
      .trim()
      .slice(0, 40);
    const typed = { ticked, collectPlace, collectFrom };
    const refuse = (code: number, problem: string, args: object = {}) =>
      page(request, reply.code(code), lot, drops, { ...typed, problem, args });
    if (ticked.length === 0) return refuse(400, "allocation-approve-none");
    if (collectPlace.length < 3) return refuse(400, "allocation-approve-bad-place");
    const from = parseDateTime(collectFrom);
    if (!from.ok || from.at.getTime() < Date.now() - 86_400_000)
      return refuse(400, "allocation-approve-bad-date");
    const { staff } = kit.user(request);
    const result = await deps.approve({
      lotCode: lot.code,
      requestCodes: ticked,
      collectPlace,
      collectFrom: from.at,
      by: staff.actor,
    });
    if (result.kind === "not-found") return kit.notFound(request, reply);
    if (result.kind === "too-many") {
      await kit.audit(request, "allocation:approve-refused", lot.code, `${result.asked}>${result.free}`);
      const fresh = (await deps.lots.byCode(lot.code)) ?? lot;
      return page(request, reply.code(409), fresh, drops, {
        ...typed,
        problem: "allocation-approve-too-many",
        args: { asked: result.asked, free: result.free },
      });
    }
    await kit.audit(
      request,
      "allocation:approve",
      lot.code,
      `${result.batchCode}:${result.lines.length} matched, ${result.skipped.length} skipped`,
    );
    await deps.notices.announce(result.lot, result.batchCode, result.lines);
    const skipped = result.skipped
      .slice(0, 50)
      .map((s) => `${s.code}:${s.why}`)
      .join(",");
    const query = `batch=${result.batchCode}&made=${result.lines.length}${skipped ? `&skipped=${skipped}` : ""}`;
    return reply.redirect(`/console/lots/${lot.code}?${query}`, 303);
  });
}
