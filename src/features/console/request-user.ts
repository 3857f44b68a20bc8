/**
 * Who a console request comes from: the session cookie, checked again against the staff
 * directory on every request (a revoked colleague is out at once), and the language the
 * console speaks to them (their choice in the header, else the browser's, else the default).
 */
import type { FastifyRequest } from "fastify";
import type { ConsoleUser } from "../../core/console.js";
import { type I18n, isLocale, type Locale, matchLocale } from "../../core/i18n.js";
import type { ConsoleSessions } from "../staff/console-sessions.js";
import type { StaffDirectory } from "../staff/directory.js";

export const SESSION_COOKIE = "choem_console";
export const LANG_COOKIE = "choem_console_lang";
export const CODE_COOKIE = "choem_console_code";

export function localeOf(request: FastifyRequest, i18n: I18n): Locale {
  const chosen = request.cookies[LANG_COOKIE];
  if (isLocale(chosen)) return chosen;
  const header = request.headers["accept-language"];
  return matchLocale(typeof header === "string" ? header.split(",")[0] : undefined) ?? i18n.defaultLocale;
}

export async function userOf(
  request: FastifyRequest,
  deps: { sessions: ConsoleSessions; staff: StaffDirectory; i18n: I18n },
): Promise<ConsoleUser | undefined> {
  const session = await deps.sessions.read(request.cookies[SESSION_COOKIE]);
  if (!session) return undefined;
  const staff = await deps.staff.get(session.actor);
  if (!staff) {
    // No longer staff: nothing this browser holds opens the console again.
    await deps.sessions.endAll(session.actor);
    return undefined;
  }
  const locale = localeOf(request, deps.i18n);
  return { staff, locale, t: deps.i18n.translator(locale), sessionId: session.id };
}
