import mongoose, { type Connection, Schema } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectMongo } from "../../src/storage/mongo.js";
import { insertUnique } from "../../src/storage/unique-insert.js";
import { silentLogger } from "../helpers/silent-logger.js";
import { testMongoUri } from "../helpers/stores.js";

interface School {
  code: string;
  name: string;
}

describe("insertUnique on the real MongoDB-wire server", () => {
  let connection: Connection;
  let Schools: mongoose.Model<School>;

  beforeAll(async () => {
    connection = await connectMongo(testMongoUri(), silentLogger());
    const schema = new Schema<School>({ code: { type: String, required: true, unique: true }, name: String });
    Schools = connection.model<School>("School", schema);
    await Schools.init();
  });
  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it("stores a record and reads it back with Vietnamese text intact", async () => {
    const result = await insertUnique(Schools, { code: "79001", name: "Trường THCS Chu Văn An" });
    expect(result.ok).toBe(true);
    const found = await Schools.findOne({ code: "79001" }).lean();
    expect(found?.name).toBe("Trường THCS Chu Văn An");
  });

  it("turns a unique-index clash into a typed duplicate-key value", async () => {
    await insertUnique(Schools, { code: "79002", name: "Trường Tiểu học Lê Lợi" });
    const again = await insertUnique(Schools, { code: "79002", name: "another" });
    expect(again).toEqual({ ok: false, error: { kind: "duplicate-key", fields: expect.any(Array) } });
    expect(await Schools.countDocuments({ code: "79002" })).toBe(1);
  });

  it("lets simultaneous inserts of one key make exactly one record", async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        insertUnique(Schools, { code: "79003", name: "Trường THPT Nguyễn Du" }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await Schools.countDocuments({ code: "79003" })).toBe(1);
  });
});
