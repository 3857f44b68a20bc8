/**
 * What every adapter's send() shares (core/channel.ts: "never throws"): a message renders into
 * numbered parts, the first `skipParts` of them are left out (an earlier try delivered them),
 * the rest go out in order, and a failure at part k carries the ids of the parts before it, so a
 * retry can skip exactly those.
 */
import type { SendOptions, SendOutcome } from "../core/messages.js";

/** One part's result: its message id (or "" when the platform confirmed it without one), or how the send ends. */
export type PartResult = { ok: true; id: string } | { ok: false; outcome: SendOutcome };

/** How many leading parts to leave out: a whole number ≥ 0, whatever the caller passed. */
export function partsToSkip(options: SendOptions | undefined): number {
  const skip = options?.skipParts ?? 0;
  return Number.isFinite(skip) && skip > 0 ? Math.floor(skip) : 0;
}

/** Attaches the ids of the parts that did go out to a failure; none leaves the outcome as it was. */
export function withPartsSent(outcome: SendOutcome, messageIds: string[]): SendOutcome {
  if (outcome.kind === "sent") return outcome;
  return messageIds.length > 0 ? { ...outcome, messageIds: [...messageIds] } : outcome;
}

/**
 * Sends `parts` after the first `skip`, one after another so they arrive in order, and stops at
 * the first failure. A part whose sender throws ends the send as transient: it may or may not
 * have reached the platform, and only the queue decides about trying again.
 */
export async function sendParts<P>(
  parts: P[],
  skip: number,
  sendOne: (part: P) => Promise<PartResult>,
): Promise<SendOutcome> {
  const messageIds: string[] = [];
  for (const part of parts.slice(skip)) {
    let result: PartResult;
    try {
      result = await sendOne(part);
    } catch (error) {
      result = { ok: false, outcome: unexpected(error) };
    }
    if (!result.ok) return withPartsSent(result.outcome, messageIds);
    messageIds.push(result.id);
  }
  return { kind: "sent", messageIds };
}

/** Rendering failed (a value the platform cannot carry): resending the same message fails the same way. */
export function renderFailed(error: unknown): SendOutcome {
  return { kind: "rejected", reason: `cannot render: ${errorText(error)}` };
}

/** Anything else that went wrong: not known to be permanent. */
export function unexpected(error: unknown): SendOutcome {
  return { kind: "transient", reason: `unexpected: ${errorText(error)}` };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
