/**
 * Allocation as the province and the areas run it: lots of three kinds (bad input kept), the
 * proposal that ranks verified children by the priority table inside the lot's area and type
 * and never takes a child already holding a unit, the approval that tells every parent and the
 * donor (school level only), two staff approving at once, and who may see what.
 */
import { trusted } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimModel, lineModel, lotModel } from "../../src/features/allocation/model.js";
import { requestModel } from "../../src/features/requests/model.js";
import { humanCode } from "../../src/storage/human-code.js";
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
import { telegramDriver } from "../helpers/channel-drivers.js";
import { type ConsoleClient, consoleClient, signInByLink } from "../helpers/console-client.js";
import { appointSchoolStaff } from "../helpers/console-seed.js";
import { type PlatformApp, startPlatformApp, TELEGRAM_SECRET } from "../helpers/platform-app.js";

describe("lots, proposals and their approval", () => {
  let platform: PlatformApp;
  let province: ConsoleClient;
  let area: ConsoleClient;
  let school: ConsoleClient;

  const statusOf = async (code: string) =>
    (await requestModel(platform.app.mongo).findOne({ code }).lean())?.status;
  const textsTo = (chat: string) =>
    platform.telegram
      .calls()
      .filter((c) => c.method === "sendMessage" && String(c.payload.chat_id) === chat)
      .map((c) => String(c.payload.text));
  const sent = () => platform.telegram.calls().filter((c) => c.method === "sendMessage").length;
  const lot = lotForm;
  async function makeLot(client: ConsoleClient, fields: Record<string, string>): Promise<string> {
    await client.get("/console/lots");
    const made = await client.post("/console/lots", lot(fields));
    if (made.status !== 303)
      throw new Error(`lot not made: ${made.status} ${made.body.match(/role="alert">([^<]*)/)?.[1]}`);
    return lotCodeOf(made.location);
  }
  const ticked = tickedIn;
  const shown = (body: string) =>
    [...body.matchAll(/data-request="(YC-[A-Z0-9]{6})"/g)].map((m) => m[1] ?? "");

  beforeAll(async () => {
    platform = await startPlatformApp({ ADMIN_IDS: "telegram:900" });
    const { app } = platform;
    const admin = telegramDriver(app.server, platform.telegram, TELEGRAM_SECRET, 900);
    province = consoleClient(app.server);
    await signInByLink(province, admin);
    const ward = telegramDriver(app.server, platform.telegram, TELEGRAM_SECRET, 911);
    await province.get("/console/staff");
    const appointed = await province.post("/console/staff/appoint", {
      name: "Anh Hùng",
      level: "area",
      places: "Quận 8",
    });
    await ward.say(appointed.body.match(/class="code">(CB-[A-Z0-9]{6})</)?.[1] ?? "");
    area = consoleClient(app.server);
    await signInByLink(area, ward);
    const lan = telegramDriver(app.server, platform.telegram, TELEGRAM_SECRET, 910);
    await appointSchoolStaff(province, lan, "Cô Lan", "79001");
    school = consoleClient(app.server);
    await signInByLink(school, lan);
  });
  afterAll(() => platform.close());

  it("makes lots from a pledge, a purchase and a gift; wrong input comes back as typed with what to fix", async () => {
    const pledge = await seedPledge(platform.app, "950", { devices: { type: "tablet", count: 10 } });
    await province.get("/console/lots");
    const tooMany = await province.post(
      "/console/lots",
      lot({
        source: "pledge",
        pledgeCode: pledge.toLowerCase(),
        count: "11",
        areas: "Quận 8",
        keptAt: "Kho Quận 8",
      }),
    );
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toContain("chỉ còn 10 đã nhận mà chưa vào lô nào");
    expect(tooMany.body).toContain('value="11"');
    expect(tooMany.body).toContain('value="Kho Quận 8"');
    const unknownArea = await province.post(
      "/console/lots",
      lot({ source: "pledge", pledgeCode: pledge, count: "4", areas: "Quận 99" }),
    );
    expect(unknownArea.status).toBe(400);
    expect(unknownArea.body).toContain("Không có khu vực “Quận 99”");
    expect(unknownArea.body).toContain('value="Quận 99"');

    const fromPledge = await makeLot(province, {
      source: "pledge",
      pledgeCode: pledge,
      count: "6",
      areas: "quan 8",
    });
    const page = await province.get(`/console/lots/${fromPledge}`);
    expect(page.body).toContain("6 máy tính bảng");
    expect(page.body).toContain(`khoản ủng hộ ${pledge}`);
    expect(page.body).toContain("Tổng 6 · đã phân 0 · còn 6");
    // Only the 4 received and not in a lot are left.
    const again = await province.post(
      "/console/lots",
      lot({ source: "pledge", pledgeCode: pledge, count: "5" }),
    );
    expect(again.status).toBe(400);
    expect(again.body).toContain("chỉ còn 4");

    const money = await seedPledge(platform.app, "951", { vnd: 10_000_000 });
    const sum = await province.post(
      "/console/lots",
      lot({
        source: "purchase",
        deviceType: "laptop",
        count: "2",
        costVnd: "12 triệu",
        paidBy: `${money} 10.000.000`,
      }),
    );
    expect(sum.status).toBe(400);
    expect(sum.body).toContain("10.000.000 đ, khác tổng tiền mua 12.000.000 đ");
    expect(sum.body).toContain(`${money} 10.000.000</textarea>`);
    const over = await province.post(
      "/console/lots",
      lot({
        source: "purchase",
        deviceType: "laptop",
        count: "2",
        costVnd: "12 triệu",
        paidBy: `${money} 12tr`,
      }),
    );
    expect(over.status).toBe(400);
    expect(over.body).toContain(`Khoản ${money} chỉ còn 10.000.000 đ`);
    const bought = await makeLot(province, {
      source: "purchase",
      deviceType: "laptop",
      count: "2",
      costVnd: "8 triệu",
      paidBy: `${money} 8.000.000`,
    });
    expect((await province.get(`/console/lots/${bought}`)).body).toContain("2 máy tính xách tay");

    const noGiver = await province.post(
      "/console/lots",
      lot({ kind: "data", carrier: "viettel", months: "3", count: "20" }),
    );
    expect(noGiver.status).toBe(400);
    expect(noGiver.body).toContain("Xin ghi tên người hoặc đơn vị tặng");
    const data = await makeLot(province, {
      kind: "data",
      carrier: "viettel",
      months: "3",
      count: "20",
      giverName: "Viettel Bình Dương",
    });
    const dataPage = await province.get(`/console/lots/${data}`);
    expect(dataPage.body).toContain("20 gói dữ liệu Viettel 3 tháng");
    expect(dataPage.body).toContain("tặng bởi Viettel Bình Dương");
    const log = await province.get(`/console/audit?target=${data}`);
    expect(log.body).toContain("allocation:lot-create");
  });

  it("proposes the highest priority inside the lot's area and type, never a claimed child, and explains why", async () => {
    const { app } = platform;
    const an = await seedChild(app, {
      child: "Nguyễn Văn An",
      circumstances: ["poor"],
      homeHas: ["nothing"],
    });
    const bich = await seedChild(app, { child: "Trần Ngọc Bích", circumstances: ["orphan"] });
    const cuong = await seedChild(app, { child: "Lê Văn Cường", circumstances: ["near-poor"] });
    const dao = await seedChild(app, { child: "Phạm Thị Đào", circumstances: ["migrant"] });
    const any = await seedChild(app, {
      child: "Võ Minh Giang",
      device: "any",
      circumstances: ["poor"],
      weeksAgo: 5,
    });
    const approvedOne = await seedChild(app, {
      child: "Đỗ Thị Hoa",
      circumstances: ["job-loss"],
      status: "approved",
    });
    // Higher scores that must not be proposed: another area, another type, a claimed one, not verified.
    const elsewhere = await seedChild(app, {
      child: "Hồ Văn Khánh",
      school: "79002",
      circumstances: ["poor", "orphan"],
    });
    await seedChild(app, { child: "Mai Văn Lâm", device: "laptop", circumstances: ["poor", "orphan"] });
    const claimed = await seedChild(app, {
      child: "Tạ Thị Mơ",
      circumstances: ["poor", "orphan"],
      homeHas: ["nothing"],
    });
    await claimModel(app.mongo).create({ requestCode: claimed, lineCode: humanCode("DG") });
    await seedChild(app, { child: "Lý Văn Nam", circumstances: ["poor", "orphan"], status: "new" });

    const code = await makeLot(province, {
      deviceType: "tablet",
      count: "3",
      areas: "Phường 5",
      giverName: "Công ty ABC",
    });
    const page = await province.get(`/console/lots/${code}/proposal`);
    expect(page.status).toBe(200);
    // An 30 + 25, Giang 30 + 5 weeks × 2, Bích 30; then the runner-ups Cường 20, Hoa 15, Đào 10.
    expect(ticked(page.body)).toEqual([an, any, bich]);
    expect(shown(page.body)).toEqual([an, any, bich, cuong, approvedOne, dao]);
    expect(page.body).toContain("Hộ nghèo 30 · Chưa có gì 25");
    expect(page.body).toContain("5 tuần chờ 10");
    for (const name of ["Hồ Văn Khánh", "Mai Văn Lâm", "Tạ Thị Mơ", "Lý Văn Nam"])
      expect(page.body).not.toContain(name);
    expect(shown(page.body)).not.toContain(elsewhere);

    // Dropping An brings the next one up.
    const dropped = await province.get(`/console/lots/${code}/proposal?drop=${an}`);
    expect(ticked(dropped.body)).toEqual([any, bich, cuong]);
    expect(shown(dropped.body)).not.toContain(an);

    // The province changes the table; the proposal follows it, and everyone may read it.
    await province.get("/console/priority");
    const wrong = await province.post("/console/priority", {
      ...weights(),
      "c-migrant": "lots",
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toContain("Điểm của “Gia đình công nhân ở trọ” phải là số nguyên");
    expect(wrong.body).toContain('value="lots"');
    const saved = await province.post("/console/priority", { ...weights(), "c-migrant": "100" });
    expect(saved.status).toBe(303);
    expect(ticked((await province.get(`/console/lots/${code}/proposal`)).body)[0]).toBe(dao);
    const read = await school.get("/console/priority");
    expect(read.status).toBe(200);
    expect(read.body).toContain("Mỗi tuần đã chờ");
    expect(read.body).not.toContain('name="c-migrant"');
    expect((await school.post("/console/priority", { ...weights(), perWeek: "0" })).status).toBe(404);
    expect((await province.get("/console/audit?target=allocation_priority")).body).toContain(
      "allocation:priority",
    );
    await province.get("/console/priority");
    await province.post("/console/priority", weights());
  });

  it("approves a batch: requests matched, each parent told what, where and when, the donor only counts and schools", async () => {
    const { app } = platform;
    const pledge = await seedPledge(app, "960", { devices: { type: "laptop", count: 5 } });
    const kids = [
      await seedChild(app, {
        child: "Quách Thị Oanh",
        school: "79002",
        device: "laptop",
        circumstances: ["poor"],
        userId: "961",
      }),
      await seedChild(app, {
        child: "Ngô Văn Phúc",
        school: "79002",
        device: "laptop",
        circumstances: ["orphan"],
        userId: "962",
      }),
      await seedChild(app, { child: "Vũ Thị Quyên", school: "79002", device: "any", userId: "963" }),
    ];
    const code = await makeLot(province, {
      source: "pledge",
      pledgeCode: pledge,
      count: "3",
      areas: "Huyện Đông Sơn",
    });
    const page = await province.get(`/console/lots/${code}/proposal`);
    expect(ticked(page.body)).toEqual(kids);
    const date = tomorrowTyped();
    const noPlace = await province.post(`/console/lots/${code}/approve`, {
      requests: kids.slice(0, 2),
      collectPlace: "",
      collectFrom: date,
    });
    expect(noPlace.status).toBe(400);
    expect(noPlace.body).toContain("Xin ghi nơi phụ huynh đến nhận");
    expect(ticked(noPlace.body)).toEqual(kids.slice(0, 2));
    expect(noPlace.body).toContain(`value="${date}"`);
    const badDate = await province.post(`/console/lots/${code}/approve`, {
      requests: kids,
      collectPlace: "Văn phòng trường Lê Lợi",
      collectFrom: "hôm nay",
    });
    expect(badDate.status).toBe(400);
    expect(badDate.body).toContain("Xin ghi ngày bắt đầu nhận");
    expect(badDate.body).toContain('value="Văn phòng trường Lê Lợi"');

    const before = sent();
    const done = await province.post(`/console/lots/${code}/approve`, {
      requests: kids,
      collectPlace: "Văn phòng trường Lê Lợi",
      collectFrom: date,
    });
    expect(done.status).toBe(303);
    await platform.telegram.waitForCalls("sendMessage", before + 4);
    for (const kid of kids) expect(await statusOf(kid)).toBe("matched");
    const lines = await lineModel(app.mongo).find({ lotCode: code }).lean();
    expect(lines).toHaveLength(3);
    expect(new Set(lines.map((l) => l.batchCode)).size).toBe(1);
    const lotPage = await province.get(done.location ?? "");
    expect(lotPage.body).toContain("Tổng 3 · đã phân 3 · còn 0");
    expect(lotPage.body).toContain("Đã duyệt đợt");

    const toOanh = textsTo("961").at(-1) ?? "";
    expect(toOanh).toContain("1 máy tính xách tay cho em Quách Thị Oanh");
    expect(toOanh).toContain("Văn phòng trường Lê Lợi");
    expect(toOanh).toContain(date.slice(0, 10));
    expect(toOanh).not.toContain(code);
    expect(toOanh).not.toContain("Nguyễn Hảo Tâm");
    const toDonor = textsTo("960").at(-1) ?? "";
    expect(toDonor).toContain(
      "3 máy tính xách tay của anh/chị đã đến với 3 em ở 1 trường: Trường Tiểu học Lê Lợi",
    );
    for (const name of ["Oanh", "Phúc", "Quyên", "6A1"]) expect(toDonor).not.toContain(name);
    expect((await province.get(`/console/audit?target=${code}`)).body).toContain("allocation:approve");
  });

  it("tells each money donor of a purchase what their money became", async () => {
    const { app } = platform;
    const first = await seedPledge(app, "970", { vnd: 6_000_000 });
    const second = await seedPledge(app, "971", { vnd: 3_000_000 });
    const kid = await seedChild(app, {
      child: "Kiều Văn Sơn",
      school: "79002",
      device: "phone",
      userId: "972",
    });
    const code = await makeLot(province, {
      source: "purchase",
      deviceType: "phone",
      count: "3",
      costVnd: "9 triệu",
      paidBy: `${first} 6.000.000\n${second} 3 triệu`,
      // Typed as people say it: the only place of that name.
      areas: "Đông Hòa",
    });
    expect((await province.get(`/console/lots/${code}`)).body).toContain("Xã Đông Hòa");
    await province.get(`/console/lots/${code}/proposal`);
    const before = sent();
    await province.post(`/console/lots/${code}/approve`, {
      requests: [kid],
      collectPlace: "Trường Lê Lợi",
      collectFrom: tomorrowTyped(),
    });
    await platform.telegram.waitForCalls("sendMessage", before + 3);
    const told = textsTo("971").at(-1) ?? "";
    expect(told).toContain("Khoản ủng hộ 3.000.000 đ của anh/chị đã cùng góp mua 3 điện thoại thông minh");
    expect(told).toContain("1 điện thoại thông minh đã đến với 1 em ở 1 trường: Trường Tiểu học Lê Lợi");
    expect(told).not.toContain("Kiều Văn Sơn");
    expect(textsTo("970").at(-1)).toContain("6.000.000 đ");
  });

  it("matches a data lot to connectivity requests of its carrier in its ward, and tells the family", async () => {
    const { app } = platform;
    const fits = await seedLine(app, {
      phone: "+84911000001",
      carrier: "viettel",
      ward: "Phường 5, Quận 8",
      userId: "980",
    });
    const noInternet = await seedLine(app, {
      phone: "+84911000002",
      carrier: "viettel",
      ward: "phuong 5",
      problem: "no-internet",
      userId: "981",
    });
    const otherCarrier = await seedLine(app, {
      phone: "+84911000003",
      carrier: "mobifone",
      ward: "Phường 5",
      userId: "982",
    });
    const weakSignal = await seedLine(app, {
      phone: "+84911000004",
      carrier: "viettel",
      ward: "Phường 5",
      problem: "weak-signal",
      userId: "983",
    });
    const otherWard = await seedLine(app, {
      phone: "+84911000005",
      carrier: "viettel",
      ward: "Phường 50",
      userId: "984",
    });
    const code = await makeLot(province, {
      kind: "data",
      carrier: "viettel",
      months: "6",
      count: "5",
      areas: "Phường 5",
      giverName: "Viettel Bình Dương",
    });
    const page = await province.get(`/console/lots/${code}/proposal`);
    expect(shown(page.body).sort()).toEqual([fits, noInternet].sort());
    for (const left of [otherCarrier, weakSignal, otherWard]) expect(shown(page.body)).not.toContain(left);
    const before = sent();
    const done = await province.post(`/console/lots/${code}/approve`, {
      requests: [fits],
      collectPlace: "Cửa hàng Viettel Phường 5",
      collectFrom: tomorrowTyped(),
    });
    expect(done.status).toBe(303);
    await platform.telegram.waitForCalls("sendMessage", before + 1);
    expect(textsTo("980").at(-1)).toContain("1 gói dữ liệu Viettel 6 tháng");
    const line = await lineModel(app.mongo).findOne({ requestCode: fits }).lean();
    expect(line).toMatchObject({ kind: "data", carrier: "viettel", months: 6, status: "matched" });
  });

  it("never allocates more than the lot holds when two staff approve at once, nor one child twice", async () => {
    const { app } = platform;
    const other = consoleClient(app.server);
    await signInByLink(other, telegramDriver(app.server, platform.telegram, TELEGRAM_SECRET, 900));
    const kids: string[] = [];
    for (let i = 0; i < 6; i++)
      kids.push(
        await seedChild(app, {
          child: `Em Số ${i + 1}`,
          school: "79002",
          device: "laptop",
          circumstances: ["migrant"],
        }),
      );
    const form = { collectPlace: "Trường Lê Lợi", collectFrom: tomorrowTyped() };

    const small = await makeLot(province, {
      deviceType: "laptop",
      count: "3",
      areas: "Xã Đông Hòa",
      giverName: "Công ty A",
    });
    const [a, b] = await approveAtOnce(small, form, [province, kids.slice(0, 3)], [other, kids.slice(3, 6)]);
    expect([a.status, b.status].sort()).toEqual([303, 409]);
    const refused = a.status === 409 ? a : b;
    expect(refused.body).toContain("lô chỉ còn 0 suất");
    const open = (lot: string) =>
      lineModel(app.mongo).countDocuments({ lotCode: lot, status: trusted({ $ne: "returned" }) });
    expect(await open(small)).toBe(3);
    expect((await lotModel(app.mongo).findOne({ code: small }).lean())?.allocated).toBe(3);

    // A lot of 6, two batches sharing one child: both go through, the shared child once.
    const rest = kids.slice(a.status === 303 ? 3 : 0, a.status === 303 ? 6 : 3);
    const more = [
      ...rest,
      await seedChild(app, { child: "Em Số 7", school: "79002", device: "laptop" }),
      await seedChild(app, { child: "Em Số 8", school: "79002", device: "laptop" }),
    ];
    const big = await makeLot(province, {
      deviceType: "laptop",
      count: "6",
      areas: "Xã Đông Hòa",
      giverName: "Công ty B",
    });
    const [c, d] = await approveAtOnce(big, form, [province, more.slice(0, 3)], [other, more.slice(2, 5)]);
    expect([c.status, d.status]).toEqual([303, 303]);
    expect(await open(big)).toBe(5);
    expect(await lineModel(app.mongo).countDocuments({ requestCode: more[2] })).toBe(1);
    const skippedAt = [c, d].find((r) => r.location?.includes("skipped="));
    expect(skippedAt?.location).toContain(`${more[2]}:`);
    expect((await province.get(skippedAt?.location ?? "")).body).toContain(more[2]);
  });

  it("keeps school staff out, and area staff to the lots of their own area", async () => {
    const everywhere = await makeLot(province, { deviceType: "tablet", count: "2", giverName: "Công ty C" });
    const inQuan8 = await makeLot(province, {
      deviceType: "tablet",
      count: "2",
      areas: "Quận 8",
      giverName: "Công ty D",
    });
    const inDongSon = await makeLot(province, {
      deviceType: "tablet",
      count: "2",
      areas: "Huyện Đông Sơn",
      giverName: "Công ty E",
    });

    const home = await school.get("/console");
    expect(home.body).not.toContain('href="/console/lots"');
    expect(home.body).toContain('href="/console/priority"');
    for (const url of ["/console/lots", `/console/lots/${inQuan8}`, `/console/lots/${inQuan8}/proposal`])
      expect((await school.get(url)).status).toBe(404);
    await school.get("/console/priority");
    expect(
      (await school.post("/console/lots", lot({ deviceType: "tablet", count: "1", giverName: "X" }))).status,
    ).toBe(404);

    const list = await area.get("/console/lots");
    expect(list.body).toContain(inQuan8);
    expect(list.body).not.toContain(everywhere);
    expect(list.body).not.toContain(inDongSon);
    expect((await area.get(`/console/lots/${inDongSon}`)).status).toBe(404);
    expect((await area.get(`/console/lots/${everywhere}/proposal`)).status).toBe(404);
    expect((await area.get(`/console/lots/${inQuan8}/proposal`)).status).toBe(200);
    const outside = await area.post(
      "/console/lots",
      lot({ deviceType: "tablet", count: "1", giverName: "Hội cha mẹ", areas: "Huyện Đông Sơn" }),
    );
    expect(outside.status).toBe(400);
    expect(outside.body).toContain("nằm ngoài khu vực thầy cô phụ trách");
    const noArea = await area.post(
      "/console/lots",
      lot({ deviceType: "tablet", count: "1", giverName: "Hội cha mẹ" }),
    );
    expect(noArea.body).toContain("Xin ghi khu vực của lô");
    const pledge = await area.post(
      "/console/lots",
      lot({ source: "pledge", pledgeCode: "UH-7K2M9Q", count: "1", areas: "Quận 8" }),
    );
    expect(pledge.status).toBe(400);
    const mine = await makeLot(area, {
      deviceType: "phone",
      count: "1",
      giverName: "Hội phụ huynh",
      areas: "Phường 5",
    });
    expect((await area.get(`/console/lots/${mine}`)).body).toContain("1 điện thoại thông minh");
  });
});

/** The default table, as the form posts it. */
function weights(): Record<string, string> {
  return {
    "c-poor": "30",
    "c-near-poor": "20",
    "c-orphan": "30",
    "c-job-loss": "15",
    "c-migrant": "10",
    "c-lockdown": "10",
    "c-other": "5",
    "h-nothing": "25",
    "h-shared-phone": "10",
    perWeek: "2",
  };
}
