/**
 * The requests list of the console: filters in the query string (so a filtered page can be
 * bookmarked and shared with a colleague of the same scope), 50 a page by keyset cursor, the
 * staff member's scope always part of the query (queue/build-queue-query.ts).
 */
import type { FastifyInstance } from "fastify";
import type { ConsoleKit } from "../../../core/console.js";
import { formatDateTime } from "../../../core/text/format-date.js";
import { REQUEST_STATUSES, type RequestStatus } from "../model.js";
import type { QueueFilter, QueueScope } from "../queue/build-queue-query.js";
import type { RequestQueue } from "../queue/list-requests.js";

type Query = Partial<
  Record<
    "kind" | "status" | "school" | "circumstance" | "from" | "to" | "dup" | "q" | "cursor" | "bulk",
    string
  >
>;

const CIRCUMSTANCES = ["poor", "near-poor", "orphan", "job-loss", "migrant", "lockdown", "other"];

/** A date typed as 2026-12-01 (the date input's value), as the start of that day in Vietnam. */
function dayStart(value: string | undefined, endOfDay = false): Date | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const at = new Date(`${value}T${endOfDay ? "23:59:59.999" : "00:00:00"}+07:00`);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

export function filterOf(q: Query): QueueFilter {
  const status = REQUEST_STATUSES.find((s) => s === q.status);
  return {
    ...(q.kind === "device" || q.kind === "connectivity" ? { kind: q.kind } : {}),
    ...(status ? { statuses: [status as RequestStatus] } : {}),
    ...(q.school?.trim() ? { schoolCode: q.school.trim().toUpperCase() } : {}),
    ...(q.circumstance && CIRCUMSTANCES.includes(q.circumstance) ? { circumstances: [q.circumstance] } : {}),
    ...(dayStart(q.from) ? { createdFrom: dayStart(q.from) } : {}),
    ...(dayStart(q.to, true) ? { createdTo: dayStart(q.to, true) } : {}),
    ...(q.dup === "yes" ? { possibleDuplicate: true } : {}),
    ...(q.q?.trim() ? { search: q.q.trim().slice(0, 100) } : {}),
  };
}

export function registerQueueList(
  app: FastifyInstance,
  kit: ConsoleKit,
  deps: { queue: RequestQueue },
): void {
  app.get<{ Querystring: Query }>("/requests", async (request, reply) => {
    const { t } = kit.user(request);
    const q = request.query;
    const scoped = await kit.schools(request);
    const scope: QueueScope = scoped.all ? { all: true } : { schoolCodes: scoped.codes };
    const page = await deps.queue.listRequests(scope, filterOf(q), q.cursor ? { cursor: q.cursor } : {});
    await kit.audit(
      request,
      "requests:list",
      "requests",
      new URLSearchParams(q as Record<string, string>).toString().slice(0, 200),
    );
    const keep = Object.fromEntries(
      Object.entries(q).filter(([k, v]) => k !== "cursor" && k !== "bulk" && v),
    );
    const items = page.kind === "page" ? page.items : [];
    return kit.page(request, reply, "features/requests/console/views/list", {
      title: t("console-nav-requests"),
      q,
      problem:
        page.kind === "bad-cursor"
          ? "console-requests-bad-page"
          : page.kind === "search-too-short"
            ? "console-requests-search-short"
            : undefined,
      bulk: q.bulk,
      statuses: REQUEST_STATUSES.map((s) => ({ value: s, label: t(`request-status-${s}`) })),
      circumstances: CIRCUMSTANCES.map((c) => ({ value: c, label: t(`circumstance-${c}`) })),
      rows: items.map((r) => ({
        code: r.code,
        kind: t(`request-kind-${r.kind}`),
        status: t(`request-status-${r.status}`),
        who: r.kind === "device" ? (r.childName ?? "—") : (r.ward ?? r.carrier ?? "—"),
        school: r.schoolName ?? r.schoolCode ?? "—",
        when: formatDateTime(r.createdAt),
        duplicate: Boolean(r.possibleDuplicateOf),
      })),
      next:
        page.kind === "page" && page.nextCursor
          ? new URLSearchParams({ ...keep, cursor: page.nextCursor }).toString()
          : undefined,
    });
  });
}
