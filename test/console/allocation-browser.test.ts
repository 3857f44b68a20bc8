/**
 * Allocation and handover as staff do them on a phone (Debian's Chromium at 360 px): the province
 * approves a lot's proposal, the school's clerk marks a tablet handed over with its serial, and
 * the parent is asked in chat to confirm. No page scrolls sideways. Screenshots go to
 * test-results/screenshots (UPDATE_SCREENSHOTS=1 writes docs/screenshots).
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lotCodeOf, lotForm, seedChild, tomorrowTyped } from "../helpers/allocation-seed.js";
import { launchBrowser } from "../helpers/browser.js";
import { type Driver, telegramDriver } from "../helpers/channel-drivers.js";
import { type ConsoleClient, consoleClient, linkIn, signInByLink } from "../helpers/console-client.js";
import { appointSchoolStaff } from "../helpers/console-seed.js";
import { type PlatformApp, startPlatformApp, TELEGRAM_SECRET } from "../helpers/platform-app.js";

const SHOTS = join(
  import.meta.dirname,
  "..",
  "..",
  process.env.UPDATE_SCREENSHOTS ? "docs/screenshots" : "test-results/screenshots",
);
const WIDTH = 360;

describe("allocation and handover on a phone", () => {
  let platform: PlatformApp;
  let browser: Browser;
  let admin: Driver;
  let clerk: Driver;
  let province: ConsoleClient;
  let lot = "";
  const kids: string[] = [];

  beforeAll(async () => {
    platform = await startPlatformApp({ ADMIN_IDS: "telegram:900" });
    const { app } = platform;
    admin = telegramDriver(app.server, platform.telegram, TELEGRAM_SECRET, 900);
    clerk = telegramDriver(app.server, platform.telegram, TELEGRAM_SECRET, 910);
    province = consoleClient(app.server);
    await signInByLink(province, admin);
    await appointSchoolStaff(province, clerk, "Cô Lan", "79001");
    kids.push(await seedChild(app, { child: "Nguyễn Văn An", circumstances: ["poor"], userId: "6400" }));
    kids.push(await seedChild(app, { child: "Trần Thị Bình", userId: "6401" }));
    await province.get("/console/lots");
    const made = await province.post(
      "/console/lots",
      lotForm({ deviceType: "tablet", count: "2", areas: "Quận 8", giverName: "Công ty ABC" }),
    );
    lot = lotCodeOf(made.location);
    browser = await launchBrowser();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await platform.close();
  });

  async function signedInAs(staff: Driver): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: WIDTH, height: 740 }, locale: "vi-VN" });
    context.setDefaultTimeout(4000);
    const page = await context.newPage();
    await page.goto(`${platform.app.url}/console/signin?link=${linkIn(await staff.say("/dangnhap"))}`);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.waitForURL(`${platform.app.url}/console`);
    return page;
  }
  const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

  it("approves a lot's proposal from a phone, and each parent is told where to collect", async () => {
    const page = await signedInAs(admin);
    await page.getByRole("navigation").getByRole("link", { name: "Lô quà" }).click();
    await page.waitForURL(`${platform.app.url}/console/lots`);
    expect(await sideways(page)).toBeLessThanOrEqual(WIDTH);
    await page.getByRole("link", { name: lot }).click();
    await page.getByRole("link", { name: "Lập đề xuất" }).click();
    await page.waitForURL(`${platform.app.url}/console/lots/${lot}/proposal`);
    await expect(page.getByText("Nguyễn Văn An").count()).resolves.toBe(1);
    expect(await sideways(page)).toBeLessThanOrEqual(WIDTH);
    await page.getByLabel("Nơi nhận").fill("Văn phòng trường");
    await page.getByLabel("Nhận từ ngày").fill(tomorrowTyped());
    await page.screenshot({ path: join(SHOTS, "console-proposal.png"), fullPage: true });
    await page.getByRole("button", { name: "Duyệt cả đợt" }).click();
    await page.waitForURL(new RegExp(`/console/lots/${lot}`));
    await expect(page.locator("main").textContent()).resolves.toContain("Tổng 2 · đã phân 2 · còn 0");
    expect(await sideways(page)).toBeLessThanOrEqual(WIDTH);
    const toldBoth = () =>
      ["6400", "6401"].every((chat) =>
        platform.telegram
          .calls("sendMessage")
          .some(
            (c) => String(c.payload.chat_id) === chat && String(c.payload.text).includes("Văn phòng trường"),
          ),
      );
    const deadline = Date.now() + 15_000;
    while (!toldBoth() && Date.now() < deadline)
      await platform.telegram
        .waitForCalls("sendMessage", platform.telegram.calls("sendMessage").length + 1, 1_000)
        .catch(() => {});
    expect(toldBoth()).toBe(true);
    await page.context().close();
  });

  it("lets the school's clerk mark a tablet handed over with its serial; the parent is asked to confirm", async () => {
    const page = await signedInAs(clerk);
    await page.getByRole("navigation").getByRole("link", { name: "Bàn giao" }).click();
    await page.getByRole("link", { name: /Chu Văn An/ }).click();
    await page.waitForURL(`${platform.app.url}/console/handover/school/79001`);
    expect(await sideways(page)).toBeLessThanOrEqual(WIDTH);
    const row = page.getByRole("row").filter({ hasText: "Nguyễn Văn An" });
    await row.getByLabel("Số máy (không bắt buộc)").fill("TB-2026-001");
    await page.screenshot({ path: join(SHOTS, "console-handover.png"), fullPage: true });
    const before = platform.telegram.calls("sendMessage").length;
    await row.getByRole("button", { name: "Đã trao" }).click();
    await page.waitForURL(/\/console\/handover\/school\/79001\?/);
    await expect(page.getByRole("row").filter({ hasText: "Nguyễn Văn An" }).textContent()).resolves.toContain(
      "TB-2026-001",
    );
    expect(await sideways(page)).toBeLessThanOrEqual(WIDTH);
    await platform.telegram.waitForCalls("sendMessage", before + 1);
    const asked = platform.telegram
      .calls("sendMessage")
      .filter((c) => String(c.payload.chat_id) === "6400")
      .at(-1);
    expect(JSON.stringify(asked?.payload.reply_markup)).toContain("dn:");
    await page.context().close();
  });
});
