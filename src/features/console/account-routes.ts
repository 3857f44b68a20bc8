/**
 * The signed-in person's own pages: the console's home, their sessions (end one, or every one
 * but this… or all, "sign out everywhere"), help-desk alerts on or off, and signing out.
 */
import type { FastifyInstance } from "fastify";
import type { ConsoleKit, StaffMember } from "../../core/console.js";
import type { Translate } from "../../core/i18n.js";
import { formatDateTime } from "../../core/text/format-date.js";
import type { FeatureContext } from "../context.js";
import type { Audit } from "../staff/audit.js";
import type { ConsoleSessions } from "../staff/console-sessions.js";
import { SESSION_COOKIE } from "./request-user.js";

export interface AccountDeps {
  ctx: FeatureContext;
  sessions: ConsoleSessions;
  audit: Audit;
  kit: ConsoleKit;
  secure: boolean;
}

/** "Chrome trên Android", roughly: enough to recognise one's own phone in the list. */
export function browserOf(userAgent: string, t: Translate): string {
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /Firefox\//.test(userAgent)
      ? "Firefox"
      : /Chrom(e|ium)\//.test(userAgent)
        ? "Chrome"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : t("console-session-unknown-browser");
  const system = /Android/.test(userAgent)
    ? "Android"
    : /iPhone|iPad/.test(userAgent)
      ? "iOS"
      : /Windows/.test(userAgent)
        ? "Windows"
        : /Mac OS/.test(userAgent)
          ? "macOS"
          : /Linux/.test(userAgent)
            ? "Linux"
            : "";
  return system ? t("console-session-browser-on", { browser, system }) : browser;
}

export function scopeText(staff: StaffMember, t: Translate): string {
  if (staff.scope.kind === "all") return t("staff-scope-all");
  if (staff.scope.kind === "area") return staff.scope.areas.join(", ");
  return staff.scope.schoolCodes.join(", ");
}

export function registerAccountRoutes(app: FastifyInstance, deps: AccountDeps): void {
  const { kit, sessions } = deps;

  app.get("/", async (request, reply) => {
    const { staff, t } = kit.user(request);
    return kit.page(request, reply, "features/console/views/home", {
      title: t("console-home-title"),
      levelText: t(`staff-level-${staff.level}`),
      scopeText: scopeText(staff, t),
    });
  });

  app.get<{ Querystring: { done?: string } }>("/account", async (request, reply) => {
    const { staff, t, sessionId } = kit.user(request);
    const list = await sessions.list(staff.actor);
    const done = ["console-alerts-saved", "console-session-ended"].find((key) => key === request.query.done);
    return kit.page(request, reply, "features/console/views/account", {
      title: t("console-account"),
      done,
      sessions: list.map((s) => ({
        id: s.id,
        current: s.id === sessionId,
        browser: `${browserOf(s.userAgent, t)} · ${s.ip}`,
        since: formatDateTime(s.createdAt),
        last: formatDateTime(s.lastSeenAt),
      })),
    });
  });

  app.post<{ Body: { on?: string } }>("/account/alerts", async (request, reply) => {
    const { staff } = kit.user(request);
    const on = request.body?.on === "yes";
    await deps.ctx.staff.setAlerts(staff, on);
    await kit.audit(request, on ? "console:alerts-on" : "console:alerts-off", staff.actor);
    return reply.redirect("/console/account?done=console-alerts-saved", 303);
  });

  app.post<{ Body: { id?: string } }>("/account/sessions/end", async (request, reply) => {
    const { staff } = kit.user(request);
    const ended = await sessions.end(staff.actor, String(request.body?.id ?? ""));
    if (ended) await kit.audit(request, "console:session-ended", staff.actor);
    return reply.redirect("/console/account?done=console-session-ended", 303);
  });

  app.post("/account/sessions/end-all", async (request, reply) => {
    const { staff } = kit.user(request);
    const count = await sessions.endAll(staff.actor);
    await kit.audit(request, "console:sign-out-everywhere", staff.actor, String(count));
    reply.clearCookie(SESSION_COOKIE, { path: "/console" });
    return reply.redirect("/console/signin", 303);
  });

  app.post("/signout", async (request, reply) => {
    const { staff, sessionId } = kit.user(request);
    await sessions.end(staff.actor, sessionId);
    await kit.audit(request, "console:sign-out", staff.actor);
    reply.clearCookie(SESSION_COOKIE, { path: "/console" });
    return reply.redirect("/console/signin", 303);
  });
}
