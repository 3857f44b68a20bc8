import type { Connection } from "mongoose";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { InboundContent, OutboundMessage } from "../../../src/core/messages.js";
import { createMemberService } from "../../../src/features/classes/members.js";
import { createClassService } from "../../../src/features/classes/service.js";
import { clipModel } from "../../../src/features/clips/model.js";
import { connectMongo } from "../../../src/storage/mongo.js";
import { connectRedis, type Redis } from "../../../src/storage/redis.js";
import { choicesOf, lastOf } from "../../helpers/core-harness.js";
import { silentLogger } from "../../helpers/silent-logger.js";
import { testMongoUri, testRedisUrl, uniqueName } from "../../helpers/stores.js";
import { recordingSender } from "../../jobs/delivery-fixture.js";
import {
  classroomHarness,
  createClass,
  firstMatch,
  inGroup,
  joinClass,
  makeTeacher,
  seedSchool,
} from "../classes/classroom.js";
import { createClipEngine, PUBLIC_URL } from "./clip-engine.js";

const choice = (value: string): InboundContent => ({ kind: "choice", value });
const video: InboundContent = {
  kind: "video",
  file: {
    channel: "telegram",
    fileId: "vid-1",
    uniqueId: "u-vid-1",
    fromChatId: "7001",
    messageId: "55",
    fileName: "bai5.mp4",
  },
  caption: "Bài 5",
};

describe("lesson clips", () => {
  let redis: Redis;
  let mongo: Connection;
  const prefix = `${uniqueName("clp")}:`;
  let sender: ReturnType<typeof recordingSender>;
  let failOnce = new Set<string>();
  let engine: ReturnType<typeof createClipEngine>;
  const harness = () =>
    classroomHarness(redis, mongo, prefix, engine.clipsFeature, {
      countRecentClips: (ids, days) => engine.clips.countRecent(ids, days),
    });

  beforeAll(async () => {
    redis = await connectRedis(testRedisUrl(), silentLogger());
    mongo = await connectMongo(testMongoUri(), silentLogger());
    await seedSchool(mongo);
    sender = recordingSender((chatId) => {
      if (!failOnce.delete(chatId)) return undefined;
      return { kind: "rejected", reason: "Bad Request: chat not found" };
    });
    engine = createClipEngine(redis, mongo, sender.send);
    await engine.start();
  });
  beforeEach(() => {
    failOnce = new Set();
  });
  afterAll(async () => {
    await engine.close();
    await mongo.dropDatabase();
    await mongo.close();
    redis.disconnect();
  });

  const sentTo = (chatId: string) => sender.calls.filter((c) => c.chatId === chatId && c.outcome === "sent");

  it("pushes a teacher's video once to the linked group and to each parent who asked, copying the teacher's message", async () => {
    const h = harness();
    await makeTeacher(h, "7001");
    const { code } = await createClass(h, "7001", "6a1");
    await joinClass(h, "8001", code, "Nguyễn Thị Hà", "direct");
    await joinClass(h, "8002", code, "Trần Văn Bình", "group");
    await inGroup(h, "-100001", "7001", { kind: "command", command: "lienket", args: code });
    const cls = (await createClassService(mongo).byCode(code))!;
    await createMemberService(mongo).join({
      classId: cls.id,
      channel: "zalo",
      userId: "z-8003",
      chatId: "z-8003",
      locale: "vi",
      childName: "Lê Minh Khang",
      delivery: "direct",
      idempotencyKey: "zalo-join-8003",
    });

    expect(h.texts(await h.say(video, "7001"))).toContain("bài dạy bù");
    await h.say(choice("yes"), "7001");
    const summary = h.texts(await h.say("Toán – Phân số", "7001"));
    expect(summary).toContain("Bài sẽ được gửi tới 1 nhóm và 2 phụ huynh");
    const report = engine.nextReport();
    const clipCode = firstMatch(h, await h.say(choice("nav:confirm"), "7001"), /BG-[A-Z0-9]{6}/);
    expect(await report).toMatchObject({ sent: 3, failed: 0 });

    const caption = "🔁 Bài dạy bù lớp 6A1\nToán – Phân số";
    for (const chat of ["-100001", "8001"]) {
      expect(sentTo(chat)).toHaveLength(1);
      expect(sentTo(chat)[0]!.message).toEqual({
        kind: "media",
        media: "video",
        source: { kind: "platform-file", file: (video as { file: unknown }).file },
        caption,
      });
    }
    expect(sentTo("8002")).toHaveLength(0);
    const zalo = sentTo("z-8003")[0]!.message as Extract<OutboundMessage, { kind: "link" }>;
    expect(zalo.kind).toBe("link");
    expect(zalo.url).toMatch(new RegExp(`^${PUBLIC_URL}/clips/${clipCode}\\?exp=\\d+&sig=[\\w-]{22}$`));

    const told = h.texts(h.sent.filter((s) => s.chatId === "7001").map((s) => s.message));
    expect(told).toContain(`Bài ${clipCode} đã gửi xong: 3/3 đã nhận`);
    expect(h.texts(await h.say(`/tiendo ${clipCode}`, "7001"))).toContain("đã gửi 3/3, 0 lỗi");
    expect(h.texts(await h.say(`/tiendo ${clipCode}`, "8001"))).toContain("không tìm thấy bài");
  }, 30_000);

  it("gives the teacher of a class with a Zalo group a ready-to-forward title and link", async () => {
    const h = harness();
    await makeTeacher(h, "7051");
    const { code } = await createClass(h, "7051", "6a5", "yes");
    await joinClass(h, "8051", code, "Phan Thu Hằng", "group");
    await h.say(video, "7051");
    await h.say(choice("no"), "7051");
    const summary = h.texts(await h.say("Bài 7: Hình tam giác", "7051"));
    expect(summary).toContain("0 nhóm và 0 phụ huynh");
    expect(summary).toContain("1 tin soạn sẵn để chuyển tiếp vào nhóm Zalo");
    const report = engine.nextReport();
    const clipCode = firstMatch(h, await h.say(choice("nav:confirm"), "7051"), /BG-[A-Z0-9]{6}/);
    expect(await report).toMatchObject({ sent: 1 });
    expect(sentTo("8051")).toHaveLength(0);
    const forward = sentTo("7051")[0]!.message;
    expect(forward).toMatchObject({ kind: "link", title: "📚 Bài giảng lớp 6A5\nBài 7: Hình tam giác" });
    expect(forward.kind === "link" && forward.url).toContain(`/clips/${clipCode}?exp=`);
  });

  it("asks a teacher whether a short notice goes to the class, and leaves chatting alone", async () => {
    const h = harness();
    await makeTeacher(h, "7601");
    await createClass(h, "7601", "7a3");
    expect(h.texts(await h.say("Mai lớp nghỉ học.", "7601"))).toContain("bài dạy bù");
    expect(h.texts(await h.say(choice("nav:cancel"), "7601"))).not.toContain("BG-");
    expect(h.texts(await h.say("cảm ơn ạ", "7601"))).toContain("chưa hiểu ý");
  });

  it("does not let a parent push a clip", async () => {
    const h = harness();
    await makeTeacher(h, "7101");
    const { code } = await createClass(h, "7101", "6a2");
    await joinClass(h, "8101", code, "Võ Thị Lan");
    const before = await clipModel(mongo).countDocuments();
    expect(h.texts(await h.say(video, "8101"))).toContain("ChoEm chưa cần ảnh hay tệp");
    expect(h.texts(await h.say("https://example.org/bai-hoc Bài học của con", "8101"))).not.toContain(
      "lớp nào",
    );
    expect(await clipModel(mongo).countDocuments()).toBe(before);
  });

  it("never lets a teacher push to another teacher's class", async () => {
    const h = harness();
    await makeTeacher(h, "7201");
    await makeTeacher(h, "7202");
    const { code: theirs } = await createClass(h, "7201", "9a9");
    await createClass(h, "7202", "7b1");
    await createClass(h, "7202", "7b2");
    const other = (await createClassService(mongo).byCode(theirs))!;

    const prompt = await h.say("https://example.org/bai-1 Bài 1: Phân số", "7202");
    expect(h.texts(prompt)).toContain("gửi bài này tới lớp nào");
    expect(choicesOf(lastOf(prompt))).not.toContain(other.id);
    expect(h.texts(await h.say(choice(other.id), "7202"))).toContain("chọn trong danh sách");
    expect(h.texts(await h.say(choice("nav:done"), "7202"))).toContain("chọn ít nhất một mục");
    await h.say("/huy", "7202");
    expect(await clipModel(mongo).countDocuments({ classIds: other.id })).toBe(0);
  });

  it("sends a parent the clips of their child's class from the last N days, oldest first", async () => {
    const h = harness();
    await makeTeacher(h, "7301");
    const { code } = await createClass(h, "7301", "8a1");
    const { code: otherCode } = await createClass(h, "7301", "8a2");
    await joinClass(h, "8301", code, "Đỗ Quang Huy");
    const classes = createClassService(mongo);
    const [mine, other] = [(await classes.byCode(code))!, (await classes.byCode(otherCode))!];
    const day = 24 * 3600 * 1000;
    for (const [cls, text, daysAgo] of [
      [mine, "Bài ba tuần trước", 20],
      [mine, "Bài hai hôm trước", 2],
      [other, "Bài của lớp khác", 1],
      [mine, "Bài hôm qua", 1],
    ] as const) {
      const clip = await engine.clips.create({
        idempotencyKey: uniqueName("k"),
        teacher: { channel: "telegram", userId: "7301", chatId: "7301", locale: "vi" },
        classIds: [cls.id],
        classNames: [cls.name],
        makeUp: false,
        content: { kind: "text", text },
      });
      await clipModel(mongo).updateOne(
        { code: clip.code },
        { $set: { createdAt: new Date(Date.now() - daysAgo * day) } },
      );
    }
    const week = h.texts(await h.say("/baicu", "8301"));
    expect(week).toContain("Đây là 2 bài giảng trong 7 ngày qua");
    expect(week.indexOf("Bài hai hôm trước")).toBeLessThan(week.indexOf("Bài hôm qua"));
    expect(week).not.toContain("lớp khác");
    const month = h.texts(await h.say("/baicu 99", "8301"));
    expect(month).toContain("3 bài giảng trong 30 ngày qua");
    expect(month.indexOf("Bài ba tuần trước")).toBeLessThan(month.indexOf("Bài hai hôm trước"));

    const offer = await joinClass(h, "8302", code, "Mai Anh Thư");
    expect(choicesOf(lastOf(offer))).toEqual(["baicu:7"]);
    expect(h.texts(await h.say(choice("baicu:7"), "8302"))).toContain("Bài hôm qua");
  });

  it("re-sends only to those it failed for when the teacher asks, and reports each round", async () => {
    const h = harness();
    await makeTeacher(h, "7401");
    const { code } = await createClass(h, "7401", "10a1");
    await joinClass(h, "8401", code, "Hoàng Văn Nam");
    await joinClass(h, "8402", code, "Hoàng Thị Mai");
    failOnce.add("8402");
    await h.say("Các em đọc trước bài 6 trang 45 và làm bài tập 1, 2 nhé.", "7401");
    await h.say(choice("no"), "7401");
    await h.say(choice("nav:skip"), "7401");
    const first = engine.nextReport();
    const clipCode = firstMatch(h, await h.say(choice("nav:confirm"), "7401"), /BG-[A-Z0-9]{6}/);
    expect(await first).toMatchObject({ sent: 1, failed: 1 });
    const report = h.texts(h.sent.filter((s) => s.chatId === "7401").map((s) => s.message));
    expect(report).toContain("1/2 đã nhận");
    expect(report).toContain(`/guilai ${clipCode}`);

    const second = engine.nextReport();
    expect(h.texts(await h.say(`/guilai ${clipCode}`, "7401"))).toContain("cho 1 nơi");
    expect(await second).toMatchObject({ sent: 2, failed: 0 });
    expect(sentTo("8401")).toHaveLength(1);
    expect(sentTo("8402")).toHaveLength(1);
    expect(h.texts(await h.say(`/guilai ${clipCode}`, "7401"))).toContain("không có nơi nào bị lỗi");
  }, 30_000);
});
