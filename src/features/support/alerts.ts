/**
 * Help-desk alerts in chat: a new ticket to every staff member of its scope who has alerts on
 * (turned off on /console/account), and the person's next message to whoever holds the ticket.
 * Staff have no language of their own in the staff record, so alerts use the default one.
 */
import type { Locale, Translate } from "../../core/i18n.js";
import type { Notify } from "../../core/notifier.js";
import type { StaffDirectory } from "../staff/directory.js";
import type { SupportTicket } from "./model.js";

export interface Alerts {
  newTicket(ticket: SupportTicket): Promise<void>;
  holder(ticket: SupportTicket, compose: (t: Translate) => string): Promise<void>;
}

/** A question as long as an alert should quote it. */
const PREVIEW = 200;

export function createAlerts(deps: {
  staff: StaffDirectory;
  notify: Notify;
  consoleUrl: string;
  locale: Locale;
}): Alerts {
  const linkOf = (code: string) => `${deps.consoleUrl}/helpdesk/${code}`;
  const tell = (
    member: { channel: SupportTicket["channel"]; userId: string },
    text: (t: Translate) => string,
  ) =>
    deps.notify({ channel: member.channel, chatId: member.userId, locale: deps.locale }, (t) => [
      { kind: "text", text: text(t) },
    ]);
  return {
    async newTicket(ticket) {
      const staff = await deps.staff.alertsFor(ticket.schoolCode);
      const question =
        ticket.question.length > PREVIEW ? `${ticket.question.slice(0, PREVIEW)}…` : ticket.question;
      await Promise.all(
        staff
          // Staff asking a question themselves need no alert about it.
          .filter((member) => member.channel !== ticket.channel || member.userId !== ticket.userId)
          .map((member) =>
            tell(member, (t) =>
              t("support-alert-new", {
                code: ticket.code,
                topic: t(`support-topic-${ticket.topic}`),
                question,
                link: linkOf(ticket.code),
              }),
            ),
          ),
      );
    },
    async holder(ticket, compose) {
      if (!ticket.assignedTo) return;
      const member = await deps.staff.get(ticket.assignedTo);
      if (!member?.alerts) return;
      await tell(member, (t) => `${compose(t)}\n${linkOf(ticket.code)}`);
    },
  };
}
