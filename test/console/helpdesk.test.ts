/**
 * The help desk with handoff, through the whole app: a parent's question alerts staff of its
 * scope in chat; staff take it in the console and answer; the answer reaches the parent's own
 * chat; what the parent types then joins the question until they end it or staff close it.
 * Two staff taking one question at once leave one holder; school staff see only their schools.
 */
import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Driver, telegramDriver, zaloDriver } from "../helpers/channel-drivers.js";
import { type ConsoleClient, consoleClient, signInByLink } from "../helpers/console-client.js";
import { askStaff as ask } from "../helpers/console-seed.js";
import { type PlatformApp, startPlatformApp, TELEGRAM_SECRET, ZALO_SECRET } from "../helpers/platform-app.js";

const NOT_UNDERSTOOD = "chưa hiểu ý";
const skip = (d: Driver) => (d.buttons ? d.choose("Bỏ qua") : d.say("bỏ qua"));
const phone = () => `0912${String(randomInt(100_000, 999_999))}`;

/** A device request at one school, so the parent's later questions belong to that school. */
async function deviceRequest(d: Driver, child: string, grade: string, search: string, school: string) {
  await d.say("/start");
  await d.choose("Xin máy tính cho con");
  await d.choose("Tôi đồng ý");
  await d.say(child);
  await d.say(grade);
  await d.say(search);
  await d.choose(school);
  await skip(d);
  await d.pick(["Hộ nghèo"]);
  await d.choose("Máy tính bảng");
  await d.pick(["Điện thoại dùng chung"]);
  await d.sharePhone(phone());
  expect(await d.choose("Xác nhận")).toMatch(/YC-[A-Z0-9]{6}/);
}

describe("the help desk", () => {
  let platform: PlatformApp;
  let admin: Driver;
  let schoolStaff: Driver;
  let colleague: Driver;
  let zaloParent: Driver;
  let telegramParent: Driver;
  let adminBrowser: ConsoleClient;
  const ZALO_CHAT = "zalo-parent-1";

  /** What reached a Telegram chat (alerts to staff) and the Zalo parent's chat. */
  const telegramTexts = (chatId: number) =>
    platform.telegram
      .calls("sendMessage")
      .filter((c) => String(c.payload.chat_id) === String(chatId))
      .map((c) => String(c.payload.text));
  const zaloTexts = () =>
    platform.zalo
      .calls("sendMessage")
      .filter((c) => c.payload.chat_id === ZALO_CHAT)
      .map((c) => String(c.payload.text));
  const browser = () => consoleClient(platform.app.server);

  /** Appoints someone from the console: the CB- code, sent to the bot by that person. */
  async function appoint(by: ConsoleClient, who: Driver, level: string, places: string) {
    await by.get("/console/staff");
    const made = await by.post("/console/staff/appoint", { name: `Cán bộ ${level}`, level, places });
    const code = made.body.match(/CB-[A-Z0-9]{6}/)?.[0];
    if (!code) throw new Error(`no appointment code: ${made.status} ${made.body.slice(0, 500)}`);
    expect(await who.say(code)).toContain("ghi nhận anh/chị là cán bộ");
  }

  beforeAll(async () => {
    platform = await startPlatformApp({ ADMIN_IDS: "telegram:900" }, undefined, {
      rateLimit: { max: 1000, windowSeconds: 60 },
    });
    const server = platform.app.server;
    admin = telegramDriver(server, platform.telegram, TELEGRAM_SECRET, 900);
    schoolStaff = telegramDriver(server, platform.telegram, TELEGRAM_SECRET, 902);
    colleague = telegramDriver(server, platform.telegram, TELEGRAM_SECRET, 904);
    telegramParent = telegramDriver(server, platform.telegram, TELEGRAM_SECRET, 903);
    zaloParent = zaloDriver(server, platform.zalo, ZALO_SECRET, ZALO_CHAT);
    adminBrowser = browser();
    await signInByLink(adminBrowser, admin);
    await appoint(adminBrowser, schoolStaff, "school", "79001");
    await appoint(adminBrowser, colleague, "province", "");
    await deviceRequest(zaloParent, "Trần Văn Bình", "lớp 6", "thcs chu van an", "Trường THCS Chu Văn An");
  });
  afterAll(() => platform.close());

  let first: string;

  it("alerts staff of the question's school in chat and lists it under “new”", async () => {
    first = await ask(zaloParent, "Bao giờ con nhận được máy tính bảng ạ?");
    for (const chat of [900, 902, 904]) {
      const alert = telegramTexts(chat).find((text) => text.includes(first));
      expect(alert, `alert to ${chat}`).toContain("Câu hỏi mới");
      expect(alert).toContain("Bao giờ con nhận được máy tính bảng");
      expect(alert).toContain(`/console/helpdesk/${first}`);
    }
    const inbox = await adminBrowser.get("/console/helpdesk?tab=new");
    expect(inbox.status).toBe(200);
    expect(inbox.body).toContain(first);
    expect(inbox.body).toContain("79001");
  });

  it("takes the question and sends the reply to the parent's Zalo chat", async () => {
    const taken = await adminBrowser.post(`/console/helpdesk/${first}/assign`, {});
    expect(taken).toMatchObject({
      status: 303,
      location: `/console/helpdesk/${first}?done=console-helpdesk-assigned`,
    });
    expect((await adminBrowser.get(`/console/helpdesk/${first}`)).body).toContain("Anh/chị đang trả lời");
    expect((await adminBrowser.get("/console/helpdesk?tab=new")).body).not.toContain(first);
    expect((await adminBrowser.get("/console/helpdesk?tab=mine")).body).toContain(first);

    const sent = await adminBrowser.post(`/console/helpdesk/${first}/reply`, {
      text: "Dạ, tuần sau trường sẽ phát máy cho con.",
    });
    expect(sent.status).toBe(303);
    const answer = zaloTexts().find((text) => text.includes("tuần sau trường sẽ phát máy"));
    expect(answer).toContain(first);
    expect(answer).toContain("trả lời câu hỏi");
  });

  it("joins what the parent types to the question, saying once that staff are answering", async () => {
    const firstWords = await zaloParent.say("Cảm ơn cán bộ, con học ca sáng ạ.");
    expect(firstWords).toContain("đang trả lời câu hỏi");
    expect(firstWords).toContain("Kết thúc trò chuyện với cán bộ");
    expect(firstWords).not.toContain(NOT_UNDERSTOOD);
    const more = await zaloParent.say("Nhà em ở gần trường.");
    expect(more).toBe("");

    const page = await adminBrowser.get(`/console/helpdesk/${first}`);
    expect(page.body).toContain("con học ca sáng");
    expect(page.body).toContain("Nhà em ở gần trường.");
    expect((await adminBrowser.get("/console/helpdesk?tab=waiting")).body).toContain(first);
    // The holder hears once that the parent wrote again, not once per message.
    expect(
      telegramTexts(900).filter((text) => text.includes("vừa nhắn thêm") && text.includes(first)),
    ).toHaveLength(1);
  });

  it("lets the parent end the conversation, after which free text is not for staff", async () => {
    expect(await zaloParent.say("Kết thúc trò chuyện với cán bộ")).toContain("Đã kết thúc trò chuyện");
    expect(await zaloParent.say("Alo alo")).toContain(NOT_UNDERSTOOD);
    const page = await adminBrowser.get(`/console/helpdesk/${first}`);
    expect(page.body).toContain("Người hỏi đã kết thúc");
    expect(page.body).not.toContain("Gửi trả lời");
    expect((await adminBrowser.get("/console/helpdesk?tab=closed")).body).toContain(first);
  });

  it("closes a question with a closing message that reaches the parent", async () => {
    const code = await ask(zaloParent, "Cho em hỏi về lịch học trực tuyến ạ?");
    await adminBrowser.get(`/console/helpdesk/${code}`);
    expect((await adminBrowser.post(`/console/helpdesk/${code}/assign`, {})).status).toBe(303);
    const empty = await adminBrowser.post(`/console/helpdesk/${code}/close`, { text: "  " });
    expect(empty.status).toBe(400);
    expect(empty.body).toContain("Hãy viết nội dung");
    const closed = await adminBrowser.post(`/console/helpdesk/${code}/close`, {
      text: "Lịch học đã gửi qua nhóm lớp, chúc con học tốt.",
    });
    expect(closed.status).toBe(303);
    const closing = zaloTexts().find((text) => text.includes("Lịch học đã gửi qua nhóm lớp"));
    expect(closing).toContain(`đã đóng câu hỏi ${code}`);
    expect(await zaloParent.say("Dạ vâng")).toContain(NOT_UNDERSTOOD);
    const page = await adminBrowser.get(`/console/helpdesk/${code}`);
    expect(page.body).toContain("lời đóng câu hỏi");
    // An internal note stays in the console and is not sent.
    const before = zaloTexts().length;
    expect(
      (await adminBrowser.post(`/console/helpdesk/${code}/note`, { text: "Đã gọi điện cho phụ huynh." }))
        .status,
    ).toBe(303);
    expect((await adminBrowser.get(`/console/helpdesk/${code}`)).body).toContain(
      "Đã gọi điện cho phụ huynh.",
    );
    expect(zaloTexts()).toHaveLength(before);
  });

  it("gives a question taken by two staff at the same moment to exactly one of them", async () => {
    const code = await ask(telegramParent, "Em muốn hỏi về gói cước Internet.");
    const other = browser();
    await signInByLink(other, colleague);
    await other.get(`/console/helpdesk/${code}`);
    await adminBrowser.get(`/console/helpdesk/${code}`);
    const [a, b] = await Promise.all([
      adminBrowser.post(`/console/helpdesk/${code}/assign`, {}),
      other.post(`/console/helpdesk/${code}/assign`, {}),
    ]);
    expect([a.status, b.status].sort()).toEqual([303, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body).toContain("đã nhận câu hỏi này");
    const holders = [
      (await adminBrowser.get("/console/helpdesk?tab=mine")).body.includes(code),
      (await other.get("/console/helpdesk?tab=mine")).body.includes(code),
    ];
    expect(holders.filter(Boolean)).toHaveLength(1);
  });

  it("marks a question that has waited more than a day for staff, until staff answer", async () => {
    const code = await ask(telegramParent, "Em chờ lâu quá, cán bộ xem giúp em với.");
    const overdue = /class="overdue"/;
    const rowOf = (body: string) =>
      body.slice(body.indexOf(`data-ticket="${code}"`) - 40, body.indexOf(`data-ticket="${code}"`) + 300);
    expect(rowOf((await adminBrowser.get("/console/helpdesk?tab=new")).body)).not.toMatch(overdue);
    // The wait began yesterday: the record's own clock, moved back, as a day passing would.
    await platform.app.mongo
      .collection("support_tickets")
      .updateOne({ code }, { $set: { waitingSince: new Date(Date.now() - 25 * 3_600_000) } });
    const inbox = (await adminBrowser.get("/console/helpdesk?tab=new")).body;
    expect(rowOf(inbox)).toMatch(overdue);
    expect(rowOf(inbox)).toContain("Chờ quá 24 giờ");
    expect((await adminBrowser.get(`/console/helpdesk/${code}`)).body).toContain("Chờ quá 24 giờ");
    await adminBrowser.post(`/console/helpdesk/${code}/reply`, { text: "Dạ, cán bộ đang xem ạ." });
    expect((await adminBrowser.get(`/console/helpdesk/${code}`)).body).not.toContain("Chờ quá 24 giờ");
    expect((await adminBrowser.get("/console/helpdesk?tab=mine")).body).toContain(code);
  });

  it("keeps school staff to their own schools, in the inbox and by URL", async () => {
    const telegramOther = telegramDriver(platform.app.server, platform.telegram, TELEGRAM_SECRET, 905);
    await deviceRequest(telegramOther, "Lê Thị Cúc", "lớp 3", "tieu hoc le loi", "Trường Tiểu học Lê Lợi");
    const elsewhere = await ask(telegramOther, "Trường Lê Lợi khi nào phát máy ạ?");
    expect(telegramTexts(902).some((text) => text.includes(elsewhere))).toBe(false);
    expect(telegramTexts(900).some((text) => text.includes(elsewhere))).toBe(true);

    const school = browser();
    await signInByLink(school, schoolStaff);
    const closed = await school.get("/console/helpdesk?tab=closed");
    expect(closed.body).toContain(first);
    for (const tab of ["new", "mine", "waiting", "closed"]) {
      expect((await school.get(`/console/helpdesk?tab=${tab}`)).body).not.toContain(elsewhere);
    }
    expect((await school.get(`/console/helpdesk/${elsewhere}`)).status).toBe(404);
    expect((await school.post(`/console/helpdesk/${elsewhere}/assign`, {})).status).toBe(404);
    expect(
      (await school.post(`/console/helpdesk/${elsewhere}/reply`, { text: "Trả lời từ trường khác" })).status,
    ).toBe(404);
    // Nothing reached the parent from the refused reply.
    const parentTexts = () =>
      platform.telegram
        .calls("sendMessage")
        .filter((c) => String(c.payload.chat_id) === "905")
        .map((c) => String(c.payload.text));
    expect(parentTexts().some((text) => text.includes("Trả lời từ trường khác"))).toBe(false);
    expect((await adminBrowser.get(`/console/helpdesk/${elsewhere}`)).status).toBe(200);
  });

  it("sends no alert to staff who turned alerts off", async () => {
    await adminBrowser.get("/console/account");
    expect((await adminBrowser.post("/console/account/alerts", { on: "no" })).status).toBe(303);
    const code = await ask(telegramParent, "Em hỏi thêm về việc ủng hộ sách vở.");
    // The colleague still has alerts on: the alerts for this question have gone out.
    expect(telegramTexts(904).some((text) => text.includes(code))).toBe(true);
    expect(telegramTexts(900).some((text) => text.includes(code))).toBe(false);
  });

  it("writes every view and action to the audit log", async () => {
    const log = await adminBrowser.get(`/console/audit?target=${first}`);
    for (const action of ["helpdesk:view", "helpdesk:assign", "helpdesk:reply"])
      expect(log.body).toContain(action);
  });
});
