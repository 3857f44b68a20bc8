/** The school directory on the real MongoDB-wire server (FerretDB in the test run). */
import { readFile } from "node:fs/promises";
import type { Connection } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SchoolRow } from "../../../src/features/schools/model.js";
import { parseSchoolRows } from "../../../src/features/schools/parse-csv.js";
import { createSchoolService, type SchoolService } from "../../../src/features/schools/service.js";
import { connectMongo } from "../../../src/storage/mongo.js";
import { silentLogger } from "../../helpers/silent-logger.js";
import { testMongoUri } from "../../helpers/stores.js";

const sampleText = () => readFile(new URL("../../../data/schools.sample.csv", import.meta.url), "utf8");

async function sampleRows(): Promise<SchoolRow[]> {
  const parsed = parseSchoolRows(await sampleText());
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.rows;
}

describe("createSchoolService", () => {
  let connection: Connection;
  let schools: SchoolService;
  let sampleCount: number;

  beforeAll(async () => {
    connection = await connectMongo(testMongoUri(), silentLogger());
    schools = createSchoolService(connection);
    const rows = await sampleRows();
    sampleCount = rows.length;
    expect(await schools.upsertMany(rows)).toEqual({ inserted: rows.length, updated: 0, unchanged: 0 });
  });
  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  const names = async (query: string, limit?: number) =>
    (await schools.search(query, limit)).map((s) => s.name);

  describe("search", () => {
    it.each(["truong thcs chu van an", "Chu Văn An", "CHU VAN AN", "thcs chu van"])(
      "finds Trường THCS Chu Văn An from %j",
      async (query) => {
        expect((await names(query))[0]).toBe("Trường THCS Chu Văn An");
      },
    );

    it("folds đ to d both ways", async () => {
      expect(await names("dong hoa")).toEqual(expect.arrayContaining(["Trường THCS Đông Hòa"]));
      expect(await names("Đông Hòa")).toEqual(await names("dong hoa"));
      expect(await names("tiểu học đông")).toContain("Trường Tiểu học Đông Hòa");
    });

    it("matches the starts of words, so half-typed names work", async () => {
      expect((await names("ngu du"))[0]).toBe("Trường THPT Nguyễn Du");
      expect(await names("le van t")).toEqual(["Trường Tiểu học Lê Văn Tám"]);
    });

    it("ranks names that start with the query before names that only contain its words", async () => {
      const found = await names("truong thcs", 10);
      expect(found).toHaveLength(9);
      expect(found.slice(0, 8).every((name) => name.startsWith("Trường THCS"))).toBe(true);
      expect(found[8]).toBe("Trường Tiểu học và THCS Bàu Bàng");
    });

    it("ranks a match in the name before one that needs the ward", async () => {
      const found = await schools.search("phu loi", 10);
      expect(found[0]?.name).toBe("Trường Tiểu học Phú Lợi");
      expect(found.slice(1).map((school) => school.name)).toEqual(
        expect.arrayContaining(["Trường THPT Nguyễn Du", "Trung tâm GDNN-GDTX Thủ Dầu Một"]),
      );
      expect(found.every((school) => school.ward === "Phường Phú Lợi")).toBe(true);
    });

    it("uses the ward to tell same-named schools apart, with no district in the directory", async () => {
      const found = await schools.search("chu van an di an");
      expect(found.map((s) => s.code)).toEqual(["74208"]);
      expect(found[0]).toMatchObject({ ward: "Phường Dĩ An", district: "" });
      expect((await schools.search("thcs chu van an thu dau mot")).map((s) => s.code)).toEqual(["74201"]);
    });

    it("returns at most five by default, and honours a smaller limit", async () => {
      expect(await names("truong")).toHaveLength(5);
      expect(await names("truong", 3)).toHaveLength(3);
    });

    it("finds a school by its exact code, first", async () => {
      const found = await schools.search(" 74301 ");
      expect(found[0]).toMatchObject({ code: "74301", name: "Trường THPT Nguyễn Du", level: "thpt" });
      expect(found[0]).not.toHaveProperty("_id");
    });

    it.each(["", " ", "a", "đ", "!!", "   ?  "])(
      "returns nothing for the too-short query %j",
      async (query) => {
        expect(await schools.search(query)).toEqual([]);
      },
    );

    it.each(["chu (van", "[an", "thcs.*", "a+b?", "\\d+", "$where", "{$gt: ''}", ") | (", "^an$"])(
      "does not throw on regex characters in %j",
      async (query) => {
        await expect(schools.search(query)).resolves.toBeInstanceOf(Array);
      },
    );

    it("finds nothing for a name that is not there", async () => {
      expect(await schools.search("hogwarts")).toEqual([]);
    });
  });

  describe("byCode", () => {
    it("returns the school with that code, or null", async () => {
      expect((await schools.byCode("74201"))?.name).toBe("Trường THCS Chu Văn An");
      expect(await schools.byCode("99999")).toBeNull();
    });
  });

  describe("upsertMany", () => {
    it("re-importing the same rows changes nothing and makes no duplicates", async () => {
      const result = await schools.upsertMany(await sampleRows());
      expect(result).toEqual({ inserted: 0, updated: 0, unchanged: sampleCount });
      expect(await schools.count()).toBe(sampleCount);
    });

    it("updates a renamed school by its code and adds new codes", async () => {
      const rows = await sampleRows();
      const renamed = rows.map((row) =>
        row.code === "74301" ? { ...row, name: "Trường THPT Nguyễn Du (cơ sở chính)" } : row,
      );
      renamed.push({
        code: "74999",
        name: "Trường Tiểu học Thường Tân",
        level: "tieu-hoc",
        ward: "Xã Thường Tân",
        district: "",
        province: "Thành phố Hồ Chí Minh",
      });
      const before = await schools.byCode("74301");
      expect(await schools.upsertMany(renamed)).toEqual({
        inserted: 1,
        updated: 1,
        unchanged: sampleCount - 1,
      });
      expect(await schools.count()).toBe(sampleCount + 1);
      const after = await schools.byCode("74301");
      expect(after).toMatchObject({
        name: "Trường THPT Nguyễn Du (cơ sở chính)",
        nameFolded: "truong thpt nguyen du co so chinh",
      });
      expect(after?.createdAt).toEqual(before?.createdAt);
      expect(after!.updatedAt.getTime()).toBeGreaterThan(before!.updatedAt.getTime());
      expect((await names("nguyen du co so"))[0]).toBe("Trường THPT Nguyễn Du (cơ sở chính)");
    });

    it("stores codes upper-case, so a code typed in any case finds its school", async () => {
      const row: SchoolRow = {
        code: "lg-07",
        name: "Trường Mầm non Lá Non",
        level: "mam-non",
        ward: "Xã A",
        district: "",
        province: "Tỉnh C",
      };
      await schools.upsertMany([row]);
      expect((await schools.byCode("LG-07"))?.code).toBe("LG-07");
      expect((await schools.search("lg-07"))[0]?.name).toBe("Trường Mầm non Lá Non");
    });

    it("imports nothing from a file with any bad row", async () => {
      const countBefore = await schools.count();
      const text = [
        "code,name,level,ward,district,province",
        "47001,Trường THCS Mới,THCS,Xã A,,Tỉnh C",
        "47002,Trường Tiểu học Sai Cấp,Đại học,Xã A,,Tỉnh C",
        "47003,Trường THPT Thiếu Cột,THPT,Xã A,Tỉnh C",
        "47001,Trường THCS Trùng Mã,THCS,Xã A,,Tỉnh C",
      ].join("\r\n");
      const parsed = parseSchoolRows(text);
      expect(parsed.ok ? [] : parsed.errors.map((e) => e.line)).toEqual([3, 4, 5]);
      if (parsed.ok) await schools.upsertMany(parsed.rows);
      expect(await schools.count()).toBe(countBefore);
      expect(await schools.byCode("47001")).toBeNull();
    });
  });
});
