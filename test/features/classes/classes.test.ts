import jsQrModule from "jsqr";
import { type Connection, trusted } from "mongoose";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OutboundMessage } from "../../../src/core/messages.js";
import { groupLinkModel, membershipModel, teacherModel } from "../../../src/features/classes/model.js";
import { auditModel } from "../../../src/features/staff/audit.js";
import { connectMongo } from "../../../src/storage/mongo.js";
import { connectRedis, type Redis } from "../../../src/storage/redis.js";
import { choicesOf, lastOf, NUMBERED } from "../../helpers/core-harness.js";
import { silentLogger } from "../../helpers/silent-logger.js";
import { testMongoUri, testRedisUrl, uniqueName } from "../../helpers/stores.js";
import {
  BOT,
  classroomHarness,
  createClass,
  firstMatch,
  inGroup,
  joinClass,
  makeTeacher,
  STAFF,
  seedSchool,
} from "./classroom.js";

// jsqr's CommonJS default lands on `.default` under NodeNext and on the import itself under vitest.
const decodeQr = ((jsQrModule as unknown as { default?: typeof jsQrModule }).default ??
  jsQrModule) as unknown as (
  data: Uint8ClampedArray,
  width: number,
  height: number,
) => { data: string } | null;

function qrText(reply: OutboundMessage | undefined): string | undefined {
  if (reply?.kind !== "media" || reply.source.kind !== "bytes") return undefined;
  const png = PNG.sync.read(reply.source.data);
  return decodeQr(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

describe("classes", () => {
  let redis: Redis;
  let mongo: Connection;
  const prefix = `${uniqueName("cls")}:`;
  const harness = (options = {}) => classroomHarness(redis, mongo, prefix, () => [], options);

  beforeAll(async () => {
    redis = await connectRedis(testRedisUrl(), silentLogger());
    mongo = await connectMongo(testMongoUri(), silentLogger());
    await seedSchool(mongo);
  });
  afterAll(async () => {
    await mongo.dropDatabase();
    await mongo.close();
    redis.disconnect();
  });

  it("lets staff invite a teacher once, and only staff make invites", async () => {
    const h = harness();
    expect(h.texts(await h.say("/magv 79001", "7100"))).toContain("dành cho cán bộ");
    expect(h.texts(await h.say("/magv 99999", STAFF))).toContain("Cách dùng: /magv");
    const code = await makeTeacher(h, "7101");
    expect(h.texts(await h.say("/lop", "7101"))).toContain("chưa có lớp nào");
    expect(h.texts(await h.say(`/giaovien ${code}`, "7102"))).toContain("đã có người dùng");
    expect(h.texts(await h.say("/taolop", "7102"))).toContain("dành cho giáo viên");
    // The code typed alone works too, and typing it again is harmless for its owner.
    expect(h.texts(await h.say(code.toLowerCase().replace("-", " "), "7101"))).toContain(
      "giáo viên của Trường THCS Chu Văn An",
    );
  });

  it("makes one teacher when 20 people type the same invite code at the same moment", async () => {
    const h = harness();
    const code = firstMatch(h, await h.say("/magv 79001", STAFF), /GV-[A-Z0-9]{6}/);
    const people = Array.from({ length: 20 }, (_, i) => String(7200 + i));
    await Promise.all(people.map((id) => h.say(`/giaovien ${code}`, id)));
    const teachers = await teacherModel(mongo).find({ inviteCode: code }).lean();
    expect(teachers).toHaveLength(1);
    const winner = teachers[0]!.userId;
    const told = (id: string) => h.texts(h.sent.flatMap((s) => (s.chatId === id ? [s.message] : [])));
    expect(told(winner)).toContain("giáo viên của Trường THCS Chu Văn An");
    for (const id of people.filter((p) => p !== winner)) expect(told(id)).toContain("đã có người dùng");
  });

  it("creates a class with the parents' code, a Telegram link and a QR code of that link", async () => {
    const h = harness();
    await makeTeacher(h, "7201");
    const { code, summary, replies } = await createClass(h, "7201", "6a1");
    expect(h.texts(summary)).toContain("Lớp: 6A1 (khối 6)");
    const link = `https://t.me/${BOT}?start=lop_${code.slice(4)}`;
    expect(h.texts(replies)).toContain(link);
    expect(h.texts(replies)).toContain(`/lienket ${code}`);
    expect(qrText(replies.find((reply) => reply.kind === "media"))).toBe(link);
    // The form is over: what else can be done is offered, as buttons.
    expect(choicesOf(lastOf(replies))).toContain("menu:class-new");
    // The same class again gives the same code instead of a second class.
    const again = await createClass(h, "7201", "6A1");
    expect(again.code).toBe(code);
    expect(h.texts(again.replies)).toContain("đã có lớp 6A1");
  });

  it("asks the grade when the class name does not say it, and refuses odd names kindly", async () => {
    const h = harness();
    await makeTeacher(h, "7301");
    await h.say("/taolop", "7301");
    expect(h.texts(await h.say("6A1 😀", "7301"))).toContain("Tên lớp ngắn gọn");
    expect(h.texts(await h.say("Lá Non", "7301"))).toContain("khối mấy");
    expect(h.texts(await h.say("13", "7301"))).toContain("từ 1 đến 12");
  });

  it("lets a parent join by the deep link after a consent that says what, why and who sees it", async () => {
    const h = harness();
    await makeTeacher(h, "7401");
    const { code } = await createClass(h, "7401", "7a2");
    const consent = h.texts(await h.say(`/start lop_${code.slice(4)}`, "8401"));
    for (const part of ["7A2", "Trường THCS Chu Văn An", "họ tên của con", "Ai được xem", "xoá dữ liệu"])
      expect(consent).toContain(part);
    await h.say({ kind: "choice", value: "agree" }, "8401");
    expect(h.texts(await h.say("Hà2", "8401"))).toContain("Họ tên chỉ gồm chữ cái");
    await h.say("Nguyễn Thị Hà", "8401");
    const summary = h.texts(await h.say({ kind: "choice", value: "direct" }, "8401"));
    expect(summary).toContain("Họ tên của con: Nguyễn Thị Hà");
    expect(h.texts(await h.say({ kind: "choice", value: "nav:confirm" }, "8401"))).toContain(
      "đã vào lớp 7A2",
    );
    expect(await membershipModel(mongo).findOne({ userId: "8401" }).lean()).toMatchObject({
      childName: "Nguyễn Thị Hà",
      delivery: "direct",
    });
    expect(h.texts(await h.say(code, "8401"))).toContain("đã ở trong lớp 7A2");
  });

  it("keeps nothing when a parent declines, and lets a Zalo parent join by typing the code", async () => {
    const telegram = harness();
    await makeTeacher(telegram, "7501");
    const { code } = await createClass(telegram, "7501", "8a3");
    await telegram.say(`/vaolop ${code}`, "8501");
    expect(telegram.texts(await telegram.say({ kind: "choice", value: "decline" }, "8501"))).toContain(
      "không lưu thông tin gì",
    );
    const zalo = harness({ channel: "zalo", capabilities: NUMBERED });
    const consent = await zalo.say(code.toLowerCase(), "z-8502");
    expect(choicesOf(lastOf(consent))).toEqual(["agree", "decline", "nav:cancel"]);
    await zalo.say("1", "z-8502");
    await zalo.say("Trần Văn Bình", "z-8502");
    await zalo.say("2", "z-8502");
    expect(zalo.texts(await zalo.say("xác nhận", "z-8502"))).toContain("gửi vào nhóm của lớp");
    expect(
      await membershipModel(mongo).countDocuments({ userId: trusted({ $in: ["8501", "z-8502"] }) }),
    ).toBe(1);
  });

  it("links a parents' group only for the class's teacher, and follows the group when it moves or leaves", async () => {
    const h = harness();
    await makeTeacher(h, "7601");
    const { code } = await createClass(h, "7601", "9a1");
    const hello = await inGroup(h, "-100601", "7601", { kind: "group-joined" });
    expect(h.texts(hello.map((s) => s.message))).toContain("/lienket");
    const byParent = await inGroup(h, "-100601", "8601", { kind: "command", command: "lienket", args: code });
    expect(h.texts(byParent.map((s) => s.message))).toContain("Chỉ giáo viên của lớp");
    expect(await groupLinkModel(mongo).countDocuments({ chatId: "-100601" })).toBe(0);
    const linked = await inGroup(h, "-100601", "7601", { kind: "command", command: "lienket", args: code });
    expect(linked[0]).toMatchObject({ chatId: "-100601" });
    expect(h.texts(linked.map((s) => s.message))).toContain("Đã liên kết nhóm này với lớp 9A1");
    // Plain talk in the group is left alone.
    expect(await inGroup(h, "-100601", "8601", { kind: "text", text: "Chào cô ạ" })).toEqual([]);

    await inGroup(h, "-100601", "7601", { kind: "group-migrated", newChatId: "-1009601" });
    expect(await groupLinkModel(mongo).findOne({ chatId: "-1009601" }).lean()).toMatchObject({
      active: true,
    });
    await inGroup(h, "-1009601", "7601", { kind: "group-left" });
    expect(await groupLinkModel(mongo).findOne({ chatId: "-1009601" }).lean()).toMatchObject({
      active: false,
    });
  });

  it("shows the teacher a parent who blocked the bot, until the parent writes again", async () => {
    const h = harness();
    await makeTeacher(h, "7801");
    const { code } = await createClass(h, "7801", "4a4");
    await joinClass(h, "8801", code, "Bùi Thu Trang");
    // The platform reports the block (Telegram's my_chat_member): one record, read by every send path.
    expect(await h.say({ kind: "blocked" }, "8801")).toEqual([]);
    expect(await h.reachability.isBlocked({ channel: "telegram", chatId: "8801" })).toBe(true);
    expect(h.texts(await h.say("/danhsach 4a4", "7801"))).toContain(
      "Bùi Thu Trang · telegram · đã chặn ChoEm",
    );
    await h.say("/start", "8801");
    expect(await h.reachability.isBlocked({ channel: "telegram", chatId: "8801" })).toBe(false);
    expect(h.texts(await h.say("/danhsach 4a4", "7801"))).not.toContain("đã chặn ChoEm");
  });

  it("shows the teacher the roster, logs the read, and removes a parent after asking", async () => {
    const h = harness();
    await makeTeacher(h, "7701");
    const { code } = await createClass(h, "7701", "5a5");
    await joinClass(h, "8701", code, "Lê Minh Khang");
    await joinClass(h, "8702", code, "Phạm Gia Bảo", "group");
    expect(h.texts(await h.say("/danhsach 5a5", "8701"))).toContain("dành cho giáo viên");
    const roster = await h.say("/danhsach 5A5", "7701");
    expect(h.texts(roster)).toContain("1. Lê Minh Khang · telegram · nhận bài trực tiếp");
    expect(h.texts(roster)).toContain("2. Phạm Gia Bảo · telegram · chỉ nhận qua nhóm lớp");
    expect(
      await auditModel(mongo).countDocuments({ actor: "telegram:7701", action: "read-class-roster" }),
    ).toBe(1);

    const remove = choicesOf(lastOf(roster))[1]!;
    expect(h.texts(await h.say({ kind: "choice", value: remove }, "8702"))).toContain(
      "không phải lớp của thầy cô",
    );
    const ask = await h.say({ kind: "choice", value: remove }, "7701");
    expect(h.texts(ask)).toContain("Phụ huynh của em Phạm Gia Bảo sẽ không nhận bài giảng");
    await h.say({ kind: "choice", value: choicesOf(lastOf(ask))[0]! }, "7701");
    expect(await membershipModel(mongo).countDocuments({ userId: "8702" })).toBe(0);
    expect(h.texts(await h.say("/xoaph 5A5 1", "7701"))).toContain("Đã xoá phụ huynh của em Lê Minh Khang");
    expect(firstMatch(h, await h.say("/danhsach", "7701"), /0 phụ huynh/)).toBe("0 phụ huynh");
  });
});
