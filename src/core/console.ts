/**
 * The staff console as features see it: who is signed in (a staff member with a level and a
 * scope), and what a feature gets to add its pages (a kit: render, scope, audit). The shell
 * that signs people in and draws the pages is src/features/console/; a feature contributes a
 * ConsoleSection through Feature.console. Architecture: docs/staff-console.md.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Locale, Translate } from "./i18n.js";
import type { ChannelName } from "./messages.js";

/** Province staff see everything; area staff their wards or districts; school staff their schools. */
export const STAFF_LEVELS = ["province", "area", "school"] as const;
export type StaffLevel = (typeof STAFF_LEVELS)[number];

export type StaffScope =
  | { kind: "all" }
  /** Folded ward or district names ("phu loi", "thu dau mot"). */
  | { kind: "area"; areas: string[] }
  | { kind: "schools"; schoolCodes: string[] };

export interface StaffMember {
  /** "<channel>:<userId>", as in histories and the audit log. */
  actor: string;
  channel: ChannelName;
  userId: string;
  level: StaffLevel;
  scope: StaffScope;
  /** What colleagues see in lists; the chat name or what the appointer typed. */
  name: string;
  /** Help-desk alerts in chat, which each person can turn off. */
  alerts: boolean;
}

/** The school codes a scope covers: every school, or exactly these (possibly none). */
export type ScopedSchools = { all: true } | { all: false; codes: string[] };

/** Whether a record of this school lies within the scope; a record of no school only for "all". */
export function coversSchool(scoped: ScopedSchools, schoolCode: string | undefined): boolean {
  return scoped.all || (!!schoolCode && scoped.codes.includes(schoolCode));
}

/** The person behind one console request, set by the shell before any section's handler. */
export interface ConsoleUser {
  staff: StaffMember;
  locale: Locale;
  t: Translate;
  /** The digest naming this browser's session (never the secret itself). */
  sessionId: string;
}

export interface ConsoleKit {
  /** The signed-in user of a request that passed the shell's sign-in check. */
  user(request: FastifyRequest): ConsoleUser;
  /**
   * Renders `view` (a path under src/ without ".eta", e.g. "features/support/views/inbox")
   * inside the console layout, with the user's translator, the CSRF token and the navigation.
   */
  page(
    request: FastifyRequest,
    reply: FastifyReply,
    view: string,
    data: Record<string, unknown> & { title: string },
  ): Promise<FastifyReply>;
  /** Renders a fragment without the layout, for htmx partial updates. */
  fragment(
    request: FastifyRequest,
    reply: FastifyReply,
    view: string,
    data: Record<string, unknown>,
  ): Promise<FastifyReply>;
  /** Which schools the user may see; every query of a section is filtered by it. */
  schools(request: FastifyRequest): Promise<ScopedSchools>;
  /** Whether the user may see or act on a record of this school. */
  covers(request: FastifyRequest, schoolCode: string | undefined): Promise<boolean>;
  /** Writes who did what to which record; every view of personal data and every action. */
  audit(request: FastifyRequest, action: string, target: string, detail?: string): Promise<void>;
  /** Answers 404 in the console's look: what is out of scope is as absent as what does not exist. */
  notFound(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply>;
}

export interface ConsoleNavEntry {
  /** Under /console, e.g. "/requests". */
  path: string;
  labelKey: string;
  /** Shown to these levels only; everyone when absent. */
  levels?: StaffLevel[];
}

export interface ConsoleSection {
  nav?: ConsoleNavEntry[];
  /** Adds routes under /console; every one of them is behind sign-in and CSRF checks. */
  register(app: FastifyInstance, kit: ConsoleKit): Promise<void>;
}
