/**
 * Why a request is not approved: a short list staff pick from (so reports can count them),
 * plus what they add in their own words. The parent reads the reason in their language.
 */
import type { I18n, Locale } from "../../../core/i18n.js";

export const REJECT_REASONS = [
  "not-eligible",
  "duplicate",
  "unreachable",
  "moved-away",
  "enough-devices",
  "other",
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export function isRejectReason(value: unknown): value is RejectReason {
  return typeof value === "string" && (REJECT_REASONS as readonly string[]).includes(value);
}

/** The reason as stored and told: the listed reason in the parent's language, then the staff's words. */
export function reasonText(i18n: I18n, locale: Locale, reason: RejectReason, words: string): string {
  const listed = reason === "other" ? "" : i18n.t(locale, `request-reject-reason-${reason}`);
  return [listed, words.trim()].filter(Boolean).join(": ").slice(0, 300);
}
