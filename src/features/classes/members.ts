/**
 * Parents in a class and the group chats linked to it, with their delivery state: a parent who
 * blocks the bot, or a group that removes it, is skipped by the next broadcast and counted.
 */
import { type Connection, isValidObjectId } from "mongoose";
import type { ChannelName } from "../../core/messages.js";
import { asDuplicateKey } from "../../storage/unique-insert.js";
import { type ChatRef, type GroupLink, groupLinkModel, type Membership, membershipModel } from "./model.js";

export type MemberInfo = Membership & { id: string };
export type GroupInfo = GroupLink & { id: string };
export type JoinResult = { kind: "joined" | "already"; member: MemberInfo };

export function createMemberService(connection: Connection) {
  const Members = membershipModel(connection);
  const Groups = groupLinkModel(connection);
  const member = (doc: Membership & { _id: unknown }): MemberInfo => ({ ...doc, id: String(doc._id) });
  const group = (doc: GroupLink & { _id: unknown }): GroupInfo => ({ ...doc, id: String(doc._id) });

  async function join(
    input: ChatRef & Pick<Membership, "classId" | "childName" | "delivery" | "idempotencyKey">,
  ): Promise<JoinResult> {
    try {
      const created = await Members.create(input);
      return { kind: "joined", member: member(created.toObject()) };
    } catch (error) {
      if (!asDuplicateKey(error)) throw error;
      const existing = await Members.findOne({
        classId: input.classId,
        channel: input.channel,
        userId: input.userId,
      }).lean<Membership & { _id: unknown }>();
      if (!existing) throw error;
      // The same confirm repeated counts as joining; a second join of the same class does not.
      return {
        kind: existing.idempotencyKey === input.idempotencyKey ? "joined" : "already",
        member: member(existing),
      };
    }
  }

  const roster = async (classId: string) =>
    (await Members.find({ classId }).sort({ joinedAt: 1 }).lean<Array<Membership & { _id: unknown }>>()).map(
      member,
    );

  async function remove(memberId: string): Promise<MemberInfo | undefined> {
    if (!isValidObjectId(memberId)) return undefined;
    const removed = await Members.findOneAndDelete({ _id: memberId }).lean<Membership & { _id: unknown }>();
    return removed ? member(removed) : undefined;
  }

  const byId = async (memberId: string) => {
    if (!isValidObjectId(memberId)) return undefined;
    const doc = await Members.findById(memberId).lean<Membership & { _id: unknown }>();
    return doc ? member(doc) : undefined;
  };

  const of = async (channel: ChannelName, userId: string) =>
    (await Members.find({ channel, userId }).lean<Array<Membership & { _id: unknown }>>()).map(member);

  async function linkGroup(classId: string, channel: ChannelName, chatId: string, linkedBy: string) {
    await Groups.updateOne(
      { classId, channel, chatId },
      { $set: { active: true, linkedBy, linkedAt: new Date() } },
      { upsert: true },
    );
  }

  /** The teacher marks (or unmarks) a family as collecting paper lessons: one field, by `_id`. */
  async function setPaper(memberId: string, paper: boolean): Promise<void> {
    if (!isValidObjectId(memberId)) return;
    await Members.updateOne({ _id: memberId }, paper ? { $set: { paper: true } } : { $unset: { paper: 1 } });
  }

  const groupsOf = async (classId: string) =>
    (await Groups.find({ classId }).lean<Array<GroupLink & { _id: unknown }>>()).map(group);

  async function setGroupActive(channel: ChannelName, chatId: string, active: boolean): Promise<number> {
    return (await Groups.updateMany({ channel, chatId }, { $set: { active } })).modifiedCount;
  }

  /** A Telegram group became a supergroup: its links follow it to the new id. */
  async function migrateGroup(channel: ChannelName, from: string, to: string): Promise<number> {
    try {
      return (await Groups.updateMany({ channel, chatId: from }, { $set: { chatId: to } })).modifiedCount;
    } catch (error) {
      // The new id was linked already (the teacher linked it again first): keep that link.
      if (!asDuplicateKey(error)) throw error;
      return (await Groups.deleteMany({ channel, chatId: from })).deletedCount;
    }
  }

  /** "Delete my data": the parent leaves every class; the child's name goes with the membership. */
  return {
    join,
    roster,
    remove,
    byId,
    of,
    setPaper,
    linkGroup,
    groupsOf,
    setGroupActive,
    migrateGroup,
  };
}

export type MemberService = ReturnType<typeof createMemberService>;
