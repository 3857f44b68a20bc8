import { describe, expect, it } from "vitest";
import { createClipLinks } from "../../../src/features/clips/signed-link.js";

describe("clip link signatures", () => {
  const links = createClipLinks({ secret: "a-secret-of-enough-length", publicUrl: "https://x.vn" });
  const url = new URL(links.url("BG-ABC123"));
  const exp = url.searchParams.get("exp")!;
  const sig = url.searchParams.get("sig")!;

  it("accepts the signature exactly as it was written", () => {
    expect(sig).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(links.verify("BG-ABC123", exp, sig)).toBe("valid");
  });

  it("refuses every other spelling that decodes to the same bytes, and any change", () => {
    const last = sig.at(-1)!;
    // The last of 22 characters carries 2 bits and 4 unused ones (it is A, Q, g or w): the
    // character after it decodes to the same 16 bytes.
    expect("AQgw").toContain(last);
    const sameBytes = `${sig.slice(0, -1)}${String.fromCharCode(last.charCodeAt(0) + 1)}`;
    expect(Buffer.from(sameBytes, "base64url").equals(Buffer.from(sig, "base64url"))).toBe(true);
    const variants = [
      sameBytes,
      `${sig.slice(0, -1)}${last === "A" ? "Q" : "A"}`,
      `${sig}A`,
      `${sig}==`,
      `${sig}.`,
      ` ${sig}`,
      sig.replace(/-/g, "+").replace(/_/g, "/"),
      sig.slice(0, -1),
      `${sig.slice(0, 10)}!${sig.slice(10)}`,
      "",
    ].filter((variant) => variant !== sig);
    for (const variant of variants)
      expect(links.verify("BG-ABC123", exp, variant), variant).toBe("bad-signature");
    expect(links.verify("BG-ABC123", `0${exp}`, sig)).toBe("bad-signature");
  });
});
