/**
 * Group chats of a class. The teacher adds ChoEm to the parents' group and sends
 * "/lienket LOP-…" there (in groups the bot hears commands only). Telegram then tells us when
 * the bot is removed (group-left) or the group becomes a supergroup with a new id.
 */
import { say, type Turn } from "../../core/turn.js";
import { readHumanCode } from "../../storage/human-code.js";
import type { MemberService } from "./members.js";
import type { ClassService } from "./service.js";

export function groupHandlers(classes: ClassService, members: MemberService) {
  async function link(turn: Turn, args: string): Promise<void> {
    const { message } = turn;
    if (message.chatKind !== "group") return say(turn, turn.t("class-link-in-group"));
    const code = readHumanCode("LOP", args);
    const cls = code ? await classes.byCode(code) : null;
    if (!cls) return say(turn, turn.t("class-link-usage"));
    // Only the class's own teacher: a parent must not redirect the class's clips to another chat.
    if (!classes.isTeacherOf(cls, turn.person)) return say(turn, turn.t("class-link-teacher-only"));
    await members.linkGroup(cls.id, message.channel, message.chatId, `${message.channel}:${message.userId}`);
    say(turn, turn.t("class-linked", { name: cls.name, school: cls.schoolName }));
  }

  /** Group events; returns true when it was one of ours to handle. */
  async function onEvent(turn: Turn): Promise<boolean> {
    const { content, channel, chatId } = turn.message;
    switch (content.kind) {
      case "group-joined":
        say(turn, turn.t("class-group-hello"));
        return true;
      case "group-left":
        await members.setGroupActive(channel, chatId, false);
        return true;
      case "group-migrated":
        await members.migrateGroup(channel, chatId, content.newChatId);
        return true;
      default:
        return false;
    }
  }

  return { link, onEvent };
}
