/**
 * The school directory: one record per school of the province, keyed by the Department's own
 * code. People pick their child's school by typing part of its name, so a folded copy of the
 * name (and of its ward and district) is kept for diacritic-free search.
 *
 * Since 1 July 2025 local government has two levels (province, then phường/xã): there are no
 * quận/huyện any more, so a school's district is usually empty. It is kept for directories that
 * still carry one; `schoolArea` is what to show or group by.
 */
import { type Connection, type Model, Schema } from "mongoose";
import { modelOn } from "../../storage/model-on.js";

/** Levels of the Vietnamese school system; what people read comes from `school-level-<level>`. */
export const SCHOOL_LEVELS = ["mam-non", "tieu-hoc", "thcs", "thpt", "gdtx"] as const;
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number];

/** The Department's school code, as typed or imported. */
export const SCHOOL_CODE = /^[A-Za-z0-9-]{2,20}$/;

/** Codes are stored upper-case so a typed code matches whatever case it was typed in. */
export function normalizeSchoolCode(code: string): string {
  return code.trim().toUpperCase();
}

/** What an import row carries; the rest of a record is derived or stamped. */
export interface SchoolRow {
  code: string;
  name: string;
  level: SchoolLevel;
  /** The phường or xã ("Phường Phú Lợi", "Xã Bàu Bàng"). */
  ward: string;
  /** A quận/huyện where the directory still has one; "" under the two-level government. */
  district: string;
  province: string;
}

export interface School extends SchoolRow {
  nameFolded: string;
  /** Ward and district, folded, so "chu van an di an" tells same-named schools apart. */
  placeFolded: string;
  createdAt: Date;
  updatedAt: Date;
}

const schema = new Schema<School>({
  code: { type: String, required: true, unique: true },
  name: { type: String, required: true },
  level: { type: String, required: true, enum: SCHOOL_LEVELS },
  ward: { type: String, required: true },
  district: { type: String, default: "" },
  province: { type: String, required: true },
  // Indexed so a typed prefix ("truong thcs ...") is an index range, not a scan.
  nameFolded: { type: String, required: true, index: true },
  placeFolded: { type: String, required: true },
  createdAt: { type: Date, default: () => new Date() },
  updatedAt: { type: Date, default: () => new Date() },
});

/**
 * The place a school is shown with and counted under, coarser than the school: its district
 * where the directory still has one, else its ward or commune. Never empty (the ward is required).
 */
export function schoolArea(school: Pick<SchoolRow, "ward"> & { district?: string }): string {
  return school.district?.trim() || school.ward;
}

export function schoolModel(connection: Connection): Model<School> {
  return modelOn(connection, "School", schema, "schools");
}
