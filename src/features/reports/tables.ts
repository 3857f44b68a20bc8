/**
 * The dashboard's tables, as data: the page draws them (with a bar chart where one helps), and
 * the CSV and XLSX exports write exactly the same rows, so an export always equals the page.
 */
import type { Translate } from "../../core/i18n.js";
import { REQUEST_STATUSES } from "../requests/model.js";
import type { Figures } from "./figures.js";

export const TABLE_IDS = ["requests", "devices", "money", "connectivity", "waits"] as const;
export type TableId = (typeof TABLE_IDS)[number];

export interface ReportTable {
  id: TableId;
  title: string;
  columns: string[];
  rows: Array<Array<string | number>>;
  /** Bars drawn from these columns: the row's label and one number per series. */
  chart?: { label: number; values: number[] };
}

export function tablesOf(f: Figures, t: Translate): ReportTable[] {
  const kinds = ["device", "connectivity"];
  return [
    {
      id: "requests",
      title: t("report-requests-title"),
      columns: [t("report-status"), ...kinds.map((k) => t(`report-kind-${k}`))],
      rows: REQUEST_STATUSES.map((s) => [
        t(`request-status-${s}`),
        ...kinds.map((k) => f.requests[k]?.[s] ?? 0),
      ]),
      chart: { label: 0, values: [1, 2] },
    },
    {
      id: "devices",
      title: t("report-devices-title"),
      columns: [t("report-figure"), t("report-count")],
      rows: (["needed", "pledged", "received", "matched", "handedOver"] as const).map((k) => [
        t(`report-devices-${k}`),
        f.devices[k],
      ]),
      chart: { label: 0, values: [1] },
    },
    {
      id: "money",
      title: t("report-money-title"),
      columns: [t("report-figure"), t("report-vnd")],
      rows: (["pledgedVnd", "receivedVnd", "spentVnd"] as const).map((k) => [
        t(`report-money-${k}`),
        f.money[k],
      ]),
    },
    {
      id: "connectivity",
      title: t("report-connectivity-title"),
      columns: [t("report-carrier"), t("report-ward"), t("report-count")],
      rows: f.connectivity.map((c) => [c.carrier || "—", c.ward || "—", c.count]),
    },
    {
      id: "waits",
      title: t("report-waits-title"),
      columns: [t("report-week"), t("report-median-days"), t("report-handovers")],
      rows: f.waits.map((w) => [w.week, w.medianDays, w.count]),
      chart: { label: 0, values: [1] },
    },
  ];
}

/** Bars as SVG geometry, computed here so the template only prints numbers (no inline style). */
export function barsOf(
  table: ReportTable,
): Array<{ label: string; bars: Array<{ value: number; width: number }> }> {
  if (!table.chart) return [];
  const { label, values } = table.chart;
  const max = Math.max(1, ...table.rows.flatMap((row) => values.map((i) => Number(row[i]) || 0)));
  return table.rows.map((row) => ({
    label: String(row[label]),
    bars: values.map((i) => {
      const value = Number(row[i]) || 0;
      return { value, width: Math.round((value / max) * 1000) / 10 };
    }),
  }));
}
