/**
 * The numbers behind the dashboard, in six reads (docs/reports.md#queries): two aggregations
 * over requests, one over allocation lines, one read of the handed-over lines' requests, and
 * projected reads of pledges and lots, which are few. FerretDB 1.24 computes only the first
 * accumulator of a $group and has no $lookup or $facet, so each aggregation groups by a
 * composite _id with a single `$sum: 1`, and joins and medians are done here.
 */
import { type Connection, trusted } from "mongoose";
import { type AllocationLine, type Lot, lineModel, lotModel } from "../allocation/model.js";
import { type Pledge, pledgeModel } from "../pledges/model.js";
import { type HelpRequest, requestModel } from "../requests/model.js";
import type { ReportScope } from "./scope.js";
import { schoolMatch } from "./scope.js";
import { daysBetween, isoWeekOf, median } from "./weeks.js";

/** Device requests still waiting for a device. */
export const WAITING_STATUSES = ["new", "verified", "approved"];
const CLOSED_STATUSES = ["rejected", "withdrawn"];

export interface Figures {
  /** kind → status → count. */
  requests: Record<string, Record<string, number>>;
  devices: { needed: number; pledged: number; received: number; matched: number; handedOver: number };
  money: { pledgedVnd: number; receivedVnd: number; spentVnd: number };
  /** Connectivity requests (not rejected or withdrawn) by carrier and the school's ward. */
  connectivity: Array<{ carrier: string; ward: string; count: number }>;
  /** Request to handover, by ISO week of the handover. */
  waits: Array<{ week: string; medianDays: number; count: number }>;
}

type Grouped<T> = { _id: T; n: number };

export async function figures(mongo: Connection, scope: ReportScope): Promise<Figures> {
  const Requests = requestModel(mongo);
  const Lines = lineModel(mongo);
  const inScope = schoolMatch(scope, "schoolCode");
  const [byStatus, byCarrier, lines, handed, pledges, lots] = await Promise.all([
    Requests.aggregate<Grouped<{ kind: string; status: string }>>([
      { $match: inScope },
      { $group: { _id: { kind: "$kind", status: "$status" }, n: { $sum: 1 } } },
    ]),
    Requests.aggregate<Grouped<{ carrier?: string; school?: string }>>([
      { $match: { ...inScope, kind: "connectivity", status: trusted({ $nin: CLOSED_STATUSES }) } },
      { $group: { _id: { carrier: "$carrier", school: "$schoolCode" }, n: { $sum: 1 } } },
    ]),
    Lines.aggregate<Grouped<{ lot: string; status: string; kind: string }>>([
      { $match: inScope },
      { $group: { _id: { lot: "$lotCode", status: "$status", kind: "$kind" }, n: { $sum: 1 } } },
    ]),
    Lines.find({ ...inScope, handedOverAt: trusted({ $exists: true }), status: trusted({ $ne: "returned" }) })
      .select({ requestCode: 1, handedOverAt: 1 })
      .lean<Pick<AllocationLine, "requestCode" | "handedOverAt">[]>(),
    pledgeModel(mongo)
      .find({ ...schoolMatch(scope, "allocation.schoolCode"), status: trusted({ $ne: "cancelled" }) })
      .select({ money: 1, "devices.count": 1, "devices.receivedCount": 1 })
      .lean<Pick<Pledge, "money" | "devices">[]>(),
    lotModel(mongo)
      .find({ source: "purchase" })
      .select({ code: 1, count: 1, costVnd: 1 })
      .lean<Pick<Lot, "code" | "count" | "costVnd">[]>(),
  ]);

  const requests: Figures["requests"] = {};
  for (const { _id, n } of byStatus) {
    const kind = requests[_id.kind] ?? {};
    kind[_id.status] = (kind[_id.status] ?? 0) + n;
    requests[_id.kind] = kind;
  }
  const needed = WAITING_STATUSES.reduce((sum, s) => sum + (requests.device?.[s] ?? 0), 0);

  const wards = new Map<string, number>();
  for (const { _id, n } of byCarrier) {
    const ward = (_id.school && scope.bySchool.get(_id.school)?.ward) || "";
    const key = JSON.stringify([_id.carrier ?? "", ward]);
    wards.set(key, (wards.get(key) ?? 0) + n);
  }
  const connectivity = [...wards].map(([key, count]) => {
    const [carrier, ward] = JSON.parse(key) as [string, string];
    return { carrier, ward, count };
  });
  connectivity.sort((a, b) => a.carrier.localeCompare(b.carrier, "vi") || a.ward.localeCompare(b.ward, "vi"));

  // Spent: every purchase for a viewer who sees all; otherwise each open line's share of its lot.
  const unitCost = new Map(lots.map((l) => [l.code, (l.costVnd ?? 0) / Math.max(l.count, 1)]));
  let matched = 0;
  let handedOver = 0;
  let attributed = 0;
  for (const { _id, n } of lines) {
    if (_id.status !== "returned") attributed += (unitCost.get(_id.lot) ?? 0) * n;
    if (_id.kind !== "devices") continue;
    if (_id.status === "matched") matched += n;
    if (_id.status === "handed-over" || _id.status === "confirmed") handedOver += n;
  }
  const spentVnd = scope.codes ? Math.round(attributed) : lots.reduce((sum, l) => sum + (l.costVnd ?? 0), 0);

  return {
    requests,
    devices: {
      needed,
      pledged: pledges.reduce((sum, p) => sum + (p.devices?.count ?? 0), 0),
      received: pledges.reduce((sum, p) => sum + (p.devices?.receivedCount ?? 0), 0),
      matched,
      handedOver,
    },
    money: {
      pledgedVnd: pledges.reduce((sum, p) => sum + (p.money?.pledgedVnd ?? 0), 0),
      receivedVnd: pledges.reduce((sum, p) => sum + (p.money?.receivedVnd ?? 0), 0),
      spentVnd,
    },
    connectivity,
    waits: await waitsByWeek(Requests, handed),
  };
}

/** The join FerretDB cannot do: handed-over lines to their requests' creation times. */
async function waitsByWeek(
  Requests: ReturnType<typeof requestModel>,
  handed: Pick<AllocationLine, "requestCode" | "handedOverAt">[],
): Promise<Figures["waits"]> {
  if (handed.length === 0) return [];
  const asked = await Requests.find({ code: trusted({ $in: handed.map((l) => l.requestCode) }) })
    .select({ code: 1, createdAt: 1 })
    .lean<Pick<HelpRequest, "code" | "createdAt">[]>();
  const createdAt = new Map(asked.map((r) => [r.code, r.createdAt]));
  const weeks = new Map<string, number[]>();
  for (const line of handed) {
    const from = createdAt.get(line.requestCode);
    if (!from || !line.handedOverAt) continue;
    const week = isoWeekOf(line.handedOverAt);
    weeks.set(week, [...(weeks.get(week) ?? []), daysBetween(from, line.handedOverAt)]);
  }
  return [...weeks]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([week, days]) => ({ week, medianDays: Math.round(median(days) * 10) / 10, count: days.length }));
}
