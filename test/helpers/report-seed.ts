/**
 * A small programme for the reports tests, with figures worked out by hand (test/console/
 * reports.test.ts states them): requests made through the request service and then moved
 * along, pledges, lots and allocation lines inserted with their models. Two schools:
 * 79001 (THCS, Phường 5, Quận 8) and 79002 (tiểu học, Xã Đông Hòa, Huyện Đông Sơn).
 */
import { randomUUID } from "node:crypto";
import type { RunningApp } from "../../src/app.js";
import { createRecordLock } from "../../src/core/lock.js";
import { type AllocationLine, lineModel, lotModel } from "../../src/features/allocation/model.js";
import { pledgeModel } from "../../src/features/pledges/model.js";
import { createPledgeService } from "../../src/features/pledges/service.js";
import { type RequestStatus, requestModel } from "../../src/features/requests/model.js";
import { createRequestService } from "../../src/features/requests/service.js";

const SCHOOLS = {
  "79001": { name: "Trường THCS Chu Văn An", district: "Quận 8", level: "thcs" },
  "79002": { name: "Trường Tiểu học Lê Lợi", district: "Huyện Đông Sơn", level: "tieu-hoc" },
} as const;
type Code = keyof typeof SCHOOLS;

/** The donors' names the public page may and may not show. */
export const NAMED_DONOR = "Công ty Ánh Dương";
export const OTHER_NAMED_DONOR = "Lê Thị Hảo";
export const ANONYMOUS_DONOR = "Trần Văn Kín";
export const CANCELLED_DONOR = "Hủy Bỏ Corp";
/** A child's name in the seeded requests: never on the public page. */
export const SEEDED_CHILD = "Nguyễn Bé Na";

export async function seedReports(app: RunningApp): Promise<void> {
  const requests = createRequestService(app.mongo, createRecordLock(app.redis, app.prefix));
  const Requests = requestModel(app.mongo);
  let n = 0;
  async function request(
    school: Code,
    kind: "device" | "connectivity",
    status: RequestStatus,
    extra: { carrier?: string; createdAt?: Date } = {},
  ): Promise<string> {
    n += 1;
    const made = await requests.create({
      idempotencyKey: `report-seed-${n}`,
      kind,
      channel: "telegram",
      userId: `70${n}`,
      chatId: `70${n}`,
      locale: "vi",
      grade: 6,
      schoolCode: school,
      schoolName: SCHOOLS[school].name,
      district: SCHOOLS[school].district,
      ...(kind === "device"
        ? { childName: `${SEEDED_CHILD} ${n}`, device: "laptop" }
        : { carrier: extra.carrier, place: "nhà", phone: `+8491200${String(n).padStart(4, "0")}` }),
    });
    const code = made.request.code;
    // Seeding only: the statuses and dates the programme would have reached by now.
    await Requests.updateOne(
      { code },
      { $set: { status, ...(extra.createdAt ? { createdAt: extra.createdAt } : {}) } },
    );
    return code;
  }

  // Device requests: 79001 new ×2, verified, matched, delivered; 79002 new, approved, delivered.
  await request("79001", "device", "new");
  await request("79001", "device", "new");
  await request("79001", "device", "verified");
  const matched = await request("79001", "device", "matched");
  const delivered1 = await request("79001", "device", "delivered", {
    createdAt: new Date("2026-11-02T03:00:00Z"),
  });
  await request("79002", "device", "new");
  const returnedTo = await request("79002", "device", "approved");
  const delivered2 = await request("79002", "device", "delivered", {
    createdAt: new Date("2026-11-09T03:00:00Z"),
  });
  // Connectivity: 79001 Viettel ×2 and one rejected MobiFone; 79002 VinaPhone.
  await request("79001", "connectivity", "new", { carrier: "viettel" });
  await request("79001", "connectivity", "verified", { carrier: "viettel" });
  await request("79001", "connectivity", "rejected", { carrier: "mobifone" });
  await request("79002", "connectivity", "new", { carrier: "vinaphone" });

  const Lots = lotModel(app.mongo);
  const lot = {
    kind: "devices" as const,
    deviceType: "laptop",
    keptAt: "Kho Sở",
    createdBy: "test",
    areas: [],
  };
  await Lots.create([
    { ...lot, code: "LO-PLEDGE", count: 3, allocated: 1, source: "pledge", pledgeCode: "UH-SEED01" },
    { ...lot, code: "LO-BUY001", count: 4, allocated: 2, source: "purchase", costVnd: 20_000_000 },
    { ...lot, code: "LO-BUY002", count: 1, allocated: 0, source: "purchase", costVnd: 3_000_000 },
  ]);
  const line = (
    code: string,
    lotCode: string,
    requestCode: string,
    school: Code,
    rest: Partial<AllocationLine>,
  ) => ({
    code,
    lotCode,
    requestCode,
    batchCode: "BATCH-1",
    kind: "devices" as const,
    deviceType: "laptop",
    schoolCode: school,
    district: SCHOOLS[school].district,
    collectPlace: "Văn phòng trường",
    approvedBy: "test",
    approvedAt: new Date("2026-11-01T03:00:00Z"),
    ...rest,
  });
  await lineModel(app.mongo).create([
    line("DG-000001", "LO-PLEDGE", matched, "79001", { status: "matched" }),
    line("DG-000002", "LO-BUY001", delivered1, "79001", {
      status: "confirmed",
      handedOverAt: new Date("2026-11-12T03:00:00Z"),
      confirmedAt: new Date("2026-11-12T05:00:00Z"),
    }),
    line("DG-000003", "LO-BUY001", delivered2, "79002", {
      status: "handed-over",
      handedOverAt: new Date("2026-11-13T03:00:00Z"),
    }),
    line("DG-000004", "LO-BUY001", returnedTo, "79002", {
      status: "returned",
      handedOverAt: new Date("2026-11-13T04:00:00Z"),
      returnedAt: new Date("2026-11-14T03:00:00Z"),
    }),
  ]);

  const pledges = createPledgeService(app.mongo);
  const Pledges = pledgeModel(app.mongo);
  async function pledge(fields: Record<string, unknown>, set: Record<string, unknown>): Promise<void> {
    n += 1;
    const made = await pledges.create({
      idempotencyKey: randomUUID(),
      channel: "telegram",
      userId: `80${n}`,
      chatId: `80${n}`,
      locale: "vi",
      donorType: "individual",
      wantsUpdates: false,
      phone: "+84987654321",
      ...fields,
    } as Parameters<typeof pledges.create>[0]);
    await Pledges.updateOne({ code: made.code }, { $set: set });
  }
  const allocation = (school: Code) => ({
    schoolCode: school,
    schoolName: SCHOOLS[school].name,
    district: SCHOOLS[school].district,
    level: SCHOOLS[school].level,
    at: new Date(),
    by: "test",
  });
  const devices = (count: number, receivedCount: number) => ({
    type: "laptop",
    count,
    condition: "new",
    handover: "drop-off",
    receivedCount,
  });
  await pledge(
    { showName: true, donorName: NAMED_DONOR, devices: devices(5, 3) },
    { status: "allocated", allocation: allocation("79001") },
  );
  await pledge(
    { showName: false, donorName: ANONYMOUS_DONOR, money: { pledgedVnd: 10_000_000, receivedVnd: 0 } },
    { status: "received", "money.receivedVnd": 8_000_000 },
  );
  await pledge(
    { showName: true, donorName: OTHER_NAMED_DONOR, money: { pledgedVnd: 2_000_000, receivedVnd: 0 } },
    { status: "allocated", "money.receivedVnd": 2_000_000, allocation: allocation("79002") },
  );
  await pledge(
    { showName: true, donorName: CANCELLED_DONOR, devices: devices(10, 0) },
    { status: "cancelled" },
  );
}
