/** The whole app with no platform token, as `npm start` serves it, used in headless Chromium. */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningApp } from "../../src/app.js";
import { launchBrowser } from "../helpers/browser.js";
import { startWebChatApp } from "../helpers/platform-app.js";

describe("the web chat of the whole app in Chromium", () => {
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startWebChatApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.mongo.dropDatabase();
    await app?.close();
  });

  it("greets with the Vietnamese main menu and runs a form with the keyboard", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(app.url);
    await page.getByRole("button", { name: "Bắt đầu" }).click();
    await page.getByText("Xin chào! Đây là ChoEm").waitFor();
    for (const entry of ["Xin máy tính cho con", "Hỏi cán bộ", "Dữ liệu của tôi"]) {
      await page.getByRole("button", { name: entry }).last().waitFor();
    }
    await page.getByRole("button", { name: "Hỏi cán bộ" }).last().focus();
    await page.keyboard.press("Enter");
    await page.getByText("Anh/chị muốn hỏi về việc gì?").waitFor();
    await page.getByRole("button", { name: "Kết nối Internet" }).last().click();
    await page.getByText("Anh/chị viết câu hỏi của mình").waitFor();
    await page.getByRole("textbox").fill("Nhà em ở trọ, sóng yếu quá ạ");
    await page.keyboard.press("Enter");
    await page.getByText("số điện thoại di động", { exact: false }).last().waitFor();
    await page.getByRole("button", { name: "Bỏ qua" }).last().click();
    await page.getByRole("button", { name: "Xác nhận" }).last().click();
    const done = page.getByText(/Mã câu hỏi của anh\/chị: HT-/);
    await done.waitFor();
    expect(await done.textContent()).toMatch(/HT-[A-Z0-9]{6}/);
    await page.screenshot({ path: "test-results/webchat-app.png" });
  });

  it("keeps the header's language button in step with the language chosen in the chat", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(app.url);
    await page.getByRole("button", { name: "Bắt đầu" }).click();
    await page.getByText("Xin chào! Đây là ChoEm").waitFor();
    const header = page.locator("#lang");
    expect(await header.textContent()).toBe("English");
    await page.getByRole("textbox").fill("/ngonngu");
    await page.keyboard.press("Enter");
    await page.getByRole("log").getByRole("button", { name: "English" }).last().click();
    await page.getByText("Switched to English.").waitFor();
    // The header now offers the way back, and says so after a reload too.
    await expect.poll(() => header.textContent()).toBe("Tiếng Việt");
    await page.reload();
    await page.getByText("Switched to English.").waitFor();
    expect(await page.locator("#lang").textContent()).toBe("Tiếng Việt");
    await page.close();
  });
});
