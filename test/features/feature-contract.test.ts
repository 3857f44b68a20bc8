/**
 * A feature is its own folder plus one line in src/app.ts's FEATURES list. This test adds a
 * tiny one the same way (AppOptions.features is that list) and checks the app wires all of it:
 * a command in chat, an HTTP route, start and stop, and its place in "Dữ liệu của tôi".
 */
import { type Connection, Schema } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FEATURES, type RunningApp, startApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import type { Feature } from "../../src/core/feature.js";
import { say } from "../../src/core/turn.js";
import type { FeatureFactory } from "../../src/features/context.js";
import { modelOn } from "../../src/storage/model-on.js";
import { unsetPersonal } from "../../src/storage/personal.js";
import { webChatDriver } from "../helpers/channel-drivers.js";
import { silentLogger } from "../helpers/silent-logger.js";
import { testMongoUri, testRedisUrl, uniqueName } from "../helpers/stores.js";

/** What a real feature's model.ts would hold: one personal field, owned by channel and userId. */
const wishSchema = new Schema({
  channel: { type: String, required: true },
  userId: { type: String, required: true },
  wish: { type: String, required: true, personal: true },
});
const wishes = (mongo: Connection) => modelOn(mongo, "Wish", wishSchema, "wishes");

const lifecycle: string[] = [];

/** The whole feature: what a new folder under src/features/ would export. */
const wishFeature: FeatureFactory = (ctx): Feature => {
  const Wishes = wishes(ctx.mongo);
  return {
    name: "wishes",
    commands: {
      async uocmo(turn, args) {
        await Wishes.create({ channel: turn.person.channel, userId: turn.person.userId, wish: args });
        say(turn, `Đã ghi điều ước: ${args}`);
      },
    },
    routes: async (app) => {
      app.get("/api/wishes/count", async () => ({ count: await Wishes.countDocuments() }));
    },
    async start() {
      lifecycle.push("started");
    },
    async stop() {
      lifecycle.push("stopped");
    },
    async describePersonalData(person) {
      const own = await Wishes.find({ channel: person.channel, userId: person.userId }).lean();
      return own.map((w) => ({ key: "privacy-request", values: { code: "UOC", details: w.wish } }));
    },
    async erasePersonalData(person) {
      const result = await Wishes.updateMany(
        { channel: person.channel, userId: person.userId },
        { $unset: unsetPersonal(wishSchema), $set: { userId: "erased" } },
      );
      return result.modifiedCount;
    },
  };
};

describe("a feature is its folder plus one line in app.ts", () => {
  let app: RunningApp;
  beforeAll(async () => {
    const loaded = loadConfig({
      MONGODB_URI: testMongoUri(),
      REDIS_URL: testRedisUrl(),
      PORT: "0",
      METRICS_PORT: "0",
    });
    if (!loaded.ok) throw new Error(loaded.message);
    app = await startApp(loaded.config, silentLogger(), {
      host: "127.0.0.1",
      redisPrefix: `${uniqueName("feat")}:`,
      features: [...FEATURES, wishFeature],
    });
  });
  afterAll(async () => {
    await app.mongo.dropDatabase();
    await app.close();
  });

  it("answers its command, serves its route, was started, and is shown and erased in Dữ liệu của tôi", async () => {
    expect(lifecycle).toEqual(["started"]);
    const person = webChatDriver(app.server);
    expect(await person.say("/uocmo Một chiếc máy tính bảng cho em Lan")).toContain("Đã ghi điều ước");
    const counted = await app.server.inject({ method: "GET", url: "/api/wishes/count" });
    expect(counted.json()).toEqual({ count: 1 });

    expect(await person.say("/dulieu")).toContain("Một chiếc máy tính bảng cho em Lan");
    await person.choose("Xoá dữ liệu");
    expect(await person.choose("Xoá hết")).toContain("Đã xoá dữ liệu");
    expect(await person.say("/dulieu")).not.toContain("máy tính bảng cho em Lan");
    const left = await wishes(app.mongo).findOne().lean();
    expect(left?.wish).toBeUndefined();
  });

  it("is stopped when the app closes", async () => {
    const loaded = loadConfig({
      MONGODB_URI: testMongoUri(),
      REDIS_URL: testRedisUrl(),
      PORT: "0",
      METRICS_PORT: "0",
    });
    if (!loaded.ok) throw new Error(loaded.message);
    const other = await startApp(loaded.config, silentLogger(), {
      host: "127.0.0.1",
      redisPrefix: `${uniqueName("feat")}:`,
      features: [...FEATURES, wishFeature],
    });
    await other.close();
    expect(lifecycle.at(-1)).toBe("stopped");
  });
});
