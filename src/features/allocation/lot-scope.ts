/**
 * Who works with which lot (docs/allocation.md#lots). Province staff: every lot. Area staff:
 * lots restricted to areas whose schools all lie in their own scope (a lot for "Phường 5" is
 * the business of the staff of "Quận 8" that holds it), which they may also create, from a gift
 * given outright. Lots from pledges and purchases are created by province staff, who keep the
 * pledges and their money (docs/staff-console.md#pledges). School staff do not allocate: the
 * section is not in their navigation, and its URLs answer "not found"; what reaches their
 * pupils they see in "Bàn giao".
 */
import type { StaffMember } from "../../core/console.js";
import type { ScopeResolver } from "../staff/scope.js";
import type { Lot } from "./model.js";

export const allocates = (staff: StaffMember) => staff.level === "province" || staff.level === "area";

/** Whether every school of these areas is in the staff member's scope (and there is one). */
export async function areasWithin(
  scopes: ScopeResolver,
  staff: StaffMember,
  areas: string[],
): Promise<boolean> {
  if (staff.scope.kind === "all") return true;
  if (staff.scope.kind !== "area" || areas.length === 0) return false;
  const mine = new Set(staff.scope.areas);
  if (areas.every((area) => mine.has(area))) return true;
  const [inner, outer] = await Promise.all([
    scopes.schoolsOf({ kind: "area", areas }),
    scopes.schoolsOf(staff.scope),
  ]);
  if (inner.all || outer.all) return outer.all;
  return inner.codes.length > 0 && inner.codes.every((code) => outer.codes.includes(code));
}

export async function seesLot(
  scopes: ScopeResolver,
  staff: StaffMember,
  lot: Pick<Lot, "areas">,
): Promise<boolean> {
  if (!allocates(staff)) return false;
  if (staff.scope.kind === "all") return true;
  return areasWithin(scopes, staff, lot.areas);
}

/** Which sources this staff member may create a lot from. */
export const sourcesFor = (staff: StaffMember) =>
  staff.scope.kind === "all" ? (["pledge", "purchase", "other"] as const) : (["other"] as const);
