/** scripts/import-schools.ts as an operator runs it, against this file's own database. */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Connection } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSchoolService, type SchoolService } from "../../../src/features/schools/service.js";
import { connectMongo } from "../../../src/storage/mongo.js";
import { silentLogger } from "../../helpers/silent-logger.js";
import { testMongoUri } from "../../helpers/stores.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const sample = join(root, "data/schools.sample.csv");

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function runImport(file: string, mongodbUri: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", join(root, "scripts/import-schools.ts"), file],
      { cwd: root, env: { ...process.env, MONGODB_URI: mongodbUri, LOG_LEVEL: "silent" } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe("npm run import:schools", () => {
  const uri = testMongoUri();
  let connection: Connection;
  let schools: SchoolService;
  let dir: string;

  beforeAll(async () => {
    connection = await connectMongo(uri, silentLogger());
    schools = createSchoolService(connection);
    dir = await mkdtemp(join(tmpdir(), "choem-schools-"));
  });
  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("prints every bad line, exits 1 and imports nothing", async () => {
    const bad = join(dir, "bad.csv");
    await writeFile(
      bad,
      [
        "code,name,level,ward,district,province",
        "48001,Trường THCS Hợp Lệ,THCS,Xã A,,Tỉnh C",
        "48002,Trường Sai Cấp,Cao đẳng,Xã A,,Tỉnh C",
        "48003,Trường THPT Thiếu Cột,THPT,Xã A,Tỉnh C",
        "48001,Trường THCS Trùng Mã,THCS,Xã A,,Tỉnh C",
        "",
      ].join("\n"),
    );
    const run = await runImport(bad, uri);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^line 3: level: /m);
    expect(run.stderr).toMatch(/^line 4: expected 6 columns, found 5$/m);
    expect(run.stderr).toMatch(/^line 5: duplicate code 48001: lines 2 and 5$/m);
    expect(await schools.count()).toBe(0);
  });

  it("imports the sample, then finds nothing new on a second run", async () => {
    const first = await runImport(sample, uri);
    expect(first).toMatchObject({ code: 0, stdout: expect.stringMatching(/^imported 36 new, updated 0\b/) });
    const second = await runImport(sample, uri);
    expect(second).toMatchObject({ code: 0, stdout: "imported 0 new, updated 0 (36 unchanged)\n" });
    expect(await schools.count()).toBe(36);
  });
});
