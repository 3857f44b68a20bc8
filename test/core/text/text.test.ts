import { describe, expect, it } from "vitest";
import { fold } from "../../../src/core/text/fold.js";
import { normalizeInput } from "../../../src/core/text/normalize-input.js";
import { splitText } from "../../../src/core/text/split-text.js";
import { stripUnsafe } from "../../../src/core/text/strip-unsafe.js";

describe("fold", () => {
  it.each([
    ["Trường THCS Chu Văn An", "truong thcs chu van an"],
    ["ĐỒNG THÁP", "dong thap"],
    ["  Hủy!! ", "huy"],
    ["Tiểu học Lê Lợi", "tieu hoc le loi"],
  ])("folds %j to %j", (input, folded) => {
    expect(fold(input)).toBe(folded);
  });

  it("makes decomposed and composed Vietnamese equal", () => {
    expect(fold("Nguyễn".normalize("NFD"))).toBe(fold("Nguyễn".normalize("NFC")));
  });
});

describe("normalizeInput", () => {
  it("normalizes to NFC, trims and collapses spaces but keeps line breaks", () => {
    expect(normalizeInput("  Nguyễn   Văn\u00a0An \n  lớp 6A1 ".normalize("NFD"))).toBe(
      "Nguyễn Văn An\nlớp 6A1",
    );
  });

  it("caps very long input", () => {
    expect(normalizeInput("a".repeat(5000))).toHaveLength(4000);
  });
});

describe("splitText", () => {
  it("keeps short texts whole", () => {
    expect(splitText("Xin chào", 2000)).toEqual(["Xin chào"]);
  });

  it("splits at line breaks and never beyond the limit", () => {
    const text = Array.from(
      { length: 50 },
      (_, i) => `Dòng thứ ${i}: học sinh cần máy tính để học trực tuyến.`,
    ).join("\n");
    const parts = splitText(text, 500);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(500);
    expect(parts.join("\n")).toBe(text);
  });

  it("never cuts an emoji in half", () => {
    const parts = splitText("😀".repeat(30), 7);
    for (const part of parts) expect(part).not.toMatch(/[\ud800-\udbff]$/);
    expect(parts.join("")).toBe("😀".repeat(30));
  });
});

describe("stripUnsafe", () => {
  it.each([
    ["a\u0000b", "ab"],
    ["tab\tand\nnewline stay", "tab\tand\nnewline stay"],
    ["bell\u0007 esc\u001b del\u007f c1\u0085", "bell esc del c1"],
    ["\u202Eoverride\u202C \u2066isolate\u2069 \u200Fmark\u200E", "override isolate mark"],
    ["Nguyễn Thị Hà 🙂", "Nguyễn Thị Hà 🙂"],
  ])("removes control and bidi characters from %j", (input, output) => {
    expect(stripUnsafe(input)).toBe(output);
  });
});
