/**
 * A throwaway local database starts empty, so parents trying `npm start` could never find a
 * school. Seed the sample directory there, and only there: a configured MONGODB_URI is left alone.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "../../core/logger.js";
import { parseSchoolRows } from "./parse-csv.js";
import type { SchoolService } from "./service.js";

export async function seedSampleSchools(schools: SchoolService, logger: Logger): Promise<void> {
  if ((await schools.count()) > 0) return;
  const parsed = parseSchoolRows(await readFile(join(process.cwd(), "data", "schools.sample.csv"), "utf8"));
  if (!parsed.ok) throw new Error(`data/schools.sample.csv is invalid: ${JSON.stringify(parsed.errors)}`);
  const result = await schools.upsertMany(parsed.rows);
  logger.info({ schools: result.inserted }, "seeded the sample school directory into the local database");
}
