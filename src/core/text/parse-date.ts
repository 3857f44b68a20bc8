/**
 * A day and time as people in Vietnam type them: "05/12/2026 7:30", "5/12 14h", "7h30 ngày
 * 5/12", "05-12-2026". Read in Vietnam's time zone (UTC+7 all year, no summer time), whatever the
 * server's. A day without a year is the next such day from today; without a time, 07:00, when
 * schools open.
 */
import { asciiDigits } from "./ascii-digits.js";

const VIETNAM_OFFSET_MS = 7 * 3600_000;
const DAY = /(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2,4}))?/;
const TIME = /(\d{1,2})\s*(?:[:hg]|giờ)\s*(\d{2})?/i;
const DEFAULT_HOUR = 7;

export type ParsedDateTime = { ok: true; at: Date } | { ok: false };

export function parseDateTime(text: string, now: Date = new Date()): ParsedDateTime {
  const typed = asciiDigits(text);
  const day = DAY.exec(typed);
  if (!day) return { ok: false };
  const rest = typed.replace(day[0], " ");
  const time = TIME.exec(rest);
  const [d, m] = [Number(day[1]), Number(day[2])];
  const hour = time ? Number(time[1]) : DEFAULT_HOUR;
  const minute = time?.[2] ? Number(time[2]) : 0;
  if (m < 1 || m > 12 || d < 1 || d > 31 || hour > 23 || minute > 59) return { ok: false };
  const today = new Date(now.getTime() + VIETNAM_OFFSET_MS);
  let year = day[3] ? Number(day[3]) : today.getUTCFullYear();
  if (day[3] && day[3].length === 2) year += 2000;
  const at = (y: number) => new Date(Date.UTC(y, m - 1, d, hour, minute) - VIETNAM_OFFSET_MS);
  let result = at(year);
  // "5/1" typed in December means next January.
  if (!day[3] && result.getTime() < now.getTime() - 86_400_000) result = at(year + 1);
  // 31/02 rolls into March in Date.UTC: refuse a day the month does not have.
  const check = new Date(result.getTime() + VIETNAM_OFFSET_MS);
  if (check.getUTCDate() !== d || check.getUTCMonth() !== m - 1) return { ok: false };
  return { ok: true, at: result };
}
