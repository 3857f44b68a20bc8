/**
 * Ward and commune staff under the two-level local government (since July 2025): the directory's
 * schools have a ward and an empty district, and an area scope still finds its schools.
 */
import type { Connection } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScopeResolver } from "../../../src/features/staff/scope.js";
import { connectMongo } from "../../../src/storage/mongo.js";
import { CHU_VAN_AN, PHU_LOI, seedSchools } from "../../helpers/schools.js";
import { silentLogger } from "../../helpers/silent-logger.js";
import { testMongoUri } from "../../helpers/stores.js";

describe("area scopes with and without districts", () => {
  let mongo: Connection;

  beforeAll(async () => {
    mongo = await connectMongo(testMongoUri(), silentLogger());
    await seedSchools(mongo, [
      CHU_VAN_AN,
      PHU_LOI,
      { ...PHU_LOI, code: "74301", name: "Trường THPT Nguyễn Du" },
    ]);
  });
  afterAll(async () => {
    await mongo.dropDatabase();
    await mongo.close();
  });

  it("gives ward staff every school of their ward, whatever case or accents they typed", async () => {
    const scopes = createScopeResolver(mongo);
    for (const typed of ["Phường Phú Lợi", "phuong phu loi"]) {
      const found = await scopes.schoolsOf({ kind: "area", areas: [typed] });
      expect(found.all ? [] : [...found.codes].sort()).toEqual(["74101", "74301"]);
    }
    expect(await scopes.covers({ kind: "area", areas: ["Phường Phú Lợi"] }, "79001")).toBe(false);
  });

  it("offers only real places to appoint staff to, never an empty district", async () => {
    expect(await createScopeResolver(mongo).areas()).toEqual(["phuong 5", "phuong phu loi", "quan 8"]);
  });

  it("gives an empty area nothing rather than the schools with no district", async () => {
    const found = await createScopeResolver(mongo).schoolsOf({ kind: "area", areas: [""] });
    expect(found).toEqual({ all: false, codes: [] });
  });
});
