/** Who is talking, as the core needs to know it: roles decide the main menu and permissions. */
import type { Locale } from "./i18n.js";
import type { ChannelName } from "./messages.js";

export type Role = "parent" | "donor" | "teacher" | "staff";

export interface Person {
  id: string;
  channel: ChannelName;
  userId: string;
  locale: Locale;
  roles: Role[];
}

/** The people directory as the core uses it (implemented by src/features/people/). */
export interface People {
  identify(channel: ChannelName, userId: string, firstLocale: Locale): Promise<Person>;
  setLocale(person: Person, locale: Locale): Promise<void>;
  /** When present, the pipeline reads the person's Redis keys itself, in its lock round trip. */
  prefetch?: PersonPrefetch;
}

/**
 * What identify() reads in Redis before anything else, named so the pipeline can read it in the
 * same round trip that takes the chat lock: every message pays that trip, so one less matters.
 * identifyFrom() given those values does what identify() does after its own read.
 */
export interface PersonPrefetch {
  keys(channel: ChannelName, userId: string): PersonKeys;
  identifyFrom(channel: ChannelName, userId: string, firstLocale: Locale, read: PersonRead): Promise<Person>;
}

export interface PersonKeys {
  /** Read with GET. */
  record: string;
  /** Claimed with `SET NX EX seenSeconds`; `seenDue` is whether the claim was won. */
  seen: string;
  seenSeconds: number;
}

export interface PersonRead {
  raw: string | null;
  seenDue: boolean;
}

export function hasRole(person: Pick<Person, "roles">, role: Role): boolean {
  return person.roles.includes(role);
}

/** How a person's actions are recorded in histories and the audit log: "telegram:123". */
export function actorOf(person: Pick<Person, "channel" | "userId">): string {
  return `${person.channel}:${person.userId}`;
}
