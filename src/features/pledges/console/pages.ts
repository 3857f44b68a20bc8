/**
 * The console's "Ủng hộ" pages: the list of pledges (by status and kind, or found by code) and
 * one pledge: what was pledged, its receipt ledger, and the forms to record what arrived,
 * reverse a wrong entry and send payment details (actions.ts). Every view is audited: the
 * detail shows the donor's name and contact.
 */
import { randomUUID } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import { trusted } from "mongoose";
import type { VietQrConfig } from "../../../config.js";
import type { ConsoleKit, ConsoleSection } from "../../../core/console.js";
import type { Translate } from "../../../core/i18n.js";
import { formatDateTime } from "../../../core/text/format-date.js";
import { formatPhone } from "../../../core/text/parse-phone.js";
import { payableVnd } from "../../payments/payment.js";
import type { DailyThanks } from "../daily-thanks.js";
import { describeItems } from "../describe.js";
import type { DonorNotices } from "../donor-notices.js";
import { entryIdOf, ITEM_ORDER, isReversed } from "../ledger.js";
import type { PledgeLifecycle } from "../lifecycle.js";
import { ITEM_KINDS, PLEDGE_STATUSES, type Pledge, pledgeModel } from "../model.js";
import { describeQuantity } from "../notices.js";
import type { PledgeService } from "../service.js";
import { registerPledgeActions } from "./actions.js";
import { canChange, canSee, visibleFilter } from "./scope.js";

export interface PledgeConsoleDeps {
  mongo: import("mongoose").Connection;
  pledges: PledgeService;
  lifecycle: PledgeLifecycle;
  thanks: DailyThanks;
  notices: DonorNotices;
  vietqr: VietQrConfig | undefined;
}

/** What the receipt form holds: typed values, kept when the page comes back with a problem. */
export interface ReceiptForm {
  kind?: string;
  amount?: string;
  note?: string;
  /** One per rendering of the form: posting the same form twice records one entry. */
  entryKey?: string;
}

export interface DetailExtra {
  problem?: string;
  form?: ReceiptForm;
  /** Set when what was typed goes above the pledge: the confirm box is shown. */
  over?: { pledged: string; received: string; what: string };
  reverse?: { entry: string; problem: string };
  payment?: { details: string; problem: string };
  done?: string;
}

const DONE_KEYS = ["console-pledge-received", "console-pledge-reversed", "console-pledge-payment-sent"];
const LIST_LIMIT = 100;

const signed = (kind: Pledge["receipts"][number]["kind"], quantity: number, t: Translate, locale: string) =>
  `${quantity < 0 ? "−" : "+"}${describeQuantity(kind, Math.abs(quantity), t, locale)}`;

export function createDetailPage(kit: ConsoleKit, deps: Pick<PledgeConsoleDeps, "vietqr">) {
  return async function detailPage(
    request: FastifyRequest,
    reply: FastifyReply,
    pledge: Pledge,
    extra: DetailExtra = {},
  ): Promise<FastifyReply> {
    const { t, locale } = kit.user(request);
    const number = new Map(pledge.receipts.map((r, i) => [entryIdOf(r), i + 1]));
    const ledger = pledge.receipts.map((r, i) => ({
      number: i + 1,
      id: entryIdOf(r),
      when: formatDateTime(r.at),
      by: r.by,
      what: signed(r.kind, r.quantity, t, locale),
      note: r.reason ?? r.note ?? "",
      over: Boolean(r.over),
      reverses: r.reverses ? number.get(r.reverses) : undefined,
      reversed: isReversed(pledge.receipts, r),
      reversible: r.quantity > 0 && !r.reverses && !isReversed(pledge.receipts, r),
    }));
    const kinds = ITEM_ORDER.filter((kind) => pledge[kind]).map((kind) => ({
      kind,
      label: t(`console-pledge-kind-${kind}`),
    }));
    const receivable = ["pledged", "received", "allocated"].includes(pledge.status);
    const changes = canChange(kit, request);
    return kit.page(request, reply, "features/pledges/views/detail", {
      title: pledge.code,
      pledge: {
        code: pledge.code,
        status: t(`pledge-status-${pledge.status}`),
        created: formatDateTime(pledge.createdAt),
        donorType: t(`pledge-donor-${pledge.donorType}`),
        donor: pledge.donorName ?? t("pledge-name-mode-anonymous"),
        phone: pledge.phone ? formatPhone(pledge.phone) : undefined,
        address: pledge.devices?.address,
        items: describeItems(pledge, t, locale, true),
        allocation:
          pledge.allocation &&
          [pledge.allocation.schoolName, pledge.allocation.district].filter(Boolean).join(", "),
      },
      ledger,
      kinds,
      canReceive: changes && receivable && kinds.length > 0,
      canReverse: changes,
      canSendPayment: changes && !deps.vietqr && payableVnd(pledge) > 0,
      owed: pledge.money ? describeQuantity("money", payableVnd(pledge), t, locale) : undefined,
      form: { entryKey: randomUUID(), ...extra.form },
      problem: extra.problem,
      over: extra.over,
      reverse: extra.reverse,
      payment: extra.payment,
      done: DONE_KEYS.find((key) => key === extra.done),
    });
  };
}

export function pledgesConsole(deps: PledgeConsoleDeps): ConsoleSection {
  const Pledges = pledgeModel(deps.mongo);
  return {
    nav: [{ path: "/pledges", labelKey: "console-nav-pledges" }],
    async register(app, kit) {
      const detailPage = createDetailPage(kit, deps);
      /** The pledge at this address, or 404 for one that is missing or out of the user's scope. */
      const visible = async (request: FastifyRequest, code: string) => {
        const pledge = /^UH-[A-Z0-9]{6}$/.test(code) ? await deps.pledges.byCode(code) : null;
        return pledge && (await canSee(kit, request, pledge)) ? pledge : undefined;
      };

      app.get<{ Querystring: { status?: string; kind?: string; q?: string } }>(
        "/pledges",
        async (request, reply) => {
          const { t, locale } = kit.user(request);
          const status = PLEDGE_STATUSES.find((s) => s === request.query.status);
          const kind = ITEM_KINDS.find((k) => k === request.query.kind);
          // Only letters and digits of what was typed: "uh 7k2m" finds UH-7K2M9Q.
          const q = String(request.query.q ?? "")
            .toUpperCase()
            .replace(/^UH/, "")
            .replace(/[^A-Z0-9]/g, "")
            .slice(0, 6);
          const filter: Record<string, unknown> = {
            ...(await visibleFilter(kit, request)),
            ...(status ? { status } : {}),
            ...(kind ? { [kind]: trusted({ $exists: true }) } : {}),
            ...(q ? { code: trusted({ $regex: `^UH-${q}` }) } : {}),
          };
          const rows = await Pledges.find(filter).sort({ createdAt: -1 }).limit(LIST_LIMIT).lean<Pledge[]>();
          await kit.audit(request, "pledges:list", "pledges", [status, kind, q].filter(Boolean).join(" "));
          return kit.page(request, reply, "features/pledges/views/list", {
            title: t("console-nav-pledges"),
            filter: { status, kind, q },
            statuses: PLEDGE_STATUSES.map((s) => ({ value: s, label: t(`pledge-status-${s}`) })),
            kinds: ITEM_KINDS.map((k) => ({ value: k, label: t(`console-pledge-kind-${k}`) })),
            rows: rows.map((p) => ({
              code: p.code,
              created: formatDateTime(p.createdAt),
              status: t(`pledge-status-${p.status}`),
              donor: p.donorName ?? t("pledge-name-mode-anonymous"),
              items: describeItems(p, t, locale, true),
            })),
            more: rows.length >= LIST_LIMIT,
          });
        },
      );

      app.get<{ Params: { code: string }; Querystring: { done?: string } }>(
        "/pledges/:code",
        async (request, reply) => {
          const pledge = await visible(request, request.params.code);
          if (!pledge) return kit.notFound(request, reply);
          await kit.audit(request, "pledges:view", pledge.code);
          return detailPage(request, reply, pledge, {
            ...(request.query.done ? { done: request.query.done } : {}),
          });
        },
      );

      registerPledgeActions(app, kit, { ...deps, detailPage, visible });
    },
  };
}
