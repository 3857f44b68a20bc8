/**
 * What the classes feature keeps about a person, for "Dữ liệu của tôi": as a parent, the
 * memberships (the child's name and class); as a teacher, the teacher record, the classes they
 * made, the lessons they pushed, the invite they redeemed and the groups they linked. Erasing
 * deletes memberships and teacher records; classes and lessons stay for the other parents and
 * the counts, cut from the teacher (their chat can no longer be reached, nor found by id).
 */
import { type Connection, isValidObjectId, type Types, trusted } from "mongoose";
import type { PersonalDataItem, PersonRef } from "../../core/feature.js";
import { clipModel } from "../clips/model.js";
import { classModel, groupLinkModel, membershipModel, teacherInviteModel, teacherModel } from "./model.js";

export function createClassesPrivacy(connection: Connection) {
  const Members = membershipModel(connection);
  const Classes = classModel(connection);
  const Teachers = teacherModel(connection);
  const Invites = teacherInviteModel(connection);
  const Groups = groupLinkModel(connection);
  const Clips = clipModel(connection);
  const who = (person: PersonRef) => `${person.channel}:${person.userId}`;
  const asTeacher = (person: PersonRef) => ({
    "teacher.channel": person.channel,
    "teacher.userId": person.userId,
  });

  async function describe(person: PersonRef): Promise<PersonalDataItem[]> {
    const own = { channel: person.channel, userId: person.userId };
    const memberships = await Members.find(own).lean<Array<{ classId: string; childName: string }>>();
    const joined = await Classes.find({
      _id: trusted({ $in: memberships.map((m) => m.classId).filter(isValidObjectId) }),
    }).lean<Array<{ _id: Types.ObjectId; name: string; code: string }>>();
    const nameOf = (id: string) => joined.find((c) => String(c._id) === id);
    const items: PersonalDataItem[] = memberships.map((m) => ({
      key: "privacy-class-member",
      values: { child: m.childName, class: nameOf(m.classId)?.name ?? "—" },
    }));
    for (const teacher of await Teachers.find(own).lean<Array<{ schoolName: string }>>())
      items.push({ key: "privacy-teacher", values: { school: teacher.schoolName } });
    for (const cls of await Classes.find({ teacherKey: who(person) }).lean<
      Array<{ name: string; code: string }>
    >())
      items.push({ key: "privacy-teacher-class", values: { name: cls.name, code: cls.code } });
    const clips = await Clips.countDocuments(asTeacher(person));
    if (clips > 0) items.push({ key: "privacy-teacher-clips", values: { count: clips } });
    return items;
  }

  async function erase(person: PersonRef): Promise<number> {
    const own = { channel: person.channel, userId: person.userId };
    let count = (await Members.deleteMany(own)).deletedCount + (await Teachers.deleteMany(own)).deletedCount;
    const classes = await Classes.find({ teacherKey: who(person) }, { _id: 1, teacher: 1 }).lean<
      Array<{ _id: Types.ObjectId; teacher?: { locale?: string } }>
    >();
    for (const cls of classes) {
      // teacherKey is part of a unique index (one class name per teacher): each class its own.
      const teacher = {
        channel: person.channel,
        userId: "erased",
        chatId: "erased",
        locale: cls.teacher?.locale ?? "vi",
      };
      await Classes.updateOne(
        { _id: cls._id },
        { $set: { teacher, teacherKey: `erased:${String(cls._id)}` } },
      );
    }
    count += classes.length;
    count += (
      await Clips.updateMany(asTeacher(person), {
        $set: { "teacher.userId": "erased", "teacher.chatId": "erased" },
      })
    ).modifiedCount;
    count += (await Invites.updateMany({ usedBy: who(person) }, { $set: { usedBy: "erased" } }))
      .modifiedCount;
    count += (await Groups.updateMany({ linkedBy: who(person) }, { $set: { linkedBy: "erased" } }))
      .modifiedCount;
    return count;
  }

  return { describe, erase };
}
