import Fastify, { type FastifyInstance } from "fastify";
import type { Browser, BrowserContext } from "playwright-core";
import QRCode from "qrcode";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWebChatChannel } from "../../../src/channels/webchat/adapter.js";
import type { Channel } from "../../../src/core/channel.js";
import type { InboundMessage } from "../../../src/core/messages.js";
import { Redis } from "../../../src/storage/redis.js";
import { launchBrowser } from "../../helpers/browser.js";
import { silentLogger } from "../../helpers/silent-logger.js";
import { testRedisUrl, uniqueName } from "../../helpers/stores.js";

const MENU = [
  { value: "device", label: "Xin thiết bị" },
  { value: "sim", label: "Xin gói data" },
  { value: "donate", label: "Ủng hộ" },
];

/** A stand-in for the core: a menu on /start, then it names the choice or echoes the text. */
async function answer(channel: Channel, message: InboundMessage): Promise<void> {
  const { content, chatId } = message;
  if (content.kind === "command" && content.command === "start") {
    await channel.send(chatId, {
      kind: "text",
      text: "Chào mừng đến với ChoEm! Bạn cần gì?",
      choices: [MENU],
    });
  } else if (content.kind === "choice") {
    const label = MENU.find((option) => option.value === content.value)?.label ?? content.value;
    await channel.send(chatId, { kind: "text", text: `Bạn đã chọn: ${label}. Hãy cho biết tên trường.` });
  } else if (content.kind === "text") {
    await channel.send(chatId, { kind: "text", text: `Bạn viết: ${content.text}` });
  }
}

describe("web chat page in Chromium", () => {
  let redis: Redis;
  let server: FastifyInstance;
  let browser: Browser;
  let context: BrowserContext;
  let url: string;
  let channel: Channel;
  /** The conversation the first test starts; the later ones open it again in the same browser. */
  let chatId: string | undefined;
  const received: InboundMessage[] = [];

  beforeAll(async () => {
    redis = new Redis(testRedisUrl());
    channel = createWebChatChannel({
      redis,
      keyPrefix: `${uniqueName("webchat_browser")}:`,
      logger: silentLogger(),
      // Short, so a page notices an erased session soon.
      longPollMs: 2000,
      onIgnored: () => {},
      onInbound: async (message) => {
        received.push(message);
        await answer(channel, message);
      },
    });
    server = Fastify();
    await server.register(channel.routes!);
    url = await server.listen({ port: 0, host: "127.0.0.1" });
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
    await redis?.quit();
  });

  it("waits for the person before starting, runs a conversation by keyboard and keeps it across a reload", {
    timeout: 60_000,
  }, async () => {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });
    page.on("request", (request) => {
      if (!request.url().startsWith(url) && !request.url().startsWith("data:")) problems.push(request.url());
    });

    await page.goto(url);
    const log = page.getByRole("log");
    // The page greets on its own: nothing reaches the core before the person taps.
    await page.getByRole("button", { name: "Bắt đầu" }).waitFor();
    expect(received).toEqual([]);
    await page.getByRole("button", { name: "Bắt đầu" }).press("Enter");
    await log.getByText("Chào mừng đến với ChoEm!").waitFor();

    const choice = page.getByRole("button", { name: "Xin gói data" });
    await choice.focus();
    await page.keyboard.press("Enter");
    await log.getByText("Bạn đã chọn: Xin gói data.", { exact: false }).waitFor();
    await expect(log.locator(".msg.user").last().textContent()).resolves.toBe("Xin gói data");

    const input = page.getByPlaceholder("Nhập tin nhắn…");
    await input.fill("Trường THCS Chu Văn An");
    await input.press("Enter");
    await log.getByText("Bạn viết: Trường THCS Chu Văn An").waitFor();
    await expect(input.inputValue()).resolves.toBe("");
    await page.screenshot({ path: "/tmp/webchat.png" });

    const bubbles = () => log.locator(".msg").allTextContents();
    const before = await bubbles();
    expect(before).toEqual([
      "ChoEm xin chào anh/chị!Bấm “Bắt đầu” để xem ChoEm giúp được những gì.Bắt đầu",
      "Chào mừng đến với ChoEm! Bạn cần gì?Xin thiết bịXin gói dataỦng hộ",
      "Xin gói data",
      "Bạn đã chọn: Xin gói data. Hãy cho biết tên trường.",
      "Trường THCS Chu Văn An",
      "Bạn viết: Trường THCS Chu Văn An",
    ]);
    chatId = received[0]?.chatId;
    // The key to the conversation is out of the page's reach: an httpOnly cookie.
    const [cookie, ...others] = await context.cookies();
    expect(others).toEqual([]);
    expect(cookie).toMatchObject({ name: "choem_webchat", httpOnly: true, sameSite: "Strict" });
    expect(await page.evaluate(() => document.cookie)).toBe("");

    await page.reload();
    await log.getByText("Bạn viết: Trường THCS Chu Văn An").waitFor();
    // The history, without the page's own greeting, which the server never kept.
    expect(await bubbles()).toEqual(before.slice(1));

    // One /start only: a reload with history resumes instead of starting over.
    expect(received.map((message) => message.content.kind)).toEqual(["command", "choice", "text"]);
    expect(new Set(received.map((message) => message.chatId))).toEqual(new Set([chatId]));
    expect(problems).toEqual([]);
    await page.close();
  });

  it("shows photos from the server and switches the language by command", { timeout: 30_000 }, async () => {
    const page = await context.newPage();
    await page.goto(url);
    const log = page.getByRole("log");
    await log.getByText("Bạn viết: Trường THCS Chu Văn An").waitFor();

    const qr = await QRCode.toBuffer("https://example.org/ung-ho", { type: "png" });
    const data = { kind: "bytes" as const, data: qr, fileName: "qr.png", mimeType: "image/png" };
    await channel.send(chatId!, { kind: "media", media: "photo", source: data, caption: "Mã QR ủng hộ" });
    const image = log.getByRole("img");
    await image.waitFor();
    await expect(
      image.evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth)),
    ).resolves.toBeGreaterThan(0);
    await log.getByText("Mã QR ủng hộ").waitFor();

    received.length = 0;
    await page.getByRole("button", { name: "English" }).press("Enter");
    await page.getByRole("button", { name: "Tiếng Việt" }).waitFor();
    await expect
      .poll(() => received.map((message) => message.content))
      .toEqual([{ kind: "command", command: "language", args: "en" }]);
    expect(received[0]?.languageCode).toBe("en");
    await page.close();
  });

  it("keeps a message that did not go out on screen and sends it with one tap", {
    timeout: 30_000,
  }, async () => {
    const page = await context.newPage();
    await page.goto(url);
    const log = page.getByRole("log");
    await log.getByText("Mã QR ủng hộ").waitFor();
    // The server refuses the next post once (a proxy's error page, say).
    let refused = 0;
    await page.route(`${url}/webchat/api/messages`, (route) => {
      if (route.request().method() !== "POST" || refused > 0) return route.fallback();
      refused++;
      return route.fulfill({ status: 400, body: "{}" });
    });
    received.length = 0;
    const input = page.getByRole("textbox");
    await input.fill("Con học lớp 7A2");
    await input.press("Enter");
    const retry = log.getByRole("button", { name: /Chưa gửi được|Not sent/ });
    await retry.waitFor();
    expect(received).toEqual([]);
    // Still typed out in the bubble: nothing the person wrote is lost.
    await expect(log.locator(".msg.user.failed").last().textContent()).resolves.toContain("Con học lớp 7A2");
    await retry.click();
    await log.getByText("Bạn viết: Con học lớp 7A2").waitFor();
    expect(received.map((message) => message.content)).toEqual([{ kind: "text", text: "Con học lớp 7A2" }]);
    expect(await log.locator(".msg.failed").count()).toBe(0);
    await page.close();
  });

  it("shows the erasure's confirmation and starts a new conversation by itself when the old one is erased", {
    timeout: 30_000,
  }, async () => {
    const page = await context.newPage();
    await page.goto(url);
    const log = page.getByRole("log");
    await log.getByText("Mã QR ủng hộ").waitFor();
    expect(await channel.forget!(chatId!, "Đã xoá dữ liệu của anh/chị.")).toBeGreaterThan(0);

    // The next poll is refused; the page shows the confirmation it was left, opens a fresh
    // session and greets again.
    await page.getByRole("button", { name: "Bắt đầu" }).waitFor();
    await log.getByText("Đã xoá dữ liệu của anh/chị.").waitFor();
    await expect(log.locator(".msg").count()).resolves.toBe(2);
    received.length = 0;
    await page.getByRole("button", { name: "Bắt đầu" }).click();
    await log.getByText("Chào mừng đến với ChoEm!").waitFor();
    expect(received).toHaveLength(1);
    expect(received[0]?.chatId).not.toBe(chatId);
    await page.close();
  });
});
