import type { Connection } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { Feature } from "../../src/core/feature.js";
import { wordsField } from "../../src/core/forms/fields.js";
import { createSupportFeature } from "../../src/features/support/feature.js";
import { supportTicketModel } from "../../src/features/support/model.js";
import { connectMongo } from "../../src/storage/mongo.js";
import { connectRedis, type Redis } from "../../src/storage/redis.js";
import { BUTTONS, choicesOf, createHarness, lastOf, NUMBERED } from "../helpers/core-harness.js";
import { silentLogger } from "../helpers/silent-logger.js";
import {
  closeTestStores,
  openTestStores,
  testMongoUri,
  testRedisUrl,
  uniqueName,
} from "../helpers/stores.js";

/** A small form of this test's own, for the input kinds the support form does not use. */
const completed: Array<Record<string, unknown>> = [];
const surveyFeature: Feature = {
  name: "survey",
  commands: { survey: (turn, _args, tools) => tools.dialogs.start(turn, "survey") },
  forms: [
    {
      id: "survey",
      titleKey: "support-title",
      steps: [
        {
          id: "needs",
          prompt: "support-topic-prompt",
          input: {
            kind: "multi-choice",
            options: ({ t }) =>
              ["device", "connectivity", "other"].map((v) => ({ value: v, label: t(`support-topic-${v}`) })),
          },
        },
        {
          id: "other",
          prompt: "support-question-prompt",
          when: (values) => (values.needs as string[]).includes("other"),
          input: { kind: "text", schema: wordsField(2, 50) },
        },
        {
          id: "count",
          prompt: "support-question-prompt",
          input: {
            kind: "text",
            schema: z.string().transform(Number).pipe(z.number().int().min(1, "error-invalid")),
          },
        },
      ],
      async complete({ values }) {
        completed.push(values);
        return [{ kind: "text", text: "survey done" }];
      },
    },
  ],
};

describe("the dialog engine through the pipeline", () => {
  let redis: Redis;
  let mongo: Connection;
  const prefix = `${uniqueName("t")}:`;
  const harness = (capabilities = BUTTONS) =>
    createHarness({
      redis,
      mongo,
      prefix,
      features: [createSupportFeature(mongo), surveyFeature],
      capabilities,
    });

  beforeAll(async () => {
    ({ redis, mongo } = await openTestStores());
  });
  afterAll(() => closeTestStores({ redis, mongo }));

  it("walks the support form with buttons, explaining every bad answer and keeping the good ones", async () => {
    const h = harness();
    const chat = "2001";
    const menu = await h.say("/start", chat);
    expect(h.texts(menu)).toContain("Xin chào! Đây là ChoEm");
    expect(choicesOf(lastOf(menu))).toContain("menu:support");

    expect(h.texts(await h.say({ kind: "choice", value: "menu:support" }, chat))).toContain(
      "Anh/chị muốn hỏi về việc gì?",
    );
    expect(h.texts(await h.say({ kind: "text", text: "mua vé máy bay" }, chat))).toContain(
      "Xin chọn một trong các lựa chọn",
    );
    expect(h.texts(await h.say({ kind: "choice", value: "device" }, chat))).toContain("Anh/chị viết câu hỏi");
    expect(h.texts(await h.say("😀😀😀😀😀", chat))).toContain("ChoEm cần câu trả lời bằng chữ");
    expect(h.texts(await h.say("Con tôi học lớp 6 chưa có máy", chat))).toContain("số điện thoại");
    expect(h.texts(await h.say("0212 345 678", chat))).toContain("máy bàn");
    expect(h.texts(await h.say("0912 34", chat))).toContain("10 chữ số");
    const summary = await h.say("0912.345.678", chat);
    expect(h.texts(summary)).toContain("Con tôi học lớp 6 chưa có máy");
    expect(h.texts(summary)).toContain("Xin máy tính");
    expect(choicesOf(lastOf(summary))).toEqual([
      "nav:confirm",
      "nav:edit:topic",
      "nav:edit:question",
      "nav:edit:phone",
      "nav:back",
      "nav:cancel",
    ]);

    const done = h.texts(await h.say({ kind: "choice", value: "nav:confirm" }, chat));
    expect(done).toMatch(/Mã câu hỏi của anh\/chị: HT-[A-Z0-9]{6}/);
    expect(done).toContain("0912 345 678");
    const tickets = await supportTicketModel(mongo).find({ chatId: chat }).lean();
    expect(tickets).toHaveLength(1);
    expect(tickets[0]).toMatchObject({
      topic: "device",
      phone: "+84912345678",
      question: "Con tôi học lớp 6 chưa có máy",
    });
  });

  it("reads numbers and typed words where there are no buttons, with back and cancel", async () => {
    const h = harness(NUMBERED);
    const chat = "2002";
    const menu = lastOf(await h.say("/start", chat));
    const position = choicesOf(menu).indexOf("menu:support") + 1;
    expect(menu?.kind === "text" && menu.hint).toMatch(/^Trả lời/);

    expect(h.texts(await h.say(String(position), chat))).toContain("Anh/chị muốn hỏi về việc gì?");
    expect(h.texts(await h.say("ket noi internet", chat))).toContain("Anh/chị viết câu hỏi");
    const typedNav = h.texts(await h.say("quay lại", chat));
    expect(typedNav).toContain("Anh/chị muốn hỏi về việc gì?");
    expect(h.texts(await h.say("2", chat))).toContain("(Gõ “quay lại” để sửa câu trước");
    // A number in a free-text step is an answer, not option 1.
    expect(h.texts(await h.say("1", chat))).toContain("Câu trả lời hơi ngắn");
    expect(h.texts(await h.say("Huỷ", chat))).toContain("Đã huỷ");
    expect(await supportTicketModel(mongo).countDocuments({ chatId: chat })).toBe(0);
  });

  it("supports several picks, branches on them, and skips steps that do not apply", async () => {
    const h = harness(NUMBERED);
    const chat = "2003";
    await h.say("/survey", chat);
    expect(h.texts(await h.say("1, 9", chat))).toContain("Xin chọn trong danh sách");
    expect(h.texts(await h.say("1, 2", chat))).toContain("Anh/chị viết câu hỏi");
    await h.say("abc", chat);
    expect(h.texts(await h.say("ba", chat))).toContain("Câu trả lời chưa đúng dạng");
    expect(h.texts(await h.say("3", chat))).toContain("Kết nối Internet");
    expect(h.texts(await h.say("1", chat))).toContain("survey done");
    expect(completed.at(-1)).toEqual({ needs: ["device", "connectivity"], count: 3 });

    const b = harness(BUTTONS);
    await b.say("/survey", "2004");
    await b.say({ kind: "choice", value: "other" }, "2004");
    const toggled = await b.say({ kind: "choice", value: "device" }, "2004");
    expect(lastOf(toggled)?.kind === "text" && JSON.stringify(lastOf(toggled))).toContain("✓ Xin máy tính");
    expect(h.texts(await b.say({ kind: "choice", value: "nav:done" }, "2004"))).toContain(
      "Anh/chị viết câu hỏi",
    );
  });

  it("resumes where it was after a restart", async () => {
    const chat = "2005";
    const before = harness();
    await before.say("/hoicanbo", chat);
    await before.say({ kind: "choice", value: "class" }, chat);
    const after = harness(); // a new process: new router and pipeline, same Redis
    expect(after.texts(await after.say("/start", chat))).toContain(
      "Anh/chị đang điền dở: câu hỏi gửi cán bộ",
    );
    expect(after.texts(await after.say({ kind: "choice", value: "menu:resume" }, chat))).toContain(
      "Anh/chị viết câu hỏi",
    );
    expect(after.texts(await after.say("Lịch học bù của lớp 7A2?", chat))).toContain("số điện thoại");
  });

  it("shows the menu for an old 'continue' button once the form has ended", async () => {
    const h = harness();
    const chat = "2015";
    await h.say("/hoicanbo", chat);
    await h.say("/huy", chat);
    const replies = await h.say({ kind: "choice", value: "menu:resume" }, chat);
    expect(replies.length).toBeGreaterThan(0);
    expect(choicesOf(lastOf(replies))).toContain("menu:support");
  });

  it("writes once when confirm arrives twice at the same moment", async () => {
    const h = harness();
    const chat = "2006";
    await h.say("/hoicanbo", chat);
    await h.say({ kind: "choice", value: "other" }, chat);
    await h.say("Xin hỏi về thủ tục nhận máy", chat);
    await h.say({ kind: "choice", value: "nav:skip" }, chat);
    const [first, second] = await Promise.all([
      h.say({ kind: "choice", value: "nav:confirm" }, chat),
      h.say({ kind: "choice", value: "nav:confirm" }, chat),
    ]);
    expect(await supportTicketModel(mongo).countDocuments({ chatId: chat })).toBe(1);
    const both = h.texts([...first, ...second]);
    expect(both).toMatch(/HT-[A-Z0-9]{6}/);
    expect(both).toContain("đã được ghi nhận rồi");
  });

  it("handles a duplicate update once", async () => {
    const h = harness();
    const first = await h.say("/start", "2007", "same-update");
    const again = await h.say("/start", "2007", "same-update");
    expect(first.length).toBeGreaterThan(0);
    expect(again).toEqual([]);
  });

  it("keeps state whole when two updates of one chat arrive together", async () => {
    const h = harness();
    const chat = "2008";
    await h.say("/hoicanbo", chat);
    await Promise.all([
      h.say({ kind: "choice", value: "device" }, chat),
      h.say("Nhà em chưa có máy tính ạ", chat),
    ]);
    const summary = h.texts(await h.say({ kind: "choice", value: "nav:skip" }, chat));
    expect(summary).toContain("Nhà em chưa có máy tính ạ");
    expect(summary).toContain("Xin máy tính");
  });

  it("answers a person who sends too fast politely, once", async () => {
    const h = createHarness({ redis, mongo, prefix, features: [], rateLimit: { max: 2, windowSeconds: 60 } });
    const replies = [];
    for (let i = 0; i < 5; i++) replies.push(h.texts(await h.say("/help", "2009")));
    expect(replies.filter((r) => r.includes("Anh/chị gửi hơi nhanh"))).toHaveLength(1);
    // Held, not answered now (test/core/held-messages.test.ts follows them to their answers).
    expect(replies.slice(3)).toEqual(["", ""]);
    await h.close();
  });

  it("switches language and asks the current question again in it", async () => {
    const h = harness();
    const chat = "2010";
    await h.say("/hoicanbo", chat);
    const switched = h.texts(await h.say("/language en", chat));
    expect(switched).toContain("Switched to English.");
    expect(switched).toContain("What is your question about?");
    expect(h.texts(await h.say("/help", chat))).toContain("Commands:");
  });

  it("says sorry in the person's language when a feature fails, and keeps the form", async () => {
    const broken: Feature = {
      name: "broken",
      commands: {
        boom: async () => {
          throw new Error("a bug");
        },
      },
    };
    const h = createHarness({ redis, mongo, prefix, features: [createSupportFeature(mongo), broken] });
    await h.say("/hoicanbo", "2012");
    await h.say({ kind: "choice", value: "device" }, "2012");
    expect(h.texts(await h.say("/boom", "2012"))).toContain("Xin lỗi, ChoEm vừa gặp trục trặc");
    expect(h.texts(await h.say("Nhà có hai con đang học", "2012"))).toContain("số điện thoại");
  });

  it("gives a gentle hint for stickers and anything it cannot read", async () => {
    const h = harness();
    expect(h.texts(await h.say({ kind: "unsupported", what: "sticker" }, "2011"))).toContain("nhãn dán");
    await h.say("/hoicanbo", "2011");
    const photo = { kind: "photo" as const, file: { channel: "telegram" as const, fileId: "f1" } };
    expect(h.texts(await h.say(photo, "2011"))).toContain("Xin chọn một trong các lựa chọn");
  });
});

describe("inbound text normalization", () => {
  it("stores decomposed Vietnamese as NFC with spaces collapsed", async () => {
    const redis = await connectRedis(testRedisUrl(), silentLogger());
    const mongo = await connectMongo(testMongoUri(), silentLogger());
    const h = createHarness({
      redis,
      mongo,
      prefix: `${uniqueName("n")}:`,
      features: [createSupportFeature(mongo)],
    });
    await h.say("/hoicanbo", "3001");
    await h.say({ kind: "choice", value: "device" }, "3001");
    const summary = await h.say("  Cháu   Nguyễn Thị Hà  cần máy ".normalize("NFD"), "3001");
    await h.say({ kind: "choice", value: "nav:skip" }, "3001");
    expect(h.texts(summary)).toContain("số điện thoại");
    await h.say({ kind: "choice", value: "nav:confirm" }, "3001");
    const ticket = await supportTicketModel(mongo).findOne({ chatId: "3001" }).lean();
    expect(ticket?.question).toBe("Cháu Nguyễn Thị Hà cần máy");
    await mongo.dropDatabase();
    await mongo.close();
    redis.disconnect();
  });
});
