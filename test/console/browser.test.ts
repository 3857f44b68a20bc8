/**
 * The console in Debian's Chromium at a phone's width: signing in by the code the page shows
 * (the page opens by itself once the bot has the code) and by the link from /dangnhap. The
 * run leaves screenshots in test-results/screenshots (UPDATE_SCREENSHOTS=1 writes docs/screenshots,
 * which the README shows).
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../helpers/browser.js";
import { type Driver, telegramDriver } from "../helpers/channel-drivers.js";
import { linkIn } from "../helpers/console-client.js";
import { type PlatformApp, startPlatformApp, TELEGRAM_SECRET } from "../helpers/platform-app.js";

const SHOTS = join(
  import.meta.dirname,
  "..",
  "..",
  process.env.UPDATE_SCREENSHOTS ? "docs/screenshots" : "test-results/screenshots",
);

describe("the console in Chromium", () => {
  let platform: PlatformApp;
  let browser: Browser;
  let admin: Driver;

  beforeAll(async () => {
    platform = await startPlatformApp({ ADMIN_IDS: "telegram:900" });
    admin = telegramDriver(platform.app.server, platform.telegram, TELEGRAM_SECRET, 900);
    browser = await launchBrowser();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await platform.close();
  });

  async function phone(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: "vi-VN" });
    context.setDefaultTimeout(4000);
    return context.newPage();
  }

  it("opens by itself once the code the page shows is sent to the bot", async () => {
    const page = await phone();
    await page.goto(`${platform.app.url}/console/signin`);
    const code = (await page.locator(".code").innerText()).trim();
    expect(code).toMatch(/^DN-[A-Z0-9]{6}$/);
    await page.screenshot({ path: join(SHOTS, "console-signin.png"), fullPage: true });
    expect(await admin.say(code)).toContain("Đã đăng nhập");
    await page.waitForURL(`${platform.app.url}/console`);
    await expect(page.locator("h1").innerText()).resolves.toContain("Xin chào");
    await page.screenshot({ path: join(SHOTS, "console-home.png"), fullPage: true });
    await page.context().close();
  });

  it("signs in by the link from /dangnhap with one button, reachable by keyboard", async () => {
    const page = await phone();
    const link = linkIn(await admin.say("/dangnhap"));
    await page.goto(`${platform.app.url}/console/signin?link=${link}`);
    // The skip link first, then the language button, then the sign-in button.
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.textContent?.trim())).resolves.toContain(
      "Bỏ qua",
    );
    await page.getByRole("button", { name: "Đăng nhập" }).focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(`${platform.app.url}/console`);
    await page.getByRole("navigation").getByRole("link", { name: "Cán bộ" }).click();
    await page.waitForURL(`${platform.app.url}/console/staff`);
    await page.getByLabel("Họ tên").fill("Cô Lan");
    await page.getByLabel("Vai trò").selectOption("school");
    await page.getByLabel("Phạm vi").fill("79001");
    await page.getByRole("button", { name: "Tạo mã mời" }).click();
    await expect(page.locator(".code").innerText()).resolves.toMatch(/^CB-[A-Z0-9]{6}$/);
    await page.screenshot({ path: join(SHOTS, "console-staff.png"), fullPage: true });
    // The English button turns the same page into English.
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator("h1").first().innerText()).resolves.toBe("Staff");
    await page.context().close();
  });
});
