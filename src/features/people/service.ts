/**
 * Finds or creates the person behind a message; ADMIN_IDS bootstrap the first staff.
 *
 * Every message asks who its person is, so the answer lives in Redis (person-cache.ts) and
 * MongoDB is read only on a miss: a message that records nothing touches MongoDB at most once
 * an hour, to note `lastSeenAt` (docs/storage-and-ferretdb.md#the-inbound-path).
 */
import type { Connection } from "mongoose";
import type { AdminId } from "../../config.js";
import type { Locale } from "../../core/i18n.js";
import type { ChannelName } from "../../core/messages.js";
import type { Person, PersonPrefetch, Role } from "../../core/person.js";
import type { Redis } from "../../storage/redis.js";
import { asDuplicateKey } from "../../storage/unique-insert.js";
import { type PersonRecord, personModel } from "./model.js";
import { type CachedPerson, createPersonCache } from "./person-cache.js";

export interface PeopleService {
  identify(channel: ChannelName, userId: string, firstLocale: Locale): Promise<Person>;
  prefetch: PersonPrefetch;
  setLocale(person: Person, locale: Locale): Promise<void>;
  addRole(person: Pick<Person, "channel" | "userId">, role: Role): Promise<void>;
  removeRole(person: Pick<Person, "channel" | "userId">, role: Role): Promise<void>;
  /** Roles given in ChoEm (not those of ADMIN_IDS). */
  rolesOf(person: Pick<Person, "channel" | "userId">): Promise<Role[]>;
  /** Deletes the record; returns 1 when there was one. */
  forget(person: Pick<Person, "channel" | "userId">): Promise<number>;
}

export interface PeopleStores {
  mongo: Connection;
  redis: Redis;
  /** The app's Redis key prefix. */
  prefix: string;
}

export function createPeopleService(stores: PeopleStores, adminIds: AdminId[]): PeopleService {
  const People = personModel(stores.mongo);
  const cache = createPersonCache(stores.redis, stores.prefix);
  const isAdmin = (channel: string, userId: string) =>
    adminIds.some((admin) => admin.channel === channel && admin.id === userId);
  /** Roles from ADMIN_IDS are added on the way out, so a changed setting takes effect at once. */
  const toPerson = (record: CachedPerson): Person => ({
    id: record.id,
    channel: record.channel,
    userId: record.userId,
    locale: record.locale,
    roles: isAdmin(record.channel, record.userId)
      ? [...new Set([...record.roles, "staff" as const])]
      : record.roles,
  });
  const keyOf = (person: Pick<Person, "channel" | "userId">) => ({
    channel: person.channel,
    userId: person.userId,
  });

  const asCached = (record: PersonRecord & { _id: unknown }): CachedPerson => ({
    id: String(record._id),
    channel: record.channel,
    userId: record.userId,
    locale: record.locale,
    roles: record.roles,
  });

  async function fromMongo(channel: ChannelName, userId: string, firstLocale: Locale): Promise<CachedPerson> {
    const filter = { channel, userId };
    const existing = await People.findOneAndUpdate(
      filter,
      { $set: { lastSeenAt: new Date() } },
      { returnDocument: "after" },
    ).lean<PersonRecord & { _id: unknown }>();
    if (existing) return asCached(existing);
    try {
      const created = await People.create({ channel, userId, locale: firstLocale, roles: [] });
      return asCached(created.toObject());
    } catch (error) {
      // Two first messages at once: the other one created the record.
      if (!asDuplicateKey(error)) throw error;
      const record = await People.findOne(filter).lean<PersonRecord & { _id: unknown }>();
      if (!record) throw error;
      return asCached(record);
    }
  }

  /** The person, given what the cache held: MongoDB is read only on a miss. */
  async function identified(
    channel: ChannelName,
    userId: string,
    firstLocale: Locale,
    cached: CachedPerson | undefined,
    seenDue: boolean,
  ): Promise<Person> {
    if (cached) {
      if (seenDue) await People.updateOne({ channel, userId }, { $set: { lastSeenAt: new Date() } });
      return toPerson(cached);
    }
    const record = await fromMongo(channel, userId, firstLocale);
    await cache.fill(record);
    return toPerson(record);
  }

  return {
    async identify(channel, userId, firstLocale) {
      const { cached, seenDue } = await cache.read(channel, userId);
      return identified(channel, userId, firstLocale, cached, seenDue);
    },
    prefetch: {
      keys: cache.keys,
      identifyFrom: (channel, userId, firstLocale, read) =>
        identified(channel, userId, firstLocale, cache.parse(read.raw), read.seenDue),
    },
    async setLocale(person, locale) {
      await People.updateOne(keyOf(person), { $set: { locale } });
      await cache.invalidate(person);
      person.locale = locale;
    },
    async rolesOf(person) {
      const record = await People.findOne(keyOf(person)).lean<PersonRecord>();
      return record?.roles ?? [];
    },
    async forget(person) {
      const deleted = (await People.deleteOne(keyOf(person))).deletedCount;
      await cache.forget(person);
      return deleted;
    },
    async addRole(person, role) {
      await People.updateOne(keyOf(person), { $addToSet: { roles: role } });
      await cache.invalidate(person);
    },
    async removeRole(person, role) {
      await People.updateOne(keyOf(person), { $pull: { roles: role } });
      await cache.invalidate(person);
    },
  };
}
