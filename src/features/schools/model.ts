/**
 * The school directory: one record per school of the province, keyed by the Department's own
 * code. People pick their child's school by typing part of its name, so a folded copy of the
 * name (and of the district) is kept for diacritic-free search.
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
  ward: string;
  district: string;
  province: string;
}

export interface School extends SchoolRow {
  nameFolded: string;
  districtFolded: string;
  createdAt: Date;
  updatedAt: Date;
}

const schema = new Schema<School>({
  code: { type: String, required: true, unique: true },
  name: { type: String, required: true },
  level: { type: String, required: true, enum: SCHOOL_LEVELS },
  ward: { type: String, required: true },
  district: { type: String, required: true },
  province: { type: String, required: true },
  // Indexed so a typed prefix ("truong thcs ...") is an index range, not a scan.
  nameFolded: { type: String, required: true, index: true },
  districtFolded: { type: String, required: true },
  createdAt: { type: Date, default: () => new Date() },
  updatedAt: { type: Date, default: () => new Date() },
});

export function schoolModel(connection: Connection): Model<School> {
  return modelOn(connection, "School", schema, "schools");
}
