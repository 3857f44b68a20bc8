import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";

describe("loadConfig", () => {
  it("names every wrong variable in one message", () => {
    const result = loadConfig({
      PORT: "ninety",
      TELEGRAM_BOT_TOKEN: "not-a-token",
      DEFAULT_LOCALE: "fr",
      ADMIN_IDS: "telegram:1,nonsense",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain("PORT");
    expect(result.message).toContain("TELEGRAM_BOT_TOKEN");
    expect(result.message).toContain("DEFAULT_LOCALE");
    expect(result.message.split("\n")[0]).toBe("ChoEm cannot start: the configuration has problems.");
  });

  it("reports mode-specific problems together", () => {
    const result = loadConfig({
      PUBLIC_URL: "https://choem.example.vn",
      TELEGRAM_BOT_TOKEN: "123:abc",
      ZALO_BOT_TOKEN: "456:def",
      ZALO_OA_APP_ID: "app-only",
      ADMIN_IDS: "nonsense",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    for (const name of [
      "TELEGRAM_WEBHOOK_SECRET",
      "ZALO_WEBHOOK_SECRET",
      "ZALO_OA_SECRET_KEY",
      "ADMIN_IDS",
    ]) {
      expect(result.message).toContain(name);
    }
  });

  it("refuses web chat ids as staff: anyone can open a web chat", () => {
    const result = loadConfig({ ADMIN_IDS: "telegram:1, WebChat:abc" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain('"WebChat:abc" is refused: staff sign in via the staff console');
    expect(result.message).not.toContain("telegram:1");
  });

  it("parses a good configuration into typed values with the contract's defaults", () => {
    const result = loadConfig({
      PORT: "8080",
      TELEGRAM_BOT_TOKEN: "123:abc-DEF",
      TELEGRAM_API_ROOT: "http://127.0.0.1:9000/",
      ADMIN_IDS: "telegram:123, zalo:abc",
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { config } = result;
    expect(config.port).toBe(8080);
    expect(config.publicUrl).toBe("http://localhost:8080");
    expect(config.telegram).toEqual({
      token: "123:abc-DEF",
      apiRoot: "http://127.0.0.1:9000",
      mode: "polling",
      webhookSecret: undefined,
    });
    expect(config.zalo).toBeUndefined();
    expect(config.adminIds).toEqual([
      { channel: "telegram", id: "123" },
      { channel: "zalo", id: "abc" },
    ]);
    expect(config.defaultLocale).toBe("vi");
    expect(config.webChatEnabled).toBe(false);
    expect(config.localMongo).toBe("auto");
  });

  it("takes CHOEM_LOCAL_MONGO as auto, sqlite or postgresql and names anything else", () => {
    const forced = loadConfig({ CHOEM_LOCAL_MONGO: "sqlite" });
    expect(forced.ok && forced.config.localMongo).toBe("sqlite");
    const wrong = loadConfig({ CHOEM_LOCAL_MONGO: "mysql" });
    expect(wrong.ok).toBe(false);
    if (wrong.ok) return;
    expect(wrong.message).toContain("CHOEM_LOCAL_MONGO: must be auto, sqlite or postgresql");
  });

  it("defaults to webhooks behind a public URL and to the web chat without tokens", () => {
    const withToken = loadConfig({
      PUBLIC_URL: "https://choem.example.vn",
      CLIP_LINK_SECRET: "a-long-enough-clip-secret",
      ZALO_BOT_TOKEN: "1:x",
      ZALO_WEBHOOK_SECRET: "long-enough-secret",
    });
    expect(withToken.ok && withToken.config.zalo?.mode).toBe("webhook");
    const bare = loadConfig({});
    expect(bare.ok && bare.config.webChatEnabled).toBe(true);
    expect(bare.ok && bare.config.mongodbUri).toBeUndefined();
  });
});

describe("loadConfig: the HTTP edge", () => {
  it("binds loopback by default and keeps metrics on a loopback port of their own", () => {
    const result = loadConfig({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.host).toBe("127.0.0.1");
    expect(result.config.metrics).toEqual({ host: "127.0.0.1", port: 9464 });
    expect(result.config.trustProxy).toBe(false);
  });

  it("reads HOST, METRICS_* and TRUST_PROXY, and refuses metrics on the public port", () => {
    const result = loadConfig({
      HOST: "0.0.0.0",
      METRICS_PORT: "9100",
      METRICS_HOST: "0.0.0.0",
      TRUST_PROXY: "1",
    });
    expect(result.ok && result.config.host).toBe("0.0.0.0");
    expect(result.ok && result.config.metrics).toEqual({ host: "0.0.0.0", port: 9100 });
    expect(result.ok && result.config.trustProxy).toBe(1);
    const list = loadConfig({ TRUST_PROXY: "10.0.0.0/8, 127.0.0.1" });
    expect(list.ok && list.config.trustProxy).toBe("10.0.0.0/8, 127.0.0.1");
    const clash = loadConfig({ PORT: "3000", METRICS_PORT: "3000" });
    expect(clash.ok).toBe(false);
    if (!clash.ok) expect(clash.message).toContain("METRICS_PORT");
  });
});
