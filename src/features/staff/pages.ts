/**
 * The console's "Cán bộ" and "Nhật ký" pages. Staff appoint colleagues within their own
 * scope (a school's staff for their school, a ward's for its schools…): the page gives a
 * single-use CB- code the person sends to the bot. The audit log is the province's to read.
 */
import type { FastifyRequest } from "fastify";
import { type ConsoleSection, STAFF_LEVELS, type StaffLevel, type StaffScope } from "../../core/console.js";
import { formatDateTime } from "../../core/text/format-date.js";
import type { FeatureContext } from "../context.js";
import { normalizeSchoolCode } from "../schools/model.js";
import { readAreaName } from "./area-names.js";
import { readAudit } from "./audit.js";

type Form = { name?: string; level?: string; places?: string };
/** What is wrong with a form: a locale key and its arguments. */
type Problem = { problem: string; args?: Record<string, string> };
const problem = (key: string, args?: Record<string, string>): Problem => ({
  problem: key,
  ...(args ? { args } : {}),
});
const isProblem = (value: StaffScope | Problem): value is Problem => "problem" in value;
const LEVEL_NEEDED = problem("console-staff-level-needed");
/** As the page shows it. */
const asShown = (p: Problem) => ({ problem: p.problem, problemArgs: p.args ?? {} });

/** The levels someone may appoint: their own and those below it. */
export function levelsBelow(level: StaffLevel): StaffLevel[] {
  return STAFF_LEVELS.slice(STAFF_LEVELS.indexOf(level));
}

const listOf = (text: string) =>
  text
    .split(/[,;\n]/)
    .map((part) => part.trim())
    .filter(Boolean)
    .slice(0, 50);

export function staffPages(ctx: FeatureContext): ConsoleSection {
  /** A scope from the form, or the locale key (and its arguments) of what is wrong with it. */
  async function scopeFrom(level: StaffLevel, places: string): Promise<StaffScope | Problem> {
    if (level === "province") return { kind: "all" };
    const typed = listOf(places);
    if (typed.length === 0)
      return problem(level === "area" ? "console-staff-areas-needed" : "console-staff-schools-needed");
    if (level === "area") {
      const known = await ctx.staffScopes.areas();
      const areas: string[] = [];
      for (const name of typed) {
        const read = readAreaName(name, known);
        if (read.kind === "ambiguous")
          return problem("console-staff-area-ambiguous", {
            typed: read.typed,
            options: (await ctx.staffScopes.namesOf(read.options)).join("; "),
          });
        if (read.kind === "unknown") return problem("console-staff-area-unknown", { typed: read.typed });
        areas.push(read.area);
      }
      return { kind: "area", areas: [...new Set(areas)] };
    }
    const codes = typed.map(normalizeSchoolCode);
    const found = await Promise.all(codes.map((code) => ctx.schools.byCode(code)));
    return found.every(Boolean)
      ? { kind: "schools", schoolCodes: codes }
      : problem("console-staff-school-unknown");
  }

  return {
    nav: [
      { path: "/staff", labelKey: "console-nav-staff" },
      { path: "/audit", labelKey: "console-nav-audit", levels: ["province"] },
    ],
    async register(app, kit) {
      async function listPage(
        request: FastifyRequest,
        reply: Parameters<typeof kit.page>[1],
        extra: object = {},
      ) {
        const { staff, t } = kit.user(request);
        const { members, appointments } = await ctx.staff.list(staff);
        // Areas are kept folded ("phuong phu loi"); pages show them as the directory writes them.
        const named = async (scope: StaffScope) =>
          scope.kind === "area" ? (await ctx.staffScopes.namesOf(scope.areas)).join(", ") : "";
        const describe = async (scope: StaffScope) =>
          scope.kind === "all"
            ? t("staff-scope-all")
            : scope.kind === "area"
              ? named(scope)
              : scope.schoolCodes.join(", ");
        return kit.page(request, reply, "features/staff/views/staff", {
          title: t("console-nav-staff"),
          levels: levelsBelow(staff.level).map((level) => ({ level, label: t(`staff-level-${level}`) })),
          areas: await ctx.staffScopes.areaNames(),
          members: await Promise.all(
            members.map(async (m) => ({
              actor: m.actor,
              name: m.name || m.actor,
              level: t(`staff-level-${m.level}`),
              scope: await describe(m.scope),
              levelValue: m.level,
              places:
                m.scope.kind === "area"
                  ? await named(m.scope)
                  : m.scope.kind === "schools"
                    ? m.scope.schoolCodes.join(", ")
                    : "",
              self: m.actor === staff.actor,
            })),
          ),
          appointments: await Promise.all(
            appointments.map(async (a) => ({
              code: a._id,
              name: a.name,
              level: t(`staff-level-${a.level}`),
              scope: await describe(a.scope),
              expires: formatDateTime(a.expiresAt),
            })),
          ),
          form: {},
          ...extra,
        });
      }

      app.get("/staff", (request, reply) => listPage(request, reply));

      app.post<{ Body: Form }>("/staff/appoint", async (request, reply) => {
        const { staff } = kit.user(request);
        const form = {
          name: String(request.body?.name ?? "")
            .trim()
            .slice(0, 80),
          level: String(request.body?.level ?? ""),
          places: String(request.body?.places ?? ""),
        };
        const level = levelsBelow(staff.level).find((l) => l === form.level);
        if (!level) return listPage(request, reply.code(400), { ...asShown(LEVEL_NEEDED), form });
        const scope = await scopeFrom(level, form.places);
        if (isProblem(scope)) return listPage(request, reply.code(400), { ...asShown(scope), form });
        const result = await ctx.staff.appoint(staff, { level, scope, name: form.name });
        if (!result.ok)
          return listPage(request, reply.code(403), {
            ...asShown(problem("console-staff-outside-scope")),
            form,
          });
        await kit.audit(request, "staff:appoint", result.code, level);
        return listPage(request, reply, {
          made: { code: result.code, expires: formatDateTime(result.expiresAt) },
        });
      });

      app.post<{ Body: { actor?: string } }>("/staff/revoke", async (request, reply) => {
        const actor = String(request.body?.actor ?? "");
        const done = await ctx.staff.revoke(kit.user(request).staff, actor);
        if (!done) return kit.notFound(request, reply);
        await kit.audit(request, "staff:revoke", actor);
        return reply.redirect("/console/staff", 303);
      });

      // A colleague's role or scope changes: within the changer's own scope, like an appointment.
      app.post<{ Body: { actor?: string } & Form }>("/staff/change", async (request, reply) => {
        const { staff } = kit.user(request);
        const actor = String(request.body?.actor ?? "");
        const level = levelsBelow(staff.level).find((l) => l === request.body?.level);
        if (!level) return listPage(request, reply.code(400), asShown(LEVEL_NEEDED));
        const scope = await scopeFrom(level, String(request.body?.places ?? ""));
        if (isProblem(scope)) return listPage(request, reply.code(400), asShown(scope));
        const done = await ctx.staff.change(staff, actor, level, scope);
        if (!done) return kit.notFound(request, reply);
        await kit.audit(request, "staff:change", actor, level);
        return reply.redirect("/console/staff", 303);
      });

      app.post<{ Body: { code?: string } }>("/staff/appointments/revoke", async (request, reply) => {
        const code = String(request.body?.code ?? "");
        const done = await ctx.staff.revokeAppointment(kit.user(request).staff, code);
        if (!done) return kit.notFound(request, reply);
        await kit.audit(request, "staff:revoke-code", code);
        return reply.redirect("/console/staff", 303);
      });

      app.get<{ Querystring: { actor?: string; action?: string; target?: string; before?: string } }>(
        "/audit",
        async (request, reply) => {
          const { staff, t } = kit.user(request);
          if (staff.level !== "province") return kit.notFound(request, reply);
          const q = request.query;
          const text = (v: unknown) =>
            typeof v === "string" && v.trim() ? v.trim().slice(0, 100) : undefined;
          const before = text(q.before) ? new Date(Number(q.before)) : undefined;
          const filter = {
            ...(text(q.actor) ? { actor: text(q.actor) } : {}),
            ...(text(q.action) ? { action: text(q.action) } : {}),
            ...(text(q.target) ? { target: text(q.target) } : {}),
            ...(before && !Number.isNaN(before.getTime()) ? { before } : {}),
          };
          const entries = await readAudit(ctx.mongo, filter);
          const last = entries.at(-1);
          const next =
            last && entries.length >= 50
              ? new URLSearchParams({ ...filter, before: String(last.at.getTime()) } as Record<
                  string,
                  string
                >)
              : undefined;
          return kit.page(request, reply, "features/staff/views/audit", {
            title: t("console-nav-audit"),
            filter,
            entries: entries.map((e) => ({ ...e, when: formatDateTime(e.at) })),
            next: next?.toString(),
          });
        },
      );
    },
  };
}
