/**
 * The console's handover pages (docs/allocation.md#handover): a landing page of the schools in
 * scope with open lines, a school's list (printable, and as a PDF), one line's page, and the
 * two actions, handed over and returned to stock. Out of scope answers like not found; every
 * view of the list (pupils' names) and every action is audited.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Connection } from "mongoose";
import type { ConsoleSection } from "../../core/console.js";
import type { AllocationLine } from "../allocation/model.js";
import type { SchoolService } from "../schools/service.js";
import type { ParentNotices } from "./notices.js";
import { handoverPdf } from "./pdf.js";
import { createRowReader, isOverdue, today } from "./rows.js";
import { type HandoverService, isReturnReason, RETURN_REASONS, readSerial } from "./service.js";

type SchoolParams = { Params: { school: string }; Querystring: { filter?: string; done?: string } };
type LineParams = { Params: { code: string } };
const VIEWS = "features/handover/views";

export interface HandoverPageDeps {
  connection: Connection;
  handover: HandoverService;
  schools: SchoolService;
  notices: ParentNotices;
  /** Handed over this many days ago without the parent's tap: marked, and counted. */
  confirmDays: number;
}

export function handoverPages(deps: HandoverPageDeps): ConsoleSection {
  const { handover, confirmDays: days } = deps;
  const rowsOf = createRowReader(deps.connection);
  const schoolName = async (code: string) => (await deps.schools.byCode(code))?.name ?? code;

  return {
    nav: [{ path: "/handover", labelKey: "handover-nav" }],
    async register(app, kit) {
      app.get("/handover", async (request, reply) => {
        const { t } = kit.user(request);
        const lines = await handover.open(await kit.schools(request));
        const bySchool = new Map<string, { open: number; overdue: number }>();
        for (const line of lines) {
          if (!line.schoolCode) continue;
          const counts = bySchool.get(line.schoolCode) ?? { open: 0, overdue: 0 };
          counts.open += 1;
          if (isOverdue(line, days)) counts.overdue += 1;
          bySchool.set(line.schoolCode, counts);
        }
        const schools = [];
        for (const [code, counts] of bySchool)
          schools.push({ code, name: await schoolName(code), ...counts });
        schools.sort((a, b) => a.name.localeCompare(b.name, "vi"));
        const overdue = schools.reduce((sum, school) => sum + school.overdue, 0);
        return kit.page(request, reply, `${VIEWS}/landing`, {
          title: t("handover-title"),
          schools,
          overdue,
          days,
        });
      });

      /** The school's open lines, if the school is in the viewer's scope. */
      async function schoolLines(
        request: FastifyRequest<SchoolParams>,
      ): Promise<AllocationLine[] | undefined> {
        const code = String(request.params.school ?? "").slice(0, 20);
        if (!(await kit.covers(request, code))) return undefined;
        return handover.open(await kit.schools(request), code);
      }

      app.get<SchoolParams>("/handover/school/:school", async (request, reply) => {
        const lines = await schoolLines(request);
        if (!lines) return kit.notFound(request, reply);
        const { t } = kit.user(request);
        const unconfirmed = request.query.filter === "unconfirmed";
        const shown = unconfirmed ? lines.filter((line) => isOverdue(line, days)) : lines;
        await kit.audit(request, "handover:list", request.params.school, unconfirmed ? "unconfirmed" : "all");
        const name = await schoolName(request.params.school);
        const done = ["handover-done-handed-over", "handover-done-returned"].find(
          (key) => key === request.query.done,
        );
        return kit.page(request, reply, `${VIEWS}/school`, {
          title: t("handover-list-title", { school: name }),
          school: { code: request.params.school, name },
          date: today(),
          unconfirmed,
          days,
          rows: await rowsOf(shown, t, days),
          ...(done ? { done } : {}),
        });
      });

      app.get<SchoolParams>("/handover/school/:school/pdf", async (request, reply) => {
        const lines = await schoolLines(request);
        if (!lines) return kit.notFound(request, reply);
        const { t } = kit.user(request);
        await kit.audit(request, "handover:pdf", request.params.school);
        const rows = await rowsOf(lines, t, days);
        const pdf = await handoverPdf({
          title: t("handover-print-title"),
          school: await schoolName(request.params.school),
          date: t("handover-date", { date: today() }),
          headings: ["no", "pupil", "class", "device", "serial", "signature"].map((col) =>
            t(`handover-col-${col}`),
          ),
          rows,
        });
        return reply
          .type("application/pdf")
          .header("content-disposition", `inline; filename="ban-giao-${request.params.school}.pdf"`)
          .header("cache-control", "no-store")
          .send(pdf);
      });

      async function scopedLine(request: FastifyRequest<LineParams>) {
        const line = await handover.byCode(
          String(request.params.code ?? "")
            .toUpperCase()
            .slice(0, 20),
        );
        return line && (await kit.covers(request, line.schoolCode)) ? line : undefined;
      }

      async function linePage(
        request: FastifyRequest<LineParams>,
        reply: FastifyReply,
        line: AllocationLine,
        extra: Record<string, unknown> = {},
      ) {
        const { t } = kit.user(request);
        const [row] = await rowsOf([line], t, days);
        return kit.page(request, reply, `${VIEWS}/line`, {
          title: t("handover-line-title", { code: line.code }),
          row,
          school: line.schoolCode ?? "",
          days,
          reasons: RETURN_REASONS.map((value) => ({ value, label: t(`handover-reason-${value}`) })),
          form: {},
          ...extra,
        });
      }

      app.get<LineParams>("/handover/line/:code", async (request, reply) => {
        const line = await scopedLine(request);
        if (!line) return kit.notFound(request, reply);
        await kit.audit(request, "handover:view", line.code);
        return linePage(request, reply, line);
      });

      const backToSchool = (reply: FastifyReply, line: AllocationLine, done: string) =>
        reply.redirect(`/console/handover/school/${line.schoolCode}?done=${done}#${line.code}`, 303);

      app.post<LineParams & { Body: { serial?: string } }>(
        "/handover/line/:code/handed-over",
        async (request, reply) => {
          const line = await scopedLine(request);
          if (!line) return kit.notFound(request, reply);
          const serial = readSerial(request.body?.serial);
          if (!serial.ok)
            return linePage(request, reply.code(400), line, {
              problem: "handover-serial-bad",
              form: { serial: serial.typed },
            });
          const { staff } = kit.user(request);
          const result = await handover.handOver(line.code, staff.actor, serial.serial);
          await kit.audit(request, "handover:handed-over", line.code, result.kind);
          if (result.kind === "done") {
            await deps.notices.askConfirm(result.line, result.request);
            return backToSchool(reply, line, "handover-done-handed-over");
          }
          const fresh = (await handover.byCode(line.code)) ?? line;
          const problem = result.kind === "request-closed" ? "handover-request-closed" : "handover-not-open";
          const from =
            result.kind === "request-closed" ? kit.user(request).t(`request-status-${result.from}`) : "";
          return linePage(request, reply.code(409), fresh, {
            problem,
            problemArgs: { from },
            form: { serial: serial.serial },
          });
        },
      );

      app.post<LineParams & { Body: { reason?: string; note?: string } }>(
        "/handover/line/:code/return",
        async (request, reply) => {
          const line = await scopedLine(request);
          if (!line) return kit.notFound(request, reply);
          const reason = request.body?.reason;
          const note = String(request.body?.note ?? "")
            .trim()
            .slice(0, 300);
          if (!isReturnReason(reason) || (reason === "other" && !note))
            return linePage(request, reply.code(400), line, {
              problem: "handover-return-need-note",
              form: { reason, note },
            });
          const result = await handover.returnToStock(line.code, kit.user(request).staff.actor, reason, note);
          await kit.audit(
            request,
            "handover:return",
            line.code,
            result.kind === "done" ? reason : result.kind,
          );
          if (result.kind === "done") {
            if (result.request?.status === "approved") await deps.notices.backToWaiting(result.request);
            return backToSchool(reply, line, "handover-done-returned");
          }
          const fresh = (await handover.byCode(line.code)) ?? line;
          return linePage(request, reply.code(409), fresh, {
            problem: "handover-not-open",
            form: { reason, note },
          });
        },
      );
    },
  };
}
