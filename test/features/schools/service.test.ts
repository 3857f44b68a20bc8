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
      expect(await names("dong lac")).toEqual(expect.arrayContaining(["Trường THCS Đồng Lạc"]));
      expect(await names("Đồng Lạc")).toEqual(await names("dong lac"));
      expect(await names("tiểu học đồng")).toContain("Trường Tiểu học Đồng Tâm");
    });

    it("matches the starts of words, so half-typed names work", async () => {
      expect((await names("ngu du"))[0]).toBe("Trường THPT Nguyễn Du");
      expect(await names("le van t")).toEqual(["Trường Tiểu học Lê Văn Tám"]);
    });

    it("ranks names that start with the query before names that only contain its words", async () => {
      const found = await names("truong thcs", 10);
      expect(found).toHaveLength(9);
      expect(found.slice(0, 8).every((name) => name.startsWith("Trường THCS"))).toBe(true);
      expect(found[8]).toBe("Trường PTDTBT THCS Phú Mỡ");
    });

    it("ranks a match in the name before one that needs the district", async () => {
      const found = await schools.search("dong xuan", 10);
      expect(found.slice(0, 3).every((school) => school.name.includes("Đồng Xuân"))).toBe(true);
      expect(found.slice(3).map((school) => school.name)).toContain("Trường THCS Đồng Lạc");
      expect(found.every((school) => school.district === "Huyện Đồng Xuân")).toBe(true);
    });

    it("uses the district to tell same-named schools apart", async () => {
      const found = await schools.search("chu van an song cau");
      expect(found.map((s) => s.code)).toEqual(["46208"]);
      expect(found[0]?.district).toBe("Thị xã Sông Cầu");
    });

    it("returns at most five by default, and honours a smaller limit", async () => {
      expect(await names("truong")).toHaveLength(5);
      expect(await names("truong", 3)).toHaveLength(3);
    });

    it("finds a school by its exact code, first", async () => {
      const found = await schools.search(" 46301 ");
      expect(found[0]).toMatchObject({ code: "46301", name: "Trường THPT Nguyễn Du", level: "thpt" });
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
      expect((await schools.byCode("46201"))?.name).toBe("Trường THCS Chu Văn An");
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
        row.code === "46301" ? { ...row, name: "Trường THPT Nguyễn Du (cơ sở chính)" } : row,
      );
      renamed.push({
        code: "46999",
        name: "Trường Tiểu học Hòa Bình",
        level: "tieu-hoc",
        ward: "Xã Hòa Bình",
        district: "Huyện Tân Phú",
        province: "Tỉnh Lam Sơn",
      });
      const before = await schools.byCode("46301");
      expect(await schools.upsertMany(renamed)).toEqual({
        inserted: 1,
        updated: 1,
        unchanged: sampleCount - 1,
      });
      expect(await schools.count()).toBe(sampleCount + 1);
      const after = await schools.byCode("46301");
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
        district: "Huyện B",
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
        "47001,Trường THCS Mới,THCS,Xã A,Huyện B,Tỉnh C",
        "47002,Trường Tiểu học Sai Cấp,Đại học,Xã A,Huyện B,Tỉnh C",
        "47003,Trường THPT Thiếu Cột,THPT,Xã A,Huyện B",
        "47001,Trường THCS Trùng Mã,THCS,Xã A,Huyện B,Tỉnh C",
      ].join("\r\n");
      const parsed = parseSchoolRows(text);
      expect(parsed.ok ? [] : parsed.errors.map((e) => e.line)).toEqual([3, 4, 5]);
      if (parsed.ok) await schools.upsertMany(parsed.rows);
      expect(await schools.count()).toBe(countBefore);
      expect(await schools.byCode("47001")).toBeNull();
    });
  });
});
