/**
 * Teachers, classes and who belongs to them. A class has a parents' invite code (LOP-…), its
 * members (a parent and their child's name: personal data, Decree 13/2023) and the group
 * chats linked to it. A teacher invite (GV-…) is single use: it is redeemed under its lock
 * (teachers.ts).
 */
import { type Connection, type Model, Schema } from "mongoose";
import type { ChannelName } from "../../core/messages.js";
import { modelOn } from "../../storage/model-on.js";

/** Someone reachable in chat: enough to send them a message in their language. */
export interface ChatRef {
  channel: ChannelName;
  userId: string;
  chatId: string;
  locale: string;
}

export interface TeacherInvite {
  code: string;
  schoolCode: string;
  schoolName: string;
  createdBy: string;
  createdAt: Date;
  usedBy?: string;
  usedAt?: Date;
}

/** A teacher at one school; a teacher at two schools has two. */
export interface TeacherRecord {
  channel: ChannelName;
  userId: string;
  schoolCode: string;
  schoolName: string;
  inviteCode: string;
  createdAt: Date;
}

export interface ClassRecord {
  code: string;
  idempotencyKey: string;
  teacher: ChatRef;
  /** "channel:userId" of the teacher, for the one-class-per-name index. */
  teacherKey: string;
  schoolCode: string;
  schoolName: string;
  name: string;
  grade: number;
  schoolYear: string;
  /** The parents also have a Zalo group the teacher runs: clips come to the teacher to forward. */
  zaloGroup: boolean;
  createdAt: Date;
}

export interface Membership extends ChatRef {
  classId: string;
  childName: string;
  /** "direct": clips come to this chat; "group": only through the class group, when there is one. */
  delivery: "direct" | "group";
  /** The family collects printed lessons at school (no device at home): set by the teacher. */
  paper?: boolean;
  idempotencyKey: string;
  joinedAt: Date;
}

export interface GroupLink {
  classId: string;
  channel: ChannelName;
  chatId: string;
  active: boolean;
  linkedBy: string;
  linkedAt: Date;
}

const chatRef = { channel: String, userId: String, chatId: String, locale: String };

const inviteSchema = new Schema<TeacherInvite>({
  code: { type: String, required: true, unique: true },
  schoolCode: { type: String, required: true },
  schoolName: { type: String, required: true },
  createdBy: { type: String, required: true },
  createdAt: { type: Date, default: () => new Date() },
  usedBy: String,
  usedAt: Date,
});

const teacherSchema = new Schema<TeacherRecord>({
  channel: { type: String, required: true },
  userId: { type: String, required: true },
  schoolCode: { type: String, required: true },
  schoolName: { type: String, required: true },
  inviteCode: { type: String, required: true },
  createdAt: { type: Date, default: () => new Date() },
});
teacherSchema.index({ channel: 1, userId: 1, schoolCode: 1 }, { unique: true });

const classSchema = new Schema<ClassRecord>({
  code: { type: String, required: true, unique: true },
  idempotencyKey: { type: String, required: true, unique: true },
  teacher: { type: chatRef, _id: false },
  teacherKey: { type: String, required: true },
  schoolCode: { type: String, required: true },
  schoolName: { type: String, required: true },
  name: { type: String, required: true },
  grade: { type: Number, required: true },
  schoolYear: { type: String, required: true },
  zaloGroup: { type: Boolean, default: false },
  createdAt: { type: Date, default: () => new Date() },
});
classSchema.index({ teacherKey: 1, schoolCode: 1, schoolYear: 1, name: 1 }, { unique: true });

const memberSchema = new Schema<Membership>({
  classId: { type: String, required: true },
  channel: { type: String, required: true },
  userId: { type: String, required: true },
  chatId: { type: String, required: true },
  locale: { type: String, required: true },
  childName: { type: String, required: true, personal: true },
  delivery: { type: String, required: true },
  paper: { type: Boolean, default: undefined },
  idempotencyKey: { type: String, required: true, unique: true },
  joinedAt: { type: Date, default: () => new Date() },
});
// One membership per parent per class: twins share one, with both names.
memberSchema.index({ classId: 1, channel: 1, userId: 1 }, { unique: true });
memberSchema.index({ channel: 1, userId: 1 });

const groupSchema = new Schema<GroupLink>({
  classId: { type: String, required: true },
  channel: { type: String, required: true },
  chatId: { type: String, required: true },
  active: { type: Boolean, default: true },
  linkedBy: { type: String, required: true },
  linkedAt: { type: Date, default: () => new Date() },
});
groupSchema.index({ classId: 1, channel: 1, chatId: 1 }, { unique: true });
groupSchema.index({ channel: 1, chatId: 1 });

export const teacherInviteModel = (c: Connection): Model<TeacherInvite> =>
  modelOn(c, "TeacherInvite", inviteSchema, "teacher_invites");
export const teacherModel = (c: Connection): Model<TeacherRecord> =>
  modelOn(c, "Teacher", teacherSchema, "teachers");
export const classModel = (c: Connection): Model<ClassRecord> => modelOn(c, "Class", classSchema, "classes");
export const membershipModel = (c: Connection): Model<Membership> =>
  modelOn(c, "Membership", memberSchema, "class_members");
export const groupLinkModel = (c: Connection): Model<GroupLink> =>
  modelOn(c, "GroupLink", groupSchema, "class_groups");
