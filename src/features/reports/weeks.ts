/**
 * ISO weeks in Vietnam's time (UTC+7 all year, no daylight saving): the wait table groups
 * handovers by the week they happened in, and the weekly summary reports the week just ended.
 */
const DAY_MS = 86_400_000;
const VN_OFFSET_MS = 7 * 3_600_000;

/** "2026-W49" for the ISO week (Monday to Sunday, Vietnam time) containing `at`. */
export function isoWeekOf(at: Date): string {
  const local = new Date(at.getTime() + VN_OFFSET_MS);
  const day = local.getUTCDay() || 7;
  // The Thursday of this week decides the ISO year.
  const thursday = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + 4 - day);
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** The instants of the ISO week before the one containing `at`: what a Monday summary covers. */
export function previousWeek(at: Date): { week: string; from: Date; to: Date } {
  const local = new Date(at.getTime() + VN_OFFSET_MS);
  const day = local.getUTCDay() || 7;
  const mondayLocal = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - day + 1);
  const to = new Date(mondayLocal - VN_OFFSET_MS);
  const from = new Date(to.getTime() - 7 * DAY_MS);
  return { week: isoWeekOf(from), from, to };
}

/** The median of some numbers (the mean of the middle two for an even count). */
export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export const daysBetween = (from: Date, to: Date) => (to.getTime() - from.getTime()) / DAY_MS;
