/**
 * Teachers and classes: staff invite teachers, teachers create classes and link the parents'
 * groups, parents join by link or code. Clips pushed to these classes live in ../clips/.
 */

import type { Connection } from "mongoose";
import type { Feature } from "../../core/feature.js";
import type { RecordLock } from "../../core/lock.js";
import type { Reachability } from "../../core/sending/reachability.js";
import { say } from "../../core/turn.js";
import { createClipService } from "../clips/service.js";
import type { FeatureFactory } from "../context.js";
import { createAudit } from "../staff/audit.js";
import { classForm } from "./class.form.js";
import { groupHandlers } from "./groups.js";
import type { InviteChannels } from "./invite.js";
import { type CountRecentClips, joinForm } from "./join.form.js";
import { joinHandlers } from "./join.js";
import { createMemberService } from "./members.js";
import { createClassesPrivacy } from "./privacy.js";
import { createClassService } from "./service.js";
import { type SchoolLookup, teacherCommands } from "./teacher-commands.js";
import { type AddRole, createTeacherService } from "./teachers.js";

export interface ClassesFeatureDeps {
  mongo: Connection;
  lock: RecordLock;
  /** The people service's addRole: redeeming an invite makes a teacher, joining a class a parent. */
  addRole: AddRole;
  /** The school directory, to check the school code of a teacher invite. */
  schools: SchoolLookup;
  /** The running channels: the bot's deep link for parents and whether a QR picture can go out. */
  channels?: InviteChannels;
  reachability?: Pick<Reachability, "blockedAmong">;
  /** Offers a parent who just joined the class's recent clips (clips' service countRecent). */
  countRecentClips?: CountRecentClips;
}

const TEACHER_CODE = /^\s*gv[\s-]*[a-z0-9]{6}\s*$/i;
const CLASS_CODE = /^\s*lop[\s-]*[a-z0-9]{6}\s*$/i;

export const classesFeature: FeatureFactory = (ctx) => {
  const clips = createClipService(ctx.mongo);
  return createClassesFeature({
    mongo: ctx.mongo,
    lock: ctx.lock,
    addRole: (person, role) => ctx.people.addRole(person, role),
    schools: ctx.schools,
    channels: ctx.channels,
    reachability: ctx.reachability,
    countRecentClips: (ids, days) => clips.countRecent(ids, days),
  });
};

export function createClassesFeature(deps: ClassesFeatureDeps): Feature {
  const teachers = createTeacherService(deps.mongo, deps.addRole, deps.lock);
  const classes = createClassService(deps.mongo);
  const members = createMemberService(deps.mongo);
  const privacy = createClassesPrivacy(deps.mongo);
  const commands = teacherCommands({
    teachers,
    classes,
    members,
    schools: deps.schools,
    audit: createAudit(deps.mongo),
    channels: deps.channels,
    reachability: deps.reachability,
  });
  const groups = groupHandlers(classes, members);
  const startJoin = joinHandlers(classes, members);

  return {
    name: "classes",
    describePersonalData: (person) => privacy.describe(person),
    erasePersonalData: (person) => privacy.erase(person),
    forms: [classForm(classes, deps.channels), joinForm(members, deps.addRole, deps.countRecentClips)],
    menu: [
      {
        value: "class-new",
        labelKey: "menu-class-new",
        roles: ["teacher"],
        run: (turn, tools) => commands.createClass(turn, tools),
      },
      {
        value: "class-mine",
        labelKey: "menu-class-mine",
        roles: ["teacher"],
        run: (turn) => commands.listOwn(turn),
      },
      {
        value: "class-join",
        labelKey: "menu-class-join",
        run: async (turn) => say(turn, turn.t("class-join-how")),
      },
    ],
    commands: {
      magv: (turn, args) => commands.makeInvite(turn, args),
      giaovien: (turn, args) => commands.redeem(turn, args),
      taolop: (turn, _args, tools) => commands.createClass(turn, tools),
      lop: (turn) => commands.listOwn(turn),
      moilop: (turn, args) => commands.showInvite(turn, args),
      danhsach: (turn, args) => commands.roster(turn, args),
      xoaph: (turn, args) => commands.removeByNumber(turn, args),
      lienket: (turn, args) => groups.link(turn, args),
      vaolop: (turn, args, tools) => startJoin(turn, args, tools),
    },
    // Linking is done in the group itself; it names only the class.
    groupCommands: ["lienket"],
    deepLinks: { lop: (turn, args, tools) => startJoin(turn, args, tools) },
    actions: {
      lopxoa: (turn, rest) => commands.askRemove(turn, rest),
      lopxoaok: (turn, rest) => commands.confirmRemove(turn, rest),
    },
    async onContent(turn, tools) {
      const content = turn.message.content;
      if (content.kind !== "text") return false;
      if (TEACHER_CODE.test(content.text)) await commands.redeem(turn, content.text);
      else if (CLASS_CODE.test(content.text)) await startJoin(turn, content.text, tools);
      else return false;
      return true;
    },
    onEvent: (turn) => groups.onEvent(turn),
  };
}
