/**
 * The public pages of the console: sign-in by a one-time link from the chat, or by a code the
 * page shows and the staff member sends to the bot (staff/sign-in.ts). A link is spent only by
 * the POST of the button its page shows. Every sign-in is written to the audit log.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ConsoleKit } from "../../core/console.js";
import { isLocale } from "../../core/i18n.js";
import type { FeatureContext } from "../context.js";
import type { Audit } from "../staff/audit.js";
import { ABSOLUTE_MS, type ConsoleSessions } from "../staff/console-sessions.js";
import { CODE_TTL_SECONDS, createSignIn } from "../staff/sign-in.js";
import { CODE_COOKIE, LANG_COOKIE, localeOf, SESSION_COOKIE, userOf } from "./request-user.js";

export interface SignInDeps {
  ctx: FeatureContext;
  sessions: ConsoleSessions;
  audit: Audit;
  kit: ConsoleKit;
  secure: boolean;
}

export function registerSignInRoutes(app: FastifyInstance, deps: SignInDeps): void {
  const signIn = createSignIn(deps.ctx.redis, deps.ctx.prefix);
  const t = (request: FastifyRequest) => deps.ctx.i18n.translator(localeOf(request, deps.ctx.i18n));
  const cookie = { path: "/console", httpOnly: true, sameSite: "lax" as const, secure: deps.secure };

  async function open(request: FastifyRequest, reply: FastifyReply, actor: string, how: string) {
    const { secret } = await deps.sessions.create(actor, {
      userAgent: String(request.headers["user-agent"] ?? ""),
      ip: request.ip,
    });
    reply.setCookie(SESSION_COOKIE, secret, { ...cookie, maxAge: ABSOLUTE_MS / 1000 });
    reply.clearCookie(CODE_COOKIE, { path: "/console/signin" });
    await deps.audit(actor, "console:sign-in", actor, how);
  }

  async function codePage(request: FastifyRequest, reply: FastifyReply, problem?: string) {
    const { code, browserSecret } = await signIn.startCode();
    reply.setCookie(CODE_COOKIE, `${code}.${browserSecret}`, {
      ...cookie,
      path: "/console/signin",
      sameSite: "strict",
      maxAge: CODE_TTL_SECONDS,
    });
    if (problem) reply.code(400);
    return deps.kit.page(request, reply, "features/console/views/signin", {
      title: t(request)("console-signin-title"),
      code,
      codeMinutes: CODE_TTL_SECONDS / 60,
      problem,
    });
  }

  app.get<{ Querystring: { link?: string } }>("/signin", async (request, reply) => {
    const link = typeof request.query.link === "string" ? request.query.link : undefined;
    if (link) {
      return deps.kit.page(request, reply, "features/console/views/signin-link", {
        title: t(request)("console-signin-title"),
        link,
      });
    }
    const signedIn = await userOf(request, {
      sessions: deps.sessions,
      staff: deps.ctx.staff,
      i18n: deps.ctx.i18n,
    });
    if (signedIn) return reply.redirect("/console", 303);
    return codePage(request, reply);
  });

  // The language button of every page, signed in or not; back to the same page.
  app.post<{ Body: { to?: string; back?: string } }>("/lang", async (request, reply) => {
    const to = request.body?.to;
    if (isLocale(to)) reply.setCookie(LANG_COOKIE, to, { ...cookie, maxAge: 365 * 86_400 });
    const back = String(request.body?.back ?? "");
    // Only a console path: never a redirect to somewhere else.
    return reply.redirect(/^\/console(\/[\w/-]*)?$/.test(back) ? back : "/console", 303);
  });

  app.post<{ Body: { link?: string } }>("/signin/link", async (request, reply) => {
    const actor = await signIn.spendLink(String(request.body?.link ?? ""));
    const member = actor ? await deps.ctx.staff.get(actor) : undefined;
    if (!member) return codePage(request, reply, "console-link-invalid");
    await open(request, reply, member.actor, "link");
    return reply.redirect("/console", 303);
  });

  // Polled by the sign-in page (htmx) until the code is sent to the bot or runs out.
  app.get("/signin/code", async (request, reply) => {
    const [code, browserSecret] = String(request.cookies[CODE_COOKIE] ?? "").split(".");
    const state =
      code && browserSecret ? await signIn.pollCode(code, browserSecret) : { kind: "gone" as const };
    if (state.kind === "waiting") {
      return deps.kit.fragment(request, reply, "features/console/views/code-waiting", { code });
    }
    const member = state.kind === "signed-in" ? await deps.ctx.staff.get(state.actor) : undefined;
    if (!member) {
      // Ran out, or the person is no longer staff: a fresh page brings a fresh code.
      return deps.kit.fragment(request, reply, "features/console/views/code-gone", {});
    }
    await open(request, reply, member.actor, "code");
    return reply.header("hx-redirect", "/console").code(204).send();
  });
}
