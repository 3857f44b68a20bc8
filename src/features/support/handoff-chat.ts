/**
 * The person's side of a ticket a staff member holds: what they type outside a form joins the
 * ticket instead of "ChoEm chưa hiểu ý…", they are told once that staff answer here, with a
 * button to end the conversation ("ht:end:<code>").
 */
import type { Tools } from "../../core/feature.js";
import { say, type Turn } from "../../core/turn.js";
import { readHumanCode } from "../../storage/human-code.js";
import { type Desk, staffNamed } from "./desk.js";

export function handoffChat(desk: Desk) {
  return {
    async onContent(turn: Turn): Promise<boolean> {
      const content = turn.message.content;
      if (content.kind !== "text" || turn.message.chatKind !== "private") return false;
      const wrote = await desk.personWrites(turn.message.channel, turn.message.userId, content.text);
      if (!wrote) return false;
      if (wrote.firstTime) {
        const end = { value: `ht:end:${wrote.ticket.code}`, label: turn.t("support-end-button") };
        // Without buttons the option is a numbered line; a typed "1" must find it.
        turn.session.menu = [end];
        say(
          turn,
          turn.t("support-handoff", {
            staff: staffNamed(wrote.ticket.assignedName, turn.t),
            code: wrote.ticket.code,
          }),
          [[end]],
        );
      }
      return true;
    },

    async action(turn: Turn, rest: string, tools: Tools): Promise<void> {
      const [verb, typed = ""] = rest.split(":");
      const code = verb === "end" ? readHumanCode("HT", typed) : undefined;
      const ended = code
        ? await desk.endByPerson(code, turn.message.channel, turn.message.userId)
        : undefined;
      say(turn, turn.t(ended ? "support-ended" : "support-end-gone", { code: code ?? typed }));
      await tools.showMenu(turn);
    },
  };
}
