/**
 * Signing in to the staff console through the chat, as a staff member does it: by the link
 * /dangnhap answers with, or by the code the page shows. Links and codes are single use, only
 * staff get them, a forged form post is refused, and sessions can be ended from the console.
 */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Driver, telegramDriver } from "../helpers/channel-drivers.js";
import { type ConsoleClient, consoleClient, linkIn, signInByLink } from "../helpers/console-client.js";
import { type PlatformApp, startPlatformApp, TELEGRAM_SECRET } from "../helpers/platform-app.js";

describe("console sign-in", () => {
  let platform: PlatformApp;
  let admin: Driver;
  let parent: Driver;

  beforeAll(async () => {
    platform = await startPlatformApp({ ADMIN_IDS: "telegram:900" });
    admin = telegramDriver(platform.app.server, platform.telegram, TELEGRAM_SECRET, 900);
    parent = telegramDriver(platform.app.server, platform.telegram, TELEGRAM_SECRET, 901);
  });
  afterAll(() => platform.close());

  const fresh = (): ConsoleClient => consoleClient(platform.app.server);

  it("sends the console's pages to the sign-in page until someone signs in", async () => {
    const page = await fresh().get("/console");
    expect(page.status).toBe(303);
    expect(page.headers.location).toBe("/console/signin");
  });

  it("signs a staff member in by the link /dangnhap answers with, once", async () => {
    const answer = await admin.say("/dangnhap");
    expect(answer).toContain("dùng một lần");
    const link = linkIn(answer);
    const browser = fresh();
    // Opening the link (as a chat app's preview does) shows a button and spends nothing.
    const shown = await browser.get(`/console/signin?link=${link}`);
    expect(shown.body).toContain("Đăng nhập");
    await fresh().get(`/console/signin?link=${link}`);
    const done = await browser.post("/console/signin/link", { link });
    expect(done).toMatchObject({ status: 303, location: "/console" });
    const home = await browser.get("/console");
    expect(home.status).toBe(200);
    expect(home.body).toContain("Xin chào");
    expect(home.body).toContain("toàn tỉnh");

    const again = fresh();
    await again.get(`/console/signin?link=${link}`);
    const reused = await again.post("/console/signin/link", { link });
    expect(reused.status).toBe(400);
    expect(reused.body).toContain("đã dùng rồi hoặc đã hết hạn");
    expect((await again.get("/console")).status).toBe(303);
  });

  it("refuses a link whose ten minutes have run out", async () => {
    const link = linkIn(await admin.say("/dangnhap"));
    const key = `${platform.app.prefix}console:link:${createHash("sha256").update(link).digest("hex")}`;
    await platform.app.redis.pexpire(key, 1);
    while ((await platform.app.redis.exists(key)) === 1) await new Promise((r) => setImmediate(r));
    const browser = fresh();
    await browser.get(`/console/signin?link=${link}`);
    const late = await browser.post("/console/signin/link", { link });
    expect(late.status).toBe(400);
    expect(late.body).toContain("đã hết hạn");
  });

  it("answers /dangnhap and sign-in codes from people who are not staff with a refusal", async () => {
    expect(await parent.say("/dangnhap")).toContain("chỉ dành cho cán bộ");
    const browser = fresh();
    const page = await browser.get("/console/signin");
    const code = page.body.match(/DN-[A-Z0-9]{6}/)?.[0];
    expect(code).toBeDefined();
    expect(await parent.say(code!)).toContain("chỉ dành cho cán bộ");
    const poll = await browser.get("/console/signin/code");
    expect(poll.body).toContain(code!);
    expect(poll.headers["hx-redirect"]).toBeUndefined();
  });

  it("signs in the browser that shows a code once staff send it to the bot, and only that browser", async () => {
    const browser = fresh();
    const page = await browser.get("/console/signin");
    const code = page.body.match(/DN-[A-Z0-9]{6}/)![0];
    const waiting = await browser.get("/console/signin/code");
    expect(waiting.body).toContain(code);

    expect(await admin.say(code.toLowerCase().replace("-", " "))).toContain("Đã đăng nhập");
    // Someone who copied the code from the screen has not the browser's secret.
    const onlooker = fresh();
    onlooker.setCookie("choem_console_code", `${code}.${"x".repeat(43)}`);
    const stolen = await onlooker.get("/console/signin/code");
    expect(stolen.headers["hx-redirect"]).toBeUndefined();

    const signed = await browser.get("/console/signin/code");
    expect(signed.headers["hx-redirect"]).toBe("/console");
    expect((await browser.get("/console")).body).toContain("Xin chào");
    // Spent: sending it again binds nothing.
    expect(await admin.say(code)).toContain("hết hạn");
  });

  it("refuses a form posted without the page's CSRF token and keeps the session", async () => {
    const browser = fresh();
    await signInByLink(browser, admin);
    const forged = await browser.post("/console/signout", {}, "forged-token");
    expect(forged.status).toBe(403);
    expect((await browser.get("/console")).status).toBe(200);
    const none = await browser.post("/console/account/sessions/end-all", {}, "");
    expect(none.status).toBe(403);
    expect((await browser.get("/console")).status).toBe(200);
  });

  it("lists one's sessions and signs out everywhere", async () => {
    const phone = fresh();
    const desktop = fresh();
    await signInByLink(phone, admin);
    await signInByLink(desktop, admin);
    const account = await desktop.get("/console/account");
    expect(account.body).toContain("máy này");
    expect((account.body.match(/console-session|<tr>/g) ?? []).length).toBeGreaterThanOrEqual(2);
    const out = await desktop.post("/console/account/sessions/end-all", {});
    expect(out).toMatchObject({ status: 303, location: "/console/signin" });
    expect((await phone.get("/console")).status).toBe(303);
    expect((await desktop.get("/console")).status).toBe(303);
  });

  it("writes every sign-in to the audit log", async () => {
    const browser = fresh();
    await signInByLink(browser, admin);
    const log = await browser.get("/console/audit?action=console:sign-in");
    expect(log.status).toBe(200);
    expect(log.body).toContain("telegram:900");
    expect(log.body).toContain("link");
  });
});
