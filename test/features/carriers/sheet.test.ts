/** Reading carriers' files and placing connectivity requests in a staff scope, without the app. */
import { describe, expect, it } from "vitest";
import { carrierScope } from "../../../src/features/carriers/scope.js";
import { parseCsv, readSheet, writeSheet } from "../../../src/features/carriers/sheet.js";
import { parseMultipart } from "../../../src/features/carriers/upload.js";

describe("carriers' files", () => {
  it("reads CSV with quotes, semicolons from Excel and the file's row numbers", () => {
    const rows = parseCsv(
      'Mã dòng;Kết quả;Ghi chú\r\nDG-AAAAAA;activated;"a; ""b"""\r\n\r\nDG-BBBBBB;failed;\r\n',
    );
    expect(rows).toEqual([
      { line: 1, cells: ["Mã dòng", "Kết quả", "Ghi chú"] },
      { line: 2, cells: ["DG-AAAAAA", "activated", 'a; "b"'] },
      { line: 4, cells: ["DG-BBBBBB", "failed", ""] },
    ]);
  });

  it("writes a cell that looks like a formula as text, and reads its own CSV and XLSX back", async () => {
    const sheet = { header: ["a", "b"], rows: [["=SUM(1)", 3]] };
    const csv = await writeSheet(sheet, "csv", "t");
    expect((await readSheet(csv))[1]?.cells).toEqual(["'=SUM(1)", "3"]);
    const xlsx = await writeSheet(sheet, "xlsx", "t");
    expect((await readSheet(xlsx))[1]?.cells).toEqual(["=SUM(1)", "3"]);
  });

  it("takes the token and the file out of a browser's multipart form", () => {
    const body = Buffer.from(
      '--X\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\ntok\r\n' +
        '--X\r\nContent-Disposition: form-data; name="file"; filename="k.csv"\r\n\r\na,b\r\n1,2\r\n--X--\r\n',
    );
    const parsed = parseMultipart(body, "X");
    expect(parsed._csrf).toBe("tok");
    expect(parsed.file?.toString()).toBe("a,b\r\n1,2");
    expect(parsed.fileName).toBe("k.csv");
  });
});

describe("the carriers' scope", () => {
  const none = { all: false as const, codes: [] };
  it("places a typed ward in an area by whole words, and nowhere for school staff", () => {
    const area = carrierScope({ kind: "area", areas: ["phuong 5"] }, none);
    expect(area.covers({ ward: "Phường 5, Quận 8" })).toBe(true);
    expect(area.covers({ ward: "phường 50" })).toBe(false);
    expect(carrierScope({ kind: "area", areas: ["quan 8"] }, none).covers({ ward: "P5, Quận 8" })).toBe(true);
    expect(
      carrierScope({ kind: "schools", schoolCodes: ["79001"] }, { all: false, codes: ["79001"] }).covers({
        ward: "Phường 5",
      }),
    ).toBe(false);
    expect(carrierScope({ kind: "all" }, { all: true }).covers({})).toBe(true);
  });
});
