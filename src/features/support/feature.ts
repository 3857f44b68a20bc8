/**
 * The help desk: anyone can leave a question for staff from the main menu or with /hoicanbo.
 * Staff of the question's scope are alerted in chat and answer from the console's help desk
 * (pages.ts); while one of them holds the ticket, what the person types joins it
 * (handoff-chat.ts). docs/staff-console.md#the-help-desk.
 */
import type { Connection } from "mongoose";
import type { Feature } from "../../core/feature.js";
import type { ChannelName } from "../../core/messages.js";
import { formatDateTime } from "../../core/text/format-date.js";
import { formatPhone } from "../../core/text/parse-phone.js";
import type { FeatureContext, FeatureFactory } from "../context.js";
import { requestModel } from "../requests/model.js";
import { type Alerts, createAlerts } from "./alerts.js";
import { createDesk, type Desk } from "./desk.js";
import { createHandoff, type Handoff } from "./handoff.js";
import { handoffChat } from "./handoff-chat.js";
import { helpdeskPages } from "./pages.js";
import { createSupportService } from "./service.js";
import { supportForm } from "./support.form.js";

/** The staff side: alerts, the desk, the console pages. Without it the form only files tickets. */
export interface Helpdesk {
  alerts: Alerts;
  desk: Desk;
  handoff: Handoff;
  /** The school a new ticket belongs to: that of the person's latest request, if any. */
  schoolOf(person: { channel: ChannelName; userId: string }): Promise<string | undefined>;
}

export const supportFeature: FeatureFactory = (ctx) => createSupportFeature(ctx.mongo, helpdeskOf(ctx));

export function helpdeskOf(ctx: FeatureContext): Helpdesk {
  const handoff = createHandoff(ctx.redis, ctx.prefix);
  const alerts = createAlerts({
    staff: ctx.staff,
    notify: ctx.sender.notify,
    consoleUrl: `${ctx.config.publicUrl}/console`,
    locale: ctx.i18n.defaultLocale,
  });
  const Requests = requestModel(ctx.mongo);
  return {
    alerts,
    handoff,
    desk: createDesk({
      connection: ctx.mongo,
      lock: ctx.lock,
      handoff,
      notify: ctx.sender.notify,
      alertHolder: alerts.holder,
    }),
    async schoolOf(person) {
      const latest = await Requests.findOne({ channel: person.channel, userId: person.userId })
        .sort({ createdAt: -1 })
        .lean<{ schoolCode?: string }>();
      return latest?.schoolCode || undefined;
    },
  };
}

export function createSupportFeature(connection: Connection, helpdesk?: Helpdesk): Feature {
  const support = createSupportService(connection);
  const chat = helpdesk ? handoffChat(helpdesk.desk) : undefined;
  return {
    name: "support",
    async describePersonalData(person, t) {
      const tickets = await support.mine(person.channel, person.userId);
      const messages = await support.messagesOf(person.channel, person.userId);
      return [
        ...tickets
          .filter((ticket) => ticket.question)
          .map((ticket) => ({
            key: "privacy-ticket",
            values: {
              code: ticket.code,
              question: ticket.question,
              phone: ticket.phone ? formatPhone(ticket.phone) : "—",
            },
          })),
        ...messages.map((message) => ({
          key: "privacy-ticket-message",
          values: {
            code: message.ticketCode,
            from: t(`privacy-ticket-from-${message.from}`),
            at: formatDateTime(message.createdAt),
            text: message.text,
          },
        })),
      ];
    },
    async erasePersonalData(person) {
      await helpdesk?.handoff.forget(person.channel, person.userId);
      return support.erase(person.channel, person.userId);
    },
    forms: [
      supportForm(support, {
        schoolOf: (person) => helpdesk?.schoolOf(person) ?? Promise.resolve(undefined),
        opened: (ticket) => helpdesk?.alerts.newTicket(ticket) ?? Promise.resolve(),
      }),
    ],
    menu: [
      {
        value: "support",
        labelKey: "menu-support",
        run: (turn, tools) => tools.dialogs.start(turn, "support"),
      },
    ],
    commands: {
      hoicanbo: (turn, _args, tools) => tools.dialogs.start(turn, "support"),
      support: (turn, _args, tools) => tools.dialogs.start(turn, "support"),
    },
    ...(chat && helpdesk
      ? {
          onContent: (turn) => chat.onContent(turn),
          actions: { ht: (turn, rest, tools) => chat.action(turn, rest, tools) },
          console: helpdeskPages(support, helpdesk.desk),
        }
      : {}),
  };
}
