/**
 * The console's help desk (docs/staff-console.md#the-help-desk): an inbox in four tabs (new,
 * mine, waiting for staff, closed), filtered by the viewer's schools in the query, with tickets
 * that waited too long marked; and one ticket's page: its conversation, take it, reply, note,
 * close with a closing message. Every view and action is audited; a ticket out of scope is
 * answered exactly like one that does not exist.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { ConsoleSection } from "../../core/console.js";
import type { Translate } from "../../core/i18n.js";
import { formatDateTime } from "../../core/text/format-date.js";
import { formatPhone } from "../../core/text/parse-phone.js";
import { stripUnsafe } from "../../core/text/strip-unsafe.js";
import { readHumanCode } from "../../storage/human-code.js";
import type { Desk } from "./desk.js";
import type { SupportMessage, SupportTicket } from "./model.js";
import { INBOX_TABS, type InboxTab, type SupportService } from "./service.js";

/** A person waiting this long for a staff answer is marked in the inbox and on the ticket. */
export const OVERDUE_MS = 24 * 3_600_000;
/** The longest reply, note or closing message; one chat message on every channel. */
const TEXT_LIMIT = 1_500;

type Params = { Params: { code: string } };
type TextBody = Params & { Body: { text?: string } };

const typed = (value: unknown) =>
  stripUnsafe(String(value ?? ""))
    .trim()
    .slice(0, TEXT_LIMIT);
const isOverdue = (ticket: SupportTicket, now: number) =>
  ticket.status !== "closed" && !!ticket.waitingSince && now - ticket.waitingSince.getTime() > OVERDUE_MS;

export function helpdeskPages(support: SupportService, desk: Desk): ConsoleSection {
  return {
    nav: [{ path: "/helpdesk", labelKey: "console-nav-helpdesk" }],
    async register(app, kit) {
      /** The ticket named in the URL, if it exists and lies in the viewer's scope. */
      async function scopedTicket(request: FastifyRequest<Params>): Promise<SupportTicket | undefined> {
        const code = readHumanCode("HT", request.params.code);
        const ticket = code ? await support.byCode(code) : undefined;
        return ticket && (await kit.covers(request, ticket.schoolCode)) ? ticket : undefined;
      }

      app.get<{ Querystring: { tab?: string } }>("/helpdesk", async (request, reply) => {
        const { staff, t } = kit.user(request);
        const tab: InboxTab = INBOX_TABS.find((name) => name === request.query.tab) ?? "new";
        const tickets = await support.inbox(tab, await kit.schools(request), staff.actor);
        await kit.audit(request, "helpdesk:list", "helpdesk", tab);
        const now = Date.now();
        return kit.page(request, reply, "features/support/views/inbox", {
          title: t("console-nav-helpdesk"),
          tab,
          overdueHours: OVERDUE_MS / 3_600_000,
          tabs: INBOX_TABS.map((name) => ({ name, label: t(`console-helpdesk-tab-${name}`) })),
          rows: tickets.map((ticket) => ({
            code: ticket.code,
            topic: t(`support-topic-${ticket.topic}`),
            question: ticket.question.length > 120 ? `${ticket.question.slice(0, 120)}…` : ticket.question,
            school: ticket.schoolCode ?? t("console-helpdesk-no-school"),
            created: formatDateTime(ticket.createdAt),
            holder: ticket.assignedTo ? ticket.assignedName || ticket.assignedTo : "",
            overdue: isOverdue(ticket, now),
          })),
        });
      });

      async function ticketPage(
        request: FastifyRequest<Params>,
        reply: FastifyReply,
        ticket: SupportTicket,
        extra: Record<string, unknown> = {},
      ) {
        const { staff, t } = kit.user(request);
        const messages = await support.conversation(ticket.code);
        return kit.page(request, reply, "features/support/views/ticket", {
          title: t("console-helpdesk-ticket-title", { code: ticket.code }),
          ticket: {
            code: ticket.code,
            topic: t(`support-topic-${ticket.topic}`),
            question: ticket.question,
            phone: ticket.phone ? formatPhone(ticket.phone) : "",
            school: ticket.schoolCode ?? t("console-helpdesk-no-school"),
            created: formatDateTime(ticket.createdAt),
            open: ticket.status !== "closed",
            closed: ticket.closedAt ? formatDateTime(ticket.closedAt) : "",
            closedByPerson: ticket.closedBy === "person",
            holder: ticket.assignedTo ? ticket.assignedName || ticket.assignedTo : "",
            mine: ticket.assignedTo === staff.actor,
            overdue: isOverdue(ticket, Date.now()),
          },
          messages: messages.map((message) => describeMessage(message, t)),
          overdueHours: OVERDUE_MS / 3_600_000,
          form: {},
          ...extra,
        });
      }

      app.get<Params & { Querystring: { done?: string } }>("/helpdesk/:code", async (request, reply) => {
        const ticket = await scopedTicket(request);
        if (!ticket) return kit.notFound(request, reply);
        await kit.audit(request, "helpdesk:view", ticket.code);
        const done = DONE_KEYS.find((key) => key === request.query.done);
        return ticketPage(request, reply, ticket, done ? { done } : {});
      });

      const back = (reply: FastifyReply, code: string, done: string) =>
        reply.redirect(`/console/helpdesk/${code}?done=${done}`, 303);

      app.post<Params>("/helpdesk/:code/assign", async (request, reply) => {
        const ticket = await scopedTicket(request);
        if (!ticket) return kit.notFound(request, reply);
        const result = await desk.assign(ticket.code, kit.user(request).staff);
        await kit.audit(request, "helpdesk:assign", ticket.code, result.ok ? "ok" : result.why);
        if (result.ok) return back(reply, ticket.code, "console-helpdesk-assigned");
        const problem = result.why === "taken" ? "console-helpdesk-taken" : "console-helpdesk-closed-already";
        const fresh = (await support.byCode(ticket.code)) ?? ticket;
        return ticketPage(request, reply.code(409), fresh, {
          problem,
          problemArgs: { name: result.why === "taken" ? result.by : "" },
        });
      });

      /** A posted text: empty is re-shown with what is wrong, so nothing typed is lost. */
      function textRoute(
        path: string,
        action: "reply" | "note" | "close",
        run: (code: string, text: string, request: FastifyRequest) => Promise<boolean>,
      ) {
        app.post<TextBody>(path, async (request, reply) => {
          const ticket = await scopedTicket(request);
          if (!ticket) return kit.notFound(request, reply);
          const text = typed(request.body?.text);
          if (!text)
            return ticketPage(request, reply.code(400), ticket, {
              problem: "console-helpdesk-text-needed",
              form: { action },
            });
          const done = await run(ticket.code, text, request);
          await kit.audit(request, `helpdesk:${action}`, ticket.code, done ? "ok" : "closed");
          if (!done)
            return ticketPage(request, reply.code(409), (await support.byCode(ticket.code)) ?? ticket, {
              problem: "console-helpdesk-closed-already",
              form: { action, text },
            });
          return back(reply, ticket.code, `console-helpdesk-done-${action}`);
        });
      }
      const staffOf = (request: FastifyRequest) => kit.user(request).staff;
      textRoute("/helpdesk/:code/reply", "reply", async (code, text, request) => {
        return (await desk.reply(code, staffOf(request), text)).ok;
      });
      textRoute("/helpdesk/:code/note", "note", (code, text, request) =>
        desk.note(code, staffOf(request), text),
      );
      textRoute("/helpdesk/:code/close", "close", (code, text, request) =>
        desk.close(code, staffOf(request), text),
      );
    },
  };
}

const DONE_KEYS = [
  "console-helpdesk-assigned",
  "console-helpdesk-done-reply",
  "console-helpdesk-done-note",
  "console-helpdesk-done-close",
];

function describeMessage(message: SupportMessage, t: Translate) {
  const who =
    message.from === "person"
      ? t("console-helpdesk-from-person")
      : message.from === "note"
        ? t("console-helpdesk-from-note", { name: message.byName || message.by || "" })
        : t("console-helpdesk-from-staff", { name: message.byName || message.by || "" });
  return {
    from: message.from,
    who,
    text: message.text,
    at: formatDateTime(message.createdAt),
    closing: !!message.closing,
  };
}
