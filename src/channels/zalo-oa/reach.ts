/**
 * Who and how fast the OA can reach (reference/zalo.md 0 and 3.5–3.7), for the delivery queue and
 * broadcast reports. People outside the 7-day window cannot be messaged until they write again, so
 * reports count them apart from real failures.
 */
import type { SendOutcome } from "../../core/messages.js";

/** App-wide limit; past it every call answers -32 until the next minute. */
export const ZALO_OA_REQUESTS_PER_MINUTE = 4000;

/**
 * Deprecated: OA sends refused outside the 7-day window now end as `{ kind: "outside-window" }`.
 * Kept, with the old `rejected` form still recognised, until src/jobs stops importing them.
 */
export const OUTSIDE_WINDOW = "outside-window";

export function isOutsideWindow(outcome: SendOutcome): boolean {
  return (
    outcome.kind === "outside-window" || (outcome.kind === "rejected" && outcome.reason === OUTSIDE_WINDOW)
  );
}
