/**
 * Province-sized test data for `BENCH_ONLY=data`: requests spread over 600 schools in 12
 * districts, statuses and kinds in plausible proportions, Vietnamese names with the real skew of
 * family names (Nguyễn about 38%), two years of dates; and one pledge per 20 requests for the
 * summary. Inserted straight through the driver, 5,000 at a time.
 */
import { type Connection, Types } from "mongoose";
import { searchKeysOf } from "../src/features/requests/queue/search-keys.js";

const DISTRICTS = Array.from(
  { length: 12 },
  (_, i) => `Huyện ${["Đông", "Tây", "Nam", "Bắc"][i % 4]} Sơn ${i + 1}`,
);
export const SCHOOLS = Array.from({ length: 600 }, (_, i) => ({
  code: String(38000 + i),
  district: DISTRICTS[i % DISTRICTS.length] ?? "",
  level: ["tieu-hoc", "thcs", "thpt"][i % 3] ?? "thcs",
}));
const FAMILY: Array<[string, number]> = [
  ["Nguyễn", 38],
  ["Trần", 11],
  ["Lê", 9],
  ["Phạm", 7],
  ["Hoàng", 5],
  ["Huỳnh", 4],
  ["Phan", 4],
  ["Vũ", 3],
  ["Võ", 3],
  ["Đặng", 2],
  ["Bùi", 2],
  ["Đỗ", 2],
  ["Hồ", 2],
  ["Ngô", 2],
  ["Dương", 1],
  ["Lý", 1],
];
const MIDDLE = ["Văn", "Thị", "Minh", "Ngọc", "Quốc", "Gia", "Thanh", "Hữu", "Đức", "Thu", "Bảo", "Anh"];
const GIVEN = [
  "An",
  "Bình",
  "Châu",
  "Dũng",
  "Hà",
  "Hải",
  "Hùng",
  "Huy",
  "Khánh",
  "Linh",
  "Mai",
  "Nam",
  "Phúc",
  "Quân",
  "Tâm",
  "Thảo",
  "Trang",
  "Tuấn",
  "Vy",
  "Yến",
  "Long",
  "Nhi",
  "Khoa",
  "Hân",
  "Duy",
  "Lan",
];
const STATUS: Array<[string, number]> = [
  ["new", 30],
  ["verified", 20],
  ["approved", 15],
  ["matched", 10],
  ["delivered", 15],
  ["rejected", 7],
  ["withdrawn", 3],
];
const SPAN_MS = 2 * 365 * 24 * 3600_000;

/** A deterministic generator, so every run seeds the same province. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const weighted = (list: Array<[string, number]>): string => {
    const total = list.reduce((sum, [, w]) => sum + w, 0);
    let roll = next() * total;
    for (const [value, weight] of list) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return list[0]?.[0] ?? "";
  };
  return { next, pick, weighted };
}

const CODE_LETTERS = "346789ABCDEFGHJKMNPQRTUVWXY";
/** Unique codes from the index: the bench must not hit a duplicate-key clash. */
export function benchCode(index: number): string {
  let code = "";
  for (let n = index + 1_000_000; code.length < 6; n = Math.floor(n / CODE_LETTERS.length))
    code = CODE_LETTERS[n % CODE_LETTERS.length] + code;
  return `YC-${code}`;
}

export function requestDocument(index: number, now: number) {
  const r = random(index * 7919 + 17);
  const school = r.pick(SCHOOLS);
  const device = r.next() < 0.7;
  const childName = `${r.weighted(FAMILY)} ${r.pick(MIDDLE)} ${r.pick(GIVEN)}`;
  const createdAt = new Date(now - Math.floor(r.next() * SPAN_MS));
  const status = r.weighted(STATUS);
  return {
    _id: new Types.ObjectId(),
    code: benchCode(index),
    idempotencyKey: `bench-${index}`,
    kind: device ? "device" : "connectivity",
    status,
    history: [{ status: "new", at: createdAt, by: "parent" }],
    channel: "webchat",
    userId: `bench-u${index}`,
    chatId: `bench-u${index}`,
    locale: "vi",
    grade: 1 + Math.floor(r.next() * 12),
    schoolCode: school.code,
    district: school.district,
    circumstances: r.next() < 0.4 ? ["poor"] : ["near-poor"],
    ...(device
      ? {
          childName,
          searchKeys: searchKeysOf(childName),
          schoolName: `Trường ${school.code}`,
          device: "laptop",
        }
      : { phone: `+8491${String(index).padStart(7, "0")}`, carrier: "viettel", problem: "no-internet" }),
    ...(r.next() < 0.02 ? { possibleDuplicateOf: benchCode(Math.floor(r.next() * (index + 1))) } : {}),
    createdAt,
  };
}

function pledgeDocument(index: number, now: number) {
  const r = random(index * 104729 + 3);
  const status = r.weighted([
    ["pledged", 30],
    ["received", 25],
    ["allocated", 20],
    ["delivered", 20],
    ["cancelled", 5],
  ]);
  const school = r.pick(SCHOOLS);
  const placed = status === "allocated" || status === "delivered";
  const pledged = 100_000 * (1 + Math.floor(r.next() * 50));
  return {
    code: `UH-B${String(index).padStart(8, "0")}`,
    idempotencyKey: `bench-p${index}`,
    status,
    history: [],
    channel: "webchat",
    userId: `bench-d${index}`,
    chatId: `bench-d${index}`,
    locale: "vi",
    donorType: "individual",
    showName: false,
    wantsUpdates: false,
    money: { pledgedVnd: pledged, receivedVnd: status === "pledged" ? 0 : pledged },
    receipts: [],
    ...(placed
      ? {
          allocation: {
            schoolCode: school.code,
            schoolName: `Trường ${school.code}`,
            district: school.district,
            level: school.level,
            at: new Date(now),
            by: "bench",
          },
        }
      : {}),
    createdAt: new Date(now - Math.floor(r.next() * SPAN_MS)),
  };
}

/** Inserts requests from..to (and their share of pledges) in chunks of `chunk`. */
export async function growTo(connection: Connection, from: number, to: number, chunk = 5000): Promise<void> {
  const now = Date.UTC(2026, 11, 1);
  const requests = connection.collection("requests");
  const pledges = connection.collection("pledges");
  for (let start = from; start < to; start += chunk) {
    const end = Math.min(to, start + chunk);
    await requests.insertMany(
      Array.from({ length: end - start }, (_, i) => requestDocument(start + i, now)),
      { ordered: false },
    );
    const p = { from: Math.ceil(start / 20), to: Math.ceil(end / 20) };
    if (p.to > p.from)
      await pledges.insertMany(
        Array.from({ length: p.to - p.from }, (_, i) => pledgeDocument(p.from + i, now)),
        { ordered: false },
      );
  }
}
