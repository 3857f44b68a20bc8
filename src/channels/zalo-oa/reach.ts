/**
 * Who and how fast the OA can reach (docs/platforms/zalo-oa.md §6 and §9), for the delivery queue and
 * broadcast reports. People outside the 7-day window cannot be messaged until they write again, so
 * reports count them apart from real failures.
 */
import type { SendOutcome } from "../../core/messages.js";

/** App-wide limit; past it every call answers -32 until the next minute. */
export const ZALO_OA_REQUESTS_PER_MINUTE = 4000;

/** The reason of a send refused because the person has not interacted with the OA in 7 days. */
export const OUTSIDE_WINDOW = "outside-window";

export function isOutsideWindow(outcome: SendOutcome): boolean {
  return outcome.kind === "rejected" && outcome.reason === OUTSIDE_WINDOW;
}
