/**
 * What staff and teachers type: invites (/magv, /giaovien), creating a class (/taolop), their
 * classes (/lop) and a class's roster (/danhsach) with removing a parent. A roster shows
 * children's names, so every view is written to the audit log.
 */

import type { Tools } from "../../core/feature.js";
import { actorOf, hasRole } from "../../core/person.js";
import { chatKeyOf, type Reachability } from "../../core/sending/reachability.js";
import { layoutChoices, say, type Turn } from "../../core/turn.js";
import { readHumanCode } from "../../storage/human-code.js";
import type { Audit } from "../staff/audit.js";
import { CLASS_FORM } from "./class.form.js";
import { type InviteChannels, inviteMessages } from "./invite.js";
import type { MemberInfo, MemberService } from "./members.js";
import type { ClassInfo, ClassService } from "./service.js";
import type { TeacherService } from "./teachers.js";

export interface SchoolLookup {
  byCode(code: string): Promise<{ code: string; name: string } | null>;
}

export interface TeacherCommandDeps {
  teachers: TeacherService;
  classes: ClassService;
  members: MemberService;
  schools: SchoolLookup;
  audit: Audit;
  channels: InviteChannels | undefined;
  /** Who blocked the bot, to show on the roster. */
  reachability: Pick<Reachability, "blockedAmong"> | undefined;
}

export function teacherCommands(deps: TeacherCommandDeps) {
  const { teachers, classes, members } = deps;

  async function makeInvite(turn: Turn, args: string): Promise<void> {
    if (!hasRole(turn.person, "staff")) return say(turn, turn.t("staff-only"));
    const school = args.trim() ? await deps.schools.byCode(args.trim()) : null;
    if (!school) return say(turn, turn.t("class-invite-usage"));
    const code = await teachers.createInvite(school, actorOf(turn.person));
    say(turn, turn.t("class-teacher-invite-made", { code, school: school.name }));
  }

  async function redeem(turn: Turn, args: string): Promise<void> {
    const code = readHumanCode("GV", args);
    if (!code) return say(turn, turn.t("class-teacher-usage"));
    const result = await teachers.redeem(code, turn.person);
    if (result.kind === "not-found") return say(turn, turn.t("class-teacher-code-unknown", { code }));
    if (result.kind === "used") return say(turn, turn.t("class-teacher-code-used", { code }));
    if (!hasRole(turn.person, "teacher")) turn.person.roles.push("teacher");
    say(turn, turn.t("class-teacher-welcome", { school: result.school.name }));
  }

  async function createClass(turn: Turn, tools: Tools): Promise<void> {
    const schools = await teachers.schoolsOf(turn.person.channel, turn.person.userId);
    if (!hasRole(turn.person, "teacher") || schools.length === 0)
      return say(turn, turn.t("class-not-teacher"));
    await tools.dialogs.start(turn, CLASS_FORM, { schools });
  }

  async function listOwn(turn: Turn): Promise<void> {
    if (!hasRole(turn.person, "teacher")) return say(turn, turn.t("class-not-teacher"));
    const own = await classes.ofTeacher(turn.person.channel, turn.person.userId);
    if (own.length === 0) return say(turn, turn.t("class-none-yet"));
    const lines = await Promise.all(
      own.map(async (cls) => {
        const [roster, groups] = await Promise.all([members.roster(cls.id), members.groupsOf(cls.id)]);
        const linked = groups.filter((g) => g.active).length;
        return turn.t("class-list-line", {
          name: cls.name,
          code: cls.code,
          year: cls.schoolYear,
          parents: roster.length,
          groups: linked,
        });
      }),
    );
    say(turn, `${turn.t("class-list-intro")}\n\n${lines.join("\n")}`);
  }

  /** The class a teacher named, or a reply saying why there is none. */
  async function ownClass(turn: Turn, typed: string): Promise<ClassInfo | undefined> {
    if (!hasRole(turn.person, "teacher")) {
      say(turn, turn.t("class-not-teacher"));
      return undefined;
    }
    const cls = await classes.findOwn(turn.person.channel, turn.person.userId, typed);
    if (!cls) say(turn, turn.t("class-which", { typed: typed || "—" }));
    return cls;
  }

  async function roster(turn: Turn, args: string): Promise<void> {
    const cls = await ownClass(turn, args.trim());
    if (!cls) return;
    const [list, groups] = await Promise.all([members.roster(cls.id), members.groupsOf(cls.id)]);
    await deps.audit(actorOf(turn.person), "read-class-roster", cls.code);
    const linked = groups.filter((g) => g.active).length;
    const head = turn.t("class-roster-head", { name: cls.name, parents: list.length, groups: linked });
    if (list.length === 0) return say(turn, `${head}\n\n${turn.t("class-roster-empty", { code: cls.code })}`);
    const blocked = (await deps.reachability?.blockedAmong(list)) ?? new Set<string>();
    const lines = list.map((m, i) => `${i + 1}. ${memberLine(turn, m, blocked.has(chatKeyOf(m)))}`);
    const buttons = turn.capabilities.buttons
      ? layoutChoices(
          list.map((m, i) => ({ value: `lopxoa:${m.id}`, label: `✖️ ${i + 1}` })),
          4,
        )
      : undefined;
    say(
      turn,
      `${head}\n\n${lines.join("\n")}\n\n${turn.t("class-roster-remove-hint", { name: cls.name })}`,
      buttons,
    );
  }

  function memberLine(turn: Turn, m: MemberInfo, blocked: boolean): string {
    const how = blocked ? "class-member-blocked" : `class-member-${m.delivery}`;
    return `${m.childName} · ${m.channel} · ${turn.t(how)}`;
  }

  /** "/xoaph 6A1 2": removes the second parent of the roster at once, naming who it was. */
  async function removeByNumber(turn: Turn, args: string): Promise<void> {
    const match = /^(.*?)\s*(\d{1,3})$/.exec(args.trim());
    const cls = await ownClass(turn, match?.[1] ?? "");
    if (!cls) return;
    const target = match ? (await members.roster(cls.id))[Number(match[2]) - 1] : undefined;
    if (!target) return say(turn, turn.t("class-roster-remove-hint", { name: cls.name }));
    await removeMember(turn, target);
  }

  async function removeMember(turn: Turn, member: MemberInfo): Promise<void> {
    const cls = await classes.byId(member.classId);
    if (!cls || !classes.isTeacherOf(cls, turn.person)) return say(turn, turn.t("class-not-yours"));
    await members.remove(member.id);
    await deps.audit(actorOf(turn.person), "remove-class-member", cls.code);
    say(turn, turn.t("class-member-removed", { child: member.childName, name: cls.name }));
  }

  /** Buttons under a roster: "lopxoa:<id>" asks again, "lopxoaok:<id>" removes. */
  async function askRemove(turn: Turn, memberId: string): Promise<void> {
    if (memberId === "keep") return say(turn, turn.t("class-member-kept"));
    const member = await members.byId(memberId);
    const cls = member && (await classes.byId(member.classId));
    if (!member || !cls || !classes.isTeacherOf(cls, turn.person))
      return say(turn, turn.t("class-not-yours"));
    say(turn, turn.t("class-member-remove-confirm", { child: member.childName, name: cls.name }), [
      [
        { value: `lopxoaok:${member.id}`, label: turn.t("class-yes") },
        { value: "lopxoa:keep", label: turn.t("class-no") },
      ],
    ]);
  }

  async function confirmRemove(turn: Turn, memberId: string): Promise<void> {
    const member = await members.byId(memberId);
    if (!member) return say(turn, turn.t("class-member-gone"));
    await removeMember(turn, member);
  }

  async function showInvite(turn: Turn, args: string): Promise<void> {
    const cls = await ownClass(turn, args.trim());
    if (!cls) return;
    const invite = await inviteMessages(cls, turn.t, {
      channels: deps.channels,
      channel: turn.message.channel,
    });
    turn.replies.push(...invite);
  }

  return {
    makeInvite,
    redeem,
    createClass,
    listOwn,
    roster,
    removeByNumber,
    askRemove,
    confirmRemove,
    showInvite,
  };
}
