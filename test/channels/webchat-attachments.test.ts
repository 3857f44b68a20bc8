/**
 * The web chat as a real channel beside Telegram: a teacher working in the browser attaches a
 * PDF, pushes it as a lesson to a class, and a parent on Telegram receives it and can open the
 * very same file through ChoEm's signed link (kept in GridFS). Headless Chromium, the whole app.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schoolYearOptions } from "../../src/features/classes/fields.js";
import { launchBrowser } from "../helpers/browser.js";
import { telegramDriver } from "../helpers/channel-drivers.js";
import { type PlatformApp, startPlatformApp, TELEGRAM_SECRET } from "../helpers/platform-app.js";

const STAFF = 940001;
const PARENT = 940002;
// A small but real PDF: what a teacher's "Bài 5" might be.
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

describe("a lesson file attached in the web chat", () => {
  let platform: PlatformApp;
  let browser: Browser;

  beforeAll(async () => {
    platform = await startPlatformApp({ ADMIN_IDS: `telegram:${STAFF}`, WEB_CHAT: "on" });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  it("reaches a Telegram parent as a link that opens the same PDF", { timeout: 60_000 }, async () => {
    const { app, telegram } = platform;
    const staff = telegramDriver(app.server, telegram, TELEGRAM_SECRET, STAFF);
    const invite = (await staff.say("/magv 79001")).match(/GV-[A-Z0-9]{6}/)?.[0];

    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(app.url);
    const log = page.getByRole("log");
    const type = async (text: string) => {
      await page.getByRole("textbox").fill(text);
      await page.keyboard.press("Enter");
    };
    const tap = (name: string) => log.getByRole("button", { name }).last().click();
    await page.getByRole("button", { name: "Bắt đầu" }).click();
    await log.getByText("Xin chào! Đây là ChoEm").waitFor();
    await type(`/giaovien ${invite}`);
    await log.getByText("Trường THCS Chu Văn An", { exact: false }).last().waitFor();
    await type("/taolop");
    await log.getByText("tên lớp", { exact: false }).last().waitFor();
    await type("6a1");
    await tap(schoolYearOptions()[0]!);
    await tap("Không");
    await tap("Xác nhận");
    const created = log.getByText(/LOP-[A-Z0-9]{6}/).last();
    await created.waitFor();
    const classCode = (await created.textContent())?.match(/LOP-[A-Z0-9]{6}/)?.[0];

    const parent = telegramDriver(app.server, telegram, TELEGRAM_SECRET, PARENT);
    await parent.say(`/start lop_${classCode?.slice(4)}`);
    await parent.choose("Tôi đồng ý");
    await parent.say("Nguyễn Thị Hà");
    await parent.choose("Gửi thẳng cho tôi");
    expect(await parent.choose("Xác nhận")).toContain("Anh/chị đã vào lớp 6A1");

    await page
      .locator("#file")
      .setInputFiles({ name: "Bài 5 - Phân số.pdf", mimeType: "application/pdf", buffer: PDF });
    await log.getByText("📎 Bài 5 - Phân số.pdf").waitFor();
    await log.getByText("bài dạy bù", { exact: false }).last().waitFor();
    await tap("Bài học thường");
    await log.getByText("tiêu đề", { exact: false }).last().waitFor();
    await type("Toán – Bài 5: Phân số");
    await tap("Xác nhận");
    await log.getByText(/Đã xếp lịch gửi bài BG-/).waitFor();

    const link = async () =>
      telegram
        .calls("sendMessage")
        .filter((c) => String(c.payload.chat_id) === String(PARENT))
        .map((c) => String(c.payload.text))
        .find((text) => text.includes("/clips/BG-"));
    await expect.poll(link, { timeout: 15_000 }).toBeDefined();
    const text = (await link())!;
    expect(text).toContain("Toán – Bài 5: Phân số");
    expect(text).toContain("Bài 5 - Phân số.pdf");
    const url = new URL(text.match(/https:\/\/\S+/)![0]);
    const opened = await app.server.inject({ method: "GET", url: url.pathname + url.search });
    expect(opened.statusCode).toBe(200);
    expect(opened.headers["content-type"]).toBe("application/pdf");
    expect(opened.rawPayload.equals(PDF)).toBe(true);
    await page.close();
  });

  it("refuses a file type the web chat does not take, and an empty file", async () => {
    const page = await browser.newPage();
    await page.goto(platform.app.url);
    await page.getByRole("button", { name: "Bắt đầu" }).click();
    await page.getByText("Xin chào! Đây là ChoEm").waitFor();
    const post = (type: string, body: string) =>
      page.evaluate(
        async ([contentType, data]) =>
          (
            await fetch("/webchat/api/files?id=abcdefgh12&name=x", {
              method: "POST",
              headers: { "content-type": contentType! },
              body: data!,
            })
          ).status,
        [type, body],
      );
    expect(await post("text/html", "<script>alert(1)</script>")).toBe(415);
    expect(await post("application/pdf", "")).toBe(400);
    await page.close();
  });
});
