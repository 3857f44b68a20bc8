/**
 * Per-client-address limits on the public routes that read the database for anyone who asks
 * (docs/architecture.md#http). They are counted in Redis, so every process behind the load
 * balancer shares one count, and they run before the route's handler: past the limit a guess
 * at a pledge code gets 429, never the 200 or 404 that would tell it apart.
 */
export interface RouteLimit {
  /** Counts are kept per group and client address; GET and HEAD of a route share one count. */
  group: string;
  /** Routes whose URL pattern starts with this are limited. */
  prefix: string;
  max: number;
  windowMs: number;
}

const MINUTE = 60_000;

export const ROUTE_LIMITS: readonly RouteLimit[] = [
  // Pledge codes are short: 60 guesses a minute from one address find nothing in practice.
  { group: "vietqr", prefix: "/vietqr/", max: 60, windowMs: MINUTE },
  // Parents behind one carrier NAT open the same lesson at once: more room, and the signature
  // (128 bits) is what keeps strangers out, the limit only stops a flood of downloads.
  { group: "clips", prefix: "/clips/", max: 120, windowMs: MINUTE },
  // An aggregate over every pledge and request; browsers may cache it for a minute anyway.
  { group: "summary", prefix: "/api/summary", max: 30, windowMs: MINUTE },
  // The web chat's API: a person types and the page polls, a script floods. Generous, because a
  // whole school's lab can sit behind one address; new conversations have their own, stricter
  // limit (src/channels/webchat/sessions.ts) and every message the per-person one of the core.
  { group: "webchat", prefix: "/webchat/api/", max: 600, windowMs: MINUTE },
  // The console's sign-in: the page polls its code every 2 s (30 a minute), a school's staff
  // share one address; a secret of 256 bits is what stops guessing, the limit stops floods.
  { group: "console-signin", prefix: "/console/signin", max: 180, windowMs: MINUTE },
];

export function limitFor(url: string, limits: readonly RouteLimit[] = ROUTE_LIMITS): RouteLimit | undefined {
  return limits.find((limit) => url.startsWith(limit.prefix));
}
