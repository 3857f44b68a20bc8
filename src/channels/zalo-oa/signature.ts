/**
 * The OA webhook signature (docs/platforms/zalo-oa.md §3): `X-ZEvent-Signature` is the lowercase hex
 * of plain SHA-256 (not HMAC) over app id + raw body + timestamp + OA secret key. Integrators
 * disagree on details, so this accepts a `mac=` prefix, reads the timestamp from the body first and
 * the `X-ZEvent-Timestamp` header second, and takes seconds or milliseconds by magnitude.
 */
import { createHash, timingSafeEqual } from "node:crypto";

export interface SignatureInput {
  appId: string;
  secretKey: string;
  /** Exactly the bytes received, before any JSON parsing. */
  rawBody: string;
  signature: string | string[] | undefined;
  timestampHeader?: string | string[] | undefined;
  nowMs: number;
  /** Older (or further in the future) events are refused, so a captured event cannot be replayed. */
  maxAgeMs: number;
}

export type SignatureCheck =
  | { ok: true; body: unknown }
  | {
      ok: false;
      refusal: "missing-signature" | "invalid-body" | "missing-timestamp" | "bad-signature" | "stale";
    };

export function signZaloOaEvent(
  appId: string,
  rawBody: string,
  timestamp: string,
  secretKey: string,
): string {
  return createHash("sha256").update(`${appId}${rawBody}${timestamp}${secretKey}`, "utf8").digest("hex");
}

export function checkZaloOaSignature(input: SignatureInput): SignatureCheck {
  if (typeof input.signature !== "string" || input.signature.trim() === "") {
    return { ok: false, refusal: "missing-signature" };
  }
  const given = input.signature.trim().replace(/^mac=/i, "").toLowerCase();
  const body = parseJson(input.rawBody);
  if (body === undefined) return { ok: false, refusal: "invalid-body" };
  const timestamp = timestampOf(body) ?? headerValue(input.timestampHeader);
  if (timestamp === undefined) return { ok: false, refusal: "missing-timestamp" };

  const expected = Buffer.from(
    signZaloOaEvent(input.appId, input.rawBody, timestamp, input.secretKey),
    "utf8",
  );
  const received = Buffer.from(given, "utf8");
  if (received.length !== expected.length || !timingSafeEqual(received, expected)) {
    return { ok: false, refusal: "bad-signature" };
  }
  // Checked after the signature, so the age of an event tells an unsigned caller nothing.
  const value = Number(timestamp);
  const ms = value < 1e12 ? value * 1000 : value;
  if (!Number.isFinite(ms) || Math.abs(input.nowMs - ms) > input.maxAgeMs)
    return { ok: false, refusal: "stale" };
  return { ok: true, body };
}

/** The body's `timestamp` as it was sent: Zalo signs the text of the value, not a number. */
function timestampOf(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null || !("timestamp" in body)) return undefined;
  const value = (body as { timestamp: unknown }).timestamp;
  if (typeof value === "string" && value !== "") return value;
  if (typeof value === "number" && Number.isSafeInteger(value)) return String(value);
  return undefined;
}

function headerValue(header: string | string[] | undefined): string | undefined {
  return typeof header === "string" && header.trim() !== "" ? header.trim() : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
