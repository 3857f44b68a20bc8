/**
 * The carriers' console pages as province and area staff use them: a carrier's waiting data
 * lines exported as CSV and XLSX, its activation results imported once (parents told once, in
 * their language), better-line requests grouped by ward with the carrier's answer told to that
 * ward's families only, and all of it limited to the viewer's scope.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lineModel } from "../../src/features/allocation/model.js";
import { requestModel } from "../../src/features/requests/model.js";
import {
  appointAreaStaff,
  seedConnectivityRequest,
  seedDataLot,
  uploadFile,
} from "../helpers/carrier-seed.js";
import { telegramDriver } from "../helpers/channel-drivers.js";
import { type ConsoleClient, consoleClient, signInByLink } from "../helpers/console-client.js";
import { type PlatformApp, startPlatformApp, TELEGRAM_SECRET } from "../helpers/platform-app.js";

describe("the carriers section of the console", () => {
  let platform: PlatformApp;
  let province: ConsoleClient;
  let otherWard: ConsoleClient;
  let viettel: { lotCode: string; lineCodes: string[] };
  let mobifone: { lotCode: string; lineCodes: string[] };
  let requestA: string;

  const told = (chat: string) =>
    platform.telegram
      .calls()
      .filter((c) => c.method === "sendMessage" && String(c.payload.chat_id) === chat)
      .map((c) => String(c.payload.text));

  /** A file as the browser downloads it: the raw bytes and their type. */
  async function until(condition: () => boolean): Promise<void> {
    const deadline = Date.now() + 15_000;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error("gave up waiting for the families' messages");
      await platform.telegram
        .waitForCalls("sendMessage", platform.telegram.calls("sendMessage").length + 1, 1_000)
        .catch(() => {});
    }
  }

  async function download(client: ConsoleClient, url: string) {
    const response = await platform.app.server.inject({
      method: "GET",
      url,
      headers: { cookie: `choem_console=${client.cookie("choem_console") ?? ""}` },
    });
    return {
      status: response.statusCode,
      type: String(response.headers["content-type"]),
      raw: response.rawPayload,
    };
  }

  beforeAll(async () => {
    platform = await startPlatformApp({ ADMIN_IDS: "telegram:900" });
    const { app, telegram } = platform;
    const admin = telegramDriver(app.server, telegram, TELEGRAM_SECRET, 900);
    const hoa = telegramDriver(app.server, telegram, TELEGRAM_SECRET, 940);
    const data = { problem: "data-package" as const, place: "home" };
    requestA = await seedConnectivityRequest(
      app,
      { ...data, userId: "930", phone: "+84901000001", carrier: "viettel", ward: "Phường 5" },
      true,
    );
    const requestB = await seedConnectivityRequest(
      app,
      {
        ...data,
        userId: "931",
        phone: "+84901000002",
        carrier: "viettel",
        ward: "Phường 5, Quận 8",
        locale: "en",
      },
      true,
    );
    const requestC = await seedConnectivityRequest(
      app,
      { ...data, userId: "932", phone: "+84901000003", carrier: "mobifone", ward: "Xã Đông Hòa" },
      true,
    );
    viettel = await seedDataLot(app, "viettel", 3, [requestA, requestB]);
    mobifone = await seedDataLot(app, "mobifone", 6, [requestC]);
    const weak = { problem: "weak-signal" as const };
    await seedConnectivityRequest(app, {
      ...weak,
      userId: "933",
      phone: "+84901000004",
      carrier: "viettel",
      place: "rented-room",
      ward: "Phường 5",
    });
    await seedConnectivityRequest(app, {
      problem: "no-internet",
      userId: "934",
      phone: "+84901000005",
      carrier: "viettel",
      place: "home",
      ward: "phường 5",
      locale: "en",
    });
    await seedConnectivityRequest(app, {
      ...weak,
      userId: "935",
      phone: "+84901000006",
      carrier: "viettel",
      place: "home",
      ward: "Xã Đông Hòa",
    });
    await seedConnectivityRequest(app, {
      ...weak,
      userId: "936",
      phone: "+84901000007",
      carrier: "mobifone",
      place: "home",
      ward: "Phường 5",
    });
    province = consoleClient(app.server);
    await signInByLink(province, admin);
    await appointAreaStaff(province, hoa, "Anh Hòa", "Xã Đông Hòa");
    otherWard = consoleClient(app.server);
    await signInByLink(otherWard, hoa);
  });
  afterAll(() => platform.close());

  it("exports a carrier's waiting data lines as CSV and XLSX with the same rows, and audits it", async () => {
    const [a, b] = viettel.lineCodes;
    const page = await province.get("/console/carriers/data/viettel");
    expect(page.body).toContain(String(a));
    expect(page.body).toContain("0901000002");
    const csv = await download(province, "/console/carriers/data/viettel/export?format=csv");
    expect(csv.status).toBe(200);
    expect(csv.type).toContain("text/csv");
    const lines = csv.raw
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("Mã dòng,Số điện thoại,Số tháng,Mã lô,Phường/xã");
    expect(lines).toContain(`${a},0901000001,3,${viettel.lotCode},Phường 5`);
    expect(lines).toContain(`${b},0901000002,3,${viettel.lotCode},"Phường 5, Quận 8"`);
    expect(csv.raw.toString("utf8")).not.toContain(String(mobifone.lineCodes[0]));

    const xlsx = await download(province, "/console/carriers/data/viettel/export?format=xlsx");
    expect(xlsx.type).toContain("spreadsheetml");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.raw as unknown as ExcelJS.Buffer);
    const rows: unknown[][] = [];
    book.worksheets[0]?.eachRow((row) => void rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual(["Mã dòng", "Số điện thoại", "Số tháng", "Mã lô", "Phường/xã"]);
    expect(rows.slice(1)).toEqual(
      expect.arrayContaining([
        [a, "0901000001", 3, viettel.lotCode, "Phường 5"],
        [b, "0901000002", 3, viettel.lotCode, "Phường 5, Quận 8"],
      ]),
    );
    expect(rows).toHaveLength(3);
    const log = await province.get("/console/audit?target=viettel");
    expect(log.body).toContain("carrier:export");

    const empty = await province.get("/console/carriers/data/vietnamobile/export?format=xlsx");
    expect(empty.status).toBe(200);
    expect(empty.body).toContain("Không có gói cước nào đang chờ nhà mạng này kích hoạt");
  });

  it("imports activation results once: reports every row, tells each parent once, delivers the activated", async () => {
    const [a, b] = viettel.lineCodes;
    const file = Buffer.from(
      [
        "Mã dòng,Kết quả,Ghi chú",
        `${a},activated,`,
        "0901000002,failed,SIM chưa đăng ký chính chủ",
        "DG-ZZZZZZ,activated,",
        `${b},có lẽ,`,
        "",
      ].join("\r\n"),
    );
    const page = "/console/carriers/data/viettel";
    const action = "/console/carriers/data/viettel/import";
    const report = await uploadFile(platform.app.server, province, page, action, "ketqua.csv", file);
    expect(report.status).toBe(200);
    expect(report.body).toContain("Đã ghi: 2 · Đã ghi từ trước: 0 · Mã không rõ: 1 · Dòng lỗi: 1");
    expect(report.body).toContain("DG-ZZZZZZ");
    expect(report.body).toMatch(/Dòng 5 · kết quả phải là activated hoặc failed/);
    expect(told("930").at(-1)).toContain("Gói cước Viettel 3 tháng");
    expect(told("930").at(-1)).toContain("đã được kích hoạt");
    expect(told("931").at(-1)).toContain("Viettel could not activate");
    expect(told("931").at(-1)).toContain("staff will contact you");
    const delivered = await requestModel(platform.app.mongo).findOne({ code: requestA }).lean();
    expect(delivered?.status).toBe("delivered");
    const line = await lineModel(platform.app.mongo).findOne({ code: b }).lean();
    expect(line?.activation).toBe("failed: SIM chưa đăng ký chính chủ");
    // The activated line leaves the list to send; the failed one stays, to be sent again.
    const after = await province.get(page);
    expect(after.body).not.toContain(String(a));
    expect(after.body).toContain(String(b));

    const before = [told("930").length, told("931").length];
    const again = await uploadFile(platform.app.server, province, page, action, "ketqua.csv", file);
    expect(again.body).toContain("Đã ghi: 0 · Đã ghi từ trước: 2 · Mã không rõ: 1 · Dòng lỗi: 1");
    expect([told("930").length, told("931").length]).toEqual(before);
  });

  it("reads an XLSX result file too", async () => {
    const book = new ExcelJS.Workbook();
    const tab = book.addWorksheet("Kết quả");
    tab.addRow(["Line code", "Result", "Note"]);
    tab.addRow([mobifone.lineCodes[0], "activated", ""]);
    const file = Buffer.from(await book.xlsx.writeBuffer());
    const page = "/console/carriers/data/mobifone";
    const report = await uploadFile(platform.app.server, province, page, `${page}/import`, "kq.xlsx", file);
    expect(report.body).toContain("Đã ghi: 1 · Đã ghi từ trước: 0 · Mã không rõ: 0 · Dòng lỗi: 0");
    expect(told("932").at(-1)).toContain("Gói cước MobiFone 6 tháng");
  });

  it("groups better-line requests by ward, exports them and tells that ward's families the answer once", async () => {
    const page = await province.get("/console/carriers/better");
    expect(page.body).toContain("Viettel · Phường 5");
    expect(page.body).toContain("2 hộ · Nhà trọ: 1, Nhà riêng: 1");
    expect(page.body).toContain("Viettel · Xã Đông Hòa");
    expect(page.body).toContain("MobiFone · Phường 5");
    const csv = await download(province, "/console/carriers/better/viettel/export?format=csv");
    const rows = csv.raw
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(rows).toEqual([
      "Phường/xã,Số hộ,Nơi ở",
      'Phường 5,2,"Nhà trọ: 1, Nhà riêng: 1"',
      "Xã Đông Hòa,1,Nhà riêng: 1",
    ]);

    const answer = {
      carrier: "viettel",
      ward: "phuong 5",
      text: "Viettel sẽ lắp trạm mới trong tháng 12",
      status: "planned",
    };
    const others = () => [told("935").length, told("936").length];
    const before = others();
    const saved = await province.post("/console/carriers/better/answer", answer);
    expect(saved).toMatchObject({ status: 303 });
    // Sent by the delivery engine's workers: waited for as the fake receives the messages.
    await until(
      () =>
        told("933").some((text) => text.includes("Viettel sẽ lắp trạm")) &&
        told("934").some((text) => text.includes("Viettel sẽ lắp trạm")),
    );
    expect(told("933").at(-1)).toContain("Viettel sẽ lắp trạm mới trong tháng 12 (Đã lên kế hoạch)");
    expect(told("934").at(-1)).toContain("Viettel answers: Viettel sẽ lắp trạm mới trong tháng 12 (Planned)");
    expect(others()).toEqual(before);
    expect((await province.get(saved.location ?? "")).body).toContain("Đã báo cho 2 gia đình");

    const counts = [told("933").length, told("934").length];
    await province.get("/console/carriers/better");
    const resaved = await province.post("/console/carriers/better/answer", answer);
    expect((await province.get(resaved.location ?? "")).body).toContain("không báo lại cho ai");
    expect([told("933").length, told("934").length]).toEqual(counts);
  });

  it("shows area staff of another ward none of it, by any URL", async () => {
    const [a] = viettel.lineCodes;
    const lines = await otherWard.get("/console/carriers/data/viettel");
    expect(lines.status).toBe(200);
    expect(lines.body).not.toContain(String(a));
    expect(lines.body).not.toContain("0901000001");
    const csv = await otherWard.get("/console/carriers/data/viettel/export?format=csv");
    expect(csv.body).not.toContain("0901000001");
    const better = await otherWard.get("/console/carriers/better");
    expect(better.body).not.toContain("Phường 5");
    expect(better.body).toContain("Viettel · Xã Đông Hòa");
    const answer = await otherWard.post("/console/carriers/better/answer", {
      carrier: "mobifone",
      ward: "phuong 5",
      text: "Trạm mới",
      status: "planned",
    });
    expect(answer.status).toBe(404);
    const page = "/console/carriers/data/viettel";
    const report = await uploadFile(
      platform.app.server,
      otherWard,
      page,
      `${page}/import`,
      "kq.csv",
      Buffer.from(`${a},failed,\r\n`),
    );
    expect(report.body).toContain("Đã ghi: 0 · Đã ghi từ trước: 0 · Mã không rõ: 1 · Dòng lỗi: 0");
  });
});
