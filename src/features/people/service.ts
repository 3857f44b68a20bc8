/** Finds or creates the person behind a message; ADMIN_IDS bootstrap the first staff. */
import type { Connection } from "mongoose";
import type { AdminId } from "../../config.js";
import type { Locale } from "../../core/i18n.js";
import type { ChannelName } from "../../core/messages.js";
import type { Person, Role } from "../../core/person.js";
import { asDuplicateKey } from "../../storage/unique-insert.js";
import { type PersonRecord, personModel } from "./model.js";

export interface PeopleService {
  identify(channel: ChannelName, userId: string, firstLocale: Locale): Promise<Person>;
  setLocale(person: Person, locale: Locale): Promise<void>;
  addRole(person: Pick<Person, "channel" | "userId">, role: Role): Promise<void>;
  /** Roles given in ChoEm (not those of ADMIN_IDS). */
  rolesOf(person: Pick<Person, "channel" | "userId">): Promise<Role[]>;
  /** Deletes the record; returns 1 when there was one. */
  forget(person: Pick<Person, "channel" | "userId">): Promise<number>;
}

export function createPeopleService(connection: Connection, adminIds: AdminId[]): PeopleService {
  const People = personModel(connection);
  const isAdmin = (channel: string, userId: string) =>
    adminIds.some((admin) => admin.channel === channel && admin.id === userId);
  const toPerson = (record: PersonRecord & { _id: unknown }): Person => ({
    id: String(record._id),
    channel: record.channel,
    userId: record.userId,
    locale: record.locale,
    roles: isAdmin(record.channel, record.userId)
      ? [...new Set([...record.roles, "staff" as const])]
      : record.roles,
  });

  return {
    async identify(channel, userId, firstLocale) {
      const filter = { channel, userId };
      const update = { $set: { lastSeenAt: new Date() } };
      const existing = await People.findOneAndUpdate(filter, update, { returnDocument: "after" }).lean<
        PersonRecord & { _id: unknown }
      >();
      if (existing) return toPerson(existing);
      try {
        const created = await People.create({ channel, userId, locale: firstLocale, roles: [] });
        return toPerson(created.toObject());
      } catch (error) {
        // Two first messages at once: the other one created the record.
        if (!asDuplicateKey(error)) throw error;
        const record = await People.findOne(filter).lean<PersonRecord & { _id: unknown }>();
        if (!record) throw error;
        return toPerson(record);
      }
    },
    async setLocale(person, locale) {
      await People.updateOne({ channel: person.channel, userId: person.userId }, { $set: { locale } });
      person.locale = locale;
    },
    async rolesOf(person) {
      const record = await People.findOne({
        channel: person.channel,
        userId: person.userId,
      }).lean<PersonRecord>();
      return record?.roles ?? [];
    },
    async forget(person) {
      return (await People.deleteOne({ channel: person.channel, userId: person.userId })).deletedCount;
    },
    async addRole(person, role) {
      await People.updateOne(
        { channel: person.channel, userId: person.userId },
        { $addToSet: { roles: role } },
      );
    },
  };
}
