/**
 * Which schools a report covers: the viewer's scope (kit.schools) narrowed by the filters on the
 * page (a district or a ward, a school level). The schools directory is small (a province has a
 * few thousand schools), so it is read once per report and the rest are `$in` on school codes.
 * Records with no school (a request typed before the school list) count only for a viewer who
 * sees everything and chose no filter, as kit.schools says of "all".
 */
import { type Connection, trusted } from "mongoose";
import type { ScopedSchools } from "../../core/console.js";
import { SCHOOL_LEVELS, type School, schoolModel } from "../schools/model.js";

export interface ReportFilter {
  /** "d:<district>" or "w:<ward>", as the page's select sends it (no district since July 2025: wards). */
  area?: string;
  level?: string;
}

export interface SchoolInfo {
  code: string;
  ward: string;
  district: string;
  level: string;
}

export interface ReportScope {
  /** Undefined: no limit (everything, records without a school included). */
  codes?: string[];
  /** Every school the viewer may see, for the filter's choices and wards by school. */
  visible: SchoolInfo[];
  bySchool: Map<string, SchoolInfo>;
  filter: ReportFilter;
}

/** Only known values pass: what is typed in the URL never reaches a query as it is. */
export function cleanFilter(query: Record<string, unknown>, visible: SchoolInfo[]): ReportFilter {
  const area = String(query.area ?? "");
  const level = String(query.level ?? "");
  // An empty district ("d:") is no area: it would pick every school of the two-level government.
  const areas = new Set(visible.flatMap((s) => [s.district ? `d:${s.district}` : "", `w:${s.ward}`]));
  areas.delete("");
  return {
    ...(areas.has(area) ? { area } : {}),
    ...(SCHOOL_LEVELS.some((l) => l === level) ? { level } : {}),
  };
}

export async function reportScope(
  mongo: Connection,
  scoped: ScopedSchools,
  query: Record<string, unknown>,
): Promise<ReportScope> {
  const Schools = schoolModel(mongo);
  const rows = await Schools.find(scoped.all ? {} : { code: trusted({ $in: scoped.codes }) })
    .select({ code: 1, ward: 1, district: 1, level: 1 })
    .lean<Pick<School, "code" | "ward" | "district" | "level">[]>();
  const visible = rows.map(({ code, ward, district, level }) => ({
    code,
    ward,
    district: district ?? "",
    level,
  }));
  const filter = cleanFilter(query, visible);
  const bySchool = new Map(visible.map((s) => [s.code, s]));
  const chosen = visible.filter(
    (s) =>
      (!filter.level || s.level === filter.level) &&
      (!filter.area || filter.area === `d:${s.district}` || filter.area === `w:${s.ward}`),
  );
  const limited = !scoped.all || filter.area || filter.level;
  return { ...(limited ? { codes: chosen.map((s) => s.code) } : {}), visible, bySchool, filter };
}

/** The query part for a collection whose records name their school at `path`. */
export function schoolMatch(scope: ReportScope, path: string): Record<string, unknown> {
  return scope.codes ? { [path]: trusted({ $in: scope.codes }) } : {};
}
