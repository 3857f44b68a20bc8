/**
 * The console's "Báo cáo" page and its exports. Every figure is limited to the viewer's schools
 * (kit.schools) and the page's filters (scope.ts); each export is written to the audit log.
 * docs/reports.md.
 */
import type { FastifyRequest } from "fastify";
import type { Connection } from "mongoose";
import type { ConsoleKit, ConsoleSection } from "../../core/console.js";
import type { Translate } from "../../core/i18n.js";
import { SCHOOL_LEVELS } from "../schools/model.js";
import { EXPORT_FORMATS, toCsv, toXlsx } from "./export.js";
import { figures } from "./figures.js";
import { reportScope, type SchoolInfo } from "./scope.js";
import { barsOf, TABLE_IDS, tablesOf } from "./tables.js";

type Query = { area?: string; level?: string };

/** Numbers as Vietnamese read them (12.000.000; 7,5); the exports keep plain numbers. */
export const displayCell = (value: string | number) =>
  typeof value === "number" ? new Intl.NumberFormat("vi-VN").format(value) : value;

/**
 * The area filter's label and choices: districts, then wards. Under the two-level local
 * government (since July 2025) schools have no district, so the list is the wards and communes
 * by their own names, under "Phường/xã"; a district is offered only where one is known.
 */
export function areaChoices(
  visible: SchoolInfo[],
  t: Translate,
): { areaLabel: string; areas: Array<{ value: string; label: string }> } {
  const sortedSet = (names: string[]) =>
    [...new Set(names.filter(Boolean))].sort((a, b) => a.localeCompare(b, "vi"));
  const districts = sortedSet(visible.map((s) => s.district));
  const wards = sortedSet(visible.map((s) => s.ward));
  if (districts.length === 0)
    return { areaLabel: t("report-filter-ward"), areas: wards.map((w) => ({ value: `w:${w}`, label: w })) };
  return {
    areaLabel: t("report-filter-area"),
    areas: [
      ...districts.map((d) => ({ value: `d:${d}`, label: t("report-area-district", { name: d }) })),
      ...wards.map((w) => ({ value: `w:${w}`, label: t("report-area-ward", { name: w }) })),
    ],
  };
}

export function reportsConsole(mongo: Connection): ConsoleSection {
  return {
    nav: [{ path: "/reports", labelKey: "report-nav" }],
    async register(app, kit: ConsoleKit) {
      async function build(request: FastifyRequest<{ Querystring: Query }>) {
        const { t } = kit.user(request);
        const scope = await reportScope(mongo, await kit.schools(request), request.query);
        return { scope, tables: tablesOf(await figures(mongo, scope), t) };
      }
      const queryOf = (filter: Query) =>
        new URLSearchParams(Object.entries(filter).filter(([, v]) => v) as [string, string][]).toString();

      app.get<{ Querystring: Query }>("/reports", async (request, reply) => {
        const { t } = kit.user(request);
        const { scope, tables } = await build(request);
        const query = queryOf(scope.filter);
        return kit.page(request, reply, "features/reports/views/dashboard", {
          title: t("report-nav"),
          cell: displayCell,
          filter: scope.filter,
          ...areaChoices(scope.visible, t),
          levels: SCHOOL_LEVELS.map((l) => ({ value: l, label: t(`school-level-${l}`) })),
          tables: tables.map((table) => ({
            ...table,
            bars: barsOf(table),
            csv: `/console/reports/${table.id}.csv${query ? `?${query}` : ""}`,
            xlsx: `/console/reports/${table.id}.xlsx${query ? `?${query}` : ""}`,
          })),
        });
      });

      app.get<{ Params: { file: string }; Querystring: Query }>("/reports/:file", async (request, reply) => {
        const [id, format] = request.params.file.split(".");
        const table = TABLE_IDS.find((x) => x === id);
        const as = EXPORT_FORMATS.find((x) => x === format);
        if (!table || !as) return kit.notFound(request, reply);
        const { scope, tables } = await build(request);
        const chosen = tables.find((x) => x.id === table);
        if (!chosen) return kit.notFound(request, reply);
        await kit.audit(
          request,
          "reports:export",
          table,
          [as, queryOf(scope.filter)].filter(Boolean).join(" "),
        );
        const name = `choem-${table}.${as}`;
        reply.header("content-disposition", `attachment; filename="${name}"`);
        if (as === "csv") return reply.type("text/csv; charset=utf-8").send(toCsv(chosen));
        return reply
          .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
          .send(await toXlsx(chosen));
      });
    },
  };
}
