/**
 * The webhook signature check on its own: the forms integrators disagree about
 * (docs/platforms/zalo-oa.md §3).
 */
import { describe, expect, it } from "vitest";
import { checkZaloOaSignature, signZaloOaEvent } from "../../../src/channels/zalo-oa/signature.js";

const APP = "4318072956324812391";
const KEY = "oa-secret-KEY-aBcD1234eFgH5678";
const NOW = 1_790_000_000_000;

function check(rawBody: string, signature: string | undefined, timestampHeader?: string) {
  return checkZaloOaSignature({
    appId: APP,
    secretKey: KEY,
    rawBody,
    signature,
    timestampHeader,
    nowMs: NOW,
    maxAgeMs: 300_000,
  });
}

describe("checkZaloOaSignature", () => {
  it("signs with plain SHA-256 over app id, raw body, timestamp and key", () => {
    const raw = `{"event_name":"user_send_text","timestamp":"${NOW}"}`;
    expect(signZaloOaEvent(APP, raw, String(NOW), KEY)).toMatch(/^[0-9a-f]{64}$/);
    expect(check(raw, signZaloOaEvent(APP, raw, String(NOW), KEY))).toEqual({
      ok: true,
      body: JSON.parse(raw),
    });
  });

  it("accepts an upper-case signature with the mac= prefix", () => {
    const raw = `{"timestamp":"${NOW}"}`;
    expect(check(raw, `mac=${signZaloOaEvent(APP, raw, String(NOW), KEY).toUpperCase()}`).ok).toBe(true);
  });

  it("accepts a numeric body timestamp, signed as its digits", () => {
    const raw = `{"timestamp":${NOW}}`;
    expect(check(raw, signZaloOaEvent(APP, raw, String(NOW), KEY)).ok).toBe(true);
  });

  it("falls back to the X-ZEvent-Timestamp header, in seconds", () => {
    const raw = `{"event_name":"follow"}`;
    const seconds = String(NOW / 1000);
    expect(check(raw, signZaloOaEvent(APP, raw, seconds, KEY), seconds).ok).toBe(true);
  });

  const refused = [
    { label: "no timestamp anywhere", raw: `{"event_name":"follow"}`, refusal: "missing-timestamp" },
    { label: "a body that is not JSON", raw: "event_name=follow", refusal: "invalid-body" },
  ];

  it.each(refused)("refuses $label", ({ raw, refusal }) => {
    expect(check(raw, "0".repeat(64))).toEqual({ ok: false, refusal });
  });

  it("says a wrong signature is wrong before saying an event is stale", () => {
    const raw = `{"timestamp":"${NOW - 600_000}"}`;
    expect(check(raw, "0".repeat(64))).toEqual({ ok: false, refusal: "bad-signature" });
    expect(check(raw, signZaloOaEvent(APP, raw, String(NOW - 600_000), KEY))).toEqual({
      ok: false,
      refusal: "stale",
    });
  });
});
