/** What the carriers' console pages share: the carrier in a URL, the file format, the scope, a sheet sent. */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { ConsoleKit } from "../../core/console.js";
import { CARRIERS } from "../requests/connectivity.form.js";
import { carrierScope } from "./scope.js";
import { CONTENT_TYPES, type Sheet, type SheetFormat, writeSheet } from "./sheet.js";

export const knownCarrier = (value: string) => CARRIERS.find((carrier) => carrier === value);
export const formatOf = (value: unknown): SheetFormat => (value === "xlsx" ? "xlsx" : "csv");

export async function scopeOf(kit: ConsoleKit, request: FastifyRequest) {
  return carrierScope(kit.user(request).staff.scope, await kit.schools(request));
}

export async function sendSheet(reply: FastifyReply, sheet: Sheet, format: SheetFormat, name: string) {
  const file = await writeSheet(sheet, format, name);
  return reply
    .type(CONTENT_TYPES[format])
    .header("content-disposition", `attachment; filename="${name}.${format}"`)
    .send(file);
}
