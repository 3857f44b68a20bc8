/** The schools tests refer to by code: one THCS in an urban district and one primary school. */
import type { Connection } from "mongoose";
import type { SchoolRow } from "../../src/features/schools/model.js";
import { createSchoolService } from "../../src/features/schools/service.js";

export const CHU_VAN_AN: SchoolRow = {
  code: "79001",
  name: "Trường THCS Chu Văn An",
  level: "thcs",
  ward: "Phường 5",
  district: "Quận 8",
  province: "TP",
};

export const LE_LOI: SchoolRow = {
  code: "79002",
  name: "Trường Tiểu học Lê Lợi",
  level: "tieu-hoc",
  ward: "Xã Đông Hòa",
  district: "Huyện Đông Sơn",
  province: "TP",
};

export async function seedSchools(
  mongo: Connection,
  rows: SchoolRow[] = [CHU_VAN_AN, LE_LOI],
): Promise<void> {
  await createSchoolService(mongo).upsertMany(rows);
}
