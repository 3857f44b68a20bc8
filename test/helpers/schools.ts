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

/**
 * A school as directories list them since July 2025 (two-level local government): a ward, no
 * district. Not seeded by default; tests of the empty-district case add it.
 */
export const PHU_LOI: SchoolRow = {
  code: "74101",
  name: "Trường Tiểu học Phú Lợi",
  level: "tieu-hoc",
  ward: "Phường Phú Lợi",
  district: "",
  province: "Thành phố Hồ Chí Minh",
};

export async function seedSchools(
  mongo: Connection,
  rows: SchoolRow[] = [CHU_VAN_AN, LE_LOI],
): Promise<void> {
  await createSchoolService(mongo).upsertMany(rows);
}
