/**
 * What the carriers' console tests start from: connectivity requests as the parents' form makes
 * them, moved to "matched" as an approval would, data lots and lines inserted with the shared
 * models (the allocation pages are someone else's), an area staff member, and a file upload.
 */
import type { FastifyInstance } from "fastify";
import type { RunningApp } from "../../src/app.js";
import { createRecordLock } from "../../src/core/lock.js";
import { claimModel, lineModel, lotModel } from "../../src/features/allocation/model.js";
import { createRequestService } from "../../src/features/requests/service.js";
import { humanCode } from "../../src/storage/human-code.js";
import type { Driver } from "./channel-drivers.js";
import type { ConsoleClient } from "./console-client.js";

export interface Household {
  userId: string;
  phone: string;
  carrier: string;
  problem: "no-internet" | "weak-signal" | "data-package";
  place: string;
  ward: string;
  locale?: "vi" | "en";
}

/** A connectivity request from Telegram user `userId`; matched when `matched`; returns its code. */
export async function seedConnectivityRequest(
  app: RunningApp,
  h: Household,
  matched = false,
): Promise<string> {
  const requests = createRequestService(app.mongo, createRecordLock(app.redis, app.prefix));
  const made = await requests.create({
    idempotencyKey: `seed-connectivity-${h.userId}-${h.phone}`,
    kind: "connectivity",
    channel: "telegram",
    userId: h.userId,
    chatId: h.userId,
    locale: h.locale ?? "vi",
    problem: h.problem,
    carrier: h.carrier,
    phone: h.phone,
    place: h.place,
    ward: h.ward,
  });
  const code = made.request.code;
  if (matched) {
    await requests.changeStatus(code, "verified", "telegram:900");
    await requests.changeStatus(code, "matched", "telegram:900");
  }
  return code;
}

/** A data lot of `carrier` for `months` months, with one unit per request given. */
export async function seedDataLot(
  app: RunningApp,
  carrier: string,
  months: number,
  requestCodes: string[],
): Promise<{ lotCode: string; lineCodes: string[] }> {
  const lotCode = humanCode("LO");
  await lotModel(app.mongo).create({
    code: lotCode,
    kind: "data",
    carrier,
    months,
    count: requestCodes.length,
    allocated: requestCodes.length,
    source: "other",
    giverName: "Viettel Bình Dương",
    areas: [],
    keptAt: "Sở GD&ĐT",
    createdBy: "telegram:900",
  });
  const lineCodes: string[] = [];
  for (const requestCode of requestCodes) {
    const code = humanCode("DG");
    await lineModel(app.mongo).create({
      code,
      lotCode,
      requestCode,
      batchCode: "PB-SEED01",
      status: "matched",
      kind: "data",
      carrier,
      months,
      collectPlace: "Nhà văn hoá phường",
      approvedBy: "telegram:900",
      approvedAt: new Date(),
    });
    await claimModel(app.mongo).create({ requestCode, lineCode: code });
    lineCodes.push(code);
  }
  return { lotCode, lineCodes };
}

/** `by` appoints `who` as area staff of `area` (a ward or district the directory knows). */
export async function appointAreaStaff(
  by: ConsoleClient,
  who: Driver,
  name: string,
  area: string,
): Promise<void> {
  await by.get("/console/staff");
  const made = await by.post("/console/staff/appoint", { name, level: "area", places: area });
  const code = made.body.match(/class="code">(CB-[A-Z0-9]{6})</)?.[1];
  if (!code) throw new Error(`no appointment code: ${made.status}`);
  await who.say(code);
}

/** Uploads `file` from the page at `pageUrl`'s form, as a browser's file input posts it. */
export async function uploadFile(
  server: FastifyInstance,
  client: ConsoleClient,
  pageUrl: string,
  action: string,
  fileName: string,
  file: Buffer,
): Promise<{ status: number; body: string }> {
  const page = await client.get(pageUrl);
  const csrf = page.body.match(/name="_csrf" value="([^"]+)"/)?.[1] ?? "";
  const boundary = "----choemtest7MA4YWxkTrZu0gW";
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const cookie = ["choem_console", "choem_console_csrf"]
    .map((name) => `${name}=${client.cookie(name) ?? ""}`)
    .join("; ");
  const response = await server.inject({
    method: "POST",
    url: action,
    headers: { cookie, "content-type": `multipart/form-data; boundary=${boundary}` },
    payload: body,
  });
  return { status: response.statusCode, body: response.body };
}
