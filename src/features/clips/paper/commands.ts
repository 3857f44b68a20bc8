/**
 * "/baigiay 6A1": the class's families, those collecting paper lessons ticked and those ChoEm
 * suggests marked; "/baigiay 6A1 2" (or "2, 5") marks or unmarks them. The teacher decides who
 * collects paper lessons; ChoEm only suggests from what the requests say about home.
 */
import { actorOf, hasRole } from "../../../core/person.js";
import { say, type Turn } from "../../../core/turn.js";
import type { MemberService } from "../../classes/members.js";
import type { ClassService } from "../../classes/service.js";
import type { Audit } from "../../staff/audit.js";
import type { PaperFamilies } from "./families.js";

export interface PaperCommandDeps {
  classes: ClassService;
  members: MemberService;
  families: PaperFamilies;
  audit: Audit;
}

export function paperCommands(deps: PaperCommandDeps) {
  return async function paperRoster(turn: Turn, args: string): Promise<void> {
    if (!hasRole(turn.person, "teacher")) return say(turn, turn.t("class-not-teacher"));
    const { typedClass, numbers } = readArgs(args);
    const cls = await deps.classes.findOwn(turn.person.channel, turn.person.userId, typedClass);
    if (!cls) return say(turn, turn.t("class-which", { typed: typedClass || "—" }));
    let roster = await deps.members.roster(cls.id);
    const toggled = numbers.map((n) => roster[n - 1]).filter((m) => m !== undefined);
    if (numbers.length > 0 && toggled.length !== numbers.length)
      return say(turn, turn.t("paper-roster-number", { name: cls.name, count: roster.length }));
    for (const member of toggled) await deps.members.setPaper(member.id, !member.paper);
    if (toggled.length > 0) {
      await deps.audit(actorOf(turn.person), "mark-paper-families", cls.code, String(toggled.length));
      roster = await deps.members.roster(cls.id);
    }
    await deps.audit(actorOf(turn.person), "read-class-roster", cls.code);
    if (roster.length === 0) return say(turn, turn.t("class-roster-empty", { code: cls.code }));
    const suggested = await deps.families.suggested(roster);
    const lines = roster.map((m, i) => {
      const mark = m.paper ? "📄 " : "";
      const hint = suggested.has(m.id) ? ` (${turn.t("paper-roster-suggested")})` : "";
      return `${i + 1}. ${mark}${m.childName}${hint}`;
    });
    const marked = roster.filter((m) => m.paper).length;
    say(
      turn,
      [
        turn.t("paper-roster-head", { name: cls.name, count: marked }),
        lines.join("\n"),
        turn.t("paper-roster-hint", { name: cls.name }),
      ].join("\n\n"),
    );
  };
}

const NUMBERS = /^\d{1,3}(?:[\s,;]+\d{1,3})*[,;]?$/;

/** "6A1 2, 5": the class, then the numbers to mark or unmark; "2" alone with one class. */
function readArgs(args: string): { typedClass: string; numbers: number[] } {
  const words = args.trim().split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const tail = words.slice(i).join(" ");
    if (NUMBERS.test(tail)) {
      const numbers = tail
        .split(/[\s,;]+/)
        .filter(Boolean)
        .map(Number);
      return { typedClass: words.slice(0, i).join(" "), numbers };
    }
  }
  return { typedClass: words.join(" "), numbers: [] };
}
