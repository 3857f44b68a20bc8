/**
 * Appointing staff from the console: a scope no wider than one's own, a single-use CB- code the
 * person sends to the bot, and revoking, which shuts the person out at their next click.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Driver, telegramDriver, zaloDriver } from "../helpers/channel-drivers.js";
import { type ConsoleClient, consoleClient, signInByLink } from "../helpers/console-client.js";
import { type PlatformApp, startPlatformApp, TELEGRAM_SECRET, ZALO_SECRET } from "../helpers/platform-app.js";

const codeIn = (body: string) => body.match(/class="code">(CB-[A-Z0-9]{6})</)?.[1];

describe("appointing staff from the console", () => {
  let platform: PlatformApp;
  let admin: Driver;
  let province: ConsoleClient;

  beforeAll(async () => {
    platform = await startPlatformApp({ ADMIN_IDS: "telegram:900" });
    admin = telegramDriver(platform.app.server, platform.telegram, TELEGRAM_SECRET, 900);
    province = consoleClient(platform.app.server);
    await signInByLink(province, admin);
  });
  afterAll(() => platform.close());

  async function appoint(by: ConsoleClient, form: Record<string, string>) {
    await by.get("/console/staff");
    return by.post("/console/staff/appoint", form);
  }

  it("makes a school's verifier who sees that school only, signed in from Zalo", async () => {
    const made = await appoint(province, { name: "Cô Lan", level: "school", places: "79001" });
    expect(made.status).toBe(200);
    const code = codeIn(made.body);
    expect(code).toBeDefined();

    const lan = zaloDriver(platform.app.server, platform.zalo, ZALO_SECRET, "zl-lan");
    expect(await lan.say("/dangnhap")).toContain("chỉ dành cho cán bộ");
    expect(await lan.say(code!)).toContain("cán bộ chương trình");
    const browser = consoleClient(platform.app.server);
    await signInByLink(browser, lan);
    const home = await browser.get("/console");
    expect(home.body).toContain("Cô Lan");
    expect(home.body).toContain("Cán bộ nhà trường");
    expect(home.body).toContain("79001");
    // The province's audit log is not hers.
    expect((await browser.get("/console/audit")).status).toBe(404);

    // A second person typing the same code gets nothing.
    const other = telegramDriver(platform.app.server, platform.telegram, TELEGRAM_SECRET, 955);
    expect(await other.say(code!)).toContain("đã có người dùng");
  });

  it("lets school staff appoint only within their school, and never a wider role", async () => {
    const made = await appoint(province, { name: "Thầy Minh", level: "school", places: "79002" });
    const minh = telegramDriver(platform.app.server, platform.telegram, TELEGRAM_SECRET, 960);
    await minh.say(codeIn(made.body)!);
    const browser = consoleClient(platform.app.server);
    await signInByLink(browser, minh);

    const page = await browser.get("/console/staff");
    expect(page.body).not.toContain('value="province"');
    const wider = await browser.post("/console/staff/appoint", { name: "X", level: "province", places: "" });
    expect(wider.status).toBe(400);
    const elsewhere = await browser.post("/console/staff/appoint", {
      name: "Y",
      level: "school",
      places: "79001",
    });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body).toContain("rộng hơn phạm vi");
    // What was typed is still in the form.
    expect(elsewhere.body).toContain('value="Y"');
    const own = await browser.post("/console/staff/appoint", {
      name: "Cô Hoa",
      level: "school",
      places: "79002",
    });
    expect(codeIn(own.body)).toBeDefined();
    // His list shows his school's people, not the other school's.
    const list = await browser.get("/console/staff");
    expect(list.body).toContain("Cô Hoa");
    expect(list.body).not.toContain("Cô Lan");
  });

  it("refuses an unknown school or ward and keeps what was typed", async () => {
    const unknown = await appoint(province, { name: "Z", level: "school", places: "99999" });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toContain("không có trong danh bạ");
    expect(unknown.body).toContain('value="99999"');
    const ward = await appoint(province, { name: "Phường", level: "area", places: "Phường 5" });
    expect(codeIn(ward.body)).toBeDefined();
  });

  it("takes a commune's name without “Xã”, but never a bare ward number", async () => {
    const commune = await appoint(province, { name: "Xã", level: "area", places: "Đông Hòa" });
    expect(codeIn(commune.body)).toBeDefined();
    // Shown as the directory writes it, never in the folded form it is kept in.
    const page = (await province.get("/console/staff")).body;
    expect(page).toContain("Xã Đông Hòa");
    expect(page).not.toContain("xa dong hoa");
    const number = await appoint(province, { name: "Số", level: "area", places: "5" });
    expect(number.status).toBe(400);
    expect(number.body).toContain("Không tìm thấy “5” trong danh bạ trường");
    expect(number.body).toContain('value="5"');
  });

  it("revokes a colleague, who is shut out at their next click", async () => {
    const made = await appoint(province, { name: "Anh Tú", level: "school", places: "79001" });
    const tu = telegramDriver(platform.app.server, platform.telegram, TELEGRAM_SECRET, 970);
    await tu.say(codeIn(made.body)!);
    const browser = consoleClient(platform.app.server);
    await signInByLink(browser, tu);
    expect((await browser.get("/console")).status).toBe(200);

    await province.get("/console/staff");
    const revoked = await province.post("/console/staff/revoke", { actor: "telegram:970" });
    expect(revoked.status).toBe(303);
    expect((await browser.get("/console")).status).toBe(303);
    expect(await tu.say("/dangnhap")).toContain("chỉ dành cho cán bộ");
    // Nobody can revoke the bootstrap staff of ADMIN_IDS.
    expect((await province.post("/console/staff/revoke", { actor: "telegram:900" })).status).toBe(404);
  });

  it("changes a colleague's scope, which their next page follows", async () => {
    const made = await appoint(province, { name: "Chị Hạnh", level: "school", places: "79001" });
    const hanh = telegramDriver(platform.app.server, platform.telegram, TELEGRAM_SECRET, 975);
    await hanh.say(codeIn(made.body)!);
    const browser = consoleClient(platform.app.server);
    await signInByLink(browser, hanh);
    await province.get("/console/staff");
    const bad = await province.post("/console/staff/change", {
      actor: "telegram:975",
      level: "school",
      places: "99999",
    });
    expect(bad.status).toBe(400);
    const changed = await province.post("/console/staff/change", {
      actor: "telegram:975",
      level: "school",
      places: "79002",
    });
    expect(changed.status).toBe(303);
    const home = await browser.get("/console");
    expect(home.body).toContain("79002");
    expect(home.body).not.toContain("79001");
  });

  it("cancels an unused code", async () => {
    const made = await appoint(province, { name: "Chị Mai", level: "school", places: "79002" });
    const code = codeIn(made.body)!;
    await province.get("/console/staff");
    expect((await province.post("/console/staff/appointments/revoke", { code })).status).toBe(303);
    const mai = telegramDriver(platform.app.server, platform.telegram, TELEGRAM_SECRET, 980);
    expect(await mai.say(code)).toContain("đã bị huỷ");
  });
});
