/**
 * Whose connectivity requests a staff member sees (docs/carriers.md#scope). The connectivity
 * form asks no school, only a ward typed by the parent, so a request is in scope when:
 * the viewer's scope is "all" (province); or it names a school the viewer covers; or the viewer
 * has an area scope and one of its areas (a folded ward or commune name, or a district where one
 * is still written) appears, as whole words, in the folded ward the parent typed ("Phường An
 * Phú" is in "phuong an phu" and "an phu", not in "phu an"). School staff cover no connectivity
 * request without a school.
 */
import type { ScopedSchools, StaffScope } from "../../core/console.js";
import { fold } from "../../core/text/fold.js";

export interface Placed {
  schoolCode?: string;
  ward?: string;
  district?: string;
}

export interface CarrierScope {
  covers(place: Placed): boolean;
}

export function carrierScope(scope: StaffScope, schools: ScopedSchools): CarrierScope {
  const areas = scope.kind === "area" ? scope.areas.map(fold).filter(Boolean) : [];
  return {
    covers(place) {
      if (scope.kind === "all" || schools.all) return true;
      if (place.schoolCode && schools.codes.includes(place.schoolCode)) return true;
      const typed = ` ${fold(`${place.ward ?? ""} ${place.district ?? ""}`)} `;
      return areas.some((area) => typed.includes(` ${area} `));
    },
  };
}

/** The ward as a grouping key: folded, so "Phường 5" and "phuong 5" are one ward. */
export const wardKey = (ward: string | undefined) => fold(ward ?? "") || "-";
