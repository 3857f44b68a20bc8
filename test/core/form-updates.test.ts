/**
 * A person caught mid-form by a deploy that changed the form, or whose stored session is of an
 * older shape or broken: told once and kindly, keeps the answers that still fit, and can finish.
 * Each "deploy" is a new harness (new router and dialog engine) over the same Redis.
 */
import type { Connection } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FormStep, Values } from "../../src/core/dialog/form.js";
import type { Feature } from "../../src/core/feature.js";
import { localizedOptions, phoneField, wordsField } from "../../src/core/forms/fields.js";
import type { OutboundMessage } from "../../src/core/messages.js";
import type { Redis } from "../../src/storage/redis.js";
import { choicesOf, createHarness, type Harness, lastOf } from "../helpers/core-harness.js";
import { closeTestStores, openTestStores, uniqueName } from "../helpers/stores.js";

const STEP_UPDATED = "ChoEm vừa được cập nhật. Xin trả lời lại câu này";
const FORM_GONE = "phần đang điền dở cần làm lại từ đầu";
const SORRY = "Xin lỗi, ChoEm vừa gặp trục trặc";
const TOPIC_PROMPT = "Anh/chị muốn hỏi về việc gì?";
const QUESTION_PROMPT = "Anh/chị viết câu hỏi";
const PHONE_PROMPT = "Anh/chị có muốn cán bộ gọi lại không?";

const topic = (values = ["device", "connectivity", "other"]): FormStep => ({
  id: "topic",
  prompt: "support-topic-prompt",
  input: { kind: "choice", ...localizedOptions("support-topic", values) },
});
const question = (min = 5, id = "question"): FormStep => ({
  id,
  prompt: "support-question-prompt",
  input: { kind: "text", schema: wordsField(min, 200) },
});
const phone: FormStep = {
  id: "phone",
  prompt: "support-phone-prompt",
  optional: true,
  input: { kind: "phone", schema: phoneField },
};
const FIRST_VERSION = [topic(), question(), phone];

/** What each chat's form completed with. */
const completed = new Map<string, Values>();

/** The feature as one deploy has it: `/visit` starts form `formId` with these steps. */
function visitFeature(steps: FormStep[], formId = "visit"): Feature {
  return {
    name: "visit",
    commands: { visit: (turn, _args, tools) => tools.dialogs.start(turn, formId) },
    forms: [
      {
        id: formId,
        titleKey: "support-title",
        steps,
        summary: ({ display }) =>
          Object.entries(display)
            .map(([step, shown]) => `${step}: ${shown}`)
            .join("\n"),
        async complete({ values, message }) {
          completed.set(message.chatId, values);
          return [{ kind: "text", text: "visit done" }];
        },
      },
    ],
  };
}

describe("a form in progress across a deploy that changed it", () => {
  let redis: Redis;
  let mongo: Connection;
  const prefix = `${uniqueName("u")}:`;

  /** One deploy: its replies are gathered, to count notices and apologies over the whole chat. */
  const deploy = (steps: FormStep[], formId?: string) => {
    const h = createHarness({ redis, mongo, prefix, features: [visitFeature(steps, formId)] });
    const seen: string[] = [];
    const say = async (...args: Parameters<Harness["say"]>) => {
      const replies = await h.say(...args);
      seen.push(h.texts(replies));
      return h.texts(replies);
    };
    const transcript = () => seen.join("\n");
    return { say, transcript, reply: (replies: OutboundMessage[]) => h.texts(replies), h };
  };
  const count = (text: string, part: string) => text.split(part).length - 1;
  const writeSession = (chat: string, raw: string) => redis.set(`${prefix}session:telegram:${chat}`, raw);

  beforeAll(async () => {
    ({ redis, mongo } = await openTestStores());
  });
  afterAll(() => closeTestStores({ redis, mongo }));

  it("asks a renamed step again, once, keeping the answers before and after it", async () => {
    const chat = "5001";
    const before = deploy(FIRST_VERSION);
    await before.say("/visit", chat);
    await before.say({ kind: "choice", value: "device" }, chat);
    expect(await before.say("Nhà em chưa có máy tính ạ", chat)).toContain(PHONE_PROMPT);

    const after = deploy([topic(), question(5, "details"), phone]);
    // The number answered a step that is no longer what it was: it is not taken for the new one.
    const restarted = await after.say("0912 345 678", chat);
    expect(restarted).toContain(STEP_UPDATED);
    expect(restarted).toContain(QUESTION_PROMPT);
    expect(await after.say("Nhà em chưa có máy tính để học ạ", chat)).toContain(PHONE_PROMPT);
    const summary = await after.say("0912 345 678", chat);
    expect(summary).toContain("topic: Xin máy tính");
    expect(summary).toContain("details: Nhà em chưa có máy tính để học ạ");
    expect(await after.say({ kind: "choice", value: "nav:confirm" }, chat)).toContain("visit done");

    expect(completed.get(chat)).toEqual({
      topic: "device",
      details: "Nhà em chưa có máy tính để học ạ",
      phone: "+84912345678",
    });
    expect(count(after.transcript(), STEP_UPDATED)).toBe(1);
    expect(after.transcript()).not.toContain(SORRY);
  });

  it("moves on from a step that was removed to the next one", async () => {
    const chat = "5002";
    const before = deploy(FIRST_VERSION);
    await before.say("/visit", chat);
    expect(await before.say({ kind: "choice", value: "connectivity" }, chat)).toContain(QUESTION_PROMPT);

    const after = deploy([topic(), phone]);
    const restarted = await after.say("Mạng nhà em yếu quá", chat);
    expect(restarted).toContain(STEP_UPDATED);
    expect(restarted).toContain(PHONE_PROMPT);
    const summary = await after.say("0912 345 678", chat);
    expect(summary).toContain("topic: Kết nối Internet");
    expect(summary).not.toContain("question");
    await after.say({ kind: "choice", value: "nav:confirm" }, chat);

    expect(completed.get(chat)).toEqual({ topic: "connectivity", phone: "+84912345678" });
    expect(count(after.transcript(), STEP_UPDATED)).toBe(1);
    expect(after.transcript()).not.toContain(SORRY);
  });

  it("asks again for an answer a tightened step no longer accepts, and goes straight back to the summary", async () => {
    const chat = "5003";
    const before = deploy(FIRST_VERSION);
    await before.say("/visit", chat);
    await before.say({ kind: "choice", value: "device" }, chat);
    await before.say("Cần máy ạ", chat);
    expect(await before.say("0912 345 678", chat)).toContain("question: Cần máy ạ");

    const after = deploy([topic(), question(15), phone]);
    const restarted = await after.say({ kind: "choice", value: "nav:confirm" }, chat);
    expect(restarted).toContain(STEP_UPDATED);
    expect(restarted).toContain(QUESTION_PROMPT);
    expect(completed.has(chat)).toBe(false);
    // The phone number given after it still fits: not asked again.
    const summary = await after.say("Nhà em cần máy tính để học trực tuyến", chat);
    expect(summary).toContain("phone: 0912 345 678");
    expect(summary).toContain("topic: Xin máy tính");
    await after.say({ kind: "choice", value: "nav:confirm" }, chat);

    expect(completed.get(chat)).toEqual({
      topic: "device",
      question: "Nhà em cần máy tính để học trực tuyến",
      phone: "+84912345678",
    });
    expect(count(after.transcript(), STEP_UPDATED)).toBe(1);
    expect(after.transcript()).not.toContain(SORRY);
  });

  it("asks again for a choice that is no longer offered", async () => {
    const chat = "5004";
    const before = deploy(FIRST_VERSION);
    await before.say("/visit", chat);
    await before.say({ kind: "choice", value: "connectivity" }, chat);

    const after = deploy([topic(["device", "other"]), question(), phone]);
    const restarted = await after.say("Mạng nhà em yếu quá", chat);
    expect(restarted).toContain(STEP_UPDATED);
    expect(restarted).toContain(TOPIC_PROMPT);
    expect(await after.say({ kind: "choice", value: "other" }, chat)).toContain(QUESTION_PROMPT);
    await after.say("Mạng nhà em yếu quá", chat);
    await after.say({ kind: "choice", value: "nav:skip" }, chat);
    await after.say({ kind: "choice", value: "nav:confirm" }, chat);

    expect(completed.get(chat)).toEqual({ topic: "other", question: "Mạng nhà em yếu quá" });
    expect(count(after.transcript(), STEP_UPDATED)).toBe(1);
  });

  it("does not read a typed number against options that changed since they were shown", async () => {
    const chat = "5005";
    const before = deploy(FIRST_VERSION);
    await before.say("/visit", chat);

    // "1" was "Xin máy tính" on the person's screen; now it would be "Việc khác".
    const after = deploy([topic(["other", "device", "connectivity"]), question(), phone]);
    const restarted = await after.say("1", chat);
    expect(restarted).toContain(STEP_UPDATED);
    expect(restarted).toContain(TOPIC_PROMPT);
    expect(await after.say("1", chat)).toContain(QUESTION_PROMPT);
    await after.say("Con em cần hỏi việc khác", chat);
    await after.say({ kind: "choice", value: "nav:skip" }, chat);
    await after.say({ kind: "choice", value: "nav:confirm" }, chat);

    expect(completed.get(chat)?.topic).toBe("other");
    expect(count(after.transcript(), STEP_UPDATED)).toBe(1);
  });

  it("says the form has to be started again when it is gone, shows the menu, and lets it be filled in anew", async () => {
    const chat = "5006";
    const before = deploy(FIRST_VERSION);
    await before.say("/visit", chat);
    await before.say({ kind: "choice", value: "device" }, chat);

    const after = deploy(FIRST_VERSION, "visit-2");
    const gone = await after.h.say("Nhà em chưa có máy tính ạ", chat);
    expect(after.reply(gone)).toContain(FORM_GONE);
    expect(choicesOf(lastOf(gone))).toContain("menu:language");
    expect(after.reply(gone)).not.toContain("Anh/chị đang điền dở");

    expect(await after.say("/visit", chat)).toContain(TOPIC_PROMPT);
    await after.say({ kind: "choice", value: "device" }, chat);
    await after.say("Nhà em chưa có máy tính ạ", chat);
    await after.say({ kind: "choice", value: "nav:skip" }, chat);
    expect(await after.say({ kind: "choice", value: "nav:confirm" }, chat)).toContain("visit done");
    expect(completed.get(chat)).toEqual({ topic: "device", question: "Nhà em chưa có máy tính ạ" });
    expect(after.transcript()).not.toContain(FORM_GONE);
    expect(after.transcript()).not.toContain(SORRY);
  });

  it("tells a person who types /huy after their form is gone just that, once", async () => {
    const chat = "5007";
    const before = deploy(FIRST_VERSION);
    await before.say("/visit", chat);

    const after = deploy(FIRST_VERSION, "visit-2");
    const cancelled = await after.say("/huy", chat);
    expect(cancelled).toContain(FORM_GONE);
    expect(cancelled).not.toContain("Hiện không có gì để huỷ");
    expect(await after.say("/huy", chat)).toContain("Hiện không có gì để huỷ");
  });

  /** A session as written before sessions had a version: no `v` anywhere. */
  const unversioned = (instanceId: string, stepId: string, answers: Record<string, [unknown, string]>) =>
    JSON.stringify({
      locale: "vi",
      menu: [{ value: "menu:language", label: "🌐 Ngôn ngữ / Language" }],
      dialog: {
        formId: "visit",
        instanceId,
        stepId,
        values: Object.fromEntries(Object.entries(answers).map(([step, [value]]) => [step, value])),
        display: Object.fromEntries(Object.entries(answers).map(([step, [, shown]]) => [step, shown])),
        history: Object.keys(answers),
        offered: [
          { value: "nav:skip", label: "Bỏ qua" },
          { value: "nav:back", label: "⬅️ Quay lại" },
          { value: "nav:cancel", label: "❌ Huỷ" },
        ],
      },
    });

  it("reads a session of the shape before versions, and goes on without a word when the form is the same", async () => {
    const chat = "5008";
    await writeSession(
      chat,
      unversioned(`old-${chat}`, "phone", {
        topic: ["device", "Xin máy tính"],
        question: ["Nhà em chưa có máy tính ạ", "Nhà em chưa có máy tính ạ"],
      }),
    );
    const same = deploy(FIRST_VERSION);
    const summary = await same.say("0912 345 678", chat);
    expect(summary).toContain("topic: Xin máy tính");
    expect(summary).toContain("phone: 0912 345 678");
    await same.say({ kind: "choice", value: "nav:confirm" }, chat);
    expect(completed.get(chat)).toEqual({
      topic: "device",
      question: "Nhà em chưa có máy tính ạ",
      phone: "+84912345678",
    });
    expect(same.transcript()).not.toContain(STEP_UPDATED);
    expect(same.transcript()).not.toContain(SORRY);
  });

  it("reads a session of the shape before versions whose step was renamed since", async () => {
    const chat = "5009";
    await writeSession(
      chat,
      unversioned(`old-${chat}`, "phone", {
        topic: ["device", "Xin máy tính"],
        question: ["Nhà em chưa có máy tính ạ", "Nhà em chưa có máy tính ạ"],
      }),
    );
    const after = deploy([topic(), question(5, "details"), phone]);
    const restarted = await after.say("0912 345 678", chat);
    expect(restarted).toContain(STEP_UPDATED);
    expect(restarted).toContain(QUESTION_PROMPT);
    await after.say("Nhà em chưa có máy tính ạ", chat);
    const summary = await after.say("0912 345 678", chat);
    expect(summary).toContain("topic: Xin máy tính");
    await after.say({ kind: "choice", value: "nav:confirm" }, chat);
    expect(completed.get(chat)).toEqual({
      topic: "device",
      details: "Nhà em chưa có máy tính ạ",
      phone: "+84912345678",
    });
    expect(count(after.transcript(), STEP_UPDATED)).toBe(1);
    expect(after.transcript()).not.toContain(SORRY);
  });

  it("answers kindly over a session that is not JSON at all, and lets the form be filled in anew", async () => {
    const chat = "5010";
    await writeSession(chat, '{"locale":"vi","dialog":{"formId":"vis');
    const h = deploy(FIRST_VERSION);
    const first = await h.h.say("Nhà em chưa có máy tính ạ", chat);
    expect(h.reply(first)).toContain(FORM_GONE);
    expect(choicesOf(lastOf(first))).toContain("menu:language");

    await h.say("/visit", chat);
    await h.say({ kind: "choice", value: "device" }, chat);
    await h.say("Nhà em chưa có máy tính ạ", chat);
    await h.say({ kind: "choice", value: "nav:skip" }, chat);
    expect(await h.say({ kind: "choice", value: "nav:confirm" }, chat)).toContain("visit done");
    expect(h.transcript()).not.toContain(SORRY);
    expect(h.transcript()).not.toContain(FORM_GONE);
  });

  it("keeps the language and the form of a session whose fields are partly broken", async () => {
    const chat = "5011";
    await writeSession(
      chat,
      JSON.stringify({
        v: 1,
        locale: "en",
        menu: "not a menu",
        dialog: { v: 1, formId: "visit", stepId: 7, values: { topic: "device" }, display: { topic: 3 } },
      }),
    );
    const h = deploy(FIRST_VERSION);
    const restarted = await h.say("hello", chat);
    expect(restarted).toContain("ChoEm has just been updated. Please answer this question again.");
    expect(restarted).toContain("What is your question about?");
    await h.say({ kind: "choice", value: "other" }, chat);
    await h.say("Where do I collect the laptop?", chat);
    await h.say({ kind: "choice", value: "nav:skip" }, chat);
    expect(await h.say({ kind: "choice", value: "nav:confirm" }, chat)).toContain("visit done");
    expect(completed.get(chat)).toEqual({ topic: "other", question: "Where do I collect the laptop?" });
    expect(h.transcript()).not.toContain("Sorry, something went wrong");
  });
});
