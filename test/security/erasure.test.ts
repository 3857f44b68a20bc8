/**
 * "Xoá hết" erases, and "Dữ liệu của tôi" showed all of it first. One parent on Telegram, through
 * the whole app, leaves a trace in every feature: a device request (child, school, class,
 * circumstances, device, phone), a connectivity request (carrier, where the family lives, ward),
 * a pledge with a pick-up address, a question for staff, a class membership, a lesson delivered,
 * and a form half filled in. After "Xoá hết" every MongoDB collection and every Redis key and
 * value of the app is searched for the child's name, the phone, the address and the person's ids.
 */
import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningApp } from "../../src/app.js";
import { fold } from "../../src/core/text/fold.js";
import { formatPhone } from "../../src/core/text/parse-phone.js";
import { schoolYearOptions } from "../../src/features/classes/fields.js";
import { type FakeTelegramApi, telegramUpdate } from "../fakes/telegram-api.js";
import { type TelegramDriver, telegramDriver } from "../helpers/channel-drivers.js";
import { type PlatformApp, startPlatformApp, TELEGRAM_SECRET } from "../helpers/platform-app.js";

const STAFF = 930001;
const TEACHER = 930002;
const PARENT = randomInt(700_000_000, 799_999_999);
const CHILD = "Quách Thị Diễm Hương";
const DONOR = "Quách Văn Trường";
const PHONE = `+8497${String(randomInt(1_000_000, 9_999_999))}`;
const PICKUP = "47 Hẻm Bảy Mẫu, Phường Mười Bốn";
const WARD = "Phường Mười Bốn, Quận Tám";
const QUESTION = "Khi nào máy của cháu Diễm Hương về ạ";

/** Presses a button by its value (the pledge form's buttons, without spelling out their labels). */
const callback = (d: TelegramDriver, value: string) => d.post(telegramUpdate.callback(PARENT, value));

/** Every document of every collection, as JSON. */
async function everyDocument(app: RunningApp): Promise<Array<{ collection: string; json: string }>> {
  const db = app.mongo.db!;
  const found: Array<{ collection: string; json: string }> = [];
  for (const { name } of await db.listCollections().toArray()) {
    for (const doc of await db.collection(name).find({}).toArray())
      found.push({ collection: name, json: JSON.stringify(doc) });
  }
  return found;
}

/** Every key under the prefix with its value, read by type. */
async function everyKey(app: RunningApp, prefix: string): Promise<Array<{ key: string; value: string }>> {
  const found: Array<{ key: string; value: string }> = [];
  let cursor = "0";
  do {
    const [next, keys] = await app.redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
    cursor = next;
    for (const key of keys) {
      const type = await app.redis.type(key);
      const value =
        type === "string"
          ? await app.redis.get(key)
          : type === "hash"
            ? await app.redis.hgetall(key)
            : type === "list"
              ? await app.redis.lrange(key, 0, -1)
              : type === "set"
                ? await app.redis.smembers(key)
                : type === "zset"
                  ? await app.redis.zrange(key, "0", "-1", "WITHSCORES")
                  : type === "stream"
                    ? await app.redis.xrange(key, "-", "+")
                    : null;
      found.push({ key, value: JSON.stringify(value) });
    }
  } while (cursor !== "0");
  return found;
}

/** The first text to Telegram that `find` accepts, waiting for the delivery workers. */
async function sentText(fake: FakeTelegramApi, find: (text: string) => boolean): Promise<string> {
  for (;;) {
    const calls = fake.calls("sendMessage");
    const found = calls.map((c) => String(c.payload.text)).find(find);
    if (found !== undefined) return found;
    await fake.waitForCalls("sendMessage", calls.length + 1, 15_000);
  }
}

describe("erasure of everything ChoEm keeps about a person", () => {
  let platform: PlatformApp;
  let app: RunningApp;
  let telegram: FakeTelegramApi;
  beforeAll(async () => {
    platform = await startPlatformApp({ ADMIN_IDS: `telegram:${STAFF}` }, undefined, {
      rateLimit: { max: 1000, windowSeconds: 60 },
    });
    ({ app, telegram } = platform);
  });
  afterAll(() => platform.close());

  it("lists every field in /dulieu, then leaves nothing of the person in any collection or Redis key", async () => {
    const staff = telegramDriver(app.server, telegram, TELEGRAM_SECRET, STAFF);
    const teacher = telegramDriver(app.server, telegram, TELEGRAM_SECRET, TEACHER);
    const parent = telegramDriver(app.server, telegram, TELEGRAM_SECRET, PARENT);

    // A device request.
    await parent.say("/start");
    await parent.choose("Xin máy tính cho con");
    await parent.choose("Tôi đồng ý");
    await parent.say(CHILD);
    await parent.say("lớp 6");
    await parent.say("thcs chu van an");
    await parent.choose("Trường THCS Chu Văn An");
    await parent.say("6A3");
    await parent.pick(["Hộ nghèo"]);
    await parent.choose("Máy tính bảng");
    await parent.pick(["Điện thoại dùng chung"]);
    await parent.sharePhone(PHONE);
    expect(await parent.choose("Xác nhận")).toMatch(/YC-[A-Z0-9]{6}/);

    // A connectivity request.
    await parent.say("/start");
    await parent.choose("Hỗ trợ kết nối");
    await parent.choose("Tôi đồng ý");
    await parent.choose("gói cước 4G");
    await parent.choose("Viettel");
    await parent.say(PHONE);
    await parent.choose("Nhà trọ");
    await parent.say(WARD);
    expect(await parent.choose("Xác nhận")).toMatch(/YC-[A-Z0-9]{6}/);

    // A named pledge of a laptop, picked up at home.
    await callback(parent, "menu:pledge");
    await callback(parent, "individual");
    await callback(parent, "named");
    await parent.say(DONOR);
    await callback(parent, "devices");
    await callback(parent, "nav:done");
    await callback(parent, "laptop");
    await parent.say("1");
    await callback(parent, "used-good");
    await callback(parent, "pickup");
    await parent.say(PICKUP);
    await parent.sharePhone(PHONE);
    await callback(parent, "yes");
    await callback(parent, "yes");
    expect(await callback(parent, "nav:confirm")).toMatch(/UH-[A-Z0-9]{6}/);

    // A question for staff.
    await parent.say("/hoicanbo");
    await parent.choose("Xin máy tính");
    await parent.say(QUESTION);
    await parent.sharePhone(PHONE);
    expect(await parent.choose("Xác nhận")).toMatch(/HT-[A-Z0-9]{6}/);

    // A class, joined by the parent, and a lesson delivered to them.
    const invite = (await staff.say("/magv 79001")).match(/GV-[A-Z0-9]{6}/)?.[0];
    await teacher.say(`/giaovien ${invite}`);
    await teacher.say("/taolop");
    await teacher.say("7a4");
    await teacher.choose(schoolYearOptions()[0]!);
    await teacher.choose("Không");
    const classCode = (await teacher.choose("Xác nhận")).match(/LOP-[A-Z0-9]{6}/)?.[0];
    await parent.say(`/start lop_${classCode?.slice(4)}`);
    await parent.choose("Tôi đồng ý");
    await parent.say(CHILD);
    await parent.choose("Gửi thẳng cho tôi");
    expect(await parent.choose("Xác nhận")).toContain("Anh/chị đã vào lớp 7A4");
    await teacher.post(telegramUpdate.video(TEACHER, { fileId: "erasure-lesson" }));
    await teacher.choose("Bài học thường");
    await teacher.say("Toán – Số nguyên");
    const clip = (await teacher.choose("Xác nhận")).match(/BG-[A-Z0-9]{6}/)?.[0];
    await sentText(telegram, (text) => text.includes(`Bài ${clip} đã gửi xong`));

    // A form half filled in: the child's name is in the draft.
    await parent.say("/start");
    await parent.choose("Xin máy tính cho con");
    await parent.choose("Tôi đồng ý");
    await parent.say(CHILD);

    const shown = await parent.say("/dulieu");
    for (const field of [
      CHILD,
      "Trường THCS Chu Văn An",
      "6A3",
      "Hộ nghèo",
      "Máy tính bảng",
      "Điện thoại dùng chung",
      "Viettel",
      "Nhà trọ",
      WARD,
      formatPhone(PHONE),
      DONOR,
      PICKUP,
      QUESTION,
      "lớp 7A4",
      "Phần đang điền dở",
      "1 tin ChoEm đã gửi",
    ])
      expect(shown, field).toContain(field);

    const person = await app.mongo
      .db!.collection("people")
      .findOne({ channel: "telegram", userId: String(PARENT) });
    expect(person).not.toBeNull();
    const [session] = (await everyKey(app, "")).filter((k) => k.key.endsWith(`session:telegram:${PARENT}`));
    const prefix = session!.key.slice(0, -`session:telegram:${PARENT}`.length);

    await parent.choose("Xoá dữ liệu");
    const erased = await parent.choose("Xoá hết");
    for (const line of [
      "2 hồ sơ (đơn xin hỗ trợ)",
      "khoản ủng hộ",
      "lớp học",
      "câu hỏi gửi cán bộ",
      "tin đã gửi",
      "cuộc trò chuyện",
    ])
      expect(erased, line).toContain(line);

    const needles = [
      CHILD,
      fold(CHILD),
      DONOR,
      PICKUP,
      WARD,
      QUESTION,
      PHONE,
      PHONE.slice(3),
      String(PARENT),
      String(person!._id),
    ];
    const documents = await everyDocument(app);
    expect(documents.length).toBeGreaterThan(10);
    for (const { collection, json } of documents)
      for (const needle of needles)
        expect(json.includes(needle), `${needle} in ${collection}: ${json}`).toBe(false);
    const keys = await everyKey(app, prefix);
    expect(keys.length).toBeGreaterThan(0);
    for (const { key, value } of keys)
      for (const needle of needles)
        expect(`${key} ${value}`.includes(needle), `${needle} in Redis ${key}: ${value}`).toBe(false);

    // What is left is anonymous, and the person can start again from nothing.
    const after = await parent.say("/dulieu");
    expect(after).not.toContain(CHILD);
    expect(after).toContain("không lưu gì khác");
  }, 90_000);
});
