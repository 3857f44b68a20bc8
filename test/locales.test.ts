import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createI18n } from "../src/core/i18n.js";

const i18n = createI18n("vi", join(import.meta.dirname, "..", "locales"));

describe("locales", () => {
  it("has every Vietnamese key in English", () => {
    const english = new Set(i18n.keys("en"));
    expect(i18n.keys("vi").filter((key) => !english.has(key))).toEqual([]);
  });

  it("has every English key in Vietnamese", () => {
    const vietnamese = new Set(i18n.keys("vi"));
    expect(i18n.keys("en").filter((key) => !vietnamese.has(key))).toEqual([]);
  });

  it("has every key the source code asks for", async () => {
    const { readdir, readFile } = await import("node:fs/promises");
    const files = (await readdir(join(import.meta.dirname, "..", "src"), { recursive: true })).filter(
      // Console templates (.eta) ask for texts the same way: it.t("key").
      (f) => f.endsWith(".ts") || f.endsWith(".eta"),
    );
    const wanted = new Set<string>();
    for (const file of files) {
      const source = await readFile(join(import.meta.dirname, "..", "src", file), "utf8");
      // Literal keys passed to t(…), and keys written as "…Key: '…'" or reason strings.
      for (const match of source.matchAll(/\bt\(\s*"([a-z][a-z0-9-]+)"/g)) wanted.add(match[1]!);
      for (const match of source.matchAll(/(?:Key|reason|prompt):\s*"([a-z][a-z0-9-]+)"/g))
        wanted.add(match[1]!);
    }
    const known = new Set(i18n.keys("vi"));
    expect([...wanted].filter((key) => !known.has(key))).toEqual([]);
  });

  it("never calls a parent, donor, teacher or staff member “bạn” in Vietnamese", async () => {
    // Parents and donors are "anh/chị", teachers "thầy cô": "bạn" reads like a stranger's chat.
    const { readdir, readFile } = await import("node:fs/promises");
    const folder = join(import.meta.dirname, "..", "locales");
    const files = ["vi.ftl", ...(await readdir(join(folder, "vi"))).map((name) => join("vi", name))];
    const casual: string[] = [];
    for (const file of files) {
      const lines = (await readFile(join(folder, file), "utf8")).split("\n");
      lines.forEach((line, i) => {
        if (!line.startsWith("#") && /(?<![\p{L}])bạn(?![\p{L}])/iu.test(line))
          casual.push(`${file}:${i + 1}`);
      });
    }
    expect(casual).toEqual([]);
  });

  it("writes no date the ISO way in any text: families read 01/12/2026", async () => {
    const { readdir, readFile } = await import("node:fs/promises");
    const folder = join(import.meta.dirname, "..", "locales");
    const found: string[] = [];
    for (const locale of ["vi", "en"]) {
      const files = [
        `${locale}.ftl`,
        ...(await readdir(join(folder, locale))).map((name) => join(locale, name)),
      ];
      for (const file of files) {
        const lines = (await readFile(join(folder, file), "utf8")).split("\n");
        lines.forEach((line, i) => {
          if (!line.startsWith("#") && /\b\d{4}-\d{2}-\d{2}\b/.test(line)) found.push(`${file}:${i + 1}`);
        });
      }
    }
    expect(found).toEqual([]);
  });

  it("formats plural choices hints naturally in both languages", () => {
    expect(i18n.t("vi", "choices-hint", { count: 3 })).toBe("Trả lời 1, 2 hoặc 3.");
    expect(i18n.t("en", "choices-hint", { count: 5 })).toBe("Reply with a number from 1 to 5.");
  });
});
