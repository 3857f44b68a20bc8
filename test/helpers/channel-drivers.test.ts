/**
 * The drivers the transcripts stand on: a tap on an option the bot did not offer must fail the
 * test with what was offered, and send nothing; typing the label instead would let the dialog's
 * text fallback hide a lost button.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningApp } from "../../src/app.js";
import { type Driver, telegramDriver, webChatDriver, zaloDriver, zaloOaDriver } from "./channel-drivers.js";
import {
  OA_SECRET_KEY,
  type PlatformApp,
  startPlatformApp,
  startWebChatApp,
  TELEGRAM_SECRET,
  ZALO_SECRET,
} from "./platform-app.js";

describe("channel drivers", () => {
  let platform: PlatformApp;
  let web: RunningApp;

  beforeAll(async () => {
    [platform, web] = await Promise.all([startPlatformApp(), startWebChatApp()]);
  });
  afterAll(async () => {
    await web.mongo.dropDatabase();
    await Promise.all([platform.close(), web.close()]);
  });

  let chats = 0;
  /** A driver on a chat of its own, and how much went between the person and the bot so far (to prove nothing did). */
  type Case = [name: string, make: () => { driver: Driver; traffic: () => Promise<number> }];
  const cases: Case[] = [
    [
      "telegram",
      () => ({
        driver: telegramDriver(platform.app.server, platform.telegram, TELEGRAM_SECRET, 6_600_000 + ++chats),
        traffic: async () => platform.telegram.calls().length,
      }),
    ],
    [
      "zalo",
      () => ({
        driver: zaloDriver(platform.app.server, platform.zalo, ZALO_SECRET, `zdriver${++chats}`),
        traffic: async () => platform.zalo.calls().length,
      }),
    ],
    [
      "zalo-oa",
      () => ({
        driver: zaloOaDriver(platform.app.url, platform.zaloOa, OA_SECRET_KEY, `66000000000${++chats}`),
        traffic: async () => platform.zaloOa.calls().length,
      }),
    ],
    [
      "webchat",
      () => {
        const driver = webChatDriver(web.server);
        return {
          driver,
          // The outbox keeps the person's own messages too: a typed label would show there.
          traffic: async () => (await driver.client.poll()).length,
        };
      },
    ],
  ];

  describe.each(cases)("on %s", (_name, make) => {
    it("throws for a missing option, naming it and what was offered, and sends nothing", async () => {
      const { driver, traffic } = make();
      expect(await driver.say("/start")).toContain("Xin chào! Đây là ChoEm");
      const before = await traffic();
      await expect(driver.choose("Nút không có")).rejects.toThrow(
        /no option "Nút không có" to tap; on offer: "💻 Xin máy tính cho con", .*"🔎 Tra cứu đơn"/,
      );
      await expect(driver.pick(["Cũng không có"])).rejects.toThrow(/no option "Cũng không có" to tap/);
      // Contained in two labels: which one a person would tap is not known, so neither is.
      await expect(driver.choose("của tôi")).rejects.toThrow(/more than one option "của tôi"/);
      expect(await traffic()).toBe(before);
      // What was offered still works.
      expect(await driver.choose("Xin máy tính cho con")).toContain("Trước khi bắt đầu");
    });

    it("offers only what the last step offered, not an earlier message's options", async () => {
      const { driver, traffic } = make();
      await driver.say("/start");
      expect(await driver.choose("Hỗ trợ kết nối")).toContain("Trước khi bắt đầu");
      const before = await traffic();
      await expect(driver.choose("Hỗ trợ kết nối")).rejects.toThrow(
        /no option "Hỗ trợ kết nối" to tap; on offer: "Tôi đồng ý", "Không đồng ý"/,
      );
      expect(await traffic()).toBe(before);
      // An exact label wins over the others containing it.
      expect(await driver.choose("Tôi đồng ý")).toContain("vấn đề gì về kết nối");
    });
  });
});
