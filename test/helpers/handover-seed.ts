/**
 * Lots and lines as an approved proposal leaves them (docs/allocation.md), inserted with the
 * shared models only, so the handover tests need nothing of the allocation pages: each
 * request is made through the parents' service and moved verified → matched.
 */

import { trusted } from "mongoose";
import type { RunningApp } from "../../src/app.js";
import { createRecordLock } from "../../src/core/lock.js";
import type { ChannelName } from "../../src/core/messages.js";
import { claimModel, lineModel, lotModel } from "../../src/features/allocation/model.js";
import { createRequestService } from "../../src/features/requests/service.js";
import { humanCode } from "../../src/storage/human-code.js";
import { seedDeviceRequest } from "./console-seed.js";

export interface SeededLine {
  lineCode: string;
  requestCode: string;
}

/** A lot of `count` laptops; returns its code. */
export async function seedLot(app: RunningApp, count: number): Promise<string> {
  const code = humanCode("LO");
  await lotModel(app.mongo).create({
    code,
    kind: "devices",
    deviceType: "laptop",
    count,
    allocated: 0,
    source: "other",
    giverName: "Công ty ABC",
    areas: [],
    keptAt: "Kho Sở GD&ĐT",
    createdBy: "telegram:900",
  });
  return code;
}

/**
 * A matched line of `lot` for a new device request of `child` at `school` (parent: Telegram
 * user `userId`); `handedOverDaysAgo` seeds a line already handed over that long ago.
 */
export async function seedMatchedLine(
  app: RunningApp,
  lot: string,
  school: string,
  child: string,
  userId: string,
  handedOverDaysAgo?: number,
  channel: ChannelName = "telegram",
): Promise<SeededLine> {
  const requests = createRequestService(app.mongo, createRecordLock(app.redis, app.prefix));
  const requestCode = await seedDeviceRequest(app, school, child, userId, channel);
  await requests.changeStatus(requestCode, "verified", "telegram:900");
  await requests.changeStatus(requestCode, "matched", "telegram:900");
  const lineCode = humanCode("DG");
  await claimModel(app.mongo).create({ requestCode, lineCode });
  const handed =
    handedOverDaysAgo === undefined ? undefined : new Date(Date.now() - handedOverDaysAgo * 86_400_000);
  if (handed) await requests.changeStatus(requestCode, "delivered", "telegram:900");
  await lineModel(app.mongo).create({
    code: lineCode,
    lotCode: lot,
    requestCode,
    batchCode: "LD-SEED01",
    status: handed ? "handed-over" : "matched",
    kind: "devices",
    deviceType: "laptop",
    schoolCode: school,
    collectPlace: "Văn phòng trường",
    collectFrom: new Date("2026-12-05T01:00:00Z"),
    approvedBy: "telegram:900",
    approvedAt: new Date(),
    ...(handed ? { handedOverAt: handed, handedOverBy: "telegram:910" } : {}),
  });
  const open = await lineModel(app.mongo).countDocuments({
    lotCode: lot,
    status: trusted({ $ne: "returned" }),
  });
  await lotModel(app.mongo).updateOne({ code: lot }, { allocated: open });
  return { lineCode, requestCode };
}

export const lotAllocated = async (app: RunningApp, lot: string) =>
  (await lotModel(app.mongo).findOne({ code: lot }).lean())?.allocated;
