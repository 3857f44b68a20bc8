/**
 * Reports through the whole app: province staff see the seeded programme's exact figures, a
 * school's staff only their school's; every table downloads as CSV and XLSX with the page's own
 * rows, and each download is in the audit log. The weekly summary reaches province staff once
 * per week however often the job runs. /minhbach shows browsers a page naming only the donors
 * who agreed, and keeps answering the same JSON to everyone else.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "../../src/features/console/request-user.js";
import type { ReportsFeature } from "../../src/features/reports/feature.js";
import { displayCell } from "../../src/features/reports/pages.js";
import { readAudit } from "../../src/features/staff/audit.js";
import { type Driver, telegramDriver } from "../helpers/channel-drivers.js";
import { type ConsoleClient, consoleClient, signInByLink } from "../helpers/console-client.js";
import { appointSchoolStaff } from "../helpers/console-seed.js";
import { type PlatformApp, startPlatformApp, TELEGRAM_SECRET } from "../helpers/platform-app.js";
import {
  ANONYMOUS_DONOR,
  CANCELLED_DONOR,
  NAMED_DONOR,
  OTHER_NAMED_DONOR,
  SEEDED_CHILD,
  seedReports,
} from "../helpers/report-seed.js";
import { PHU_LOI, seedSchools } from "../helpers/schools.js";

/** The rows of one report table on the page, as the cells' texts (header first). */
function tableOn(html: string, id: string): string[][] {
  const table = html.match(new RegExp(`<table[^>]*data-report="${id}"[^>]*>([\\s\\S]*?)</table>`))?.[1];
  if (!table) throw new Error(`no table ${id}`);
  return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? "").matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => (cell[1] ?? "").trim()),
  );
}

/** RFC 4180 lines: quoted cells may hold commas and doubled quotes. */
function parseCsv(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n")
    .map((line) =>
      [...line.matchAll(/(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g)].map(
        (m) => m[1]?.replaceAll('""', '"') ?? m[2] ?? "",
      ),
    );
}

const unescapeHtml = (s: string) =>
  s.replaceAll("&amp;", "&").replaceAll("&#39;", "'").replaceAll("&quot;", '"');

describe("reports in the staff console", () => {
  let platform: PlatformApp;
  let admin: Driver;
  let province: ConsoleClient;
  let school: ConsoleClient;

  beforeAll(async () => {
    platform = await startPlatformApp({ ADMIN_IDS: "telegram:900" });
    admin = telegramDriver(platform.app.server, platform.telegram, TELEGRAM_SECRET, 900);
    province = consoleClient(platform.app.server);
    await signInByLink(province, admin);
    const teacher = telegramDriver(platform.app.server, platform.telegram, TELEGRAM_SECRET, 910);
    await appointSchoolStaff(province, teacher, "Cô Lan", "79001");
    school = consoleClient(platform.app.server);
    await signInByLink(school, teacher);
    await seedReports(platform.app);
  });
  afterAll(() => platform.close());

  it("shows province staff the whole programme's figures", async () => {
    const page = await province.get("/console/reports");
    expect(page.status).toBe(200);
    expect(page.body).toContain("<svg");
    expect(tableOn(page.body, "requests").slice(1)).toEqual([
      ["mới, chờ xác minh", "3", "2"],
      ["đã xác minh", "1", "1"],
      ["đã duyệt", "1", "0"],
      ["đã có nhà hảo tâm", "1", "0"],
      ["đã trao", "2", "0"],
      ["không được duyệt", "0", "1"],
      ["đã rút", "0", "0"],
    ]);
    expect(
      tableOn(page.body, "devices")
        .slice(1)
        .map((r) => r[1]),
    ).toEqual(["5", "5", "3", "1", "2"]);
    expect(
      tableOn(page.body, "money")
        .slice(1)
        .map((r) => r[1]),
    ).toEqual(["12.000.000", "10.000.000", "23.000.000"]);
    expect(tableOn(page.body, "connectivity").slice(1)).toEqual([
      ["viettel", "Phường 5", "2"],
      ["vinaphone", "Xã Đông Hòa", "1"],
    ]);
    // Handovers of 12 and 13 November (ISO week 46): 10 and 4 days after the requests.
    expect(tableOn(page.body, "waits").slice(1)).toEqual([["2026-W46", "7", "2"]]);
  });

  it("narrows the figures by district and by school level", async () => {
    const ward = await province.get(`/console/reports?area=${encodeURIComponent("w:Xã Đông Hòa")}`);
    expect(
      tableOn(ward.body, "devices")
        .slice(1)
        .map((r) => r[1]),
    ).toEqual(["2", "0", "0", "0", "1"]);
    const thcs = await province.get("/console/reports?level=thcs");
    expect(
      tableOn(thcs.body, "devices")
        .slice(1)
        .map((r) => r[1]),
    ).toEqual(["3", "5", "3", "1", "1"]);
  });

  it("lists a school with no district under its ward only, and filters by that ward", async () => {
    // Two-level local government: the directory's newer rows have a ward and no district.
    await seedSchools(platform.app.mongo, [PHU_LOI]);
    const page = await province.get("/console/reports");
    const options = [...page.body.matchAll(/<option value="([^"]*)"[^>]*>([^<]*)<\/option>/g)].map((m) => [
      m[1],
      m[2],
    ]);
    expect(options).toContainEqual(["w:Phường Phú Lợi", "Phường Phú Lợi (phường/xã)"]);
    expect(options.filter(([value]) => value?.startsWith("d:")).map(([value]) => value)).toEqual([
      "d:Huyện Đông Sơn",
      "d:Quận 8",
    ]);
    expect(options.every(([, label]) => label?.trim() && !label.startsWith(" ("))).toBe(true);
    const ward = await province.get(`/console/reports?area=${encodeURIComponent("w:Phường Phú Lợi")}`);
    expect(ward.body).toContain('value="w:Phường Phú Lợi" selected');
    expect(
      tableOn(ward.body, "devices")
        .slice(1)
        .map((r) => r[1]),
    ).toEqual(["0", "0", "0", "0", "0"]);
  });

  it("shows a school's staff only their school", async () => {
    const page = await school.get("/console/reports");
    expect(page.status).toBe(200);
    expect(tableOn(page.body, "requests").slice(1, 6)).toEqual([
      ["mới, chờ xác minh", "2", "1"],
      ["đã xác minh", "1", "1"],
      ["đã duyệt", "0", "0"],
      ["đã có nhà hảo tâm", "1", "0"],
      ["đã trao", "1", "0"],
    ]);
    expect(
      tableOn(page.body, "devices")
        .slice(1)
        .map((r) => r[1]),
    ).toEqual(["3", "5", "3", "1", "1"]);
    // The money given to the other school is not theirs; their share of the purchase is.
    expect(
      tableOn(page.body, "money")
        .slice(1)
        .map((r) => r[1]),
    ).toEqual(["0", "0", "5.000.000"]);
    expect(tableOn(page.body, "connectivity").slice(1)).toEqual([["viettel", "Phường 5", "2"]]);
    expect(tableOn(page.body, "waits").slice(1)).toEqual([["2026-W46", "10", "1"]]);
    expect(page.body).not.toContain("Xã Đông Hòa");
    // A filter naming a place outside the scope is ignored, not obeyed.
    const outside = await school.get(`/console/reports?area=${encodeURIComponent("d:Huyện Đông Sơn")}`);
    expect(tableOn(outside.body, "devices")).toEqual(tableOn(page.body, "devices"));
  });

  it("exports every table as CSV and XLSX equal to the page, and audits each export", async () => {
    const page = await school.get("/console/reports");
    for (const id of ["requests", "devices", "money", "connectivity", "waits"]) {
      const shown = tableOn(page.body, id).map((row) => row.map(unescapeHtml));
      const csv = await school.get(`/console/reports/${id}.csv`);
      expect(csv.status).toBe(200);
      expect(csv.headers["content-type"]).toContain("text/csv");
      const csvRows = parseCsv(csv.body).map((row) =>
        row.map((cell) => String(displayCell(/^\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell))),
      );
      expect(csvRows).toEqual(shown);

      const xlsx = await platform.app.server.inject({
        method: "GET",
        url: `/console/reports/${id}.xlsx`,
        headers: { cookie: `${SESSION_COOKIE}=${school.cookie(SESSION_COOKIE)}` },
      });
      expect(xlsx.statusCode).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(xlsx.rawPayload as unknown as ExcelJS.Buffer);
      const sheetRows: string[][] = [];
      book.worksheets[0]?.eachRow((row) => {
        sheetRows.push((row.values as Array<string | number>).slice(1).map((v) => String(displayCell(v))));
      });
      expect(sheetRows).toEqual(shown);
    }
    const audited = await readAudit(platform.app.mongo, { action: "reports:export" });
    expect(audited.filter((e) => e.actor === "telegram:910").map((e) => e.target)).toEqual(
      expect.arrayContaining(["requests", "devices", "money", "connectivity", "waits"]),
    );
    expect(audited.find((e) => e.target === "money")?.detail).toMatch(/xlsx|csv/);
  });

  it("sends the weekly summary to province staff once, even when the job runs twice", async () => {
    // A province colleague who turned alerts off hears nothing.
    const quiet = telegramDriver(platform.app.server, platform.telegram, TELEGRAM_SECRET, 920);
    await province.get("/console/staff");
    const made = await province.post("/console/staff/appoint", {
      name: "Anh Quân",
      level: "province",
      places: "",
    });
    const code = made.body.match(/class="code">(CB-[A-Z0-9]{6})</)?.[1];
    await quiet.say(code ?? "no code");
    const quietBrowser = consoleClient(platform.app.server);
    await signInByLink(quietBrowser, quiet);
    await quietBrowser.get("/console/account");
    expect((await quietBrowser.post("/console/account/alerts", { on: "no" })).status).toBe(303);

    const reports = platform.app.features.find((f) => f.name === "reports") as ReportsFeature;
    const monday = new Date("2026-11-16T03:00:00Z");
    const sentToAdmin = () =>
      platform.telegram
        .calls("sendMessage")
        .filter((call) => String(call.payload.chat_id) === "900")
        .map((call) => String(call.payload.text ?? ""))
        .filter((text) => text.includes("2026-W46"));
    const [first, second] = await Promise.all([reports.weekly.run(monday), reports.weekly.run(monday)]);
    expect([first, second].filter(Boolean)).toHaveLength(1);
    expect(await reports.weekly.run(new Date("2026-11-17T03:00:00Z"))).toBe(false);
    const deadline = Date.now() + 10_000;
    while (sentToAdmin().length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const texts = sentToAdmin();
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain("Tổng kết tuần 2026-W46 (từ 09/11/2026)");
    expect(texts[0]).toContain("Yêu cầu mới: 1 thiết bị, 0 kết nối mạng");
    expect(texts[0]).toContain("Thiết bị đã trao: 2, chờ trung vị 7 ngày");
    // School staff get no province summary, nor does province staff with alerts off.
    for (const chat of ["910", "920"]) {
      const texts = platform.telegram
        .calls("sendMessage")
        .filter((call) => String(call.payload.chat_id) === chat)
        .map((call) => String(call.payload.text ?? ""));
      expect(texts.some((text) => text.includes("2026-W46"))).toBe(false);
    }
  });

  it("shows browsers /minhbach with the named donors only, and keeps the JSON for others", async () => {
    const page = await platform.app.server.inject({
      method: "GET",
      url: "/minhbach",
      headers: { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" },
    });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toContain("text/html");
    expect(page.body).toContain(NAMED_DONOR);
    expect(page.body).toContain(OTHER_NAMED_DONOR);
    expect(page.body).not.toContain(ANONYMOUS_DONOR);
    expect(page.body).not.toContain(CANCELLED_DONOR);
    expect(page.body).not.toContain(SEEDED_CHILD);
    expect(page.body).not.toContain("987654321");
    expect(page.body).toContain('<td data-label="Cấp học">THCS</td>');

    const json = await platform.app.server.inject({ method: "GET", url: "/minhbach" });
    const summary = await platform.app.server.inject({ method: "GET", url: "/api/summary" });
    expect(json.headers["content-type"]).toContain("application/json");
    const { generatedAt: _a, ...answer } = json.json();
    const { generatedAt: _b, ...expected } = summary.json();
    expect(answer).toEqual(expected);
    expect(answer.money).toEqual({ pledgedVnd: 12_000_000, receivedVnd: 10_000_000 });
  });
});
