/**
 * What people type is read by plain rules, whatever they type, through the whole app on
 * Telegram (webhook in, fake platform out). Each table is input → what the person sees:
 * commands and choice answers named like the built-ins of every JavaScript object get the
 * normal answers; numbers are whole and positive; phones are Vietnamese mobile numbers in their
 * usual forms only; control and bidi characters never reach a stored record; long commands
 * are unknown and echoed short.
 */
import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningApp } from "../../src/app.js";
import { type FakeTelegramApi, telegramUpdate } from "../fakes/telegram-api.js";
import { type TelegramDriver, telegramDriver } from "../helpers/channel-drivers.js";
import { type PlatformApp, startPlatformApp, TELEGRAM_SECRET } from "../helpers/platform-app.js";

const CHOOSE = "Xin chọn một trong các lựa chọn";
const BUILT_INS = ["__proto__", "constructor", "toString", "valueOf", "hasOwnProperty", "prototype"];

describe("input rules", () => {
  let platform: PlatformApp;
  let app: RunningApp;
  let telegram: FakeTelegramApi;
  beforeAll(async () => {
    platform = await startPlatformApp({}, undefined, { rateLimit: { max: 1000, windowSeconds: 60 } });
    ({ app, telegram } = platform);
  });
  afterAll(() => platform.close());

  const person = (): TelegramDriver & { chat: number } => {
    const chat = randomInt(600_000_000, 699_999_999);
    return Object.assign(telegramDriver(app.server, telegram, TELEGRAM_SECRET, chat), { chat });
  };

  it.each(BUILT_INS)("answers /%s as any unknown command", async (name) => {
    const reply = await person().say(`/${name}`);
    expect(reply).toBe(
      `ChoEm chưa hiểu lệnh /${name.toLowerCase()}. Anh/chị gõ /trogiup để xem các lệnh nhé.`,
    );
  });

  it.each(BUILT_INS)("answers /start %s_x (a deep link by that name) with the welcome menu", async (name) => {
    expect(await person().say(`/start ${name}_x`)).toContain("Xin chào! Đây là ChoEm");
  });

  it("treats a command longer than any command as unknown, and echoes it cut short", async () => {
    const reply = await person().say(`/${"dulieu".repeat(20)}`);
    expect(reply).toContain("ChoEm chưa hiểu lệnh");
    expect(reply).toContain(`/${"dulieu".repeat(20).slice(0, 64)}…`);
    expect(reply).not.toContain("dulieu".repeat(20).slice(0, 65));
  });

  it.each(BUILT_INS)("asks again for a choice when %s is typed or pressed as the answer", async (answer) => {
    const p = person();
    await p.say("/start");
    await p.choose("Hỗ trợ kết nối");
    expect(await p.choose("Tôi đồng ý")).toContain("vấn đề gì về kết nối");
    expect(await p.say(answer)).toContain(CHOOSE);
    expect(await p.post(telegramUpdate.callback(p.chat, answer))).toContain(CHOOSE);
    // Outside any form, a button with that value is an old button, not a crash.
    await p.say("/huy");
    expect(await p.post(telegramUpdate.callback(p.chat, `${answer}:x`))).toContain("tin nhắn cũ");
  });

  it("takes whole numbers only where a number is asked", async () => {
    const p = person();
    await p.say("/start");
    await p.choose("Xin máy tính cho con");
    await p.choose("Tôi đồng ý");
    expect(await p.say("Lê Văn Tám")).toContain("Con đang học lớp mấy");
    const table: Array<[typed: string, seen: string]> = [
      ["-5", "không có dấu trừ"],
      ["lớp -5", "không có dấu trừ"],
      ["5.5", "không có phần lẻ"],
      ["5,5", "không có phần lẻ"],
      ["1e1", "từ 1 đến 12"],
      ["0", "từ 1 đến 12"],
      ["13", "từ 1 đến 12"],
      ["٥", "từ 1 đến 12"],
      ["sáu", "từ 1 đến 12"],
      ["5", "Con học trường nào"],
      [" lớp 6 ", "Con học trường nào"],
      ["５", "Con học trường nào"],
    ];
    for (const [typed, seen] of table) {
      const reply = await p.say(typed);
      expect(reply, typed).toContain(seen);
      if (seen === "Con học trường nào") expect(await p.say("quay lại"), typed).toContain("lớp mấy");
    }
  });

  it("takes Vietnamese mobile numbers in their usual forms and nothing else", async () => {
    const p = person();
    await p.say("/start");
    await p.choose("Hỗ trợ kết nối");
    await p.choose("Tôi đồng ý");
    await p.choose("gói cước 4G");
    expect(await p.choose("Viettel")).toContain("Số điện thoại của SIM");
    const accepted = "Gia đình đang ở đâu";
    const table: Array<[typed: string, seen: string]> = [
      ["00912345678", "10 chữ số"],
      ["0912 345 67", "10 chữ số"],
      ["912345678", "10 chữ số"],
      ["0212 345 678", "số máy bàn"],
      ["0612 345 678", "không phải số di động"],
      ["+1 415 555 0100", "số di động Việt Nam"],
      ["0912_345_678", "chỉ gồm chữ số"],
      ["0912345678", accepted],
      ["0912 345 678", accepted],
      ["0912.345.678", accepted],
      ["0912-345-678", accepted],
      ["+84912345678", accepted],
      ["84912345678", accepted],
    ];
    for (const [typed, seen] of table) {
      expect(await p.say(typed), typed).toContain(seen);
      if (seen === accepted) expect(await p.say("quay lại"), typed).toContain("Số điện thoại của SIM");
    }
  });

  it("strips control and bidi characters from free text before it is stored", async () => {
    const p = person();
    await p.say("/start");
    await p.choose("Xin máy tính cho con");
    await p.choose("Tôi đồng ý");
    // NUL, a C1 control, a right-to-left override, an isolate and a right-to-left mark.
    await p.say("Trần\u0000 Bảo\u0085 \u202EAn\u2066h\u2069\u200F");
    await p.say("lớp 7");
    await p.say("thcs chu van an");
    await p.choose("Trường THCS Chu Văn An");
    await p.choose("Bỏ qua");
    await p.pick(["Hộ nghèo"]);
    await p.choose("Máy tính bảng");
    await p.pick(["Điện thoại dùng chung"]);
    const summary = await p.sharePhone(`+8496${String(randomInt(1_000_000, 9_999_999))}`);
    expect(summary).toContain("Trần Bảo Anh");
    const code = (await p.choose("Xác nhận")).match(/YC-[A-Z0-9]{6}/)?.[0];
    const stored = await app.mongo.db!.collection("requests").findOne({ code });
    expect(stored?.childName).toBe("Trần Bảo Anh");
  });
});
