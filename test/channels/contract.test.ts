/**
 * The contract suite: the same transcripts, labelled step by step, through the whole app on
 * Telegram, the Zalo Bot Platform and the Zalo OA (webhook in, fake platform out) and the web
 * chat (its HTTP API).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningApp } from "../../src/app.js";
import { type FakeTelegramApi, telegramUpdate } from "../fakes/telegram-api.js";
import type { FakeZaloApi } from "../fakes/zalo-api.js";
import type { FakeZaloOaApi } from "../fakes/zalo-oa-api.js";
import {
  type Driver,
  telegramDriver,
  webChatDriver,
  zaloDriver,
  zaloOaDriver,
} from "../helpers/channel-drivers.js";
import {
  capturingLogger,
  OA_SECRET_KEY,
  type PlatformApp,
  startPlatformApp,
  startWebChatApp,
  TELEGRAM_SECRET,
  ZALO_SECRET,
} from "../helpers/platform-app.js";
import { uniqueName } from "../helpers/stores.js";

type Step = [label: string, act: (d: Driver) => Promise<string>, expected: string | RegExp];

/** The optional class: "Bỏ qua" is a button where there are buttons; else the prompt says to type it. */
const askClass = async (d: Driver) => {
  const asked = await d.choose("Trường THCS Chu Văn An");
  if (!d.buttons) expect(asked).toContain("Gõ “bỏ qua”");
  return asked;
};
const skip = (d: Driver) => (d.buttons ? d.choose("Bỏ qua") : d.say("bỏ qua"));

const deviceRequest = (child: string, phone: string): Step[] => [
  ["the welcome menu", (d) => d.say("/start"), "Xin chào! Đây là ChoEm"],
  ["the consent notice", (d) => d.choose("Xin máy tính cho con"), "Trước khi bắt đầu"],
  ["the child's name is asked after consent", (d) => d.choose("Tôi đồng ý"), "Họ và tên của con"],
  ["emoji instead of a name is refused", (d) => d.say("🙂🙂"), "Họ tên chỉ gồm chữ cái"],
  ["a real name moves on to the grade", (d) => d.say(child), "Con đang học lớp mấy"],
  ["a grade out of range is refused", (d) => d.say("lớp 15"), "từ 1 đến 12"],
  ["the school is asked", (d) => d.say("lớp 6"), "Con học trường nào"],
  [
    "a name without diacritics finds the school",
    (d) => d.say("thcs chu van an"),
    "Trường của con là trường nào",
  ],
  ["the class is optional", askClass, "Con học lớp nào"],
  ["skipping the class asks the circumstances", skip, "Hoàn cảnh gia đình"],
  ["several circumstances", (d) => d.pick(["Hộ nghèo", "Cha/mẹ mất việc"]), "Con cần loại thiết bị nào"],
  ["the device", (d) => d.choose("Máy tính bảng"), "nhà mình đang có gì"],
  ["what the home has", (d) => d.pick(["Điện thoại dùng chung"]), "qua số di động nào"],
  ["a landline is refused with the reason", (d) => d.say("024 3942 1234"), "số máy bàn"],
  ["the phone leads to the summary", (d) => d.sharePhone(phone), "Máy tính bảng"],
  ["confirming gives the code", (d) => d.choose("Xác nhận"), /Mã đơn của anh\/chị: YC-[A-Z0-9]{6}/],
  ["a platform retry of the confirm is answered once", (d) => d.replayLast(), /^$/],
  ["the request is found by 'Tra cứu'", (d) => d.say("/tracuu"), "mới, chờ xác minh"],
];

const connectivityRequest = (phone: string): Step[] => [
  ["the consent notice", (d) => d.say("/start").then(() => d.choose("Hỗ trợ kết nối")), "Trước khi bắt đầu"],
  ["the problem", (d) => d.choose("Tôi đồng ý"), "vấn đề gì về kết nối"],
  ["a wrong answer is explained", (d) => d.say("mèo"), "chọn một trong các lựa chọn"],
  ["the carrier", (d) => d.choose("gói cước 4G"), "nhà mạng nào"],
  ["the SIM number", (d) => d.choose("Viettel"), "Số điện thoại của SIM"],
  ["a short number is refused", (d) => d.say("0987 65"), "10 chữ số"],
  ["where the family lives", (d) => d.say(phone), "Gia đình đang ở đâu"],
  ["the ward", (d) => d.choose("Nhà trọ"), "phường/xã nào"],
  ["going back keeps earlier answers", (d) => d.say("quay lại"), "Gia đình đang ở đâu"],
  ["the ward again", (d) => d.choose("Nhà trọ"), "phường/xã nào"],
  ["the summary", (d) => d.say("Phường 5, Quận 8"), "Nhà trọ"],
  ["confirming gives the code", (d) => d.choose("Xác nhận"), /Mã đơn của anh\/chị: YC-[A-Z0-9]{6}/],
];

const moneyPledge: Step[] = [
  ["the donor type", (d) => d.say("/start").then(() => d.choose("Ủng hộ")), "Anh/chị ủng hộ với tư cách nào"],
  ["named or anonymous", (d) => d.choose("Cá nhân"), "ghi tên hay ủng hộ ẩn danh"],
  ["what to give", (d) => d.choose("Ẩn danh"), "Anh/chị muốn ủng hộ những gì"],
  ["how much", (d) => d.pick(["Tiền"]), "Anh/chị ủng hộ bao nhiêu tiền"],
  ["nonsense amounts are explained", (d) => d.say("nhiều lắm"), "bao nhiêu tiền"],
  ["news from the programme", (d) => d.say("1,5tr"), "nhận tin từ chương trình"],
  ["the summary shows the amount", (d) => d.choose("Có, tôi muốn nhận tin"), "1.500.000"],
  ["confirming gives the pledge code", (d) => d.choose("Xác nhận"), /mã UH-[A-Z0-9]{6}/],
];

describe("the contract suite on every channel", () => {
  let platform: PlatformApp;
  let web: RunningApp;
  let telegram: FakeTelegramApi;
  let zalo: FakeZaloApi;
  let zaloOa: FakeZaloOaApi;
  let platforms: RunningApp;
  const logs = capturingLogger();

  beforeAll(async () => {
    [platform, web] = await Promise.all([startPlatformApp({}, logs.logger), startWebChatApp()]);
    ({ telegram, zalo, zaloOa, app: platforms } = platform);
  });
  afterAll(async () => {
    await web.mongo.dropDatabase();
    await Promise.all([platform.close(), web.close()]);
  });

  const children = {
    telegram: "Nguyễn Thị Hà",
    zalo: "Trần Minh Khôi",
    "zalo-oa": "Hoàng Bảo Ngọc",
    webchat: "Lê Thu Trang",
  };
  const randomPhone = () => `+8498${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
  const drivers: Array<[keyof typeof children, () => Driver]> = [
    [
      "telegram",
      () => telegramDriver(platforms.server, telegram, TELEGRAM_SECRET, Math.floor(Math.random() * 1e9)),
    ],
    ["zalo", () => zaloDriver(platforms.server, zalo, ZALO_SECRET, uniqueName("z").replace("_", ""))],
    [
      "zalo-oa",
      () => zaloOaDriver(platforms.url, zaloOa, OA_SECRET_KEY, `${Math.floor(Math.random() * 1e15)}`),
    ],
    ["webchat", () => webChatDriver(web.server)],
  ];

  describe.each(drivers)("on %s", (name, makeDriver) => {
    it("files a device request from first message to its code", async () => {
      const driver = makeDriver();
      for (const [label, act, expected] of deviceRequest(children[name], randomPhone())) {
        expect(await act(driver), label).toMatch(expected);
      }
    });

    it("takes an anonymous money pledge", async () => {
      const driver = makeDriver();
      for (const [label, act, expected] of moneyPledge) {
        expect(await act(driver), label).toMatch(expected);
      }
    });

    it("files a connectivity request, going back once", async () => {
      const driver = makeDriver();
      for (const [label, act, expected] of connectivityRequest(randomPhone())) {
        expect(await act(driver), label).toMatch(expected);
      }
    });
  });

  // People on Zalo type rather than tap: every answer as words, lower case, without accents.
  describe("on zalo, typed without a single number", () => {
    const typist = () =>
      zaloDriver(platforms.server, zalo, ZALO_SECRET, uniqueName("zt").replace("_", ""), "words");

    it("files a device request", async () => {
      const driver = typist();
      for (const [label, act, expected] of deviceRequest("Phan Thanh Tâm", randomPhone())) {
        expect(await act(driver), label).toMatch(expected);
      }
    });

    it("takes a money pledge", async () => {
      const driver = typist();
      for (const [label, act, expected] of moneyPledge) {
        expect(await act(driver), label).toMatch(expected);
      }
    });

    it("files a connectivity request", async () => {
      const driver = typist();
      for (const [label, act, expected] of connectivityRequest(randomPhone())) {
        expect(await act(driver), label).toMatch(expected);
      }
    });
  });

  it("shows the menu as buttons on Telegram and as numbered options on Zalo", async () => {
    const t = telegramDriver(platforms.server, telegram, TELEGRAM_SECRET, 5550001);
    await t.say("/start");
    const menu = telegram.calls("sendMessage").at(-1)!.payload;
    expect(JSON.stringify(menu.reply_markup)).toContain("menu:device");
    const z = zaloDriver(platforms.server, zalo, ZALO_SECRET, "zmenu01");
    const text = await z.say("/start");
    expect(text).toMatch(/^1\. 💻 Xin máy tính cho con$/m);
    expect(text).toMatch(/Trả lời bằng số từ 1 đến \d+\./);
  });

  it("counts inbound updates and outbound sends per channel in /metrics", async () => {
    // On the metrics listener: the public one has no /metrics (test/security/http-edge.test.ts).
    const read = async () => (await fetch(`${platforms.metricsUrl}/metrics`)).text();
    const count = (metrics: string, series: string, channel: string, outcome: string) =>
      Number(
        metrics.match(
          new RegExp(`^${series}\\{channel="${channel}",outcome="${outcome}"\\} (\\d+)`, "m"),
        )?.[1] ?? 0,
      );
    const before = await read();
    // Traffic of its own on each platform, so the counts do not rest on the transcripts above.
    for (const [name, makeDriver] of drivers.filter(([name]) => name !== "webchat")) {
      const driver = makeDriver();
      expect(await driver.say("/start"), name).toContain("Xin chào! Đây là ChoEm");
      if (name === "telegram") expect(await driver.replayLast()).toBe("");
    }
    const after = await read();
    for (const channel of ["telegram", "zalo", "zalo-oa"]) {
      for (const [series, outcome] of [
        ["choem_outbound_messages_total", "sent"],
        ["choem_inbound_updates_total", "handled"],
      ] as const) {
        expect(count(after, series, channel, outcome), `${series} ${channel}`).toBeGreaterThan(
          count(before, series, channel, outcome),
        );
      }
    }
    expect(count(after, "choem_inbound_updates_total", "telegram", "duplicate")).toBe(
      count(before, "choem_inbound_updates_total", "telegram", "duplicate") + 1,
    );
  });

  it("writes no token, secret, phone number or child's name to its logs", async () => {
    // A device request of its own on each platform, with names and phones to look for.
    const logged = { telegram: "Võ Hoài An", zalo: "Tạ Minh Châu", "zalo-oa": "Kiều Bảo Long" } as const;
    const from = logs.lines.length;
    for (const [name, makeDriver] of drivers) {
      if (name === "webchat") continue;
      const driver = makeDriver();
      for (const [label, act, expected] of deviceRequest(logged[name], randomPhone())) {
        expect(await act(driver), `${name}: ${label}`).toMatch(expected);
      }
    }
    // The check reads the lines those requests wrote, not an empty log.
    const fresh = logs.lines.slice(from).join("\n");
    for (const platform of ["telegram", "zalo", "zalo-oa"])
      expect(fresh).toContain(`"/webhooks/${platform}"`);

    const text = logs.lines.join("\n");
    const secrets = [
      telegram.token,
      zalo.token,
      TELEGRAM_SECRET,
      ZALO_SECRET,
      OA_SECRET_KEY,
      zaloOa.appSecret,
    ];
    for (const secret of secrets) expect(text).not.toContain(secret);
    for (const name of [...Object.values(logged), ...Object.values(children)])
      expect(text).not.toContain(name);
    expect(text).not.toMatch(/(\+84|\b0)(9\d|3\d|8\d|7\d|5\d)\d{7}\b/);
  });

  it("refuses webhooks with a wrong or missing secret and processes nothing", async () => {
    const before = telegram.calls().length + zalo.calls().length;
    const update = telegramUpdate.command(5550002, "start");
    for (const headers of [{}, { "x-telegram-bot-api-secret-token": "wrong" }]) {
      expect(
        (
          await platforms.server.inject({
            method: "POST",
            url: "/webhooks/telegram",
            headers,
            payload: update,
          })
        ).statusCode,
      ).toBe(401);
    }
    for (const headers of [{}, { "x-bot-api-secret-token": "wrong-secret" }]) {
      expect(
        (await platforms.server.inject({ method: "POST", url: "/webhooks/zalo", headers, payload: {} }))
          .statusCode,
      ).toBe(401);
    }
    expect(telegram.calls().length + zalo.calls().length).toBe(before);
  });
});
