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
}

export function hasRole(person: Pick<Person, "roles">, role: Role): boolean {
  return person.roles.includes(role);
}

/** How a person's actions are recorded in histories and the audit log: "telegram:123". */
export function actorOf(person: Pick<Person, "channel" | "userId">): string {
  return `${person.channel}:${person.userId}`;
}
