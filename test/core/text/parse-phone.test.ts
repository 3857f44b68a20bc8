import { describe, expect, it } from "vitest";
import { formatPhone, parsePhone } from "../../../src/core/text/parse-phone.js";

describe("parsePhone", () => {
  it.each([
    ["0912 345 678", "+84912345678"],
    ["0912.345.678", "+84912345678"],
    ["0912-345-678", "+84912345678"],
    ["+84912345678", "+84912345678"],
    ["+84 0912 345 678", "+84912345678"],
    ["84912345678", "+84912345678"],
    ["0389 123 456", "+84389123456"],
    ["0868123456", "+84868123456"],
    ["０９１２３４５６７８", "+84912345678"],
  ])("accepts %s as %s", (input, e164) => {
    expect(parsePhone(input)).toEqual({ ok: true, e164 });
  });

  it.each([
    ["", "phone-empty"],
    ["không có", "phone-not-digits"],
    ["0912abc678", "phone-not-digits"],
    ["+1 415 555 0100", "phone-foreign"],
    ["024 3942 1234", "phone-landline"],
    ["0912 345 67", "phone-wrong-length"],
    ["0912 345 6789", "phone-wrong-length"],
    ["912345678", "phone-wrong-length"],
    ["0112 345 678", "phone-unknown-network"],
    ["0612 345 678", "phone-unknown-network"],
    ["00912345678", "phone-wrong-length"],
    ["+84 00912 345 678", "phone-wrong-length"],
    ["٠٩١٢٣٤٥٦٧٨", "phone-not-digits"],
  ])("rejects %j with %s", (input, reason) => {
    expect(parsePhone(input)).toEqual({ ok: false, reason });
  });

  it("formats E.164 the way Vietnamese people write numbers", () => {
    expect(formatPhone("+84912345678")).toBe("0912 345 678");
  });
});
