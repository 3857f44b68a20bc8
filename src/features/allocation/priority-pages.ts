/**
 * The priority table in the console (docs/allocation.md#priority-table): every weight in one
 * table, readable by all staff (so anyone can say why a child came first), editable by
 * province staff. Saving is audited with the whole table; a wrong number comes back with
 * everything typed and the row named.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ConsoleKit } from "../../core/console.js";
import type { Translate } from "../../core/i18n.js";
import { formatDateTime } from "../../core/text/format-date.js";
import { VIEWS } from "./lot-pages.js";
import type { PriorityStore } from "./priority-store.js";
import { MAX_WEIGHT, readWeights, WEIGHT_ROWS, weightOf } from "./weights.js";

const labelOf = (row: (typeof WEIGHT_ROWS)[number], t: Translate) =>
  row.group === "circumstance"
    ? t(`circumstance-${row.value}`)
    : row.group === "home"
      ? t(`allocation-weight-home-${row.value}`)
      : t("allocation-weight-per-week");

export function registerPriorityPages(app: FastifyInstance, kit: ConsoleKit, priority: PriorityStore) {
  const canEdit = (request: FastifyRequest) => kit.user(request).staff.scope.kind === "all";

  async function page(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { typed?: Record<string, string>; problem?: string; field?: string; done?: boolean } = {},
  ) {
    const { t } = kit.user(request);
    const table = await priority.read();
    return kit.page(request, reply, `${VIEWS}/priority`, {
      title: t("allocation-priority-title"),
      canEdit: canEdit(request),
      max: MAX_WEIGHT,
      rows: WEIGHT_ROWS.map((row) => ({
        field: row.field,
        group: t(`allocation-weight-group-${row.group}`),
        label: labelOf(row, t),
        weight: weightOf(table.weights, row),
        typed: extra.typed?.[row.field] ?? String(weightOf(table.weights, row)),
        wrong: extra.field === row.field,
      })),
      updated: table.updatedAt
        ? t("allocation-priority-updated", { by: table.updatedBy ?? "", at: formatDateTime(table.updatedAt) })
        : t("allocation-priority-defaults"),
      ...(extra.problem
        ? {
            problem: extra.problem,
            problemArgs: {
              row:
                WEIGHT_ROWS.filter((row) => row.field === extra.field).map((row) => labelOf(row, t))[0] ?? "",
              max: MAX_WEIGHT,
            },
          }
        : {}),
      ...(extra.done ? { done: true } : {}),
    });
  }

  app.get<{ Querystring: { done?: string } }>("/priority", (request, reply) =>
    page(request, reply, { done: request.query.done === "1" }),
  );

  app.post("/priority", async (request, reply) => {
    if (!canEdit(request)) return kit.notFound(request, reply);
    const read = readWeights((request.body ?? {}) as Record<string, unknown>);
    if (!read.ok)
      return page(request, reply.code(400), {
        typed: read.typed,
        problem: "allocation-priority-bad",
        field: read.field,
      });
    const { staff } = kit.user(request);
    await priority.save(read.weights, staff.actor);
    await kit.audit(request, "allocation:priority", "allocation_priority", JSON.stringify(read.weights));
    return reply.redirect("/console/priority?done=1", 303);
  });
}
