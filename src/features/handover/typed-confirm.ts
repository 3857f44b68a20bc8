/**
 * The parent's "Đã nhận" typed instead of tapped (on a channel without buttons the button is a
 * numbered line): outside any form, a whole message that is one of the confirm words, from a
 * parent with a gift handed over and not yet confirmed, confirms the latest such line. Numbers
 * are left to the menu the chat shows, and anything longer than a word or two is a message.
 */
import { type Connection, trusted } from "mongoose";
import { matchTyped } from "../../core/dialog/match-choice.js";
import { optionWords } from "../../core/dialog/option-words.js";
import { say, type Turn } from "../../core/turn.js";
import { type AllocationLine, lineModel } from "../allocation/model.js";
import type { RequestService } from "../requests/service.js";
import type { HandoverService } from "./service.js";

export function typedConfirm(connection: Connection, requests: RequestService, handover: HandoverService) {
  const Lines = lineModel(connection);
  return async function onContent(turn: Turn): Promise<boolean> {
    const content = turn.message.content;
    if (content.kind !== "text" || turn.message.chatKind !== "private" || /\d/.test(content.text))
      return false;
    const option = {
      value: "yes",
      label: turn.t("handover-confirm-button"),
      synonymsKey: "handover-confirm-words",
    };
    const match = matchTyped(content.text, [option], optionWords(turn.t), { inside: false });
    if (match.kind !== "one") return false;
    const own = await requests.mine(turn.message.channel, turn.message.userId);
    const codes = own.filter((request) => request.status === "delivered").map((request) => request.code);
    if (codes.length === 0) return false;
    const [line] = await Lines.find({ requestCode: trusted({ $in: codes }), status: "handed-over" })
      .sort({ handedOverAt: -1 })
      .limit(1)
      .lean<AllocationLine[]>();
    if (!line) return false;
    const result = await handover.confirm(line.code, {
      channel: turn.message.channel,
      userId: turn.message.userId,
    });
    say(turn, turn.t(result === "confirmed" ? "handover-confirmed" : "handover-confirm-already"));
    return true;
  };
}
