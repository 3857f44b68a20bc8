/**
 * A request's priority score and why (docs/allocation.md#priority-table): the sum of the
 * weights of what the family told us, plus points for each whole week it has waited. The parts
 * are kept so the proposal page can say why this child comes before that one.
 */
import type { HelpRequest } from "../requests/model.js";
import { HOME_FACTORS, type PriorityWeights } from "./weights.js";

export const WEEK_MS = 7 * 86_400_000;

export interface ScorePart {
  /** "circumstance", "home" or "wait": the table's group. */
  group: "circumstance" | "home" | "wait";
  /** The circumstance or home value, or the number of weeks for "wait". */
  value: string;
  points: number;
}

export interface Score {
  total: number;
  parts: ScorePart[];
}

export type Scorable = Pick<HelpRequest, "circumstances" | "homeHas" | "createdAt">;

export function scoreOf(request: Scorable, weights: PriorityWeights, now: number): Score {
  const parts: ScorePart[] = [];
  for (const value of new Set(request.circumstances ?? [])) {
    const points = Object.hasOwn(weights.circumstances, value) ? (weights.circumstances[value] ?? 0) : 0;
    if (points > 0) parts.push({ group: "circumstance", value, points });
  }
  const home = new Set(request.homeHas ?? []);
  for (const factor of HOME_FACTORS) {
    if (home.has(factor) && weights.home[factor] > 0)
      parts.push({ group: "home", value: factor, points: weights.home[factor] });
  }
  const weeks = Math.max(0, Math.floor((now - new Date(request.createdAt).getTime()) / WEEK_MS));
  if (weeks > 0 && weights.perWeek > 0)
    parts.push({ group: "wait", value: String(weeks), points: weeks * weights.perWeek });
  return { total: parts.reduce((sum, part) => sum + part.points, 0), parts };
}
