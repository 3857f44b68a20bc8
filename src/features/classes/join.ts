/** A parent reaching a class: by the Telegram deep link (/start lop_…), /vaolop, or the code typed alone. */
import type { Tools } from "../../core/feature.js";
import { say, type Turn } from "../../core/turn.js";
import { readHumanCode } from "../../storage/human-code.js";
import { JOIN_FORM } from "./join.form.js";
import type { MemberService } from "./members.js";
import type { ClassService } from "./service.js";

/** "LOP-7K2M9Q", "lop 7k2m9q", or the deep link's "7K2M9Q" alone. */
export function readClassCode(typed: string): string | undefined {
  const compact = typed.toUpperCase().replace(/[^A-Z0-9]/g, "");
  return readHumanCode("LOP", compact.startsWith("LOP") ? compact : `LOP${compact}`);
}

export function joinHandlers(classes: ClassService, members: MemberService) {
  return async function startJoin(turn: Turn, typed: string, tools: Tools): Promise<void> {
    if (turn.message.chatKind === "group") return say(turn, turn.t("class-join-private-only"));
    const code = readClassCode(typed);
    const cls = code ? await classes.byCode(code) : null;
    if (!cls) return say(turn, turn.t("class-not-found", { code: code ?? typed }));
    const mine = await members.of(turn.person.channel, turn.person.userId);
    if (mine.some((m) => m.classId === cls.id))
      return say(turn, turn.t("class-join-already", { name: cls.name }));
    await tools.dialogs.start(turn, JOIN_FORM, {
      classId: cls.id,
      className: cls.name,
      schoolName: cls.schoolName,
    });
  };
}
