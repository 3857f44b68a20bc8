/** One contract for both token stores: MongoDB (FerretDB in tests) and its memory twin. */
import type { Connection } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createMemoryTokenStore,
  createMongoTokenStore,
  type ZaloOaTokenStore,
} from "../../../src/channels/zalo-oa/token-store.js";
import { connectMongo } from "../../../src/storage/mongo.js";
import { silentLogger } from "../../helpers/silent-logger.js";
import { testMongoUri, uniqueName } from "../../helpers/stores.js";

let mongo: Connection;
beforeAll(async () => {
  mongo = await connectMongo(testMongoUri(), silentLogger());
});
afterAll(async () => {
  await mongo.dropDatabase();
  await mongo.close();
});

const stores: Array<{ name: string; make: () => ZaloOaTokenStore }> = [
  { name: "MongoDB", make: () => createMongoTokenStore(mongo, uniqueName("app")) },
  { name: "memory", make: () => createMemoryTokenStore() },
];

describe.each(stores)("the $name token store", ({ make }) => {
  const next = { accessToken: "at_new", refreshToken: "rt_new", expiresAt: new Date("2026-12-01T00:00:00Z") };

  it("keeps the first seed only, however often seeding runs", async () => {
    const store = make();
    await Promise.all([store.seed("rt_first"), store.seed("rt_second")]);
    await store.seed("rt_third");
    const stored = await store.load();
    expect(["rt_first", "rt_second"]).toContain(stored?.refreshToken);
    expect(stored?.accessToken).toBe("");
  });

  it("replaces the pair only while the used refresh token is still stored", async () => {
    const store = make();
    await store.seed("rt_first");
    expect(await store.replace("rt_first", next)).toBe(true);
    expect(await store.replace("rt_first", { ...next, accessToken: "at_stale" })).toBe(false);
    expect(await store.load()).toEqual(next);
  });
});
