/**
 * The inbound path on the whole app: a message that records nothing ("/start", a menu tap, a
 * step of a form) is answered from Redis alone, while what does change a person (a language,
 * a role) is seen on the very next message.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningApp } from "../../../src/app.js";
import { personModel } from "../../../src/features/people/model.js";
import type { FakeTelegramApi } from "../../fakes/telegram-api.js";
import { telegramDriver } from "../../helpers/channel-drivers.js";
import { type PlatformApp, startPlatformApp, TELEGRAM_SECRET } from "../../helpers/platform-app.js";

let nextId = 8_300_000 + Math.floor(Math.random() * 100_000);

describe("the inbound path and MongoDB", () => {
  let platform: PlatformApp;
  let app: RunningApp;
  let telegram: FakeTelegramApi;
  /** Every MongoDB call the app's models make, as "collection.method". */
  const calls: string[] = [];

  beforeAll(async () => {
    platform = await startPlatformApp({ ADMIN_IDS: "telegram:8299999" });
    ({ app, telegram } = platform);
    // Index builds the app starts in the background belong to start-up, not to a message.
    await Promise.all(Object.values(app.mongo.models).map((model) => model.init()));
    app.mongo.set(
      "debug",
      (collection: string, method: string) => void calls.push(`${collection}.${method}`),
    );
  });
  afterAll(() => platform.close());

  it("answers /start, menu taps and a form's first steps with no MongoDB call after the first message", async () => {
    const d = telegramDriver(app.server, telegram, TELEGRAM_SECRET, nextId++);
    await d.say("/start");
    expect(calls.some((call) => call.startsWith("people."))).toBe(true);
    calls.length = 0;
    for (let i = 0; i < 5; i++) {
      expect(await d.say("/start")).toContain("ChoEm");
      await d.choose("🌐 Ngôn ngữ / Language");
    }
    await d.say("/start");
    await d.choose("Xin máy tính cho con");
    expect(await d.choose("Tôi đồng ý")).toContain("tên");
    expect(calls).toEqual([]);
  });

  it("writes lastSeenAt once for many messages, and a new language is used at once", async () => {
    const id = nextId++;
    const d = telegramDriver(app.server, telegram, TELEGRAM_SECRET, id);
    await d.say("/start");
    const first = await personModel(app.mongo)
      .findOne({ channel: "telegram", userId: String(id) })
      .lean();
    for (let i = 0; i < 5; i++) await d.say("/start");
    const later = await personModel(app.mongo)
      .findOne({ channel: "telegram", userId: String(id) })
      .lean();
    expect(later?.lastSeenAt).toEqual(first?.lastSeenAt);

    await d.say("/start");
    await d.choose("🌐 Ngôn ngữ / Language");
    await d.choose("English");
    expect(await d.say("/start")).toContain("Hello");
    const stored = await personModel(app.mongo)
      .findOne({ channel: "telegram", userId: String(id) })
      .lean();
    expect(stored?.locale).toBe("en");
  });

  it("shows a role given to a person on their next message, and staff from ADMIN_IDS at once", async () => {
    // A person can only tap what the menu offers: choose() throws for an option that is missing.
    const admin = telegramDriver(app.server, telegram, TELEGRAM_SECRET, 8_299_999);
    await admin.say("/start");
    await admin.choose("Đơn mới (cán bộ)");
    const invite = (await admin.say("/magv 79001")).match(/GV-[A-Z0-9]{6}/)?.[0];
    const teacher = telegramDriver(app.server, telegram, TELEGRAM_SECRET, nextId++);
    await teacher.say("/start");
    await expect(teacher.choose("Tạo lớp")).rejects.toThrow();
    await teacher.say(`/giaovien ${invite}`);
    await teacher.say("/start");
    expect(await teacher.choose("Tạo lớp")).toContain("lớp");
  });
});
