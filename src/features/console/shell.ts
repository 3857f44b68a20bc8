/**
 * The console's HTTP part: its own cookies, form bodies, CSRF, templates and a strict CSP,
 * all inside one encapsulated plugin under /console, so nothing of it leaks onto the webhooks
 * or the web chat. Public: the sign-in pages and the stylesheet and script. Everything else,
 * every feature's section included, passes the sign-in check first; every POST the CSRF check.
 */
import { join } from "node:path";
import fastifyCookie from "@fastify/cookie";
import csrf from "@fastify/csrf-protection";
import formbody from "@fastify/formbody";
import view from "@fastify/view";
import { Eta } from "eta";
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import type { ConsoleKit, ConsoleNavEntry, ConsoleSection, ConsoleUser } from "../../core/console.js";
import type { FeatureContext } from "../context.js";
import { createAudit } from "../staff/audit.js";
import { createConsoleSessions } from "../staff/console-sessions.js";
import { registerAccountRoutes } from "./account-routes.js";
import { registerAssets } from "./assets.js";
import { LANG_COOKIE, localeOf, userOf } from "./request-user.js";
import { registerSignInRoutes } from "./sign-in-routes.js";

/** Templates are named by their path under src/ (or dist/ once built): "features/console/views/home". */
export const VIEWS_ROOT = join(import.meta.dirname, "..", "..");

export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join("; ");

declare module "fastify" {
  interface FastifyRequest {
    consoleUser?: ConsoleUser;
  }
}

export function consoleRoutes(sections: ConsoleSection[], ctx: FeatureContext): FastifyPluginAsync {
  const secure = ctx.config.publicUrl.startsWith("https:");
  const sessions = createConsoleSessions(ctx.redis, ctx.prefix);
  const audit = createAudit(ctx.mongo);
  const nav: ConsoleNavEntry[] = sections.flatMap((section) => section.nav ?? []);

  return async (app) => {
    await app.register(
      async (scope) => {
        await scope.register(fastifyCookie);
        await scope.register(formbody, { bodyLimit: 64 * 1024 });
        await scope.register(csrf, {
          cookieKey: "choem_console_csrf",
          cookieOpts: { path: "/console", httpOnly: true, sameSite: "strict", secure },
        });
        await scope.register(view, {
          engine: { eta: new Eta({ views: VIEWS_ROOT, cache: process.env.NODE_ENV === "production" }) },
          root: VIEWS_ROOT,
          viewExt: "eta",
        });
        scope.addHook("onSend", async (_request, reply, payload) => {
          reply.header("content-security-policy", CONSOLE_CSP);
          // Pages show personal data: no cache, no referrer carrying a code to another site.
          reply.header("cache-control", "no-store");
          reply.header("referrer-policy", "no-referrer");
          return payload;
        });
        scope.addHook("preHandler", (request, reply, done) => {
          if (request.method === "GET" || request.method === "HEAD") return done();
          scope.csrfProtection(request, reply, done);
        });

        const kit = createKit(scope, ctx, nav, audit);
        scope.setNotFoundHandler((request, reply) => kit.notFound(request, reply));
        registerAssets(scope);
        registerSignInRoutes(scope, { ctx, sessions, audit, secure, kit });

        await scope.register(async (signedIn) => {
          signedIn.addHook("preHandler", async (request, reply) => {
            const user = await userOf(request, { sessions, staff: ctx.staff, i18n: ctx.i18n });
            if (!user) {
              const htmx = request.headers["hx-request"] === "true";
              if (htmx) return reply.code(401).header("hx-redirect", "/console/signin").send();
              return reply.redirect("/console/signin", 303);
            }
            request.consoleUser = user;
          });
          registerAccountRoutes(signedIn, { ctx, sessions, audit, kit, secure });
          for (const section of sections) await section.register(signedIn, kit);
        });
      },
      { prefix: "/console" },
    );
  };
}

function pageOf(request: FastifyRequest): string {
  const path = request.url.split("?")[0] ?? "/console";
  return request.method === "GET" ? path : path.replace(/\/[^/]+$/, "") || "/console";
}

function createKit(
  app: FastifyInstance,
  ctx: FeatureContext,
  nav: ConsoleNavEntry[],
  audit: ReturnType<typeof createAudit>,
): ConsoleKit {
  const user = (request: FastifyRequest): ConsoleUser => {
    if (!request.consoleUser) throw new Error("console route reached without a signed-in user");
    return request.consoleUser;
  };
  /** What every template may use: the translator, the CSRF token, who is signed in. */
  const common = (request: FastifyRequest, reply: FastifyReply) => {
    const signedIn = request.consoleUser;
    const locale = signedIn?.locale ?? localeOf(request, ctx.i18n);
    return {
      t: ctx.i18n.translator(locale),
      locale,
      csrf: reply.generateCsrf(),
      user: signedIn?.staff,
      nav: signedIn
        ? nav.filter((entry) => !entry.levels || entry.levels.includes(signedIn.staff.level))
        : [],
      path: request.url.split("?")[0],
      // Where the language button comes back to: the page itself, or for the answer to a
      // form post (".../appoint") the page that form belongs to.
      back: pageOf(request),
      langCookie: LANG_COOKIE,
    };
  };
  const kit: ConsoleKit = {
    user,
    async page(request, reply, template, data) {
      const shared = { ...common(request, reply), ...data };
      const body = await app.view(template, shared);
      const html = await app.view("features/console/views/layout", { ...shared, body });
      return reply.type("text/html; charset=utf-8").send(html);
    },
    async fragment(request, reply, template, data) {
      const html = await app.view(template, { ...common(request, reply), ...data });
      return reply.type("text/html; charset=utf-8").send(html);
    },
    schools: (request) => ctx.staffScopes.schoolsOf(user(request).staff.scope),
    covers: (request, schoolCode) => ctx.staffScopes.covers(user(request).staff.scope, schoolCode),
    audit: (request, action, target, detail) => audit(user(request).staff.actor, action, target, detail),
    async notFound(request, reply) {
      reply.code(404);
      const t = common(request, reply).t;
      return kit.page(request, reply, "features/console/views/message", {
        title: t("console-not-found-title"),
        message: t("console-not-found"),
      });
    },
  };
  return kit;
}
