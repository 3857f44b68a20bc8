/**
 * A donor's gift from arrival to the child's hands, as the programme runs it, through the console
 * pages and the chat only: a lot of 10 tablets for one district goes to the 10 verified children
 * there whom the priority table puts first, the parents and the donor are told (the donor never a
 * child's name), the school prints its handover list, one tablet is handed over and confirmed by
 * the parent with one tap, one comes back to stock and goes to the next child waiting; two staff
 * approving one lot at once never give out more than it holds; a data lot goes to the carrier as
 * a file and its result, imported, tells the families once.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lineModel, lotModel } from "../../src/features/allocation/model.js";
import { requestModel } from "../../src/features/requests/model.js";
import {
  approveAtOnce,
  lotCodeOf,
  lotForm,
  seedChild,
  seedLine,
  seedPledge,
  tickedIn,
  tomorrowTyped,
} from "../helpers/allocation-seed.js";
import { uploadFile } from "../helpers/carrier-seed.js";
import { telegramDriver } from "../helpers/channel-drivers.js";
import { type ConsoleClient, consoleClient, signInByLink } from "../helpers/console-client.js";
import { appointSchoolStaff } from "../helpers/console-seed.js";
import { pdfText } from "../helpers/pdf-text.js";
import { type PlatformApp, startPlatformApp, TELEGRAM_SECRET } from "../helpers/platform-app.js";

const DONOR = "950";
const KEPT = "Kho Phường 5";
const COLLECT = "Văn phòng Trường THCS Chu Văn An";

/** Children of one district's school, strongest need first (default weights: 85 down to 0). */
const NEEDS: Array<{ child: string; circumstances: string[]; homeHas?: string[] }> = [
  { child: "Nguyễn Văn An", circumstances: ["poor", "orphan"], homeHas: ["nothing"] },
  { child: "Trần Thị Bình", circumstances: ["poor", "orphan"] },
  { child: "Lê Văn Cường", circumstances: ["poor"], homeHas: ["nothing"] },
  { child: "Phạm Thị Dung", circumstances: ["orphan"], homeHas: ["shared-phone"] },
  { child: "Hoàng Văn Em", circumstances: ["near-poor", "job-loss"] },
  { child: "Võ Thị Giang", circumstances: ["poor"] },
  { child: "Đặng Văn Hải", circumstances: ["job-loss"], homeHas: ["shared-phone"] },
  { child: "Bùi Thị Kim", circumstances: ["near-poor"] },
  { child: "Đỗ Văn Long", circumstances: ["job-loss"] },
  { child: "Hồ Thị Mai", circumstances: ["migrant"] },
  // Beyond the lot: the next waiting, then the last.
  { child: "Ngô Văn Nam", circumstances: ["other"] },
  { child: "Dương Thị Oanh", circumstances: [] },
];

describe("a gift from the donor to the child, and the carriers' part", () => {
  let platform: PlatformApp;
  let province: ConsoleClient;
  let school: ConsoleClient;
  /** Request codes of NEEDS, in its order; parents are Telegram users 6000 + index. */
  const kids: string[] = [];
  let lot = "";
  let pledge = "";

  const parentOf = (index: number) => String(6000 + index);
  const textsTo = (chat: string) =>
    platform.telegram
      .calls("sendMessage")
      .filter((c) => String(c.payload.chat_id) === chat)
      .map((c) => String(c.payload.text));
  const statusOf = async (code: string) =>
    (await requestModel(platform.app.mongo).findOne({ code }).lean())?.status;
  const linesOf = (lotCode: string) => lineModel(platform.app.mongo).find({ lotCode }).lean();
  const ticked = tickedIn;

  /** Waits, by the fake platform's own signal, until `condition` holds (messages go out through the engine). */
  async function until(condition: () => boolean, what: string): Promise<void> {
    const deadline = Date.now() + 20_000;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
      await platform.telegram
        .waitForCalls("sendMessage", platform.telegram.calls("sendMessage").length + 1, 1_000)
        .catch(() => {});
    }
  }

  async function makeLot(fields: Record<string, string>): Promise<string> {
    await province.get("/console/lots");
    const made = await province.post("/console/lots", lotForm({ keptAt: KEPT, ...fields }));
    expect(made.status).toBe(303);
    return lotCodeOf(made.location);
  }

  beforeAll(async () => {
    platform = await startPlatformApp({ ADMIN_IDS: "telegram:900" });
    const { app } = platform;
    const admin = telegramDriver(app.server, platform.telegram, TELEGRAM_SECRET, 900);
    province = consoleClient(app.server);
    await signInByLink(province, admin);
    const lan = telegramDriver(app.server, platform.telegram, TELEGRAM_SECRET, 910);
    await appointSchoolStaff(province, lan, "Cô Lan", "79001");
    school = consoleClient(app.server);
    await signInByLink(school, lan);

    for (const [index, need] of NEEDS.entries())
      kids.push(await seedChild(app, { ...need, school: "79001", userId: parentOf(index) }));
    // Stronger needs that the lot must not reach: another district, and a laptop wanted.
    await seedChild(app, {
      child: "Lý Văn Phát",
      school: "79002",
      circumstances: ["poor", "orphan"],
      homeHas: ["nothing"],
      userId: "6100",
    });
    await seedChild(app, {
      child: "Mạc Thị Quế",
      school: "79001",
      device: "laptop",
      circumstances: ["poor", "orphan"],
      homeHas: ["nothing"],
      userId: "6101",
    });
    pledge = await seedPledge(app, DONOR, { devices: { type: "tablet", count: 10 } });
  });
  afterAll(() => platform.close());

  it("proposes the donor's 10 tablets to the 10 children of the district who need them most", async () => {
    lot = await makeLot({ source: "pledge", pledgeCode: pledge, count: "10", areas: "Quận 8" });
    const proposal = await province.get(`/console/lots/${lot}/proposal`);
    expect(proposal.status).toBe(200);
    expect(ticked(proposal.body)).toEqual(kids.slice(0, 10));
    expect(proposal.body).not.toContain("Lý Văn Phát");
    expect(proposal.body).not.toContain("Mạc Thị Quế");
  });

  it("approves them: each parent told what, where and from when; the donor told counts and the school only", async () => {
    const date = tomorrowTyped();
    const approved = await province.post(`/console/lots/${lot}/approve`, {
      requests: kids.slice(0, 10),
      collectPlace: COLLECT,
      collectFrom: date,
    });
    expect(approved.status).toBe(303);
    await until(
      () => kids.slice(0, 10).every((_, i) => textsTo(parentOf(i)).some((t) => t.includes(COLLECT))),
      "the ten parents' notices",
    );
    for (const [index, code] of kids.slice(0, 10).entries()) {
      expect(await statusOf(code)).toBe("matched");
      const told = textsTo(parentOf(index)).find((t) => t.includes(COLLECT)) ?? "";
      expect(told).toContain(`máy tính bảng cho em ${NEEDS[index]?.child}`);
      expect(told).toContain(date.slice(0, 10));
    }
    for (const index of [10, 11]) expect(textsTo(parentOf(index)).join()).not.toContain(COLLECT);
    expect(await statusOf(kids[10] ?? "")).toBe("verified");

    await until(() => textsTo(DONOR).some((t) => t.includes("máy tính bảng")), "the donor's notice");
    const toDonor = textsTo(DONOR).find((t) => t.includes("máy tính bảng")) ?? "";
    expect(toDonor).toContain("10 máy tính bảng của anh/chị đã đến với 10 em ở 1 trường");
    expect(toDonor).toContain("Trường THCS Chu Văn An");
    for (const need of NEEDS) expect(toDonor).not.toContain(need.child);
    expect(toDonor).not.toMatch(/\bem [A-ZĐ]/);
    const page = await province.get(`/console/lots/${lot}`);
    expect(page.body).toContain("Tổng 10 · đã phân 10 · còn 0");
  });

  it("gives the school a handover PDF listing exactly its ten pupils, with a signature column", async () => {
    const response = await platform.app.server.inject({
      method: "GET",
      url: "/console/handover/school/79001/pdf",
      headers: { cookie: `choem_console=${school.cookie("choem_console") ?? ""}` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("application/pdf");
    const text = pdfText(response.rawPayload);
    for (const need of NEEDS.slice(0, 10)) expect(text).toContain(need.child);
    for (const need of NEEDS.slice(10)) expect(text).not.toContain(need.child);
    expect(text).toContain("Chữ ký");
  });

  it("hands one tablet over; the parent confirms with one tap and the line says so", async () => {
    const line = (await linesOf(lot)).find((l) => l.requestCode === kids[0]);
    await school.get("/console/handover/school/79001");
    const handed = await school.post(`/console/handover/line/${line?.code}/handed-over`, {
      serial: "TB-0001",
    });
    expect(handed.status).toBe(303);
    expect(await statusOf(kids[0] ?? "")).toBe("delivered");
    const parent = telegramDriver(platform.app.server, platform.telegram, TELEGRAM_SECRET, 6000);
    const asked = () =>
      platform.telegram
        .calls("sendMessage")
        .some(
          (c) =>
            String(c.payload.chat_id) === parentOf(0) &&
            JSON.stringify(c.payload).includes(`dn:${line?.code}`),
        );
    await until(asked, "the parent's one-tap question");
    expect(await parent.choose("Đã nhận")).toContain("Cảm ơn anh/chị đã xác nhận");
    expect((await lineModel(platform.app.mongo).findOne({ code: line?.code }).lean())?.status).toBe(
      "confirmed",
    );
    expect((await school.get("/console/handover/school/79001")).body).toContain("phụ huynh đã xác nhận");
  });

  it("returns one to stock when a family moved away, and the freed tablet goes to the next child waiting", async () => {
    const line = (await linesOf(lot)).find((l) => l.requestCode === kids[9]);
    await province.get(`/console/handover/line/${line?.code}`);
    const returned = await province.post(`/console/handover/line/${line?.code}/return`, {
      reason: "moved-away",
      note: "",
    });
    expect(returned.status).toBe(303);
    expect(await statusOf(kids[9] ?? "")).toBe("withdrawn");
    expect((await lotModel(platform.app.mongo).findOne({ code: lot }).lean())?.allocated).toBe(9);
    expect((await province.get(`/console/lots/${lot}`)).body).toContain("Tổng 10 · đã phân 9 · còn 1");

    const next = await province.get(`/console/lots/${lot}/proposal`);
    expect(ticked(next.body)).toEqual([kids[10]]);
    const again = await province.post(`/console/lots/${lot}/approve`, {
      requests: [kids[10] ?? ""],
      collectPlace: COLLECT,
      collectFrom: tomorrowTyped(),
    });
    expect(again.status).toBe(303);
    expect(await statusOf(kids[10] ?? "")).toBe("matched");
    await until(() => textsTo(parentOf(10)).some((t) => t.includes(COLLECT)), "the next parent's notice");
    const open = (await linesOf(lot)).filter((l) => l.status !== "returned");
    expect(open).toHaveLength(10);
    expect(new Set(open.map((l) => l.requestCode)).size).toBe(10);
  });

  it("never gives out 11 of 10 when two staff approve the same lot at once", async () => {
    const { app } = platform;
    const waiting: string[] = [];
    for (let i = 0; i < 11; i++)
      waiting.push(
        await seedChild(app, {
          child: `Em Chờ Số ${i + 1}`,
          school: "79001",
          circumstances: ["poor"],
          userId: String(6200 + i),
        }),
      );
    const gift = await makeLot({
      source: "other",
      deviceType: "tablet",
      count: "10",
      giverName: "Công ty ABC",
    });
    const other = consoleClient(app.server);
    await signInByLink(other, telegramDriver(app.server, platform.telegram, TELEGRAM_SECRET, 900));
    const form = { collectPlace: COLLECT, collectFrom: tomorrowTyped() };
    const [first, second] = await approveAtOnce(
      gift,
      form,
      [province, waiting.slice(0, 6)],
      [other, waiting.slice(6)],
    );
    // One batch in whole; the other refused whole, with the reason on its page.
    expect([first.status, second.status].sort()).toEqual([303, 409]);
    const refused = first.status === 409 ? first : second;
    expect(refused.body).toMatch(/còn \d+/);
    const lines = await linesOf(gift);
    expect(lines.length === 6 || lines.length === 5).toBe(true);
    expect(new Set(lines.map((l) => l.requestCode)).size).toBe(lines.length);
    expect((await lotModel(app.mongo).findOne({ code: gift }).lean())?.allocated).toBe(lines.length);
  });

  it("sends a data lot to the carrier as a file and tells each family its result once", async () => {
    const { app } = platform;
    const families = [
      await seedLine(app, { phone: "0901000101", carrier: "viettel", ward: "Phường 5", userId: "7001" }),
      await seedLine(app, { phone: "0901000102", carrier: "viettel", ward: "Phường 5", userId: "7002" }),
    ];
    await seedLine(app, { phone: "0901000103", carrier: "mobifone", ward: "Phường 5", userId: "7003" });
    const data = await makeLot({
      kind: "data",
      carrier: "viettel",
      months: "3",
      count: "2",
      giverName: "Viettel",
      areas: "Phường 5",
    });
    const proposal = await province.get(`/console/lots/${data}/proposal`);
    expect(ticked(proposal.body).sort()).toEqual([...families].sort());
    const approved = await province.post(`/console/lots/${data}/approve`, {
      requests: families,
      collectPlace: "Nhà văn hoá Phường 5",
      collectFrom: tomorrowTyped(),
    });
    expect(approved.status).toBe(303);

    const exported = await platform.app.server.inject({
      method: "GET",
      url: "/console/carriers/data/viettel/export?format=csv",
      headers: { cookie: `choem_console=${province.cookie("choem_console") ?? ""}` },
    });
    const rows = exported.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    const lines = await linesOf(data);
    for (const line of lines) expect(rows.some((r) => r.startsWith(`${line.code},`))).toBe(true);
    expect(exported.body).toContain("0901000101");
    expect(exported.body).not.toContain("0901000103");

    const result = Buffer.from(
      ["Mã dòng,Kết quả,Ghi chú", ...lines.map((l) => `${l.code},activated,`), ""].join("\r\n"),
    );
    const page = "/console/carriers/data/viettel";
    const report = await uploadFile(app.server, province, page, `${page}/import`, "ketqua.csv", result);
    expect(report.body).toContain("Đã ghi: 2");
    const activated = (chat: string) => textsTo(chat).filter((t) => t.includes("đã được kích hoạt"));
    await until(() => activated("7001").length > 0 && activated("7002").length > 0, "the families' results");
    for (const code of families) expect(await statusOf(code)).toBe("delivered");

    const again = await uploadFile(app.server, province, page, `${page}/import`, "ketqua.csv", result);
    expect(again.body).toContain("Đã ghi: 0 · Đã ghi từ trước: 2");
    expect([activated("7001").length, activated("7002").length]).toEqual([1, 1]);
  });
});
