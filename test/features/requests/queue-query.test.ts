/**
 * The staff queue's query layer on the real test store: scope can never be escaped, each filter
 * and search returns exactly what it should, and keyset pages cover everything once.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRecordLock } from "../../../src/core/lock.js";
import { requestModel } from "../../../src/features/requests/model.js";
import { backfillSearchKeys } from "../../../src/features/requests/queue/backfill-search-keys.js";
import {
  buildQueueQuery,
  type QueueFilter,
  type QueueScope,
} from "../../../src/features/requests/queue/build-queue-query.js";
import { encodeCursor } from "../../../src/features/requests/queue/cursor.js";
import { createRequestQueue, type QueueItem } from "../../../src/features/requests/queue/list-requests.js";
import { QUEUE_INDEXES } from "../../../src/features/requests/queue/queue-indexes.js";
import { createRequestService } from "../../../src/features/requests/service.js";
import { closeTestStores, openTestStores, type TestStores, uniqueName } from "../../helpers/stores.js";
import { newestFirst, queueRequests, type Seeded } from "./queue-seed.js";

describe("the staff requests queue", () => {
  let stores: TestStores;
  let queue: ReturnType<typeof createRequestQueue>;
  const seeded = queueRequests(130);
  const all: QueueScope = { all: true };

  /** Every page of a listing, in order. */
  async function everything(scope: QueueScope, filter: QueueFilter = {}): Promise<QueueItem[]> {
    const items: QueueItem[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 20; pages++) {
      const page = await queue.listRequests(scope, filter, cursor ? { cursor } : {});
      if (page.kind !== "page") throw new Error(page.kind);
      items.push(...page.items);
      if (!page.nextCursor) return items;
      cursor = page.nextCursor;
    }
    throw new Error("more pages than requests");
  }
  const codes = (items: Array<{ code: string }>) => items.map((r) => r.code);
  const expected = (keep: (r: Seeded) => boolean) => codes(newestFirst(seeded.filter(keep)));

  beforeAll(async () => {
    stores = await openTestStores();
    await requestModel(stores.mongo).insertMany(seeded);
    queue = createRequestQueue(stores.mongo);
  });
  afterAll(() => closeTestStores(stores));

  it("lists everything newest first, 50 a page, ties broken the same way every time", async () => {
    const first = await queue.listRequests(all, {});
    expect(first.kind === "page" && first.items.length).toBe(50);
    expect(codes(await everything(all))).toEqual(expected(() => true));
  });

  it("never shows a school scope another school's request, whatever is asked", async () => {
    const scope = { schoolCodes: ["79001"] };
    const other = seeded.find((r) => r.schoolCode === "79002" && r.childName);
    if (!other?.childName) throw new Error("seed has no request of school 79002");
    const attempts: QueueFilter[] = [
      {},
      { schoolCode: "79002" },
      { area: "Huyện Đông Sơn" },
      { area: "Quận 8" },
      { search: other.code },
      { search: other.code.toLowerCase().replace("-", " ") },
      { search: other.childName },
      { kind: "connectivity" },
      { statuses: ["new", "verified", "approved", "matched", "rejected"], possibleDuplicate: true },
    ];
    for (const filter of attempts) {
      const items = await everything(scope, filter);
      expect(
        items.every((r) => r.schoolCode === "79001"),
        JSON.stringify(filter),
      ).toBe(true);
    }
    expect(await everything(scope, { schoolCode: "79002" })).toEqual([]);
    expect(await everything({ schoolCodes: [] })).toEqual([]);
    expect(codes(await everything(scope))).toEqual(expected((r) => r.schoolCode === "79001"));
  });

  it("keeps an area scope to its districts", async () => {
    const scope = { areas: ["Huyện Đông Sơn"] };
    expect(codes(await everything(scope))).toEqual(expected((r) => r.district === "Huyện Đông Sơn"));
    expect(await everything(scope, { area: "Quận 8" })).toEqual([]);
    expect(await everything(scope, { schoolCode: "79001" })).toEqual([]);
  });

  it("applies each filter, alone and together", async () => {
    const from = seeded[40]?.createdAt ?? new Date();
    const to = seeded[90]?.createdAt ?? new Date();
    const cases: Array<[QueueFilter, (r: Seeded) => boolean]> = [
      [{ kind: "connectivity" }, (r) => r.kind === "connectivity"],
      [{ statuses: ["new", "matched"] }, (r) => r.status === "new" || r.status === "matched"],
      [{ schoolCode: "79002" }, (r) => r.schoolCode === "79002"],
      [{ area: "Quận 8" }, (r) => r.district === "Quận 8"],
      [{ circumstances: ["orphan"] }, (r) => r.circumstances?.includes("orphan") === true],
      [{ createdFrom: from, createdTo: to }, (r) => r.createdAt >= from && r.createdAt <= to],
      [{ possibleDuplicate: true }, (r) => r.possibleDuplicateOf !== undefined],
      [{ possibleDuplicate: false }, (r) => r.possibleDuplicateOf === undefined],
      [
        { statuses: ["verified"], schoolCode: "79001", kind: "device", createdFrom: from },
        (r) => r.status === "verified" && r.schoolCode === "79001" && r.createdAt >= from,
      ],
    ];
    for (const [filter, keep] of cases) {
      const want = expected(keep);
      expect(want.length, JSON.stringify(filter)).toBeGreaterThan(0);
      expect(codes(await everything(all, filter)), JSON.stringify(filter)).toEqual(want);
    }
  });

  it("finds a child's name without diacritics or case, by whole words or their beginnings", async () => {
    const requests = createRequestService(
      stores.mongo,
      createRecordLock(stores.redis, `${uniqueName("q")}:`),
    );
    const filed = await requests.create({
      idempotencyKey: uniqueName("k"),
      kind: "device",
      channel: "webchat",
      userId: uniqueName("u"),
      chatId: "c",
      locale: "vi",
      childName: "Nguyễn Văn An",
      schoolCode: "38001",
      district: "Huyện Đông Sơn",
      grade: 3,
    });
    for (const typed of ["nguyen van an", "NGUYEN", "an nguy", "Nguyễn Văn An", "van  an!"]) {
      expect(codes(await everything(all, { search: typed })), typed).toEqual([filed.request.code]);
    }
    expect(await everything(all, { search: "nguyen binh" })).toEqual([]);
    expect(await everything({ schoolCodes: ["79001"] }, { search: "nguyen van an" })).toEqual([]);
    // "Đ" is its own letter, folded to "d".
    expect(codes(await everything(all, { search: "do van hung" }))).toEqual(
      expected((r) => r.childName === "Đỗ Văn Hùng"),
    );
    expect(await queue.listRequests(all, { search: "a" })).toEqual({ kind: "search-too-short" });
  });

  it("finds older requests once start-up has filled their search keys, and forgets them on erasure", async () => {
    const [older] = queueRequests(1, Date.UTC(2026, 0, 1));
    if (!older) throw new Error("no seed");
    const { searchKeys: _none, ...withoutKeys } = {
      ...older,
      childName: "Hoàng Thị Yến",
      userId: uniqueName("u"),
    };
    await requestModel(stores.mongo).collection.insertOne(withoutKeys);
    expect(await everything(all, { search: "hoang yen" })).toEqual([]);
    expect(await backfillSearchKeys(stores.mongo)).toBe(1);
    expect(codes(await everything(all, { search: "hoang yen" }))).toEqual([older.code]);
    expect(await backfillSearchKeys(stores.mongo)).toBe(0);

    const requests = createRequestService(
      stores.mongo,
      createRecordLock(stores.redis, `${uniqueName("q")}:`),
    );
    await requests.erase("webchat", withoutKeys.userId);
    expect(await everything(all, { search: "hoang yen" })).toEqual([]);
    const left = await requestModel(stores.mongo).collection.findOne({ code: older.code });
    expect(left?.searchKeys).toBeUndefined();
    expect(await backfillSearchKeys(stores.mongo)).toBe(0);
  });

  it("finds a request by its code, typed in any case, within the caller's scope", async () => {
    const target = seeded.find((r) => r.schoolCode === "38001");
    if (!target) throw new Error("seed has no request of school 38001");
    const typed = target.code.toLowerCase().replace("-", " ");
    expect(codes(await everything(all, { search: typed }))).toEqual([target.code]);
    expect(codes(await everything({ areas: ["Huyện Đông Sơn"] }, { search: typed }))).toEqual([target.code]);
    expect(await everything({ areas: ["Quận 8"] }, { search: typed })).toEqual([]);
  });

  it("pages through every request once while new ones arrive between pages", async () => {
    const before = codes(await everything(all));
    const seen: string[] = [];
    let cursor: string | undefined;
    const extra = queueRequests(30, Date.now());
    for (let page = 0; page < 10; page++) {
      const result = await queue.listRequests(all, {}, cursor ? { cursor } : {});
      if (result.kind !== "page") throw new Error(result.kind);
      seen.push(...codes(result.items));
      // Someone files requests while staff read: they are newer, so they belong before page 1.
      await requestModel(stores.mongo).insertMany(extra.splice(0, 10));
      if (!result.nextCursor) break;
      cursor = result.nextCursor;
    }
    expect(seen).toEqual(before);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("answers a cursor it did not make with bad-cursor, not an error or another page", async () => {
    for (const cursor of ["", "abc", "!!!", Buffer.from("12.zz").toString("base64url"), "x".repeat(500)]) {
      expect(await queue.listRequests(all, {}, { cursor }), cursor).toEqual({ kind: "bad-cursor" });
    }
    const last = (await everything(all)).at(-1);
    if (!last) throw new Error("no requests");
    const after = await queue.listRequests(
      all,
      {},
      { cursor: encodeCursor({ createdAt: last.createdAt, id: last._id }) },
    );
    expect(after).toEqual({ kind: "page", items: [], nextCursor: null });
  });

  it("shapes every combination of filters for an index the model declares", () => {
    const declared = new Set(
      requestModel(stores.mongo)
        .schema.indexes()
        .map(([, options]) => options.name),
    );
    declared.add("code_1");
    const scopes: QueueScope[] = [all, { schoolCodes: ["79001", "79002"] }, { areas: ["Quận 8"] }];
    const extras: QueueFilter[] = [{}, { schoolCode: "79001" }, { area: "Quận 8" }];
    const searches = [undefined, "nguyen van", "YC-7K2M9Q"];
    for (const scope of scopes)
      for (const extra of extras)
        for (const statuses of [undefined, ["new" as const]])
          for (const search of searches) {
            const filter = {
              ...extra,
              kind: "device" as const,
              possibleDuplicate: true,
              ...(statuses ? { statuses } : {}),
              ...(search ? { search } : {}),
            };
            const built = buildQueueQuery(
              scope,
              filter,
              encodeCursor({ createdAt: new Date(), id: seeded[0]?._id as never }),
            );
            if (built.kind === "empty") continue;
            expect(built.kind).toBe("query");
            if (built.kind !== "query") continue;
            expect(declared.has(built.index), `${built.index} for ${JSON.stringify([scope, filter])}`).toBe(
              true,
            );
            // The index leads with fields the query fixes, the narrowest first, then the page order.
            const lead =
              built.index === "code_1"
                ? ["code"]
                : Object.keys(QUEUE_INDEXES[built.index]).filter((f) => f !== "createdAt" && f !== "_id");
            for (const field of lead) expect(Object.keys(built.filter), built.index).toContain(field);
            const narrowest = ["code", "schoolCode", "district"].find((f) => f in built.filter);
            if (narrowest) expect(lead[0], built.index).toBe(narrowest);
          }
  });
});
