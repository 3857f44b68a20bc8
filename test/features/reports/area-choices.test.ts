/**
 * The report page's area filter under the two-level local government (since July 2025: phường
 * and xã, no quận/huyện) and for a directory that still has districts.
 */
import { describe, expect, it } from "vitest";
import { createI18n } from "../../../src/core/i18n.js";
import { areaChoices } from "../../../src/features/reports/pages.js";
import { cleanFilter, type SchoolInfo } from "../../../src/features/reports/scope.js";

const t = createI18n("vi", "locales").translator("vi");
const school = (code: string, ward: string, district = ""): SchoolInfo => ({
  code,
  ward,
  district,
  level: "thcs",
});

describe("the report area filter", () => {
  const wardsOnly = [
    school("74201", "Phường Thủ Dầu Một"),
    school("74208", "Phường Dĩ An"),
    school("74206", "Xã Minh Thạnh"),
    school("74302", "Phường Thủ Dầu Một"),
  ];

  it("offers the wards and communes by their own names when no school has a district", () => {
    expect(areaChoices(wardsOnly, t)).toEqual({
      areaLabel: "Phường/xã",
      areas: [
        { value: "w:Phường Dĩ An", label: "Phường Dĩ An" },
        { value: "w:Phường Thủ Dầu Một", label: "Phường Thủ Dầu Một" },
        { value: "w:Xã Minh Thạnh", label: "Xã Minh Thạnh" },
      ],
    });
  });

  it("offers a district only where one is known, never an empty one", () => {
    const mixed = [...wardsOnly, school("79001", "Phường 5", "Quận 8")];
    const { areaLabel, areas } = areaChoices(mixed, t);
    expect(areaLabel).toBe("Quận/huyện hoặc phường/xã");
    expect(areas.filter((a) => a.value.startsWith("d:"))).toEqual([
      { value: "d:Quận 8", label: "Quận 8 (quận/huyện)" },
    ]);
    expect(areas.map((a) => a.label)).toContain("Phường Dĩ An (phường/xã)");
  });

  it("ignores an empty district in the URL instead of selecting every school", () => {
    expect(cleanFilter({ area: "d:" }, wardsOnly)).toEqual({});
    expect(cleanFilter({ area: "w:Xã Minh Thạnh", level: "thcs" }, wardsOnly)).toEqual({
      area: "w:Xã Minh Thạnh",
      level: "thcs",
    });
  });
});
