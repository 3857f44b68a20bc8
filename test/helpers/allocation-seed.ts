/**
 * What the allocation tests start from: verified requests as the parents' forms make them (with
 * the circumstances, home and device a family chose, filed some weeks ago), and pledges whose
 * goods or money have arrived, inserted with the shared models as the receipts ledger leaves them.
 */
import type { RunningApp } from "../../src/app.js";
import { createRecordLock } from "../../src/core/lock.js";
import { pledgeModel } from "../../src/features/pledges/model.js";
import { requestModel } from "../../src/features/requests/model.js";
import { createRequestService } from "../../src/features/requests/service.js";
import { humanCode } from "../../src/storage/human-code.js";
import type { ConsoleClient } from "./console-client.js";

export interface SeedChild {
  child: string;
  school?: string;
  device?: string;
  circumstances?: string[];
  homeHas?: string[];
  weeksAgo?: number;
  /** Telegram user of the parent; made up when absent. */
  userId?: string;
  status?: "new" | "verified" | "approved";
}

let next = 0;

/** A device request moved to `status` (verified unless said); returns its code. */
export async function seedChild(app: RunningApp, seed: SeedChild): Promise<string> {
  const requests = createRequestService(app.mongo, createRecordLock(app.redis, app.prefix));
  next += 1;
  const userId = seed.userId ?? String(5000 + next);
  const school = seed.school ?? "79001";
  const made = await requests.create({
    idempotencyKey: `alloc-seed-${next}-${seed.child}`,
    kind: "device",
    channel: "telegram",
    userId,
    chatId: userId,
    locale: "vi",
    grade: 6,
    schoolCode: school,
    schoolName: school === "79001" ? "Trường THCS Chu Văn An" : "Trường Tiểu học Lê Lợi",
    district: school === "79001" ? "Quận 8" : "Huyện Đông Sơn",
    childName: seed.child,
    className: "6A1",
    circumstances: seed.circumstances ?? [],
    device: seed.device ?? "tablet",
    homeHas: seed.homeHas ?? [],
    phone: "+84912345678",
  });
  const code = made.request.code;
  if (seed.weeksAgo)
    await requestModel(app.mongo).updateOne(
      { code },
      { $set: { createdAt: new Date(Date.now() - seed.weeksAgo * 7 * 86_400_000 - 3_600_000) } },
    );
  const status = seed.status ?? "verified";
  if (status !== "new") await requests.changeStatus(code, "verified", "telegram:900");
  if (status === "approved") await requests.changeStatus(code, "approved", "telegram:900");
  return code;
}

/** A verified connectivity request of a household in `ward`; returns its code. */
export async function seedLine(
  app: RunningApp,
  seed: { phone: string; carrier: string; ward: string; problem?: string; userId: string },
): Promise<string> {
  const requests = createRequestService(app.mongo, createRecordLock(app.redis, app.prefix));
  const made = await requests.create({
    idempotencyKey: `alloc-line-${seed.phone}`,
    kind: "connectivity",
    channel: "telegram",
    userId: seed.userId,
    chatId: seed.userId,
    locale: "vi",
    problem: seed.problem ?? "data-package",
    carrier: seed.carrier,
    phone: seed.phone,
    place: "rented-room",
    ward: seed.ward,
  });
  await requests.changeStatus(made.request.code, "verified", "telegram:900");
  return made.request.code;
}

/** A pledge whose goods (or money) have all arrived; the donor is Telegram user `userId`. */
export async function seedPledge(
  app: RunningApp,
  userId: string,
  item: {
    devices?: { type: string; count: number };
    data?: { carrier: string; count: number; months: number };
    vnd?: number;
  },
): Promise<string> {
  const code = humanCode("UH");
  await pledgeModel(app.mongo).create({
    code,
    idempotencyKey: `alloc-pledge-${code}`,
    status: "received",
    history: [],
    channel: "telegram",
    userId,
    chatId: userId,
    locale: "vi",
    donorType: "individual",
    donorName: "Nguyễn Hảo Tâm",
    showName: false,
    wantsUpdates: false,
    ...(item.devices
      ? {
          devices: {
            type: item.devices.type,
            count: item.devices.count,
            condition: "new",
            handover: "drop-off",
            receivedCount: item.devices.count,
          },
        }
      : {}),
    ...(item.data ? { data: { ...item.data, receivedCount: item.data.count } } : {}),
    ...(item.vnd ? { money: { pledgedVnd: item.vnd, receivedVnd: item.vnd } } : {}),
    receipts: [],
  });
  return code;
}

/** Tomorrow as staff type it ("05/12/2026 7h30"), so a test never collects in the past. */
export function tomorrowTyped(): string {
  const at = new Date(Date.now() + 7 * 3600_000 + 86_400_000);
  const day = String(at.getUTCDate()).padStart(2, "0");
  const month = String(at.getUTCMonth() + 1).padStart(2, "0");
  return `${day}/${month}/${at.getUTCFullYear()} 7h30`;
}

/** The lot form as the page posts it: every field, empty unless given. */
export function lotForm(fields: Record<string, string>): Record<string, string> {
  return {
    source: "other",
    kind: "devices",
    pledgeCode: "",
    deviceType: "",
    carrier: "",
    months: "",
    count: "",
    costVnd: "",
    paidBy: "",
    giverName: "",
    areas: "",
    keptAt: "Kho Sở GD&ĐT",
    note: "",
    ...fields,
  };
}

/** The lot's code in the address a created lot redirects to. */
export const lotCodeOf = (location: string | undefined) =>
  location?.match(/\/console\/lots\/(LO-[A-Z0-9]{6})/)?.[1] ?? "";

/** The request codes a proposal page ticks, in its order. */
export const tickedIn = (body: string) =>
  [...body.matchAll(/name="requests" value="(YC-[A-Z0-9]{6})"[^>]*checked/g)].map((m) => m[1] ?? "");

/** Two staff open a lot's proposal each, then approve their batches at the same moment. */
export async function approveAtOnce(
  lot: string,
  form: { collectPlace: string; collectFrom: string },
  first: [ConsoleClient, string[]],
  second: [ConsoleClient, string[]],
) {
  await first[0].get(`/console/lots/${lot}/proposal`);
  await second[0].get(`/console/lots/${lot}/proposal`);
  const approve = ([client, requests]: [ConsoleClient, string[]]) =>
    client.post(`/console/lots/${lot}/approve`, { ...form, requests });
  return Promise.all([approve(first), approve(second)]);
}
