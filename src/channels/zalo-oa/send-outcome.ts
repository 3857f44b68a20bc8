/**
 * The one place Zalo OA failures become the core's SendOutcome (docs/platforms/zalo-oa.md §7); queues and
 * broadcast reports decide from the outcome alone. Codes Zalo does not document as retryable are
 * "rejected": resending the same message would fail the same way.
 */
import type { SendOutcome } from "../../core/messages.js";
import type { OaError } from "./client.js";

/** Codes Zalo answers for an invalid or expired access token (some clients met the unsigned forms). */
const BAD_TOKEN_CODES = new Set([-216, -220, 216, -401, 401]);

export function isBadToken(error: OaError): boolean {
  return (
    (error.kind === "api" || error.kind === "http") &&
    error.code !== undefined &&
    BAD_TOKEN_CODES.has(error.code)
  );
}

export function toSendOutcome(error: OaError, nowMs = Date.now()): SendOutcome {
  const reason = error.code === undefined ? error.description : `${error.code}: ${error.description}`;
  if (error.kind === "no-token") return { kind: "transient", reason: `no access token (${reason})` };
  if (error.kind !== "api" && error.kind !== "http") return { kind: "transient", reason };
  if (isBadToken(error)) return { kind: "rejected", reason: `bad-token (${reason})` };
  switch (error.code) {
    // No retry-after is published; the app limit is per minute, so wait for the next one.
    case -32:
    case 429:
      return {
        kind: "throttled",
        retryAfterSeconds: Math.max(1, Math.ceil((60_000 - (nowMs % 60_000)) / 1000)),
      };
    // The person has not talked to the OA in the last 7 days: only they can reopen the window.
    case -230:
    case -232:
      return { kind: "outside-window", reason };
    // Locked or long-inactive account, or the person turned this kind of message off.
    case -227:
    case -244:
      return { kind: "blocked", reason };
    case -200:
      return { kind: "transient", reason };
  }
  if (error.kind === "http" && (error.code === undefined || error.code >= 500))
    return { kind: "transient", reason };
  return { kind: "rejected", reason };
}
