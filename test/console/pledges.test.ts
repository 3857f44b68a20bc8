/**
 * Pledges in the staff console, through the whole app: a donor pledges in chat, province staff
 * record what arrived (checked: above the pledge only when confirmed), reverse a wrong entry with
 * a reason so the public totals are right again, and send payment details when no VietQR
 * account is configured. The donor is thanked once for a day's entries. School staff see only
 * what was allocated to their school. The chat's /nhan asks the same confirmation.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pledgeModel } from "../../src/features/pledges/model.js";
import type { PledgeSummary } from "../../src/features/transparency/summarize.js";
import { makePledge } from "../features/pledges/fixtures.js";
import { type Driver, telegramDriver } from "../helpers/channel-drivers.js";
import { type ConsoleClient, consoleClient, signInByLink } from "../helpers/console-client.js";
import { type PlatformApp, startPlatformApp, TELEGRAM_SECRET } from "../helpers/platform-app.js";
import { promoteThanks } from "../helpers/pledge-thanks.js";
import { uniqueName } from "../helpers/stores.js";

describe("pledges in the staff console", () => {
  let platform: PlatformApp;
  let admin: Driver;
  let browser: ConsoleClient;

  beforeAll(async () => {
    platform = await startPlatformApp({ ADMIN_IDS: "telegram:900" });
    admin = telegramDriver(platform.app.server, platform.telegram, TELEGRAM_SECRET, 900);
    browser = consoleClient(platform.app.server);
    await signInByLink(browser, admin);
  });
  afterAll(() => platform.close());

  /** A donor pledging 1.500.000 đ in chat, as the contract suite does; returns the code. */
  async function pledgeInChat(donor: Driver): Promise<string> {
    await donor.say("/start");
    await donor.choose("Ủng hộ");
    await donor.choose("Cá nhân");
    await donor.choose("Ẩn danh");
    await donor.pick(["Tiền"]);
    await donor.say("1,5tr");
    await donor.choose("Có, tôi muốn nhận tin");
    const done = await donor.choose("Xác nhận");
    const code = done.match(/UH-[A-Z0-9]{6}/)?.[0];
    if (!code) throw new Error(`no pledge code in: ${done}`);
    return code;
  }

  /** What the bot sent to this Telegram chat outside its own replies, as texts. */
  const sentTo = (chatId: number) =>
    platform.telegram
      .calls("sendMessage")
      .filter((call) => String(call.payload.chat_id) === String(chatId))
      .map((call) => String(call.payload.text ?? ""));

  async function waitUntil(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Posts the page's receipt form, with the page's own entry key unless one is given. */
  async function record(code: string, form: Record<string, string>) {
    const page = await browser.get(`/console/pledges/${code}`);
    const entryKey = page.body.match(/name="entryKey" value="([^"]+)"/)?.[1] ?? "";
    return browser.post(`/console/pledges/${code}/receipts`, { entryKey, ...form });
  }

  const stored = async (code: string) => pledgeModel(platform.app.mongo).findOne({ code }).lean();
  const summary = async (): Promise<PledgeSummary> =>
    (await platform.app.server.inject({ method: "GET", url: "/api/summary" })).json();

  it("lists a pledge made in chat, records two receipts, and thanks the donor once for the day", async () => {
    const donor = telegramDriver(platform.app.server, platform.telegram, TELEGRAM_SECRET, 901);
    const code = await pledgeInChat(donor);

    const list = await browser.get("/console/pledges");
    expect(list.status).toBe(200);
    expect(list.body).toContain(code);
    const found = await browser.get(`/console/pledges?q=${code.slice(3, 7).toLowerCase()}`);
    expect(found.body).toContain(code);
    expect((await browser.get("/console/pledges?status=delivered")).body).not.toContain(code);
    expect((await browser.get("/console/pledges?kind=devices")).body).not.toContain(code);

    const detail = await browser.get(`/console/pledges/${code}`);
    expect(detail.body).toContain("Tiền: 1.500.000 đ");
    expect(detail.body).toContain("Chưa nhận được gì");

    const before = sentTo(901).length;
    expect(await record(code, { kind: "money", amount: "500k", note: "tiền mặt" })).toMatchObject({
      status: 303,
      location: `/console/pledges/${code}?done=console-pledge-received`,
    });
    expect((await record(code, { kind: "money", amount: "700.000" })).status).toBe(303);
    expect((await stored(code))?.money?.receivedVnd).toBe(1_200_000);
    const shown = await browser.get(`/console/pledges/${code}?done=console-pledge-received`);
    expect(shown.body).toContain("Đã ghi nhận");
    expect(shown.body).toContain("+500.000 đ");
    expect(shown.body).toContain("tiền mặt");

    // The thanks waits for a quiet spell; as if it had passed, once:
    expect(sentTo(901)).toHaveLength(before);
    expect(await promoteThanks(platform.app.redis, platform.app.prefix)).toBe(1);
    await waitUntil(() => sentTo(901).length > before, "the donor's thanks");
    const thanks = sentTo(901).slice(before);
    expect(thanks).toHaveLength(1);
    expect(thanks[0]).toContain("cảm ơn anh/chị");
    expect(thanks[0]).toContain("1.200.000 đ");
    expect(await promoteThanks(platform.app.redis, platform.app.prefix)).toBe(0);

    const log = await browser.get("/console/audit?action=pledges:receive");
    expect(log.body).toContain(code);
    expect((await browser.get("/console/audit?action=pledges:view")).body).toContain(code);
  });

  it("refuses more than was pledged until it is confirmed, keeping what was typed", async () => {
    const { code } = await makePledge(platform.app.mongo, {
      userId: uniqueName("d"),
      devices: { type: "laptop", count: 10, condition: "new", handover: "drop-off", receivedCount: 0 },
    });
    const refused = await record(code, { kind: "devices", amount: "56", note: "kho quận 8" });
    expect(refused.status).toBe(400);
    expect(refused.body).toContain("vượt mức cam kết");
    expect(refused.body).toContain('value="56"');
    expect(refused.body).toContain('value="kho quận 8"');
    expect(refused.body).toContain('name="confirm"');
    expect((await stored(code))?.devices?.receivedCount).toBe(0);

    const entryKey = refused.body.match(/name="entryKey" value="([^"]+)"/)?.[1] ?? "";
    const confirmed = await browser.post(`/console/pledges/${code}/receipts`, {
      entryKey,
      kind: "devices",
      amount: "56",
      confirm: "yes",
    });
    expect(confirmed.status).toBe(303);
    expect((await stored(code))?.devices?.receivedCount).toBe(56);
    expect((await browser.get(`/console/pledges/${code}`)).body).toContain("vượt mức cam kết");
  });

  it("explains a quantity it cannot read, and keeps it in the form", async () => {
    const { code } = await makePledge(platform.app.mongo, {
      userId: uniqueName("d"),
      money: { pledgedVnd: 2_000_000, receivedVnd: 0 },
    });
    const wrong = await record(code, { kind: "money", amount: "nhiều lắm" });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toContain("chưa đọc được số tiền");
    expect(wrong.body).toContain('value="nhiều lắm"');
  });

  it("corrects a wrong receipt by a reversing entry with a reason, and the public totals follow", async () => {
    const { code } = await makePledge(platform.app.mongo, {
      userId: uniqueName("d"),
      devices: { type: "tablet", count: 10, condition: "new", handover: "drop-off", receivedCount: 0 },
    });
    const baseline = (await summary()).devices.received;
    expect((await record(code, { kind: "devices", amount: "6" })).status).toBe(303);
    expect((await summary()).devices.received).toBe(baseline + 6);

    const page = await browser.get(`/console/pledges/${code}`);
    const entry = page.body.match(/name="entry" value="([^"]+)"/)?.[1] ?? "";
    const noReason = await browser.post(`/console/pledges/${code}/reverse`, { entry, reason: " " });
    expect(noReason.status).toBe(400);
    expect(noReason.body).toContain("ghi lý do");
    const reversed = await browser.post(`/console/pledges/${code}/reverse`, {
      entry,
      reason: "gõ nhầm, chỉ có 3",
    });
    expect(reversed).toMatchObject({
      status: 303,
      location: `/console/pledges/${code}?done=console-pledge-reversed`,
    });

    expect((await summary()).devices.received).toBe(baseline);
    const after = await stored(code);
    // Nothing was edited away: the entry and its reversal are both in the ledger.
    expect(after?.receipts.map((r) => r.quantity)).toEqual([6, -6]);
    expect(after?.devices?.receivedCount).toBe(0);
    const shown = (await browser.get(`/console/pledges/${code}`)).body;
    expect(shown).toContain("đã đảo");
    expect(shown).toContain("gõ nhầm, chỉ có 3");
    const twice = await browser.post(`/console/pledges/${code}/reverse`, { entry, reason: "lần nữa" });
    expect(twice.status).toBe(400);
    expect((await summary()).devices.received).toBe(baseline);
  });

  it("adds up 20 receipts posted at the same moment exactly", async () => {
    const { code } = await makePledge(platform.app.mongo, {
      userId: uniqueName("d"),
      devices: { type: "phone", count: 40, condition: "new", handover: "drop-off", receivedCount: 0 },
    });
    await browser.get(`/console/pledges/${code}`);
    const posts = await Promise.all(
      Array.from({ length: 20 }, () =>
        browser.post(`/console/pledges/${code}/receipts`, {
          entryKey: randomUUID(),
          kind: "devices",
          amount: "1",
        }),
      ),
    );
    expect(posts.every((p) => p.status === 303)).toBe(true);
    const after = await stored(code);
    expect(after?.devices?.receivedCount).toBe(20);
    expect(after?.receipts).toHaveLength(20);
  });

  it("sends payment details typed by staff when no VietQR account is configured", async () => {
    const donor = telegramDriver(platform.app.server, platform.telegram, TELEGRAM_SECRET, 903);
    const code = await pledgeInChat(donor);
    const page = await browser.get(`/console/pledges/${code}`);
    expect(page.body).toContain("Gửi thông tin chuyển khoản");
    const before = sentTo(903).length;
    const sent = await browser.post(`/console/pledges/${code}/payment`, {
      details: "Vietcombank, STK 0071000123456, chủ TK Sở GD&ĐT",
    });
    expect(sent.status).toBe(303);
    await waitUntil(() => sentTo(903).length > before, "the payment details");
    const told = sentTo(903).slice(before).join("\n");
    expect(told).toContain("STK 0071000123456");
    expect(told).toContain(code);
    expect(told).toContain("1.500.000 đ");
  });

  it("asks for a confirmation before /nhan records more than was pledged, and /huynhan reverses it", async () => {
    const { code } = await makePledge(platform.app.mongo, {
      userId: uniqueName("d"),
      devices: { type: "laptop", count: 10, condition: "new", handover: "drop-off", receivedCount: 0 },
    });
    const asked = await admin.say(`/nhan ${code} 56 máy`);
    expect(asked).toContain("vượt mức cam kết");
    expect((await stored(code))?.devices?.receivedCount).toBe(0);
    const recorded = await admin.choose("Xác nhận ghi nhận");
    expect(recorded).toContain(`Đã ghi nhận ${code}: +56 thiết bị (mục #1)`);
    expect(recorded).toContain("vượt mức cam kết (đã xác nhận)");
    expect((await stored(code))?.devices?.receivedCount).toBe(56);

    expect(await admin.say(`/huynhan ${code} 1`)).toContain("Cách dùng: /huynhan");
    expect(await admin.say(`/huynhan ${code} 1 gõ nhầm, chỉ 6 máy`)).toContain(`Đã đảo mục #1 của ${code}`);
    expect((await stored(code))?.devices?.receivedCount).toBe(0);
    expect(await admin.say(`/huynhan ${code} 1 lần nữa`)).toContain("đã được đảo rồi");
  });

  it("shows school staff only the pledges allocated to their school, and 404 for the rest", async () => {
    const appointed = await browser.post("/console/staff/appoint", {
      name: "Cô Lan",
      level: "school",
      places: "79001",
    });
    const invite = appointed.body.match(/CB-[A-Z0-9]{6}/)?.[0];
    expect(invite).toBeDefined();
    const teacher = telegramDriver(platform.app.server, platform.telegram, TELEGRAM_SECRET, 950);
    await teacher.say(invite!);
    const school = consoleClient(platform.app.server);
    await signInByLink(school, teacher);

    const { code: elsewhere } = await makePledge(platform.app.mongo, {
      userId: uniqueName("d"),
      money: { pledgedVnd: 300_000, receivedVnd: 0 },
    });
    const { code: ours } = await makePledge(platform.app.mongo, {
      userId: uniqueName("d"),
      money: { pledgedVnd: 300_000, receivedVnd: 0 },
    });
    await admin.say(`/nhan ${ours} 300k`);
    await admin.say(`/phanbo ${ours} 79001`);

    expect((await school.get(`/console/pledges/${elsewhere}`)).status).toBe(404);
    expect((await school.get("/console/pledges/UH-XXXXXX")).status).toBe(404);
    const list = await school.get("/console/pledges");
    expect(list.body).not.toContain(elsewhere);
    expect(list.body).toContain(ours);
    const theirs = await school.get(`/console/pledges/${ours}`);
    expect(theirs.status).toBe(200);
    // Seeing is not recording: receipts are the Department's.
    expect(theirs.body).not.toContain("/receipts");
    const attempt = await school.post(`/console/pledges/${ours}/receipts`, {
      entryKey: randomUUID(),
      kind: "money",
      amount: "1tr",
      confirm: "yes",
    });
    expect(attempt.status).toBe(404);
    expect((await stored(ours))?.money?.receivedVnd).toBe(300_000);
  });
});
