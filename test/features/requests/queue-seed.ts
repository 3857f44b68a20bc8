/** Requests for the queue tests: three schools in two districts, statuses, kinds, names, dates. */
import { Types } from "mongoose";
import type { HelpRequest, RequestStatus } from "../../../src/features/requests/model.js";
import { searchKeysOf } from "../../../src/features/requests/queue/search-keys.js";
import { humanCode } from "../../../src/storage/human-code.js";

export const SCHOOLS = [
  { code: "79001", district: "Quận 8" },
  { code: "79002", district: "Quận 8" },
  { code: "38001", district: "Huyện Đông Sơn" },
] as const;
const NAMES = ["Trần Thị Hà", "Lê Minh Đức", "Phạm Quốc Bảo", "Võ Thị Mai", "Đỗ Văn Hùng"];
const STATUSES: RequestStatus[] = ["new", "verified", "approved", "matched", "rejected"];

export type Seeded = HelpRequest & { _id: Types.ObjectId };

/** `count` requests; every 7th shares its createdAt with the one before, so ties are paged too. */
export function queueRequests(count: number, start = Date.UTC(2026, 8, 1)): Seeded[] {
  const seeded: Seeded[] = [];
  let at = start;
  for (let i = 0; i < count; i++) {
    if (i % 7 !== 0) at += 60_000;
    const school = SCHOOLS[i % SCHOOLS.length] ?? SCHOOLS[0];
    const device = i % 4 !== 3;
    const status = STATUSES[i % STATUSES.length] ?? "new";
    const childName = device ? NAMES[i % NAMES.length] : undefined;
    seeded.push({
      _id: new Types.ObjectId(),
      code: humanCode("YC"),
      idempotencyKey: `seed-${i}-${Math.random()}`,
      kind: device ? "device" : "connectivity",
      status,
      history: [{ status: "new", at: new Date(at), by: "parent" }],
      channel: "webchat",
      userId: `u${i}`,
      chatId: `u${i}`,
      locale: "vi",
      ...(device ? { schoolCode: school.code, district: school.district, grade: 6 } : {}),
      ...(childName ? { childName, searchKeys: searchKeysOf(childName) } : {}),
      circumstances: i % 3 === 0 ? ["poor", "orphan"] : ["poor"],
      ...(i % 11 === 0 ? { possibleDuplicateOf: "YC-XXXXXX" } : {}),
      createdAt: new Date(at),
    });
  }
  return seeded;
}

/** Newest first, ties by _id: the queue's own order. */
export function newestFirst(requests: Seeded[]): Seeded[] {
  return [...requests].sort(
    (a, b) =>
      b.createdAt.getTime() - a.createdAt.getTime() || b._id.toHexString().localeCompare(a._id.toHexString()),
  );
}
