/** The CSV reader and the school-row validator, without a database. */
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import {
  parseCsv,
  parseSchoolLevel,
  parseSchoolRows,
  SCHOOL_CSV_HEADER_NO_DISTRICT,
} from "../../../src/features/schools/parse-csv.js";

const HEADER = "code,name,level,ward,district,province";
const file = (...lines: string[]) => [HEADER, ...lines].join("\n");

describe("parseCsv", () => {
  const cases: Array<{ label: string; input: string; fields: string[][]; lines: number[] }> = [
    { label: "plain fields", input: "a,b,c", fields: [["a", "b", "c"]], lines: [1] },
    {
      label: "a quoted comma",
      input: '"Hoa Sen, cơ sở 2",x',
      fields: [["Hoa Sen, cơ sở 2", "x"]],
      lines: [1],
    },
    { label: "doubled quotes", input: '"say ""hi""",y', fields: [['say "hi"', "y"]], lines: [1] },
    { label: "an empty quoted field", input: 'a,"",c', fields: [["a", "", "c"]], lines: [1] },
    { label: "empty fields", input: "a,,", fields: [["a", "", ""]], lines: [1] },
    {
      label: "CRLF line ends",
      input: "a,b\r\nc,d\r\n",
      fields: [
        ["a", "b"],
        ["c", "d"],
      ],
      lines: [1, 2],
    },
    {
      label: "a BOM",
      input: "\uFEFFcode,name\n1,2",
      fields: [
        ["code", "name"],
        ["1", "2"],
      ],
      lines: [1, 2],
    },
    {
      label: "a newline inside quotes, counting lines on",
      input: 'a,"two\nlines"\nb,c',
      fields: [
        ["a", "two\nlines"],
        ["b", "c"],
      ],
      lines: [1, 3],
    },
    { label: "blank lines skipped", input: "a\n\n\nb\n", fields: [["a"], ["b"]], lines: [1, 4] },
    {
      label: "Vietnamese text as is",
      input: "Trường THCS Đông Hòa",
      fields: [["Trường THCS Đông Hòa"]],
      lines: [1],
    },
  ];
  it.each(cases)("reads $label", ({ input, fields, lines }) => {
    const result = parseCsv(input);
    expect(result).toEqual({ ok: true, records: fields.map((f, i) => ({ line: lines[i], fields: f })) });
  });

  it("reports a quote that is never closed at the line where its record starts", () => {
    expect(parseCsv('a,b\nc,"open\nmore')).toEqual({
      ok: false,
      errors: [{ line: 2, message: expect.stringContaining("never closed") }],
    });
  });

  it("reports stray quotes instead of guessing", () => {
    expect(parseCsv('a,b"c').ok).toBe(false);
    expect(parseCsv('a,"b"c').ok).toBe(false);
  });
});

describe("parseSchoolLevel", () => {
  it.each([
    ["mam-non", "mam-non"],
    ["Mầm non", "mam-non"],
    ["mam non", "mam-non"],
    ["Tiểu học", "tieu-hoc"],
    ["TIEU HOC", "tieu-hoc"],
    ["THCS", "thcs"],
    ["Trung học cơ sở", "thcs"],
    ["thpt", "thpt"],
    ["GDTX", "gdtx"],
  ])("reads %s as %s", (text, level) => {
    expect(parseSchoolLevel(text)).toBe(level);
  });

  it("rejects what is not a level", () => {
    expect(parseSchoolLevel("Đại học")).toBeUndefined();
  });
});

describe("parseSchoolRows", () => {
  it("reads rows with quoted names, Vietnamese levels, a BOM and CRLF", () => {
    const text = `\uFEFF${HEADER}\r\n79001,"Trường Mầm non Hoa Sen, cơ sở 2",Mầm non,Phường 1,Quận 3,TP HCM\r\n79002,  Trường  THCS Chu Văn An ,thcs,Phường 2,Quận 3,TP HCM\r\n`;
    const result = parseSchoolRows(text);
    expect(result).toEqual({
      ok: true,
      rows: [
        expect.objectContaining({ code: "79001", name: "Trường Mầm non Hoa Sen, cơ sở 2", level: "mam-non" }),
        expect.objectContaining({ code: "79002", name: "Trường THCS Chu Văn An", level: "thcs" }),
      ],
    });
  });

  it("stores names in NFC whatever form the spreadsheet used", () => {
    const decomposed = "Trường Tiểu học Lê Lợi".normalize("NFD");
    const result = parseSchoolRows(file(`79003,${decomposed},Tiểu học,Xã A,,Tỉnh C`));
    expect(result.ok && result.rows[0]?.name).toBe("Trường Tiểu học Lê Lợi".normalize("NFC"));
  });

  it("names the exact line of every bad row", () => {
    const result = parseSchoolRows(
      file(
        "79001,Trường THCS Chu Văn An,THCS,Phường 1,Quận 3,TP HCM",
        "79002,Trường Đại học X,Đại học,Phường 1,Quận 3,TP HCM",
        "79003,Trường Tiểu học Lê Lợi,Tiểu học,Quận 3,TP HCM",
        "79001,Trường THPT Nguyễn Du,THPT,Phường 1,Quận 3,TP HCM",
        "7/9,Trường THPT Lê Quý Đôn,THPT,Phường 1,Quận 3,TP HCM",
        "79005,TH,THPT,Phường 1,Quận 3,TP HCM",
      ),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7]);
    expect(result.errors[0]?.message).toMatch(/^level: "Đại học" is not a level/);
    expect(result.errors[1]?.message).toBe("expected 6 columns, found 5");
    expect(result.errors[2]?.message).toBe("duplicate code 79001: lines 2 and 5");
    expect(result.errors[3]?.message).toMatch(/^code: /);
    expect(result.errors[4]?.message).toMatch(/^name: /);
  });

  it("accepts an empty district, as wards and communes have none since July 2025", () => {
    const result = parseSchoolRows(
      file(
        "74101,Trường Tiểu học Phú Lợi,Tiểu học,Phường Phú Lợi,,Thành phố Hồ Chí Minh",
        "74206,Trường THCS Minh Thạnh,THCS,Xã Minh Thạnh,   ,Thành phố Hồ Chí Minh",
      ),
    );
    expect(result).toEqual({
      ok: true,
      rows: [
        {
          code: "74101",
          name: "Trường Tiểu học Phú Lợi",
          level: "tieu-hoc",
          ward: "Phường Phú Lợi",
          district: "",
          province: "Thành phố Hồ Chí Minh",
        },
        expect.objectContaining({ code: "74206", ward: "Xã Minh Thạnh", district: "" }),
      ],
    });
  });

  it("reads a list that has no district column at all", () => {
    const text = [
      "code,name,level,ward,province",
      "74303,Trường THPT Dĩ An,THPT,Phường Dĩ An,Thành phố Hồ Chí Minh",
      "74304,Trường THPT Lái Thiêu,THPT,Phường Lái Thiêu",
    ].join("\n");
    expect(parseSchoolRows(text)).toEqual({
      ok: false,
      errors: [{ line: 3, message: "expected 5 columns, found 4" }],
    });
    const good = parseSchoolRows(text.split("\n").slice(0, 2).join("\n"));
    expect(good).toEqual({
      ok: true,
      rows: [
        {
          code: "74303",
          name: "Trường THPT Dĩ An",
          level: "thpt",
          ward: "Phường Dĩ An",
          district: "",
          province: "Thành phố Hồ Chí Minh",
        },
      ],
    });
  });

  it("still needs a ward or commune", () => {
    const result = parseSchoolRows(
      file("74110,Trường Tiểu học Trừ Văn Thố,Tiểu học,,,Thành phố Hồ Chí Minh"),
    );
    expect(result).toEqual({ ok: false, errors: [{ line: 2, message: "ward: is empty" }] });
  });

  it("treats codes that differ only in case as duplicates", () => {
    const result = parseSchoolRows(file("ab-1,Trường A,thcs,X,Y,Z", "AB-1,Trường B,thcs,X,Y,Z"));
    expect(result).toEqual({
      ok: false,
      errors: [{ line: 3, message: "duplicate code AB-1: lines 2 and 3" }],
    });
  });

  it("insists on the exact header", () => {
    expect(parseSchoolRows("code,name,level,district,ward,province\n1,2,3,4,5,6")).toEqual({
      ok: false,
      errors: [
        {
          line: 1,
          message: `the header must be exactly ${HEADER} (or ${SCHOOL_CSV_HEADER_NO_DISTRICT.join(",")})`,
        },
      ],
    });
    expect(parseSchoolRows("").ok).toBe(false);
    expect(parseSchoolRows(`${HEADER}\n`).ok).toBe(false);
  });

  it("reads the sample file with no errors, every level present", async () => {
    const text = await readFile(new URL("../../../data/schools.sample.csv", import.meta.url), "utf8");
    const result = parseSchoolRows(text);
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (!result.ok) return;
    expect(result.rows.length).toBeGreaterThanOrEqual(30);
    expect(new Set(result.rows.map((row) => row.level))).toEqual(
      new Set(["mam-non", "tieu-hoc", "thcs", "thpt", "gdtx"]),
    );
    // Two-level local government: every school in a phường or xã, none in a quận/huyện.
    expect(result.rows.every((row) => row.district === "" && /^(Phường|Xã) /.test(row.ward))).toBe(true);
    expect(new Set(result.rows.map((row) => row.province))).toEqual(new Set(["Thành phố Hồ Chí Minh"]));
  });
});
