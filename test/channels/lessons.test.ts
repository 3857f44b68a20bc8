/**
 * Lessons through the whole app: a teacher on Telegram links the parents' group, parents join
 * on Telegram and Zalo, and a video and a make-up lesson reach every target exactly once, with
 * the teacher's report to prove it. Webhooks in, fake platforms out, the real queue between.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningApp } from "../../src/app.js";
import { schoolYearOptions } from "../../src/features/classes/fields.js";
import { type FakeTelegramApi, telegramUpdate } from "../fakes/telegram-api.js";
import type { FakeZaloApi } from "../fakes/zalo-api.js";
import { telegramDriver, zaloDriver } from "../helpers/channel-drivers.js";
import { type PlatformApp, startPlatformApp, TELEGRAM_SECRET, ZALO_SECRET } from "../helpers/platform-app.js";

const STAFF = 920001;
const TEACHER = 920002;
const PARENT = 920003;
const GROUP = -1009200;
const ZALO_PARENT = "zparent920004";

/**
 * The first text sent to Telegram that `find` accepts, waiting call by call as the fake receives
 * them: deliveries and reports happen in queue workers, not in the request.
 */
async function sentText(
  fake: FakeTelegramApi,
  find: (text: string) => boolean,
  what: string,
): Promise<string> {
  for (;;) {
    const calls = fake.calls("sendMessage");
    const found = calls.map((c) => String(c.payload.text)).find(find);
    if (found !== undefined) return found;
    await fake.waitForCalls("sendMessage", calls.length + 1, 15_000).catch((error: Error) => {
      throw new Error(`no ${what}: ${error.message}`);
    });
  }
}

describe("a lesson from a teacher to every family, once", () => {
  let platform: PlatformApp;
  let telegram: FakeTelegramApi;
  let zalo: FakeZaloApi;
  let app: RunningApp;

  beforeAll(async () => {
    platform = await startPlatformApp({ ADMIN_IDS: `telegram:${STAFF}` });
    ({ telegram, zalo, app } = platform);
  });
  afterAll(() => platform.close());

  it("links the group, lets parents join on two platforms, and delivers a video and a make-up lesson once each", async () => {
    const staff = telegramDriver(app.server, telegram, TELEGRAM_SECRET, STAFF);
    const teacher = telegramDriver(app.server, telegram, TELEGRAM_SECRET, TEACHER);
    const parent = telegramDriver(app.server, telegram, TELEGRAM_SECRET, PARENT);
    const zaloParent = zaloDriver(app.server, zalo, ZALO_SECRET, ZALO_PARENT);

    const invite = (await staff.say("/magv 79001")).match(/GV-[A-Z0-9]{6}/)?.[0];
    expect(await teacher.say(`/giaovien ${invite}`)).toContain("Trường THCS Chu Văn An");
    await teacher.say("/taolop");
    await teacher.say("6a1");
    await teacher.choose(schoolYearOptions()[0]!);
    await teacher.choose("Không");
    const created = await teacher.choose("Xác nhận");
    const classCode = created.match(/LOP-[A-Z0-9]{6}/)?.[0];
    expect(created).toContain(`https://t.me/choem_test_bot?start=lop_${classCode?.slice(4)}`);

    await parent.say(`/start lop_${classCode?.slice(4)}`);
    await parent.choose("Tôi đồng ý");
    await parent.say("Nguyễn Thị Hà");
    await parent.choose("Gửi thẳng cho tôi");
    expect(await parent.choose("Xác nhận")).toContain("Anh/chị đã vào lớp 6A1");

    await zaloParent.say(classCode!.toLowerCase());
    await zaloParent.choose("Tôi đồng ý");
    await zaloParent.say("Trần Văn Bình");
    await zaloParent.choose("Gửi thẳng cho tôi");
    expect(await zaloParent.say("xác nhận")).toContain("Anh/chị đã vào lớp 6A1");

    await teacher.post(telegramUpdate.command(GROUP, "lienket", classCode, { userId: TEACHER }));
    expect(telegram.calls("sendMessage").some((c) => String(c.payload.chat_id) === String(GROUP))).toBe(true);

    const push = async (fileId: string, makeUp: boolean, title: string) => {
      const asked = await teacher.post(telegramUpdate.video(TEACHER, { fileId }));
      // With one class there is nothing to choose: the form goes straight on.
      if (asked.includes("lớp nào")) await teacher.pick(["6A1"]);
      else expect(asked).toContain("bài dạy bù");
      await teacher.choose(makeUp ? "Bài dạy bù" : "Bài học thường");
      expect(await teacher.say(title)).toContain("1 nhóm và 2 phụ huynh");
      return (await teacher.choose("Xác nhận")).match(/BG-[A-Z0-9]{6}/)?.[0];
    };
    const copiesTo = (chat: number) =>
      telegram.calls("copyMessage").filter((c) => String(c.payload.chat_id) === String(chat));
    const linksTo = () =>
      zalo
        .calls("sendMessage")
        .filter((c) => c.payload.chat_id === ZALO_PARENT && String(c.payload.text).includes("/clips/"));
    const reportOf = (clip: string) =>
      sentText(telegram, (text) => text.includes(`Bài ${clip} đã gửi xong`), `report of ${clip}`);

    const lesson = await push("video-lesson-1", false, "Toán – Phân số");
    expect(await reportOf(lesson!)).toContain("3/3 đã nhận");
    const makeUp = await push("video-makeup-1", true, "Dạy bù: Ngữ văn");
    expect(await reportOf(makeUp!)).toContain("3/3 đã nhận");

    expect(copiesTo(GROUP)).toHaveLength(2);
    expect(copiesTo(PARENT)).toHaveLength(2);
    expect(linksTo()).toHaveLength(2);
    expect(String(copiesTo(PARENT)[1]!.payload.caption)).toContain("Bài dạy bù");
    expect(await teacher.say(`/tiendo ${makeUp}`)).toContain("đã gửi 3/3, 0 lỗi");
  }, 60_000);

  it("lets a Zalo parent join a class typing words only, never a number", async () => {
    const staff = telegramDriver(app.server, telegram, TELEGRAM_SECRET, STAFF);
    const teacher = telegramDriver(app.server, telegram, TELEGRAM_SECRET, 920010);
    const invite = (await staff.say("/magv 79001")).match(/GV-[A-Z0-9]{6}/)?.[0];
    await teacher.say(`/giaovien ${invite}`);
    await teacher.say("/taolop");
    await teacher.say("7a2");
    await teacher.choose(schoolYearOptions()[0]!);
    await teacher.choose("Không");
    const classCode = (await teacher.choose("Xác nhận")).match(/LOP-[A-Z0-9]{6}/)?.[0];

    const parent = zaloDriver(app.server, zalo, ZALO_SECRET, "ztyped920011", "words");
    expect(await parent.say(classCode!.toLowerCase())).toContain("7A2");
    await parent.choose("Tôi đồng ý");
    await parent.say("Võ Thị Lan");
    await parent.choose("Gửi thẳng cho tôi");
    expect(await parent.choose("Xác nhận")).toContain("Anh/chị đã vào lớp 7A2");
  });
});
