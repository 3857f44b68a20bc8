/**
 * What a staff scope covers, in school codes: every query of the console is filtered by it on
 * the server. Areas are matched against the school directory's ward and district, folded, so
 * "Phú Lợi" and "phu loi" are one area. Districts are mostly empty since July 2025 (two-level
 * local government), so an area is usually a phường or xã; an empty one is no area at all. The directory (718 schools) is read at most once a
 * minute: a school added by an import is seen within that minute.
 */
import type { Connection } from "mongoose";
import { coversSchool, type ScopedSchools, type StaffScope } from "../../core/console.js";
import { fold } from "../../core/text/fold.js";
import { schoolModel } from "../schools/model.js";

interface Placed {
  code: string;
  areas: string[];
  /** The same places as the directory writes them ("Phường Phú Lợi"), for pages. */
  names: string[];
}

const REFRESH_MS = 60_000;

export interface ScopeResolver {
  schoolsOf(scope: StaffScope): Promise<ScopedSchools>;
  covers(scope: StaffScope, schoolCode: string | undefined): Promise<boolean>;
  /** Whether every school `inner` covers is covered by `outer` (appointing within one's own scope). */
  within(inner: StaffScope, outer: StaffScope): Promise<boolean>;
  /** The folded areas (wards, districts) the directory knows, for the appointment form. */
  areas(): Promise<string[]>;
  /** Folded areas as the directory writes them ("phuong phu loi" → "Phường Phú Lợi"), for pages. */
  namesOf(areas: readonly string[]): Promise<string[]>;
  /** Every area as the directory writes it, sorted, for a form's suggestions. */
  areaNames(): Promise<string[]>;
}

export function createScopeResolver(connection: Connection): ScopeResolver {
  const Schools = schoolModel(connection);
  let placed: { at: number; schools: Promise<Placed[]> } | undefined;

  function directory(): Promise<Placed[]> {
    if (!placed || Date.now() - placed.at > REFRESH_MS) {
      const schools = Schools.find({}, { code: 1, ward: 1, district: 1, _id: 0 })
        .lean<Array<{ code: string; ward: string; district?: string }>>()
        .then((rows) =>
          rows.map((r) => {
            const names = [r.ward, r.district ?? ""].map((name) => name.trim()).filter(Boolean);
            return { code: r.code, areas: names.map(fold), names };
          }),
        );
      placed = { at: Date.now(), schools };
      // A failed read must not be remembered for a minute.
      schools.catch(() => {
        placed = undefined;
      });
    }
    return placed.schools;
  }

  async function schoolsOf(scope: StaffScope): Promise<ScopedSchools> {
    if (scope.kind === "all") return { all: true };
    if (scope.kind === "schools") return { all: false, codes: [...scope.schoolCodes] };
    const wanted = new Set(scope.areas.map(fold).filter(Boolean));
    const codes = (await directory()).filter((s) => s.areas.some((a) => wanted.has(a))).map((s) => s.code);
    return { all: false, codes };
  }

  return {
    schoolsOf,
    async covers(scope, schoolCode) {
      if (scope.kind === "all") return true;
      return schoolCode ? coversSchool(await schoolsOf(scope), schoolCode) : false;
    },
    async within(inner, outer) {
      if (outer.kind === "all") return true;
      if (inner.kind === "all") return false;
      if (inner.kind === "area" && outer.kind === "area") {
        const allowed = new Set(outer.areas.map(fold));
        return inner.areas.every((a) => allowed.has(fold(a)));
      }
      if (inner.kind === "area") return false;
      const allowed = await schoolsOf(outer);
      return allowed.all || inner.schoolCodes.every((code) => allowed.codes.includes(code));
    },
    async areas() {
      const all = (await directory()).flatMap((s) => s.areas);
      return [...new Set(all)].sort();
    },
    async namesOf(areas) {
      const named = new Map<string, string>();
      for (const school of await directory()) {
        school.areas.forEach((area, i) => {
          if (!named.has(area)) named.set(area, school.names[i] ?? area);
        });
      }
      return areas.map((area) => named.get(fold(area)) ?? area);
    },
    async areaNames() {
      const all = (await directory()).flatMap((s) => s.names);
      return [...new Set(all)].sort((a, b) => a.localeCompare(b, "vi"));
    },
  };
}
