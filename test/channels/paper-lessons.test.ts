/**
 * Paper lessons through the whole app: a teacher marks the families who collect printed lessons
 * (ChoEm suggests the one whose request says there is nothing at home), pushes a lesson with a
 * paper copy, those families are told where and from when, the school's clerk ticks them off on
 * the console's pickup sheet (a double tick counts once; another school sees nothing), and the
 * teacher's progress counts the pickups beside the deliveries.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRecordLock } from "../../src/core/lock.js";
import { schoolYearOptions } from "../../src/features/classes/fields.js";
import { createRequestService } from "../../src/features/requests/service.js";
import { type FakeTelegramApi, telegramUpdate } from "../fakes/telegram-api.js";
import { type TelegramDriver, telegramDriver } from "../helpers/channel-drivers.js";
import { type ConsoleClient, consoleClient, signInByLink } from "../helpers/console-client.js";
import { appointSchoolStaff } from "../helpers/console-seed.js";
import { type PlatformApp, startPlatformApp, TELEGRAM_SECRET } from "../helpers/platform-app.js";

const STAFF = 930001;
const TEACHER = 930002;
const PARENTS = { ha: 930003, binh: 930004, cuong: 930005 };
const CLERK = 930006;
const OTHER_CLERK = 930007;

describe("paper lessons for families with no device", () => {
  let platform: PlatformApp;
  let telegram: FakeTelegramApi;
  let teacher: TelegramDriver;
  let clerk: ConsoleClient;
  let otherClerk: ConsoleClient;

  const textsTo = (chat: number) =>
    telegram
      .calls("sendMessage")
      .filter((c) => String(c.payload.chat_id) === String(chat))
      .map((c) => String(c.payload.text));

  async function until(condition: () => boolean, what: string): Promise<void> {
    const deadline = Date.now() + 15_000;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
      await telegram
        .waitForCalls("sendMessage", telegram.calls("sendMessage").length + 1, 1_000)
        .catch(() => {});
    }
  }

  beforeAll(async () => {
    platform = await startPlatformApp({ ADMIN_IDS: `telegram:${STAFF}` });
    telegram = platform.telegram;
    const server = platform.app.server;
    const staff = telegramDriver(server, telegram, TELEGRAM_SECRET, STAFF);
    teacher = telegramDriver(server, telegram, TELEGRAM_SECRET, TEACHER);
    const invite = (await staff.say("/magv 79001")).match(/GV-[A-Z0-9]{6}/)?.[0];
    await teacher.say(`/giaovien ${invite}`);
    await teacher.say("/taolop");
    await teacher.say("6a1");
    await teacher.choose(schoolYearOptions()[0]!);
    await teacher.choose("Không");
    const classCode = (await teacher.choose("Xác nhận")).match(/LOP-[A-Z0-9]{6}/)?.[0];
    for (const [child, id] of [
      ["Nguyễn Thị Hà", PARENTS.ha],
      ["Trần Văn Bình", PARENTS.binh],
      ["Lê Văn Cường", PARENTS.cuong],
    ] as const) {
      const parent = telegramDriver(server, telegram, TELEGRAM_SECRET, id);
      await parent.say(`/start lop_${classCode?.slice(4)}`);
      await parent.choose("Tôi đồng ý");
      await parent.say(child);
      await parent.choose("Gửi thẳng cho tôi");
      await parent.choose("Xác nhận");
    }
    // Bình's parent asked for a device and said there is nothing at home to learn on.
    const requests = createRequestService(
      platform.app.mongo,
      createRecordLock(platform.app.redis, platform.app.prefix),
    );
    await requests.create({
      idempotencyKey: "paper-binh",
      kind: "device",
      channel: "telegram",
      userId: String(PARENTS.binh),
      chatId: String(PARENTS.binh),
      locale: "vi",
      grade: 6,
      schoolCode: "79001",
      childName: "Trần Văn Bình",
      device: "tablet",
      homeHas: ["nothing"],
      phone: "+84912345670",
    });

    const province = consoleClient(server);
    await signInByLink(province, staff);
    const lan = telegramDriver(server, telegram, TELEGRAM_SECRET, CLERK);
    await appointSchoolStaff(province, lan, "Cô Lan", "79001");
    clerk = consoleClient(server);
    await signInByLink(clerk, lan);
    const minh = telegramDriver(server, telegram, TELEGRAM_SECRET, OTHER_CLERK);
    await appointSchoolStaff(province, minh, "Thầy Minh", "79002");
    otherClerk = consoleClient(server);
    await signInByLink(otherClerk, minh);
  }, 60_000);
  afterAll(() => platform.close());

  let lesson = "";

  it("lets the teacher mark the families who collect paper lessons, suggesting the one with nothing at home", async () => {
    const roster = await teacher.say("/baigiay 6a1");
    expect(roster).toContain("0 gia đình nhận bài giấy");
    expect(roster).toMatch(/2\. Trần Văn Bình \(gợi ý: đơn xin máy ghi nhà chưa có thiết bị\)/);
    expect(roster).not.toMatch(/Nguyễn Thị Hà \(gợi ý/);
    expect(await teacher.say("/baigiay 6a1 9")).toContain("Lớp 6A1 có 3 phụ huynh");
    const marked = await teacher.say("/baigiay 6a1 1, 2");
    expect(marked).toContain("2 gia đình nhận bài giấy");
    expect(marked).toContain("1. 📄 Nguyễn Thị Hà");
    expect(marked).toContain("2. 📄 Trần Văn Bình");
    expect(marked).toContain("3. Lê Văn Cường");
  });

  it("asks where and from when for a lesson with a paper copy, and tells only those families", async () => {
    await teacher.post(telegramUpdate.video(TEACHER, { fileId: "video-paper-1" }));
    await teacher.choose("Bài học thường");
    expect(await teacher.say("Toán – Phân số")).toContain("có bản giấy cho các gia đình đó không");
    expect(await teacher.choose("Có bản giấy")).toContain("nhận bài giấy ở đâu");
    expect(await teacher.say("Phòng bảo vệ cổng trường")).toContain("từ lúc nào");
    expect(await teacher.say("mai nhé")).toContain("ChoEm chưa đọc được ngày giờ");
    const summary = await teacher.say("05/12 7h30");
    expect(summary).toMatch(
      /Bài giấy: nhận tại Phòng bảo vệ cổng trường, từ 05\/12\/\d{4} 07:30 \(2 gia đình\)/,
    );
    const done = await teacher.choose("Xác nhận");
    expect(done).toContain("ChoEm đang báo cho 2 gia đình nhận bài giấy");
    lesson = done.match(/BG-[A-Z0-9]{6}/)?.[0] ?? "";

    const notice = (chat: number) => textsTo(chat).find((text) => text.startsWith("📄 Bài giấy"));
    await until(() => !!notice(PARENTS.ha) && !!notice(PARENTS.binh), "the paper notices");
    expect(notice(PARENTS.ha)).toContain("Anh/chị nhận bài tại Phòng bảo vệ cổng trường");
    expect(notice(PARENTS.binh)).toMatch(/từ 05\/12\/\d{4} 07:30/);
    expect(notice(PARENTS.cuong)).toBeUndefined();
  });

  it("gives the school a pickup sheet to tick, once per family, and shows no other school", async () => {
    const list = await clerk.get("/console/paper");
    expect(list.body).toContain(lesson);
    const sheet = await clerk.get(`/console/paper/${lesson}`);
    expect(sheet.body).toContain("Nguyễn Thị Hà");
    expect(sheet.body).toContain("Trần Văn Bình");
    expect(sheet.body).not.toContain("Lê Văn Cường");
    expect(sheet.body).toContain("Đã nhận: 0/2 gia đình");
    const ha = sheet.body.match(
      /name="member" value="([0-9a-f]{24})">\s*<input type="hidden" name="collected" value="1">\s*<button>Đánh dấu đã nhận: Nguyễn Thị Hà/,
    )?.[1];
    expect(ha).toBeDefined();
    // Two taps at once (a double tap, or two clerks): one pickup.
    const ticks = await Promise.all([
      clerk.post(`/console/paper/${lesson}/tick`, { member: ha!, collected: "1" }),
      clerk.post(`/console/paper/${lesson}/tick`, { member: ha!, collected: "1" }),
    ]);
    expect(ticks.map((t) => t.status)).toEqual([303, 303]);
    expect((await clerk.get(`/console/paper/${lesson}`)).body).toContain("Đã nhận: 1/2 gia đình");

    expect((await otherClerk.get("/console/paper")).body).not.toContain(lesson);
    expect((await otherClerk.get(`/console/paper/${lesson}`)).status).toBe(404);
    expect(
      (await otherClerk.post(`/console/paper/${lesson}/tick`, { member: ha!, collected: "0" })).status,
    ).toBe(404);
    expect((await clerk.get(`/console/paper/${lesson}`)).body).toContain("Đã nhận: 1/2 gia đình");
  });

  it("counts the pickups in the teacher's progress", async () => {
    expect(await teacher.say(`/tiendo ${lesson}`)).toContain("Bài giấy: 1/2 gia đình đã nhận.");
  });
});
