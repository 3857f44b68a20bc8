/**
 * What staff type for a request's status in chat (`/capnhat YC-… đã xác minh lý do…`): the
 * Vietnamese words staff use, with or without diacritics, or the English ones. The words per
 * status are in locales (`request-status-words-<status>`, comma-separated), so they read like
 * the status labels parents see; the longest that begins the text wins, the rest is the reason.
 */
import type { I18n } from "../../core/i18n.js";
import { LOCALES } from "../../core/i18n.js";
import { fold } from "../../core/text/fold.js";
import { REQUEST_STATUSES, type RequestStatus } from "./model.js";

/** Statuses staff set; "new" and "withdrawn" are the parent's. */
export const STAFF_STATUSES = REQUEST_STATUSES.filter(
  (s): s is Exclude<RequestStatus, "new" | "withdrawn"> => s !== "new" && s !== "withdrawn",
);

export type StatusWords = (typed: string) => { status: RequestStatus; rest: string } | undefined;

export function statusWords(i18n: I18n): StatusWords {
  const aliases: Array<{ words: string[]; status: RequestStatus }> = [];
  for (const status of REQUEST_STATUSES) {
    const typed = new Set<string>([status]);
    for (const locale of LOCALES) {
      for (const alias of i18n.t(locale, `request-status-words-${status}`).split(",")) typed.add(fold(alias));
    }
    for (const alias of typed) if (alias) aliases.push({ words: alias.split(" "), status });
  }
  // Longest first: "khong duoc duyet" before "duoc duyet".
  aliases.sort((a, b) => b.words.length - a.words.length);
  return (typed) => {
    const original = typed.trim().split(/\s+/);
    const folded = original.map(fold);
    const found = aliases.find((a) => a.words.every((word, i) => folded[i] === word));
    return found ? { status: found.status, rest: original.slice(found.words.length).join(" ") } : undefined;
  };
}
