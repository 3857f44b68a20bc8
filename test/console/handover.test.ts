/**
 * The handover of matched gifts, as a school and the province use it: each school sees only
 * its own list (page and PDF), marks a gift handed over from a phone, the parent confirms it
 * with one tap in chat, a line goes back to stock with a reason, and a handover nobody
 * confirmed for days stands out.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRecordLock } from "../../src/core/lock.js";
import { claimModel, lineModel } from "../../src/features/allocation/model.js";
import { createLotStock } from "../../src/features/allocation/stock.js";
import { requestModel } from "../../src/features/requests/model.js";
import { createRequestService } from "../../src/features/requests/service.js";
import { telegramUpdate } from "../fakes/telegram-updates.js";
import { telegramDriver, zaloDriver } from "../helpers/channel-drivers.js";
import { type ConsoleClient, consoleClient, signInByLink } from "../helpers/console-client.js";
import { appointSchoolStaff } from "../helpers/console-seed.js";
import { lotAllocated, type SeededLine, seedLot, seedMatchedLine } from "../helpers/handover-seed.js";
import { pdfText } from "../helpers/pdf-text.js";
import { type PlatformApp, startPlatformApp, TELEGRAM_SECRET, ZALO_SECRET } from "../helpers/platform-app.js";

describe("the handover of matched gifts", () => {
  let platform: PlatformApp;
  let province: ConsoleClient;
  let school: ConsoleClient;
  let lot: string;
  let an: SeededLine;
  let binh: SeededLine;
  let cuc: SeededLine;
  let dung: SeededLine;
  let em: SeededLine;

  const statusOf = async (code: string) =>
    (await requestModel(platform.app.mongo).findOne({ code }).lean())?.status;
  const lineOf = async (code: string) => lineModel(platform.app.mongo).findOne({ code }).lean();
  const sentTo = (chat: string) =>
    platform.telegram.calls().filter((c) => c.method === "sendMessage" && String(c.payload.chat_id) === chat);

  beforeAll(async () => {
    platform = await startPlatformApp({ ADMIN_IDS: "telegram:900" });
    const { app } = platform;
    lot = await seedLot(app, 10);
    an = await seedMatchedLine(app, lot, "79001", "Nguyễn Văn An", "920");
    binh = await seedMatchedLine(app, lot, "79002", "Trần Thị Bình", "921");
    cuc = await seedMatchedLine(app, lot, "79001", "Lê Thị Cúc", "922");
    dung = await seedMatchedLine(app, lot, "79001", "Phạm Văn Dũng", "923", 10);
    em = await seedMatchedLine(app, lot, "79001", "Võ Thị Em", "924");
    const admin = telegramDriver(app.server, platform.telegram, TELEGRAM_SECRET, 900);
    const lan = telegramDriver(app.server, platform.telegram, TELEGRAM_SECRET, 910);
    province = consoleClient(app.server);
    await signInByLink(province, admin);
    await appointSchoolStaff(province, lan, "Cô Lan", "79001");
    school = consoleClient(app.server);
    await signInByLink(school, lan);
  });
  afterAll(() => platform.close());

  it("shows a school only its own list, page, PDF and lines; the rest answers not found", async () => {
    const landing = await school.get("/console/handover");
    expect(landing.body).toContain("Trường THCS Chu Văn An");
    expect(landing.body).not.toContain("Trường Tiểu học Lê Lợi");
    const list = await school.get("/console/handover/school/79001");
    expect(list.status).toBe(200);
    expect(list.body).toContain("Nguyễn Văn An");
    expect(list.body).toContain("Máy tính xách tay");
    expect(list.body).toContain(lot);
    expect(list.body).toContain("Văn phòng trường");
    expect(list.body).not.toContain("Trần Thị Bình");
    for (const url of [
      "/console/handover/school/79002",
      "/console/handover/school/79002/pdf",
      `/console/handover/line/${binh.lineCode}`,
    ]) {
      const other = await school.get(url);
      expect(other.status).toBe(404);
      expect(other.body).not.toContain("Trần Thị Bình");
    }
    await school.get("/console/handover/school/79001");
    const act = await school.post(`/console/handover/line/${binh.lineCode}/handed-over`, { serial: "" });
    expect(act.status).toBe(404);
    expect(await lineOf(binh.lineCode)).toMatchObject({ status: "matched" });
    expect((await province.get("/console/handover/school/79002")).body).toContain("Trần Thị Bình");
  });

  it("gives the list as a real PDF with the pupils in Vietnamese, and audits the view", async () => {
    const response = await platform.app.server.inject({
      method: "GET",
      url: "/console/handover/school/79001/pdf",
      headers: { cookie: `${cookieOf(school)}` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("application/pdf");
    const pdf = response.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = pdfText(pdf);
    expect(text).toContain("Nguyễn Văn An");
    expect(text).toContain("Lê Thị Cúc");
    expect(text).toContain("Chữ ký");
    expect(text).not.toContain("Trần Thị Bình");
    const log = await province.get("/console/audit?target=79001");
    expect(log.body).toContain("handover:pdf");
    expect(log.body).toContain("handover:list");
  });

  it("marks a gift handed over with its serial; the parent confirms once with one tap", async () => {
    await school.get("/console/handover/school/79001");
    const bad = await school.post(`/console/handover/line/${an.lineCode}/handed-over`, { serial: "SN<12>" });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('value="SN&lt;12&gt;"');
    expect(await lineOf(an.lineCode)).toMatchObject({ status: "matched" });

    const done = await school.post(`/console/handover/line/${an.lineCode}/handed-over`, {
      serial: "  SN-12345 ",
    });
    expect(done.status).toBe(303);
    expect(await lineOf(an.lineCode)).toMatchObject({
      status: "handed-over",
      serial: "SN-12345",
      handedOverBy: "telegram:910",
    });
    expect(await statusOf(an.requestCode)).toBe("delivered");
    const asked = sentTo("920").at(-1);
    expect(String(asked?.payload.text)).toContain("Nguyễn Văn An");
    expect(JSON.stringify(asked?.payload.reply_markup)).toContain(`dn:${an.lineCode}`);

    // Someone else pressing the same button changes nothing and is answered kindly.
    const stranger = telegramDriver(platform.app.server, platform.telegram, TELEGRAM_SECRET, 930);
    expect(await stranger.post(telegramUpdate.callback(930, `dn:${an.lineCode}`))).toContain(
      "dành cho phụ huynh",
    );
    expect(await lineOf(an.lineCode)).toMatchObject({ status: "handed-over" });

    const parent = telegramDriver(platform.app.server, platform.telegram, TELEGRAM_SECRET, 920);
    expect(await parent.choose("Đã nhận")).toContain("Cảm ơn anh/chị đã xác nhận");
    const confirmed = await lineOf(an.lineCode);
    expect(confirmed).toMatchObject({ status: "confirmed" });
    // The same update again (a platform retry) is dropped; a second tap on the button is answered.
    await parent.replayLast();
    expect(await parent.post(telegramUpdate.callback(920, `dn:${an.lineCode}`))).toContain(
      "đã ghi nhận xác nhận",
    );
    expect((await lineOf(an.lineCode))?.confirmedAt).toEqual(confirmed?.confirmedAt);
    expect(await lotAllocated(platform.app, lot)).toBe(5);
    const page = await school.get("/console/handover/school/79001");
    expect(page.body).toContain("phụ huynh đã xác nhận");
  });

  it("returns a line to stock with a reason: the unit is free, the request waits again, the parent is told", async () => {
    await province.get(`/console/handover/line/${cuc.lineCode}`);
    const bare = await province.post(`/console/handover/line/${cuc.lineCode}/return`, {
      reason: "other",
      note: " ",
    });
    expect(bare.status).toBe(400);
    expect(bare.body).toContain("ghi rõ vài chữ");
    const before = await lotAllocated(platform.app, lot);
    const done = await province.post(`/console/handover/line/${cuc.lineCode}/return`, {
      reason: "unreachable",
      note: "Gọi ba lần không được",
    });
    expect(done.status).toBe(303);
    expect(await lineOf(cuc.lineCode)).toMatchObject({
      status: "returned",
      returnReason: "unreachable",
      returnNote: "Gọi ba lần không được",
      returnedBy: "telegram:900",
    });
    expect(await lotAllocated(platform.app, lot)).toBe((before ?? 0) - 1);
    expect(await claimModel(platform.app.mongo).countDocuments({ requestCode: cuc.requestCode })).toBe(0);
    expect(await statusOf(cuc.requestCode)).toBe("approved");
    expect(String(sentTo("922").at(-1)?.payload.text)).toContain("danh sách chờ");
    expect((await province.get("/console/handover/school/79001")).body).not.toContain("Lê Thị Cúc");
  });

  it("settles a handover and a return of the same line at once into one consistent outcome", async () => {
    await school.get("/console/handover/school/79001");
    const [handed, returned] = await Promise.all([
      school.post(`/console/handover/line/${em.lineCode}/handed-over`, { serial: "" }),
      school.post(`/console/handover/line/${em.lineCode}/return`, { reason: "duplicate" }),
    ]);
    expect(returned.status).toBe(303);
    expect([303, 409]).toContain(handed.status);
    expect(await lineOf(em.lineCode)).toMatchObject({ status: "returned", returnReason: "duplicate" });
    expect(await statusOf(em.requestCode)).toBe("rejected");
    expect(await claimModel(platform.app.mongo).countDocuments({ requestCode: em.requestCode })).toBe(0);
    const lock = createRecordLock(platform.app.redis, platform.app.prefix);
    const open = await createLotStock(platform.app.mongo, lock).countOpen(lot);
    expect(await lotAllocated(platform.app, lot)).toBe(open);
  });

  it("makes a handover unconfirmed for more than 7 days stand out, and counts it for the province", async () => {
    const all = await school.get("/console/handover/school/79001");
    expect(all.body).toMatch(new RegExp(`data-line="${dung.lineCode}" class="overdue"`));
    expect(all.body).toContain("quá 7 ngày chưa xác nhận");
    const filtered = await school.get("/console/handover/school/79001?filter=unconfirmed");
    expect(filtered.body).toContain("Phạm Văn Dũng");
    expect(filtered.body).not.toContain("Nguyễn Văn An");
    const landing = await province.get("/console/handover");
    expect(landing.body).toContain('data-overdue="1"');
    expect(landing.body).toContain("1 lượt đã trao quá 7 ngày");
  });

  it("shows an erased request without a name, and a withdrawn one so staff return it", async () => {
    const { app } = platform;
    const gone = await seedMatchedLine(app, lot, "79001", "Đỗ Văn Giang", "925");
    const left = await seedMatchedLine(app, lot, "79001", "Hồ Thị Hoa", "926");
    const requests = createRequestService(app.mongo, createRecordLock(app.redis, app.prefix));
    await requests.erase("telegram", "925");
    await requests.changeStatus(left.requestCode, "withdrawn", "parent");
    const page = await school.get("/console/handover/school/79001");
    expect(page.body).not.toContain("Đỗ Văn Giang");
    expect(page.body).toContain("(đã xoá theo yêu cầu)");
    expect(page.body).toContain("phụ huynh đã rút yêu cầu");
    const line = await school.get(`/console/handover/line/${left.lineCode}`);
    expect(line.body).toContain("Hồ Thị Hoa");
    const returned = await school.post(`/console/handover/line/${left.lineCode}/return`, {
      reason: "withdrawn",
    });
    expect(returned.status).toBe(303);
    expect(await statusOf(left.requestCode)).toBe("withdrawn");
    expect(await lineOf(gone.lineCode)).toMatchObject({ status: "matched" });
  });

  it("confirms a handover the parent types as words instead of tapping, and only then", async () => {
    const typed = await seedMatchedLine(platform.app, lot, "79001", "Mai Văn Khoa", "927", 1);
    const parent = telegramDriver(platform.app.server, platform.telegram, TELEGRAM_SECRET, 927);
    expect(await parent.say("Đã nhận rồi")).toContain("Cảm ơn anh/chị đã xác nhận");
    expect(await lineOf(typed.lineCode)).toMatchObject({ status: "confirmed" });
    const other = telegramDriver(platform.app.server, platform.telegram, TELEGRAM_SECRET, 928);
    expect(await other.say("đã nhận")).not.toContain("xác nhận");
  });

  it("lets a Zalo parent confirm by typing the number the notice showed", async () => {
    const zaloLine = await seedMatchedLine(
      platform.app,
      lot,
      "79001",
      "Đỗ Văn Lâm",
      "zlam01",
      undefined,
      "zalo",
    );
    const parent = zaloDriver(platform.app.server, platform.zalo, ZALO_SECRET, "zlam01");
    // An older menu in the session: "1" there would start a request.
    expect(await parent.say("/start")).toContain("1.");
    const done = await school.post(`/console/handover/line/${zaloLine.lineCode}/handed-over`, { serial: "" });
    expect(done.status).toBe(303);
    const asked = platform.zalo
      .calls("sendMessage")
      .filter((c) => c.payload.chat_id === "zlam01")
      .at(-1);
    expect(String(asked?.payload.text)).toMatch(/1\. .*Đã nhận/);
    expect(await parent.say("1")).toContain("Cảm ơn anh/chị đã xác nhận");
    expect(await lineOf(zaloLine.lineCode)).toMatchObject({ status: "confirmed" });
  });
});

function cookieOf(client: ConsoleClient): string {
  return ["choem_console", "choem_csrf"]
    .flatMap((name) => {
      const value = client.cookie(name);
      return value ? [`${name}=${value}`] : [];
    })
    .join("; ");
}
