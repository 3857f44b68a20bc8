/** Reading a typed area name against the directory's folded wards and districts. */
import { describe, expect, it } from "vitest";
import { readAreaName } from "../../../src/features/staff/area-names.js";

const KNOWN = [
  "phuong phu loi",
  "phuong an phu",
  "xa an phu",
  "phuong 5",
  "quan 8",
  "xa thanh an",
  "thi tran lai thieu",
];

describe("reading a typed ward or commune", () => {
  it.each([
    ["Phường Phú Lợi", "phuong phu loi"],
    ["phu loi", "phuong phu loi"],
    ["Phú Lợi", "phuong phu loi"],
    ["  Thanh An ", "xa thanh an"],
    ["Lái Thiêu", "thi tran lai thieu"],
    ["Phường 5", "phuong 5"],
    ["quận 8", "quan 8"],
  ])("takes %j as %j", (typed, area) => {
    expect(readAreaName(typed, KNOWN)).toEqual({ kind: "found", area });
  });

  it("asks which one when a ward and a commune share the name", () => {
    expect(readAreaName("An Phú", KNOWN)).toEqual({
      kind: "ambiguous",
      typed: "An Phú",
      options: ["phuong an phu", "xa an phu"],
    });
    expect(readAreaName("Xã An Phú", KNOWN)).toEqual({ kind: "found", area: "xa an phu" });
  });

  it("never takes a bare number or an unknown name", () => {
    expect(readAreaName("5", KNOWN)).toEqual({ kind: "unknown", typed: "5" });
    expect(readAreaName("8", KNOWN)).toEqual({ kind: "unknown", typed: "8" });
    expect(readAreaName("Tân Định", KNOWN)).toEqual({ kind: "unknown", typed: "Tân Định" });
  });
});
