/**
 * The HTTP edge as an outsider meets it, on the whole app: lesson files that cannot run script
 * on ChoEm's origin, signed links accepted in one spelling only, a teacher's link that waits for
 * a tap, throttled guessing, /readyz that answers in time, error bodies without internal text,
 * metrics off the public listener, and security headers on every answer.
 */
import { createServer, type Server } from "node:http";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import type { ClipContent } from "../../src/features/clips/model.js";
import { createClipService } from "../../src/features/clips/service.js";
import { createClipLinks } from "../../src/features/clips/signed-link.js";
import { makePledge } from "../features/pledges/fixtures.js";
import { launchBrowser } from "../helpers/browser.js";
import { capturingLogger, type PlatformApp, startPlatformApp } from "../helpers/platform-app.js";
import { testMongoUri, testRedisUrl, uniqueName } from "../helpers/stores.js";
import { startTcpProxy, type TcpProxy } from "../helpers/tcp-proxy.js";

const PUBLIC_URL = "https://choem.example.vn";
const LINK_SECRET = "test-suite-clip-link-secret";
const HELMET = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "SAMEORIGIN",
  "referrer-policy": "no-referrer",
  "strict-transport-security": expect.stringContaining("max-age="),
  "cross-origin-opener-policy": "same-origin",
  "x-dns-prefetch-control": "off",
} as const;

describe("the HTTP edge of the whole app", () => {
  let platform: PlatformApp;
  let app: RunningApp;
  const logs = capturingLogger();
  const links = createClipLinks({ secret: LINK_SECRET, publicUrl: PUBLIC_URL });
  /** Script in the HTML lesson reports here if it ever runs. */
  let beacon: Server;
  let beaconUrl: string;
  const beaconHits: string[] = [];

  beforeAll(async () => {
    platform = await startPlatformApp(
      {
        VIETQR_BANK_BIN: "970436",
        VIETQR_ACCOUNT_NUMBER: "0071000123456",
        VIETQR_ACCOUNT_NAME: "SO GIAO DUC VA DAO TAO",
      },
      logs.logger,
    );
    app = platform.app;
    beacon = createServer((req, res) => {
      beaconHits.push(req.url ?? "");
      res.end("ok");
    });
    await new Promise<void>((resolve) => beacon.listen(0, "127.0.0.1", resolve));
    const address = beacon.address();
    beaconUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => beacon.close(resolve));
    await platform.close();
  });

  const local = (signed: string) => signed.replace(PUBLIC_URL, app.url);

  async function clip(content: ClipContent): Promise<string> {
    const created = await createClipService(app.mongo).create({
      idempotencyKey: uniqueName("k"),
      teacher: { channel: "telegram", userId: "7001", chatId: "7001", locale: "vi" },
      classIds: ["c1"],
      classNames: ["6A1"],
      makeUp: false,
      title: "Toán – Phân số",
      content,
    });
    return created.code;
  }

  /** A document a teacher sent on Telegram, with what Telegram's file server holds for it. */
  async function document(fileName: string, mimeType: string, body: string): Promise<string> {
    const fileId = uniqueName("doc");
    platform.telegram.addFile(fileId, {
      path: `documents/${fileId}`,
      sizeBytes: body.length,
      body,
      contentType: mimeType,
    });
    return clip({ kind: "document", file: { channel: "telegram", fileId, fileName, mimeType } });
  }

  function expectClipHeaders(response: Response) {
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp.split(";").map((part) => part.trim())).toEqual(
      expect.arrayContaining(["sandbox", "default-src 'none'"]),
    );
  }

  const htmlLesson = () =>
    `<!doctype html><html><head><title>PWNED</title>` +
    `<script>document.title = "RAN"; fetch("${beaconUrl}/script")</script></head>` +
    `<body><h1 id="marker">PWNED</h1><img src="${beaconUrl}/img"></body></html>`;

  it("serves an HTML lesson as a download, with nosniff and a sandboxing policy", async () => {
    const code = await document("bài học.html", "text/html", htmlLesson());
    const response = await fetch(local(links.url(code)));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/octet-stream");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; /);
    expect(response.headers.get("content-disposition")).toContain(
      `filename*=UTF-8''${encodeURIComponent("bài học.html")}`,
    );
    expectClipHeaders(response);
    expect(await response.text()).toContain("PWNED");
  });

  it("shows only pictures, video, sound and PDF inline; SVG, XML and scripts are downloads", async () => {
    const cases: Array<[string, string, string]> = [
      ["image/png", "image/png", "inline"],
      ["video/mp4", "video/mp4", "inline"],
      ["application/pdf", "application/pdf", "inline"],
      ["audio/mpeg", "audio/mpeg", "inline"],
      ["image/svg+xml", "application/octet-stream", "attachment"],
      ["application/xhtml+xml", "application/octet-stream", "attachment"],
      ["text/xml", "application/octet-stream", "attachment"],
      ["text/javascript", "application/octet-stream", "attachment"],
      ["text/html; charset=utf-8", "application/octet-stream", "attachment"],
    ];
    for (const [declared, served, disposition] of cases) {
      const code = await document("tep", declared, "<svg onload=alert(1)>");
      const response = await fetch(local(links.url(code)));
      await response.arrayBuffer();
      expect(response.headers.get("content-type"), declared).toBe(served);
      expect(response.headers.get("content-disposition"), declared).toMatch(new RegExp(`^${disposition}`));
      expectClipHeaders(response);
    }
  });

  describe("in Chromium", () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it("opening the HTML lesson downloads it: nothing of it is rendered and its script never runs", async () => {
      const code = await document("bai-hoc.html", "text/html", htmlLesson());
      const context = await browser.newContext({ acceptDownloads: true });
      const page = await context.newPage();
      const [download] = await Promise.all([
        page.waitForEvent("download", { timeout: 5000 }),
        page.goto(local(links.url(code))).catch(() => undefined),
      ]);
      expect(download.suggestedFilename()).toBe("bai-hoc.html");
      expect(await download.failure()).toBeNull();
      expect(await page.title()).not.toMatch(/PWNED|RAN/);
      expect(await page.locator("#marker").count()).toBe(0);
      await context.close();
      expect(beaconHits).toEqual([]);
    });
  });

  it("refuses every signature that is not exactly the one it wrote, with 403", async () => {
    const code = await clip({ kind: "text", text: "Bài tập về nhà: trang 12, bài 1 đến bài 5 nhé các em." });
    const good = new URL(local(links.url(code)));
    expect((await fetch(good)).status).toBe(200);
    const sig = good.searchParams.get("sig")!;
    const last = sig.at(-1)!;
    const variants = [
      `${sig.slice(0, -1)}${last === "A" ? "B" : "A"}`, // last character flipped
      `${sig.slice(0, -1)}${String.fromCharCode(last.charCodeAt(0) + 1)}`, // same bytes, other spelling
      `${sig}A`,
      `${sig}AAAA`,
      `${sig}=`,
      `${sig}==`,
      ` ${sig}`,
      `${sig}\n`,
      `${sig.slice(0, 5)}.${sig.slice(5)}`,
      sig.replace(/-/g, "+").replace(/_/g, "/"),
      `${sig.slice(0, -1)}`,
      sig.toLowerCase() === sig ? sig.toUpperCase() : sig.toLowerCase(),
    ].filter((variant) => variant !== sig);
    for (const variant of variants) {
      const tampered = new URL(good);
      tampered.searchParams.set("sig", variant);
      const response = await fetch(tampered);
      expect(response.status, JSON.stringify(variant)).toBe(403);
      expectClipHeaders(response);
      expect(await response.text()).not.toContain("Bài tập");
    }
    const twice = `${good.toString()}&sig=${sig}`;
    expect((await fetch(twice)).status).toBe(403);
  });

  it("shows where a teacher's link leads and waits for a tap; javascript: and data: are refused", async () => {
    const code = await clip({ kind: "link", url: "https://k12online.vn/bai-5?lop=6A1" });
    const response = await fetch(local(links.url(code)), { redirect: "manual" });
    expect(response.status).toBe(200);
    expect(response.headers.get("location")).toBeNull();
    expectClipHeaders(response);
    const page = await response.text();
    expect(page).toContain("Bài giảng này mở một trang web khác");
    expect(page).toContain('href="https://k12online.vn/bai-5?lop=6A1"');
    expect(page).toContain("Mở trang k12online.vn");
    expect(page).not.toMatch(/http-equiv|<script/i);

    for (const url of [
      "javascript:alert(document.domain)",
      "JavaScript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "file:///etc/passwd",
      "https://k12online.vn@evil.example/",
    ]) {
      const refused = await fetch(local(links.url(await clip({ kind: "link", url }))), {
        redirect: "manual",
      });
      expect(refused.status, url).toBe(404);
      expect(refused.headers.get("location"), url).toBeNull();
      const body = await refused.text();
      expect(body, url).toContain("Đường link trong bài giảng này không mở được");
      expect(body, url).not.toContain("href=");
    }
  });

  it("keeps signatures out of the request logs", async () => {
    const code = await clip({ kind: "text", text: "Ôn tập chương 2: các em làm đề cương gửi kèm nhé." });
    const signed = links.url(code);
    const sig = new URL(signed).searchParams.get("sig")!;
    await (await fetch(local(signed))).text();
    const lines = logs.lines.filter((line) => line.includes(`/clips/${code}`));
    expect(lines.length).toBeGreaterThan(0);
    expect(logs.lines.join("\n")).not.toContain(sig);
    expect(lines.join("\n")).not.toContain("sig=");
  });

  it("throttles guesses at /vietqr: past 60 a minute every answer is 429, even for a real pledge", async () => {
    const pledge = await makePledge(app.mongo, {
      userId: uniqueName("d"),
      money: { pledgedVnd: 500_000, receivedVnd: 0 },
    });
    const statuses: number[] = [];
    for (let i = 0; i < 200; i++) {
      const guess = `UH-${i.toString(36).toUpperCase().padStart(6, "Z")}`;
      const response = await fetch(`${app.url}/vietqr/${guess}.png`);
      await response.arrayBuffer();
      statuses.push(response.status);
    }
    const first429 = statuses.indexOf(429);
    expect(first429).toBe(60);
    expect(statuses.slice(0, 60).every((status) => status === 404)).toBe(true);
    expect(statuses.slice(first429).every((status) => status === 429)).toBe(true);
    const real = await fetch(`${app.url}/vietqr/${pledge.code}.png`);
    expect(real.status).toBe(429);
    expect(Number(real.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(real.headers.get("content-type")).not.toBe("image/png");
    // HEAD counts with GET: it would tell a real code from a guess just as well.
    expect((await fetch(`${app.url}/vietqr/${pledge.code}.png`, { method: "HEAD" })).status).toBe(429);
  });

  it("serves /metrics on the metrics port only, bound to loopback", async () => {
    expect((await fetch(`${app.url}/metrics`)).status).toBe(404);
    expect(new URL(app.metricsUrl).hostname).toBe("127.0.0.1");
    expect(new URL(app.metricsUrl).port).not.toBe(new URL(app.url).port);
    const scrape = await fetch(`${app.metricsUrl}/metrics`);
    expect(scrape.status).toBe(200);
    expect(await scrape.text()).toContain("choem_http_request_duration_seconds");
  });

  it("puts helmet's headers on pages, JSON and not-found answers", async () => {
    const code = await clip({ kind: "link", url: "https://k12online.vn/bai-6" });
    for (const url of [local(links.url(code)), `${app.url}/api/summary`, `${app.url}/nowhere`]) {
      const response = await fetch(url);
      await response.arrayBuffer();
      for (const [name, value] of Object.entries(HELMET)) {
        expect(response.headers.get(name), `${url} ${name}`).toEqual(value);
      }
    }
    const missing = await fetch(`${app.url}/nowhere`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: "not found" });
  });
});

describe("the HTTP edge when MongoDB fails under a running app", () => {
  let proxy: TcpProxy;
  let app: RunningApp;
  const logs = capturingLogger();

  beforeAll(async () => {
    const real = new URL(testMongoUri());
    proxy = await startTcpProxy({ host: real.hostname, port: Number(real.port) });
    const viaProxy = new URL(real);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    const loaded = loadConfig({
      MONGODB_URI: viaProxy.toString(),
      REDIS_URL: testRedisUrl(),
      PORT: "0",
      METRICS_PORT: "0",
    });
    if (!loaded.ok) throw new Error(loaded.message);
    app = await startApp(loaded.config, logs.logger, { redisPrefix: `${uniqueName("edge")}:` });
  });
  afterAll(async () => {
    await proxy.kill();
    await app.close();
  });

  it("answers /readyz with 503 within its deadline when MongoDB stalls, naming the check", async () => {
    expect((await fetch(`${app.url}/readyz`)).status).toBe(200);
    proxy.stall();
    const started = Date.now();
    const response = await fetch(`${app.url}/readyz`);
    const elapsed = Date.now() - started;
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      status: "not ready",
      checks: { redis: "up", mongodb: "timeout" },
    });
    expect(elapsed).toBeGreaterThanOrEqual(1900);
    expect(elapsed).toBeLessThan(4000);
  });

  it("gives a generic body without addresses or ports when MongoDB is gone", async () => {
    await proxy.kill();
    const response = await fetch(`${app.url}/api/summary`);
    const body = await response.text();
    expect(response.status).toBe(503);
    expect(JSON.parse(body)).toMatchObject({ error: "service unavailable" });
    expect(body).not.toContain("127.0.0.1");
    expect(body).not.toContain(String(proxy.port));
    expect(body).not.toMatch(/Mongo|ECONNREFUSED|localhost/i);
    // Logged in full for whoever runs the service.
    expect(logs.lines.some((line) => line.includes("request failed") && /Mongo/.test(line))).toBe(true);

    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.text()).not.toContain(String(proxy.port));
  }, 30_000);
});
