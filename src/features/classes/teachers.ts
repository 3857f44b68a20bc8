/**
 * Who may teach: staff make a single-use invite for a school (GV-…), a teacher redeems it and
 * gets the "teacher" role. The invite is consumed under its Redis lease (core/lock.ts), so two
 * people typing the same code at once cannot both become teachers with it, on any store.
 */
import type { Connection } from "mongoose";
import type { RecordLock } from "../../core/lock.js";
import type { ChannelName } from "../../core/messages.js";
import type { Person, Role } from "../../core/person.js";
import { humanCode } from "../../storage/human-code.js";
import { asDuplicateKey } from "../../storage/unique-insert.js";
import { type TeacherInvite, type TeacherRecord, teacherInviteModel, teacherModel } from "./model.js";

export type AddRole = (person: Pick<Person, "channel" | "userId">, role: Role) => Promise<void>;
export interface School {
  code: string;
  name: string;
}
export type RedeemResult = { kind: "teacher"; school: School } | { kind: "not-found" } | { kind: "used" };

const CODE_ATTEMPTS = 5;

export function createTeacherService(connection: Connection, addRole: AddRole, lock: RecordLock) {
  const Invites = teacherInviteModel(connection);
  const Teachers = teacherModel(connection);
  const who = (person: Pick<Person, "channel" | "userId">) => `${person.channel}:${person.userId}`;

  async function createInvite(school: School, createdBy: string): Promise<string> {
    for (let attempt = 1; ; attempt++) {
      const code = humanCode("GV");
      try {
        await Invites.create({ code, schoolCode: school.code, schoolName: school.name, createdBy });
        return code;
      } catch (error) {
        // A clash of random codes is rare; only the code is unique here.
        if (!asDuplicateKey(error) || attempt >= CODE_ATTEMPTS) throw error;
      }
    }
  }

  async function redeem(code: string, person: Pick<Person, "channel" | "userId">): Promise<RedeemResult> {
    const usedBy = who(person);
    const invite = await lock(`invite:${code}`, async () => {
      const found = await Invites.findOne({ code }).lean<TeacherInvite>();
      if (!found || found.usedBy) return found;
      const used = { usedBy, usedAt: new Date() };
      await Invites.updateOne({ code }, { $set: used });
      return { ...found, ...used };
    });
    if (!invite) return { kind: "not-found" };
    // The same teacher typing their code again is fine; anyone else finds it used.
    if (invite.usedBy !== usedBy) return { kind: "used" };
    try {
      await Teachers.create({
        channel: person.channel,
        userId: person.userId,
        schoolCode: invite.schoolCode,
        schoolName: invite.schoolName,
        inviteCode: code,
      });
    } catch (error) {
      if (!asDuplicateKey(error)) throw error;
    }
    await addRole(person, "teacher");
    return { kind: "teacher", school: { code: invite.schoolCode, name: invite.schoolName } };
  }

  async function schoolsOf(channel: ChannelName, userId: string): Promise<School[]> {
    const records = await Teachers.find({ channel, userId }).sort({ createdAt: 1 }).lean<TeacherRecord[]>();
    return records.map((r) => ({ code: r.schoolCode, name: r.schoolName }));
  }

  return { createInvite, redeem, schoolsOf };
}

export type TeacherService = ReturnType<typeof createTeacherService>;
