/**
 * The requests queue in the staff console: a list filtered by the staff member's scope, a
 * detail page with every field the parent gave, the history and what the parent was told,
 * possible duplicates side by side, and the actions (verify, approve, reject with a reason,
 * deliver) one by one or on a selection, through the same lifecycle as /capnhat.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { ConsoleKit, ConsoleSection } from "../../../core/console.js";
import type { I18n, Locale } from "../../../core/i18n.js";
import { formatDateTime } from "../../../core/text/format-date.js";
import { readHumanCode } from "../../../storage/human-code.js";
import { describeRequest, storedFields } from "../describe.js";
import { type HelpRequest, REQUEST_STATUSES, type RequestStatus } from "../model.js";
import type { RequestQueue } from "../queue/list-requests.js";
import { BY_HAND, type RequestService } from "../service.js";
import type { RequestActions } from "../staff-actions.js";
import { registerQueueList } from "./queue-list.js";
import { isRejectReason, REJECT_REASONS, reasonText } from "./reasons.js";

export interface RequestPagesDeps {
  requests: RequestService;
  actions: RequestActions;
  i18n: I18n;
  queue: RequestQueue;
}

/** What staff may do from the console; "matched" comes from matching gifts, not a button. */
const ACTIONS: RequestStatus[] = ["verified", "approved", "delivered", "rejected"];

const isStatus = (value: unknown): value is RequestStatus =>
  typeof value === "string" && (REQUEST_STATUSES as readonly string[]).includes(value);

export function requestPages(deps: RequestPagesDeps): ConsoleSection {
  const parentLocale = (request: HelpRequest): Locale => (request.locale === "en" ? "en" : "vi");

  /** The request if it exists and the staff member's scope covers it; else nothing, alike. */
  async function visible(kit: ConsoleKit, request: FastifyRequest, typed: string) {
    const code = readHumanCode("YC", typed);
    const found = code ? await deps.requests.byCode(code) : null;
    return found && (await kit.covers(request, found.schoolCode)) ? found : undefined;
  }

  return {
    nav: [{ path: "/requests", labelKey: "console-nav-requests" }],
    async register(app, kit) {
      registerQueueList(app, kit, { queue: deps.queue });

      async function detail(
        request: FastifyRequest,
        reply: FastifyReply,
        found: HelpRequest,
        extra: object = {},
      ) {
        const { t } = kit.user(request);
        const told = deps.i18n.translator(parentLocale(found));
        await kit.audit(request, "request:view", found.code);
        const duplicateOf = found.possibleDuplicateOf
          ? await visible(kit, request, found.possibleDuplicateOf)
          : undefined;
        return kit.page(request, reply, "features/requests/console/views/detail", {
          title: found.code,
          request: found,
          kindText: t(`request-kind-${found.kind}`),
          statusText: t(`request-status-${found.status}`),
          fields: storedFields(found, t),
          history: found.history.map((h) => ({
            when: formatDateTime(h.at),
            status: t(`request-status-${h.status}`),
            by: h.by === "parent" ? t("console-request-by-parent") : h.by,
            reason: h.reason,
          })),
          // What the parent last read from ChoEm about it, in their language.
          toldText:
            found.history.length > 1
              ? `${told("request-status-changed")}\n\n${describeRequest(found, told)}`
              : undefined,
          duplicate: duplicateOf && { code: duplicateOf.code, fields: storedFields(duplicateOf, t) },
          actions: ACTIONS.filter((s) => BY_HAND[found.status].includes(s)).map((s) => ({
            status: s,
            label: t(`console-request-action-${s}`),
          })),
          reasons: REJECT_REASONS.map((r) => ({ value: r, label: t(`request-reject-reason-${r}`) })),
          ...extra,
        });
      }

      app.get<{ Params: { code: string } }>("/requests/:code", async (request, reply) => {
        const found = await visible(kit, request, request.params.code);
        if (!found) return kit.notFound(request, reply);
        return detail(request, reply, found);
      });

      app.post<{ Params: { code: string }; Body: { status?: string; reason?: string; words?: string } }>(
        "/requests/:code/status",
        async (request, reply) => {
          const found = await visible(kit, request, request.params.code);
          if (!found) return kit.notFound(request, reply);
          const { staff } = kit.user(request);
          const body = request.body ?? {};
          const status = isStatus(body.status) && ACTIONS.includes(body.status) ? body.status : undefined;
          if (!status)
            return detail(request, reply.code(400), found, { problem: "console-request-no-action" });
          let reason: string | undefined;
          if (status === "rejected") {
            if (!isRejectReason(body.reason) || (body.reason === "other" && !String(body.words ?? "").trim()))
              return detail(request, reply.code(400), found, {
                problem: "console-request-reason-needed",
                words: body.words ?? "",
              });
            reason = reasonText(deps.i18n, parentLocale(found), body.reason, String(body.words ?? ""));
          }
          const result = await deps.actions.move(found.code, status, staff.actor, reason);
          if (result.kind !== "changed") {
            const fresh = (await deps.requests.byCode(found.code)) ?? found;
            return detail(request, reply.code(409), fresh, { problem: "console-request-moved-already" });
          }
          return reply.redirect(`/console/requests/${found.code}?done=1`, 303);
        },
      );

      // A selection from the list: each request moves on its own, out-of-scope ones are skipped.
      app.post<{ Body: { codes?: string | string[]; status?: string; back?: string } }>(
        "/requests/bulk",
        async (request, reply) => {
          const { staff } = kit.user(request);
          const codes = [request.body?.codes ?? []].flat().slice(0, 100);
          const status = request.body?.status;
          if (!isStatus(status) || status === "rejected" || !ACTIONS.includes(status))
            return reply.redirect("/console/requests?bulk=none", 303);
          let moved = 0;
          for (const typed of codes) {
            const found = await visible(kit, request, typed);
            if (found && (await deps.actions.move(found.code, status, staff.actor)).kind === "changed")
              moved++;
          }
          return reply.redirect(`/console/requests?bulk=${moved}`, 303);
        },
      );
    },
  };
}
