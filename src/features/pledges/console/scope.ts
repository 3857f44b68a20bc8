/**
 * Which pledges a console user may see. A pledge belongs to no school until it is allocated, so
 * an unallocated pledge is the province's alone; once allocated, staff whose scope covers that
 * school (its own staff, or its ward's) see it too. Everything else answers 404, like a pledge
 * that does not exist (docs/staff-console.md#levels-and-scopes). Changes (receipts, reversals,
 * payment details) are the province's: money and donors are handled centrally.
 */
import type { FastifyRequest } from "fastify";
import { trusted } from "mongoose";
import type { ConsoleKit } from "../../../core/console.js";
import type { Pledge } from "../model.js";

/** The query part that limits a list to what the user may see. */
export async function visibleFilter(
  kit: ConsoleKit,
  request: FastifyRequest,
): Promise<Record<string, unknown>> {
  if (kit.user(request).staff.level === "province") return {};
  const scoped = await kit.schools(request);
  if (scoped.all) return { "allocation.schoolCode": trusted({ $exists: true }) };
  return { "allocation.schoolCode": trusted({ $in: scoped.codes }) };
}

export async function canSee(kit: ConsoleKit, request: FastifyRequest, pledge: Pledge): Promise<boolean> {
  if (kit.user(request).staff.level === "province") return true;
  return Boolean(pledge.allocation) && kit.covers(request, pledge.allocation?.schoolCode);
}

export const canChange = (kit: ConsoleKit, request: FastifyRequest): boolean =>
  kit.user(request).staff.level === "province";
