/**
 * The console in Debian's Chromium at a phone's width: signing in by the code the page shows
 * (the page opens by itself once the bot has the code) and by the link from /dangnhap. The
 * run leaves screenshots in test-results/screenshots (UPDATE_SCREENSHOTS=1 writes docs/screenshots,
 * which the README shows).
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import Fastify from "fastify";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../helpers/browser.js";
import { type Driver, telegramDriver, zaloDriver } from "../helpers/channel-drivers.js";
import { consoleClient, linkIn, signInByLink } from "../helpers/console-client.js";
import { appointSchoolStaff, askStaff, seedDeviceRequest } from "../helpers/console-seed.js";
import { type PlatformApp, startPlatformApp, TELEGRAM_SECRET, ZALO_SECRET } from "../helpers/platform-app.js";

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

  /** A phone-sized browser signed in as the province officer, by the link. */
  async function signedIn(): Promise<Page> {
    const page = await phone();
    await page.goto(`${platform.app.url}/console/signin?link=${linkIn(await admin.say("/dangnhap"))}`);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.waitForURL(`${platform.app.url}/console`);
    return page;
  }

  it("verifies a request from the queue, and the parent's Telegram chat is told", async () => {
    const code = await seedDeviceRequest(platform.app, "79001", "Nguyễn Thị Hoa", "930");
    const page = await signedIn();
    await page.getByRole("navigation").getByRole("link", { name: "Yêu cầu" }).click();
    await page.getByLabel("Tìm theo mã hoặc tên em").fill("nguyen thi hoa");
    await page.getByRole("button", { name: "Lọc" }).click();
    await page.getByRole("link", { name: code }).click();
    await expect(page.locator("h1").innerText()).resolves.toContain(code);
    await page.screenshot({ path: join(SHOTS, "console-request.png"), fullPage: true });
    await page.getByRole("button", { name: "Đã xác minh" }).click();
    await page.waitForURL(`${platform.app.url}/console/requests/${code}?done=1`);
    const told = platform.telegram
      .calls("sendMessage")
      .filter((c) => String(c.payload.chat_id) === "930")
      .map((c) => String(c.payload.text));
    expect(told.at(-1)).toContain("đã xác minh");
    await page.context().close();
  });

  it("answers a Zalo parent's question from the help desk, and the answer reaches their chat", async () => {
    const parent = zaloDriver(platform.app.server, platform.zalo, ZALO_SECRET, "zalo-browser-parent");
    const ticket = await askStaff(parent, "Khi nào trường phát máy ạ?");
    const page = await signedIn();
    await page.getByRole("navigation").getByRole("link", { name: "Hỏi đáp" }).click();
    await page.getByRole("link", { name: ticket }).first().click();
    await page.getByRole("button", { name: "Nhận trả lời" }).click();
    await page.getByLabel("Trả lời").fill("Dạ, thứ Hai tuần sau nhà trường phát máy ạ.");
    await page.getByRole("button", { name: "Gửi trả lời" }).click();
    await page.getByText("thứ Hai tuần sau").first().waitFor();
    await page.screenshot({ path: join(SHOTS, "console-helpdesk.png"), fullPage: true });
    const told = platform.zalo
      .calls("sendMessage")
      .filter((c) => c.payload.chat_id === "zalo-browser-parent")
      .map((c) => String(c.payload.text));
    expect(told.some((text) => text.includes("thứ Hai tuần sau nhà trường phát máy"))).toBe(true);
    await page.context().close();
  });

  it("refuses a sign-in link used once already, in another browser", async () => {
    const link = linkIn(await admin.say("/dangnhap"));
    const first = await phone();
    await first.goto(`${platform.app.url}/console/signin?link=${link}`);
    await first.getByRole("button", { name: "Đăng nhập" }).click();
    await first.waitForURL(`${platform.app.url}/console`);
    const second = await phone();
    await second.goto(`${platform.app.url}/console/signin?link=${link}`);
    await second.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(second.getByRole("alert").innerText()).resolves.toContain("đã dùng rồi hoặc đã hết hạn");
    await second.goto(`${platform.app.url}/console/requests`);
    expect(new URL(second.url()).pathname).toBe("/console/signin");
    await first.context().close();
    await second.context().close();
  });

  it("refuses a form another site makes the signed-in browser post", async () => {
    const page = await signedIn();
    // A page elsewhere that posts "sign out everywhere" into the console as soon as it opens.
    const evil = Fastify();
    evil.get("/", async (_request, reply) =>
      reply
        .type("text/html")
        .send(
          `<form id="f" method="post" action="${platform.app.url}/console/account/sessions/end-all"><input name="_csrf" value="guess"></form><script>document.getElementById("f").submit()</script>`,
        ),
    );
    const evilUrl = await evil.listen({ port: 0, host: "127.0.0.1" });
    try {
      const answer = page.waitForResponse((r) => r.url().endsWith("/console/account/sessions/end-all"));
      await page.goto(evilUrl);
      expect((await answer).status()).toBe(403);
      await page.goto(`${platform.app.url}/console/account`);
      await expect(page.locator("h1").innerText()).resolves.toBe("Tài khoản");
    } finally {
      await evil.close();
      await page.context().close();
    }
  });

  it("shows a school's verifier only their school's requests, whatever the URL", async () => {
    const mine = await seedDeviceRequest(platform.app, "79001", "Đỗ Văn Khoa", "940");
    const theirs = await seedDeviceRequest(platform.app, "79002", "Mai Thị Lụa", "941");
    const province = consoleClient(platform.app.server);
    await signInByLink(province, admin);
    const verifier = telegramDriver(platform.app.server, platform.telegram, TELEGRAM_SECRET, 942);
    await appointSchoolStaff(province, verifier, "Cô Ngọc", "79001");
    const page = await phone();
    await page.goto(`${platform.app.url}/console/signin?link=${linkIn(await verifier.say("/dangnhap"))}`);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.waitForURL(`${platform.app.url}/console`);
    await page.goto(`${platform.app.url}/console/requests`);
    await expect(page.getByRole("link", { name: mine }).count()).resolves.toBe(1);
    await expect(page.getByRole("link", { name: theirs }).count()).resolves.toBe(0);
    const direct = await page.goto(`${platform.app.url}/console/requests/${theirs}`);
    expect(direct?.status()).toBe(404);
    await expect(page.content()).resolves.not.toContain("Mai Thị Lụa");
    await page.context().close();
  });
});
