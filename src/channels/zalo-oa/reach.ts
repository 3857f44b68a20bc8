/**
 * How fast the OA can reach people (docs/platforms/zalo-oa.md). The app-wide request limit sets
 * the channel's send rate; people outside the 7-day window end as an "outside-window" outcome,
 * which broadcasts report apart from real failures.
 */

/** App-wide limit; past it every call answers -32 until the next minute. */
export const ZALO_OA_REQUESTS_PER_MINUTE = 4000;
