/**
 * "Minh bạch": anonymous totals of what was pledged, received and delivered, and where it went
 * by school level and by district. No names, no codes: safe to publish as JSON and in chat.
 * Only $match and $group with one $sum each, which FerretDB 1.24 computes correctly (docs/storage-and-ferretdb.md#only-the-first-group-accumulator).
 */
import type { Connection } from "mongoose";
import type { Translate } from "../../core/i18n.js";
import { pledgeModel } from "../pledges/model.js";
import { formatVnd } from "../pledges/parse-money.js";

export interface PlaceTotals {
  pledges: number;
  moneyVnd: number;
  devices: number;
  dataPackages: number;
}

export interface PledgeSummary {
  generatedAt: string;
  /** Pledges not cancelled. */
  pledges: number;
  money: { pledgedVnd: number; receivedVnd: number };
  devices: { pledged: number; received: number; delivered: number };
  dataPackages: { pledged: number; received: number };
  /**
   * What was received for pledges allocated to schools, by the schools' level and area: the
   * district, or the ward or commune for schools with none (since July 2025). The key stays
   * `district` in the published JSON.
   */
  bySchoolLevel: Array<PlaceTotals & { level: string }>;
  byDistrict: Array<PlaceTotals & { district: string }>;
}

const n = (value: unknown) => (typeof value === "number" ? value : 0);
type Totals = Record<string, number>;

export async function summarize(connection: Connection): Promise<PledgeSummary> {
  const Pledges = pledgeModel(connection);

  /**
   * Sums per group, one aggregation per sum: FerretDB 1.24 computes only the first accumulator
   * of a $group and returns 0 for the others. Aggregation stages are not filters mongoose
   * sanitizes, and these operators are ours, not a person's.
   */
  async function sums(match: object, by: string | null, fields: Record<string, string | 1>) {
    const results = await Promise.all(
      Object.entries(fields).map(async ([name, path]) => {
        const rows = await Pledges.aggregate<{ _id: unknown; value: unknown }>([
          { $match: match },
          { $group: { _id: by ? `$${by}` : null, value: { $sum: path === 1 ? 1 : `$${path}` } } },
        ]);
        return { name, rows };
      }),
    );
    const groups = new Map<string, Totals>();
    for (const { name, rows } of results) {
      for (const row of rows) {
        // Sums over the whole collection come back grouped under null.
        const key = row._id === null || row._id === undefined ? "" : String(row._id);
        groups.set(key, { ...groups.get(key), [name]: n(row.value) });
      }
    }
    return groups;
  }

  const live = { status: { $ne: "cancelled" } };
  const placed = { status: { $in: ["allocated", "delivered"] } };
  const perPlace = {
    pledges: 1,
    moneyVnd: "money.receivedVnd",
    devices: "devices.receivedCount",
    dataPackages: "data.receivedCount",
  } as const;
  const [totals, delivered, levels, districts] = await Promise.all([
    sums(live, null, {
      pledges: 1,
      moneyPledged: "money.pledgedVnd",
      moneyReceived: "money.receivedVnd",
      devicesPledged: "devices.count",
      devicesReceived: "devices.receivedCount",
      dataPledged: "data.count",
      dataReceived: "data.receivedCount",
    }),
    sums({ status: "delivered" }, null, { devices: "devices.receivedCount" }),
    sums(placed, "allocation.level", perPlace),
    sums(placed, "allocation.district", perPlace),
  ]);
  const t = totals.get("") ?? {};
  const place = (row: Totals): PlaceTotals => ({
    pledges: n(row.pledges),
    moneyVnd: n(row.moneyVnd),
    devices: n(row.devices),
    dataPackages: n(row.dataPackages),
  });
  const sorted = (groups: Map<string, Totals>) =>
    [...groups.entries()].sort(([a], [b]) => a.localeCompare(b, "vi"));
  return {
    generatedAt: new Date().toISOString(),
    pledges: n(t.pledges),
    money: { pledgedVnd: n(t.moneyPledged), receivedVnd: n(t.moneyReceived) },
    devices: {
      pledged: n(t.devicesPledged),
      received: n(t.devicesReceived),
      delivered: n(delivered.get("")?.devices),
    },
    dataPackages: { pledged: n(t.dataPledged), received: n(t.dataReceived) },
    bySchoolLevel: sorted(levels).map(([level, row]) => ({ level, ...place(row) })),
    byDistrict: sorted(districts).map(([district, row]) => ({ district, ...place(row) })),
  };
}

/** The summary as one chat message. */
export function formatSummary(summary: PledgeSummary, t: Translate, locale: string): string {
  const vnd = (amount: number) => formatVnd(amount, locale);
  const line = (name: string, p: PlaceTotals) =>
    `• ${t("pledge-summary-place", { name, pledges: p.pledges, money: vnd(p.moneyVnd), devices: p.devices, data: p.dataPackages })}`;
  const sections = [
    t("pledge-transparency-intro", { pledges: summary.pledges }),
    t("pledge-transparency-money", {
      pledged: vnd(summary.money.pledgedVnd),
      received: vnd(summary.money.receivedVnd),
    }),
    t("pledge-transparency-devices", { ...summary.devices }),
    t("pledge-transparency-data", { ...summary.dataPackages }),
  ];
  if (summary.bySchoolLevel.length > 0) {
    sections.push(
      [
        t("pledge-transparency-by-level"),
        ...summary.bySchoolLevel.map((p) => line(t(`school-level-${p.level}`), p)),
      ].join("\n"),
    );
    sections.push(
      [
        t("pledge-transparency-by-district"),
        ...summary.byDistrict.map((p) => line(p.district || "—", p)),
      ].join("\n"),
    );
  }
  return sections.join("\n\n");
}
