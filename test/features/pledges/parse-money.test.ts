import { describe, expect, it } from "vitest";
import { formatVnd, parseMoney } from "../../../src/features/pledges/parse-money.js";

describe("parseMoney", () => {
  it.each([
    ["500000", 500_000],
    ["500.000", 500_000],
    ["500,000", 500_000],
    ["1.500.000", 1_500_000],
    ["500k", 500_000],
    ["500 K", 500_000],
    ["500 nghìn", 500_000],
    ["2 triệu", 2_000_000],
    ["2 trieu", 2_000_000],
    ["2tr", 2_000_000],
    ["1,5tr", 1_500_000],
    ["1.5 triệu", 1_500_000],
    ["2tr5", 2_500_000],
    ["2tr05", 2_050_000],
    ["2 triệu 500 nghìn", 2_500_000],
    ["2 triệu rưỡi", 2_500_000],
    ["1 tỷ 2", 1_200_000_000],
    ["10 tỷ", 10_000_000_000],
    ["500.000 đ", 500_000],
    ["500.000đ", 500_000],
    ["300000 VNĐ", 300_000],
    ["1.000", 1_000],
    ["  750K  ", 750_000],
  ])("reads %j as %d đồng", (typed, vnd) => {
    expect(parseMoney(typed)).toEqual({ ok: true, vnd });
  });

  it.each([
    ["", "pledge-amount-invalid"],
    ["abc", "pledge-amount-invalid"],
    ["500 con gà", "pledge-amount-invalid"],
    ["2 nghìn triệu", "pledge-amount-invalid"],
    ["1.2345k", "pledge-amount-invalid"],
    ["500k 3", "pledge-amount-invalid"],
    ["0", "pledge-amount-zero"],
    ["0đ", "pledge-amount-zero"],
    ["-500k", "pledge-amount-negative"],
    ["âm 2 triệu", "pledge-amount-negative"],
    ["500", "pledge-amount-too-small"],
    ["10,5 tỷ", "pledge-amount-too-large"],
    ["20 tỷ", "pledge-amount-too-large"],
    ["99999999999999999999", "pledge-amount-too-large"],
  ])("refuses %j with the reason %s", (typed, reason) => {
    expect(parseMoney(typed)).toEqual({ ok: false, reason });
  });

  it("writes amounts the way each language groups digits", () => {
    expect(formatVnd(2_500_000, "vi")).toBe("2.500.000 đ");
    expect(formatVnd(2_500_000, "en")).toBe("2,500,000 VND");
    expect(formatVnd(999, "vi")).toBe("999 đ");
  });
});
