/**
 * Who a person is (record id, locale, roles), kept in Redis so a message needs no MongoDB read.
 *
 * - `person:<channel>:<userId>` holds the record as JSON for a day; a miss reads MongoDB again.
 * - A change (locale, a role) replaces it by a short-lived tombstone, and a fill after a miss
 *   is `SET NX`: a reader that loaded the record just before the change cannot put the old
 *   version back.
 * - `person-seen:<channel>:<userId>` is `SET NX` for an hour: the one message an hour that wins
 *   it writes `lastSeenAt`, the rest write nothing.
 */
import type { Locale } from "../../core/i18n.js";
import type { ChannelName } from "../../core/messages.js";
import type { Person, PersonKeys, Role } from "../../core/person.js";
import type { Redis } from "../../storage/redis.js";

export interface CachedPerson {
  id: string;
  channel: ChannelName;
  userId: string;
  locale: Locale;
  /** Roles on the record, without those ADMIN_IDS add. */
  roles: Role[];
}

const KEEP_SECONDS = 24 * 3600;
const SEEN_EVERY_SECONDS = 3600;
/** Longer than any MongoDB read a fill could be racing with. */
const TOMBSTONE_MS = 30_000;
const TOMBSTONE = "-";

type Who = Pick<Person, "channel" | "userId">;

export function createPersonCache(redis: Redis, prefix: string) {
  const keyOf = (who: Who) => `${prefix}person:${who.channel}:${who.userId}`;
  const seenKeyOf = (who: Who) => `${prefix}person-seen:${who.channel}:${who.userId}`;

  /** The cached person from the record key's value: undefined on a miss or a tombstone. */
  const parse = (raw: string | null | undefined): CachedPerson | undefined =>
    typeof raw === "string" && raw !== TOMBSTONE ? (JSON.parse(raw) as CachedPerson) : undefined;

  return {
    /**
     * What read() reads, for a caller reading it in its own round trip (the pipeline, with the
     * chat lock): GET `record`, and `SET seen 1 EX seenSeconds NX`.
     */
    keys: (channel: ChannelName, userId: string): PersonKeys => ({
      record: keyOf({ channel, userId }),
      seen: seenKeyOf({ channel, userId }),
      seenSeconds: SEEN_EVERY_SECONDS,
    }),
    parse,
    /** The cached person (undefined on a miss) and whether this message should note `lastSeenAt`. */
    async read(channel: ChannelName, userId: string) {
      const who = { channel, userId };
      const results = await redis
        .multi()
        .get(keyOf(who))
        .set(seenKeyOf(who), "1", "EX", SEEN_EVERY_SECONDS, "NX")
        .exec();
      const raw = results?.[0]?.[1];
      const seenDue = results?.[1]?.[1] === "OK";
      return { cached: parse(raw as string | null | undefined), seenDue };
    },
    async fill(person: CachedPerson): Promise<void> {
      await redis.set(keyOf(person), JSON.stringify(person), "EX", KEEP_SECONDS, "NX");
    },
    async invalidate(who: Who): Promise<void> {
      await redis.set(keyOf(who), TOMBSTONE, "PX", TOMBSTONE_MS);
    },
    /**
     * Erasure: nothing about the person stays, not even a tombstone (its key names them). No
     * fill can race with it: erasure runs inside the person's own turn, under the chat lock.
     */
    async forget(who: Who): Promise<void> {
      await redis.del(keyOf(who), seenKeyOf(who));
    },
  };
}
