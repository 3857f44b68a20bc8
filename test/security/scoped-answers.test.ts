/**
 * Who is told what, through the whole app on Telegram (webhook in, fake Bot API out), as an
 * outsider would observe it: the duplicate guard answers a stranger without the first family's
 * code, siblings sharing a phone each get a request, personal commands in a group answer only
 * with a link to carry on privately, and a noisy group member is slowed down alone.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningApp } from "../../src/app.js";
import { requestModel } from "../../src/features/requests/model.js";
import { type FakeTelegramApi, TEST_BOT, telegramUpdate } from "../fakes/telegram-api.js";
import { type TelegramDriver, telegramDriver } from "../helpers/channel-drivers.js";
import { type PlatformApp, startPlatformApp, TELEGRAM_SECRET } from "../helpers/platform-app.js";

const STAFF = 7_100_001;
let nextId = 7_200_000 + Math.floor(Math.random() * 100_000);
const freshId = () => nextId++;
const codeIn = (text: string) => text.match(/YC-[A-Z0-9]{6}/)?.[0];

describe("answers scoped to who asks, and where", () => {
  let platform: PlatformApp;
  let app: RunningApp;
  let telegram: FakeTelegramApi;

  beforeAll(async () => {
    platform = await startPlatformApp({ ADMIN_IDS: `telegram:${STAFF}` });
    ({ app, telegram } = platform);
  });
  afterAll(() => platform.close());

  const driver = (chatId: number): TelegramDriver =>
    telegramDriver(app.server, telegram, TELEGRAM_SECRET, chatId);

  /** A parent's device request from the first message to the answer of "Xác nhận". */
  async function askForDevice(d: TelegramDriver, child: string, phone: string): Promise<string> {
    await d.say("/start");
    await d.choose("Xin máy tính cho con");
    await d.choose("Tôi đồng ý");
    await d.say(child);
    await d.say("lớp 6");
    await d.say("thcs chu van an");
    await d.choose("Trường THCS Chu Văn An");
    await d.choose("Bỏ qua");
    await d.pick(["Hộ nghèo"]);
    await d.choose("Máy tính bảng");
    await d.pick(["Điện thoại dùng chung"]);
    await d.sharePhone(phone);
    return d.choose("Xác nhận");
  }

  /** Everything the fake Bot API was asked to send into `chatId`, as one text. */
  const sentTo = (chatId: number) =>
    JSON.stringify(telegram.calls().filter((c) => String(c.payload.chat_id) === String(chatId)));

  it("never shows a stranger the first request's code or status, and shows staff the duplicate", async () => {
    const child = "Đặng Thu Hà";
    const first = codeIn(await askForDevice(driver(freshId()), child, "+84987100001"));
    expect(first).toBeDefined();

    const strangerId = freshId();
    const answer = await askForDevice(driver(strangerId), "dang thu ha", "+84987100002");
    expect(answer).toContain(
      "Em này đã có đơn xin máy tính rồi ạ. Nhà trường sẽ liên hệ qua số điện thoại ghi trong đơn đó.",
    );
    expect(answer).not.toContain(first);
    expect(answer).not.toContain("chờ xác minh");
    expect(sentTo(strangerId)).not.toContain(first);
    const kept = codeIn(answer);
    expect(kept).toBeDefined();
    expect(kept).not.toBe(first);

    const staff = await driver(STAFF).say("/yeucau device");
    expect(staff).toContain(kept);
    expect(staff).toContain(`Có thể trùng với đơn ${first}`);
    expect(await requestModel(app.mongo).findOne({ code: kept }).lean()).toMatchObject({
      possibleDuplicateOf: first,
    });
  });

  it("gives siblings sharing their parent's phone a code each", async () => {
    const parentId = freshId();
    const elder = await askForDevice(driver(parentId), "Lý Minh Tâm", "+84987100003");
    const younger = await askForDevice(driver(parentId), "Lý Minh Trí", "+84987100003");
    expect(elder).toMatch(/Mã đơn của anh\/chị: YC-/);
    expect(younger).toMatch(/Mã đơn của anh\/chị: YC-/);
    expect(codeIn(elder)).not.toBe(codeIn(younger));
  });

  it("keeps phones and children's names out of a group, answering with a private link", async () => {
    const child = "Hồ Ngọc Diệp";
    const phone = "+84987100004";
    const parentId = freshId();
    const code = codeIn(await askForDevice(driver(parentId), child, phone));
    expect(code).toBeDefined();
    const groupId = -1_000_000_000_000 - freshId();
    const group = driver(groupId);

    const mine = await group.post(telegramUpdate.command(groupId, "dulieu", "", { userId: parentId }));
    const lookup = await group.post(telegramUpdate.command(groupId, "tracuu", code!, { userId: parentId }));
    const staff = await group.post(telegramUpdate.command(groupId, "yeucau", "", { userId: STAFF }));
    const link = (command: string) => `https://t.me/${TEST_BOT.username}?start=go_${command}`;
    expect(mine).toContain(link("dulieu"));
    expect(lookup).toContain(link("tracuu"));
    expect(staff).toContain(link("yeucau"));
    for (const answer of [mine, lookup, staff])
      expect(answer).toContain("chỉ trả lời khi anh/chị nhắn riêng");

    const everything = sentTo(groupId);
    expect(everything).not.toBe("[]");
    for (const secret of [child, "Hồ Ngọc", code!, "0987 100 004", "987100004"]) {
      expect(everything).not.toContain(secret);
    }
    expect(everything.replace(/[\s.]/g, "")).not.toContain("987100004");

    // The link carries on privately, where the answer belongs.
    expect(await driver(parentId).say("/start go_dulieu")).toContain(child);
    expect(await driver(STAFF).say("/start go_yeucau")).toContain(child);
  });

  it("slows down one noisy member of a group, and still answers another", async () => {
    const groupId = -1_000_000_000_000 - freshId();
    const group = driver(groupId);
    const noisy = freshId();
    const answers: string[] = [];
    // The app allows 30 messages a minute per person.
    for (let i = 0; i < 32; i++) {
      answers.push(await group.post(telegramUpdate.command(groupId, "trogiup", "", { userId: noisy })));
    }
    expect(answers.slice(0, 30).every((a) => a.includes("Các lệnh:"))).toBe(true);
    expect(answers.slice(30)).toEqual(["", ""]);
    const other = await group.post(telegramUpdate.command(groupId, "trogiup", "", { userId: freshId() }));
    expect(other).toContain("Các lệnh:");
  });
});
