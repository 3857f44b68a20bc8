/**
 * Which requests a lot can serve (docs/allocation.md#proposal): waiting requests (verified or
 * approved: both are needs staff accepted and neither has a unit yet) of a matching kind, inside
 * the lot's areas. The same rule builds the proposal's query and checks each request again when
 * the batch is approved, since a request may have moved in between.
 */
import { trusted } from "mongoose";
import { fold } from "../../core/text/fold.js";
import type { HelpRequest, RequestStatus } from "../requests/model.js";
import type { Lot } from "./model.js";

export const WAITING: RequestStatus[] = ["verified", "approved"];
/** A request that takes any device ("loại nào cũng được"), or any carrier's package. */
export const ANY = "any";
/** Connectivity problems a data package solves; a weak signal needs the carrier, not a SIM. */
export const DATA_PROBLEMS = ["no-internet", "data-package"];

/** A lot's areas as places: the schools of those wards or districts, and the folded names. */
export interface LotPlace {
  /** undefined: the lot may go anywhere. */
  schoolCodes?: Set<string>;
  areas: string[];
}

/** The indexed part of the query (requests' `allocation_device` / `allocation_data` indexes). */
export function candidateQuery(lot: Lot, place: LotPlace): Record<string, unknown> {
  const status = trusted({ $in: WAITING });
  if (lot.kind === "devices") {
    return {
      kind: "device",
      status,
      device: trusted({ $in: [lot.deviceType ?? "", ANY] }),
      ...(place.schoolCodes ? { schoolCode: trusted({ $in: [...place.schoolCodes] }) } : {}),
    };
  }
  return {
    kind: "connectivity",
    status,
    carrier: trusted({ $in: [lot.carrier ?? "", ANY] }),
    problem: trusted({ $in: DATA_PROBLEMS }),
  };
}

type Placed = Pick<HelpRequest, "schoolCode" | "ward" | "district">;

/**
 * Inside the lot's areas: a request's school in one of them, or (connectivity requests, which
 * name no school) one of the areas as whole words in the ward or district the parent typed,
 * as the carriers' scope reads them (docs/carriers.md#scope).
 */
export function insideLot(place: LotPlace, request: Placed): boolean {
  if (!place.schoolCodes) return true;
  if (request.schoolCode && place.schoolCodes.has(request.schoolCode)) return true;
  const typed = ` ${fold(`${request.ward ?? ""} ${request.district ?? ""}`)} `;
  return !request.schoolCode && place.areas.some((area) => typed.includes(` ${area} `));
}

/** The whole rule, for one request read again at approval. */
export function fitsLot(lot: Lot, place: LotPlace, request: HelpRequest): boolean {
  if (!WAITING.includes(request.status) || request.erasedAt) return false;
  if (lot.kind === "devices") {
    if (request.kind !== "device") return false;
    if (request.device !== lot.deviceType && request.device !== ANY) return false;
  } else {
    if (request.kind !== "connectivity") return false;
    if (request.carrier !== lot.carrier && request.carrier !== ANY) return false;
    if (!DATA_PROBLEMS.includes(request.problem ?? "")) return false;
  }
  return insideLot(place, request);
}
