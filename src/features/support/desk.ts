/**
 * What happens to a ticket after it is opened: a staff member takes it (once: two at the same
 * moment, one wins and the other is told who has it), replies, notes, closes it with a closing
 * message; the person writes more or ends the conversation. Each change is read-check-write
 * under the ticket's record lock (docs/storage-and-ferretdb.md#atomicity); messages are inserts.
 * The person is told through the sender, in their channel and language; the staff member who
 * holds the ticket is alerted in chat when the person writes again, unless alerts are off.
 */
import type { Connection } from "mongoose";
import type { StaffMember } from "../../core/console.js";
import type { Translate } from "../../core/i18n.js";
import type { RecordLock } from "../../core/lock.js";
import type { ChannelName } from "../../core/messages.js";
import type { Notify } from "../../core/notifier.js";
import type { Handoff } from "./handoff.js";
import { type SupportTicket, supportMessageModel, supportTicketModel } from "./model.js";

export type AssignResult =
  | { ok: true; ticket: SupportTicket }
  | { ok: false; why: "closed" }
  | { ok: false; why: "taken"; by: string };

export type PersonWrote = { ticket: SupportTicket; firstTime: boolean };

export interface DeskDeps {
  connection: Connection;
  lock: RecordLock;
  handoff: Handoff;
  notify: Notify;
  /** Alerts the staff member holding a ticket, if they still want alerts. */
  alertHolder(ticket: SupportTicket, compose: (t: Translate) => string): Promise<void>;
}

export interface Desk {
  assign(code: string, staff: StaffMember): Promise<AssignResult>;
  reply(code: string, staff: StaffMember, text: string): Promise<AssignResult>;
  note(code: string, staff: StaffMember, text: string): Promise<boolean>;
  close(code: string, staff: StaffMember, text: string): Promise<boolean>;
  /** The person's free text, when a staff member holds one of their open tickets. */
  personWrites(channel: ChannelName, userId: string, text: string): Promise<PersonWrote | undefined>;
  /** The person ends the conversation with staff; false when it was not theirs or is closed. */
  endByPerson(code: string, channel: ChannelName, userId: string): Promise<SupportTicket | undefined>;
}

/** How staff are named to the person: their name, or just "ChoEm's staff". */
export const staffNamed = (name: string | undefined, t: Translate) =>
  name ? t("support-staff-named", { name }) : t("support-staff");

export function createDesk(deps: DeskDeps): Desk {
  const Tickets = supportTicketModel(deps.connection);
  const Messages = supportMessageModel(deps.connection);
  const read = async (code: string) => (await Tickets.findOne({ code }).lean<SupportTicket>()) ?? undefined;
  const isOpen = (ticket: SupportTicket | undefined): ticket is SupportTicket =>
    !!ticket && ticket.status !== "closed";
  const recipientOf = (ticket: SupportTicket) => ({
    channel: ticket.channel,
    chatId: ticket.chatId,
    locale: ticket.locale as "vi" | "en",
  });
  const messageOf = (ticket: SupportTicket, staff: StaffMember, from: "staff" | "note", text: string) => ({
    ticketCode: ticket.code,
    channel: ticket.channel,
    userId: ticket.userId,
    from,
    by: staff.actor,
    byName: staff.name,
    text,
  });

  /** Under the ticket's lock: takes it for `staff` unless someone else has it. */
  async function take(ticket: SupportTicket | undefined, staff: StaffMember): Promise<AssignResult> {
    if (!isOpen(ticket)) return { ok: false, why: "closed" };
    if (ticket.assignedTo && ticket.assignedTo !== staff.actor)
      return { ok: false, why: "taken", by: ticket.assignedName || ticket.assignedTo };
    if (ticket.assignedTo === staff.actor) return { ok: true, ticket };
    const taken = { ...ticket, assignedTo: staff.actor, assignedName: staff.name };
    await Tickets.updateOne(
      { code: ticket.code },
      { $set: { assignedTo: staff.actor, assignedName: staff.name } },
    );
    await deps.handoff.start(ticket.channel, ticket.userId, ticket.code);
    return { ok: true, ticket: taken };
  }

  async function closeUnderLock(ticket: SupportTicket, by: string): Promise<void> {
    await Tickets.updateOne(
      { code: ticket.code },
      { $set: { status: "closed", closedAt: new Date(), closedBy: by }, $unset: { waitingSince: 1 } },
    );
    await deps.handoff.end(ticket.channel, ticket.userId, ticket.code);
  }

  return {
    assign: (code, staff) => deps.lock(`ticket:${code}`, async () => take(await read(code), staff)),

    async reply(code, staff, text) {
      const result = await deps.lock(`ticket:${code}`, async () => {
        // Answering a ticket nobody holds takes it: the person now talks to this staff member.
        const taken = await take(await read(code), staff);
        if (!taken.ok && taken.why === "closed") return taken;
        const ticket = taken.ok ? taken.ticket : await read(code);
        if (!ticket) return { ok: false as const, why: "closed" as const };
        await Messages.create(messageOf(ticket, staff, "staff", text));
        await Tickets.updateOne({ code }, { $unset: { waitingSince: 1 } });
        return { ok: true as const, ticket };
      });
      if (result.ok)
        await deps.notify(recipientOf(result.ticket), (t) => [
          {
            kind: "text",
            text: t("support-reply", { staff: staffNamed(staff.name, t), code, text }),
          },
        ]);
      return result;
    },

    async note(code, staff, text) {
      const ticket = await read(code);
      if (!ticket) return false;
      await Messages.create(messageOf(ticket, staff, "note", text));
      return true;
    },

    async close(code, staff, text) {
      const closed = await deps.lock(`ticket:${code}`, async () => {
        const ticket = await read(code);
        if (!isOpen(ticket)) return undefined;
        await Messages.create({ ...messageOf(ticket, staff, "staff", text), closing: true });
        await closeUnderLock(ticket, staff.actor);
        return ticket;
      });
      if (!closed) return false;
      await deps.notify(recipientOf(closed), (t) => [
        { kind: "text", text: t("support-closing", { staff: staffNamed(staff.name, t), code, text }) },
      ]);
      return true;
    },

    async personWrites(channel, userId, text) {
      const code = await deps.handoff.ticketOf(channel, userId);
      if (!code) return undefined;
      const wrote = await deps.lock(`ticket:${code}`, async () => {
        const ticket = await read(code);
        if (!isOpen(ticket) || !ticket.assignedTo || ticket.channel !== channel || ticket.userId !== userId) {
          // A key left behind (a crash between close and delete): the text is not for staff.
          await deps.handoff.end(channel, userId, code);
          return undefined;
        }
        await Messages.create({ ticketCode: code, channel, userId, from: "person", text });
        const now = new Date();
        const firstTime = !ticket.handoffToldAt;
        const wasWaiting = !!ticket.waitingSince;
        await Tickets.updateOne(
          { code },
          {
            $set: {
              ...(wasWaiting ? {} : { waitingSince: now }),
              ...(firstTime ? { handoffToldAt: now } : {}),
            },
          },
        );
        return { ticket, firstTime, wasWaiting };
      });
      if (!wrote) return undefined;
      // One alert per wait: the holder hears of the first message since their last answer.
      if (!wrote.wasWaiting)
        await deps.alertHolder(wrote.ticket, (t) => t("support-alert-more", { code, text }));
      return { ticket: wrote.ticket, firstTime: wrote.firstTime };
    },

    async endByPerson(code, channel, userId) {
      const ended = await deps.lock(`ticket:${code}`, async () => {
        const ticket = await read(code);
        if (!isOpen(ticket) || ticket.channel !== channel || ticket.userId !== userId) return undefined;
        await closeUnderLock(ticket, "person");
        return ticket;
      });
      if (ended) await deps.alertHolder(ended, (t) => t("support-alert-ended", { code }));
      return ended;
    },
  };
}
