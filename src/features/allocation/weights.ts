/**
 * The priority table (docs/allocation.md#priority-table): how many points each thing a family
 * told us is worth when ChoEm proposes who gets a lot. The values a request can carry come from
 * the device form (src/features/requests/device.form.ts); the defaults below are used until
 * province staff save their own table in the console.
 */
import { CIRCUMSTANCES } from "../requests/device.form.js";

/** "nothing at home" and "the only device is a phone shared with the parents" (homeHas). */
export const HOME_FACTORS = ["nothing", "shared-phone"] as const;
export type HomeFactor = (typeof HOME_FACTORS)[number];

export interface PriorityWeights {
  /** Points per circumstance the parent ticked ("poor", "orphan", …). */
  circumstances: Record<string, number>;
  /** Points when homeHas holds this value. */
  home: Record<HomeFactor, number>;
  /** Points per whole week since the request was filed. */
  perWeek: number;
}

export const DEFAULT_WEIGHTS: PriorityWeights = {
  circumstances: {
    poor: 30,
    "near-poor": 20,
    orphan: 30,
    "job-loss": 15,
    migrant: 10,
    lockdown: 10,
    other: 5,
  },
  home: { nothing: 25, "shared-phone": 10 },
  perWeek: 2,
};

/** Every row of the table, in the order it is shown and typed. */
export const WEIGHT_ROWS: Array<{ field: string; group: "circumstance" | "home" | "wait"; value: string }> = [
  ...CIRCUMSTANCES.map((value) => ({ field: `c-${value}`, group: "circumstance" as const, value })),
  ...HOME_FACTORS.map((value) => ({ field: `h-${value}`, group: "home" as const, value })),
  { field: "perWeek", group: "wait", value: "per-week" },
];

/** The weight behind one row of the table. */
export function weightOf(weights: PriorityWeights, row: (typeof WEIGHT_ROWS)[number]): number {
  if (row.group === "circumstance") return weights.circumstances[row.value] ?? 0;
  if (row.group === "home") return weights.home[row.value as HomeFactor] ?? 0;
  return weights.perWeek;
}

export const MAX_WEIGHT = 1000;

/**
 * The table as staff typed it: whole numbers from 0 to MAX_WEIGHT in every row. Returns the
 * first row that is wrong, so the form can say which, and keeps everything typed.
 */
export function readWeights(
  body: Record<string, unknown>,
): { ok: true; weights: PriorityWeights } | { ok: false; field: string; typed: Record<string, string> } {
  const typed: Record<string, string> = {};
  for (const row of WEIGHT_ROWS)
    typed[row.field] = String(body[row.field] ?? "")
      .trim()
      .slice(0, 10);
  const weights: PriorityWeights = { circumstances: {}, home: { nothing: 0, "shared-phone": 0 }, perWeek: 0 };
  for (const row of WEIGHT_ROWS) {
    const text = typed[row.field] ?? "";
    const n = Number(text);
    if (!/^\d{1,4}$/.test(text) || n > MAX_WEIGHT) return { ok: false, field: row.field, typed };
    if (row.group === "circumstance") weights.circumstances[row.value] = n;
    else if (row.group === "home") weights.home[row.value as HomeFactor] = n;
    else weights.perWeek = n;
  }
  return { ok: true, weights };
}
