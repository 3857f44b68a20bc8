import { type Connection, trusted } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRecordLock } from "../../../src/core/lock.js";
import { createPrivacyFeature } from "../../../src/features/privacy/feature.js";
import { createRequestsFeature } from "../../../src/features/requests/feature.js";
import { requestModel } from "../../../src/features/requests/model.js";
import { createRequestService } from "../../../src/features/requests/service.js";
import { createSchoolService } from "../../../src/features/schools/service.js";
import { connectMongo } from "../../../src/storage/mongo.js";
import { connectRedis, type Redis } from "../../../src/storage/redis.js";
import { BUTTONS, choicesOf, createHarness, lastOf, NUMBERED } from "../../helpers/core-harness.js";
import { PHU_LOI, seedSchools } from "../../helpers/schools.js";
import { silentLogger } from "../../helpers/silent-logger.js";
import { testMongoUri, testRedisUrl, uniqueName } from "../../helpers/stores.js";

describe("parents' requests", () => {
  let redis: Redis;
  let mongo: Connection;
  const prefix = `${uniqueName("rq")}:`;
  const harness = (capabilities = BUTTONS, adminIds: string[] = []) =>
    createHarness({
      redis,
      mongo,
      prefix,
      capabilities,
      adminIds,
      features: (kit) => {
        const requests = createRequestsFeature({
          mongo,
          lock: kit.lock,
          schools: createSchoolService(mongo),
          notify: kit.notify,
          i18n: kit.i18n,
        });
        return [requests, createPrivacyFeature([requests], { ...kit, redis, prefix })];
      },
    });

  beforeAll(async () => {
    redis = await connectRedis(testRedisUrl(), silentLogger());
    mongo = await connectMongo(testMongoUri(), silentLogger());
    await seedSchools(mongo);
  });
  afterAll(async () => {
    await mongo.dropDatabase();
    await mongo.close();
    redis.disconnect();
  });

  /** Fills the device form up to its summary, answering as a parent would on a button channel. */
  async function deviceUpToSummary(
    h: ReturnType<typeof harness>,
    chat: string,
    child = "Nguyễn Thị Hà",
    phone = "+84912345678",
  ) {
    await h.say({ kind: "choice", value: "menu:device" }, chat);
    await h.say({ kind: "choice", value: "agree" }, chat);
    await h.say(child, chat);
    await h.say("lớp 6", chat);
    const schools = await h.say("truong thcs chu van an", chat);
    expect(choicesOf(lastOf(schools))).toContain("79001");
    await h.say({ kind: "choice", value: "79001" }, chat);
    await h.say({ kind: "choice", value: "nav:skip" }, chat);
    await h.say({ kind: "choice", value: "poor" }, chat);
    await h.say({ kind: "choice", value: "nav:done" }, chat);
    await h.say({ kind: "choice", value: "laptop" }, chat);
    await h.say({ kind: "choice", value: "shared-phone" }, chat);
    await h.say({ kind: "choice", value: "nav:done" }, chat);
    return h.say({ kind: "contact", phone, isOwn: true }, chat);
  }

  it("files a device request with a code after consent, with a summary of every answer", async () => {
    const h = harness();
    const summary = h.texts(await deviceUpToSummary(h, "4001"));
    for (const shown of [
      "Nguyễn Thị Hà",
      "Trường THCS Chu Văn An",
      "Hộ nghèo",
      "Máy tính xách tay",
      "0912 345 678",
    ]) {
      expect(summary).toContain(shown);
    }
    const done = h.texts(await h.say({ kind: "choice", value: "nav:confirm" }, "4001"));
    const code = done.match(/YC-[A-Z0-9]{6}/)?.[0];
    expect(code).toBeDefined();
    const stored = await requestModel(mongo).findOne({ code }).lean();
    expect(stored).toMatchObject({
      kind: "device",
      grade: 6,
      schoolCode: "79001",
      district: "Quận 8",
      status: "new",
    });
    expect(h.texts(await h.say(`/tracuu ${code!.toLowerCase()}`, "4001"))).toContain("mới, chờ xác minh");
  });

  it("shows a school with no district by its ward, and files the request under that ward", async () => {
    await seedSchools(mongo, [PHU_LOI]);
    const h = harness();
    const chat = uniqueName("c");
    await h.say({ kind: "choice", value: "menu:device" }, chat);
    await h.say({ kind: "choice", value: "agree" }, chat);
    await h.say("Hồ Ngọc Bích", chat);
    await h.say("lớp 3", chat);
    const options = JSON.stringify(lastOf(await h.say("tieu hoc phu loi", chat)));
    expect(options).toContain("Trường Tiểu học Phú Lợi (Phường Phú Lợi)");
    expect(options).not.toContain("()");
    await h.say({ kind: "choice", value: PHU_LOI.code }, chat);
    await h.say({ kind: "choice", value: "nav:skip" }, chat);
    await h.say({ kind: "choice", value: "poor" }, chat);
    await h.say({ kind: "choice", value: "nav:done" }, chat);
    await h.say({ kind: "choice", value: "laptop" }, chat);
    await h.say({ kind: "choice", value: "shared-phone" }, chat);
    await h.say({ kind: "choice", value: "nav:done" }, chat);
    await h.say({ kind: "contact", phone: "+84912345699", isOwn: true }, chat);
    const done = h.texts(await h.say({ kind: "choice", value: "nav:confirm" }, chat));
    const code = done.match(/YC-[A-Z0-9]{6}/)?.[0];
    expect(await requestModel(mongo).findOne({ code }).lean()).toMatchObject({
      schoolCode: PHU_LOI.code,
      district: "Phường Phú Lợi",
    });
  });

  it("stores nothing when the parent declines consent", async () => {
    const h = harness();
    await h.say({ kind: "choice", value: "menu:connectivity" }, "4002");
    expect(h.texts(await h.say({ kind: "choice", value: "decline" }, "4002"))).toContain(
      "không lưu thông tin gì",
    );
    expect(await requestModel(mongo).countDocuments({ chatId: "4002" })).toBe(0);
  });

  it.each([
    ["   ", "Câu trả lời đang trống"],
    ["A".repeat(81), "Tên dài quá"],
    ["😀😀😀", "Họ tên chỉ gồm chữ cái"],
    ["Hà2", "Họ tên chỉ gồm chữ cái"],
  ])("refuses the child's name %j kindly and asks again", async (name, reason) => {
    const h = harness();
    const chat = uniqueName("c");
    await h.say({ kind: "choice", value: "menu:device" }, chat);
    await h.say({ kind: "choice", value: "agree" }, chat);
    const reply = h.texts(await h.say(name, chat));
    expect(reply).toContain(reason);
    expect(reply).toContain("Họ và tên của con là gì?");
  });

  it("keeps a school that is not listed as the parent typed it", async () => {
    const h = harness(NUMBERED);
    const chat = "4003";
    await h.say("/start", chat);
    await h.say({ kind: "choice", value: "menu:connectivity" }, chat);
    await h.say("/huy", chat);
    await h.say({ kind: "choice", value: "menu:device" }, chat);
    await h.say("1", chat);
    await h.say("Trần Văn Bình", chat);
    await h.say("3", chat);
    const options = await h.say("Trường Tiểu học Hoà Bình xã Đông Hoà", chat);
    expect(JSON.stringify(lastOf(options))).toContain(
      "Không có trong danh sách (ghi “Trường Tiểu học Hoà Bình xã Đông Hoà”)",
    );
    const notListed = choicesOf(lastOf(options)).indexOf("not-listed") + 1;
    expect(h.texts(await h.say(String(notListed), chat))).toContain("Con học lớp nào");
  });

  const codeIn = (text: string) => text.match(/YC-[A-Z0-9]{6}/)?.[0];

  it("tells the parent who asked before for the same child their own first code", async () => {
    const h = harness();
    await deviceUpToSummary(h, "4008", "Võ Thành Nam", "+84901000004");
    const first = codeIn(h.texts(await h.say({ kind: "choice", value: "nav:confirm" }, "4008")));
    await deviceUpToSummary(h, "4008", "vo thanh nam", "+84901000014");
    const again = h.texts(await h.say({ kind: "choice", value: "nav:confirm" }, "4008"));
    expect(again).toContain(`Anh/chị đã gửi đơn này rồi ạ: mã đơn ${first} (trạng thái: mới, chờ xác minh)`);
    expect(await requestModel(mongo).countDocuments({ childName: /nam$/i, chatId: "4008" })).toBe(1);
  });

  it("answers someone else asking for the same child neutrally, and keeps their request flagged for staff", async () => {
    const h = harness(BUTTONS, ["telegram:9002"]);
    await deviceUpToSummary(h, "4012", "Trịnh Quốc Việt", "+84901000006");
    const first = codeIn(h.texts(await h.say({ kind: "choice", value: "nav:confirm" }, "4012")));
    await deviceUpToSummary(h, "4013", "trinh quoc viet", "+84901000007");
    const stranger = h.texts(await h.say({ kind: "choice", value: "nav:confirm" }, "4013"));
    expect(stranger).toContain(
      "Em này đã có đơn xin máy tính rồi ạ. Nhà trường sẽ liên hệ qua số điện thoại ghi trong đơn đó.",
    );
    expect(stranger).not.toContain(first);
    expect(stranger).not.toContain("mới, chờ xác minh");
    const own = codeIn(stranger);
    expect(own).toBeDefined();
    expect(await requestModel(mongo).findOne({ code: own }).lean()).toMatchObject({
      chatId: "4013",
      possibleDuplicateOf: first,
      status: "new",
    });
    // The stranger's own look-up shows their request, never the first one or the flag.
    const lookup = h.texts(await h.say("/tracuu", "4013"));
    expect(lookup).toContain(own);
    expect(lookup).not.toContain(first);
    const staff = h.texts(await h.say("/yeucau device", "9002"));
    expect(staff).toContain(`${own} · Xin máy tính`);
    expect(staff).toContain(`Có thể trùng với đơn ${first}`);
  });

  it("lets siblings sharing their parent's phone each have a request of their own", async () => {
    const h = harness();
    await deviceUpToSummary(h, "4014", "Ngô Bảo Anh", "+84901000008");
    const elder = h.texts(await h.say({ kind: "choice", value: "nav:confirm" }, "4014"));
    await deviceUpToSummary(h, "4014", "Ngô Bảo Châu", "+84901000008");
    const younger = h.texts(await h.say({ kind: "choice", value: "nav:confirm" }, "4014"));
    expect(elder).toContain("ChoEm đã nhận đơn xin máy tính");
    expect(younger).toContain("ChoEm đã nhận đơn xin máy tính");
    expect(codeIn(elder)).not.toEqual(codeIn(younger));
    const stored = await requestModel(mongo).find({ chatId: "4014" }).lean();
    expect(stored.map((r) => r.possibleDuplicateOf)).toEqual([undefined, undefined]);
  });

  it("keys connectivity by the line: the same phone from someone else is kept flagged, unnamed", async () => {
    const h = harness();
    const connectivity = async (chat: string, phone: string) => {
      await h.say({ kind: "choice", value: "menu:connectivity" }, chat);
      for (const answer of ["agree", "data-package", "viettel"])
        await h.say({ kind: "choice", value: answer }, chat);
      await h.say(phone, chat);
      await h.say({ kind: "choice", value: "home" }, chat);
      await h.say("Phường 5, Quận 8", chat);
      return h.texts(await h.say({ kind: "choice", value: "nav:confirm" }, chat));
    };
    const first = codeIn(await connectivity("4015", "0987 000 111"));
    const other = await connectivity("4016", "0987000111");
    expect(other).toContain("Số điện thoại này đã có đơn xin hỗ trợ kết nối");
    expect(other).not.toContain(first);
    expect(await connectivity("4015", "0987 000 111")).toContain(
      `Anh/chị đã gửi đơn này rồi ạ: mã đơn ${first}`,
    );
  });

  it("writes a flagged duplicate once when its form completes again after a crash", async () => {
    const service = createRequestService(mongo, createRecordLock(redis, prefix));
    const base = {
      kind: "device" as const,
      childName: "Mai Anh Thư",
      grade: 3,
      schoolCode: "79001",
      phone: "+84901000009",
      channel: "telegram" as const,
      locale: "vi",
    };
    const first = await service.create({
      ...base,
      idempotencyKey: uniqueName("k"),
      userId: "a",
      chatId: "a",
    });
    const key = uniqueName("k");
    const [one, two] = await Promise.all([
      service.create({ ...base, idempotencyKey: key, userId: "b", chatId: "b" }),
      service.create({ ...base, idempotencyKey: key, userId: "b", chatId: "b" }),
    ]);
    const three = await service.create({ ...base, idempotencyKey: key, userId: "b", chatId: "b" });
    expect([one.kind, two.kind, three.kind]).toEqual(["flagged", "flagged", "flagged"]);
    expect(new Set([one.request.code, two.request.code, three.request.code]).size).toBe(1);
    expect(one.request.possibleDuplicateOf).toBe(first.request.code);
    expect(await requestModel(mongo).countDocuments({ idempotencyKey: key })).toBe(1);
  });

  it("keeps both when two people confirm the same child at the same moment, flagging one", async () => {
    const h = harness();
    await deviceUpToSummary(h, "4004", "Lê Minh Khang", "+84901000001");
    await deviceUpToSummary(h, "4005", "le minh khang", "+84901000002");
    const [a, b] = await Promise.all([
      h.say({ kind: "choice", value: "nav:confirm" }, "4004"),
      h.say({ kind: "choice", value: "nav:confirm" }, "4005"),
    ]);
    const both = h.texts([...a, ...b]);
    expect(both).toContain("ChoEm đã nhận đơn xin máy tính");
    expect(both).toContain("Em này đã có đơn xin máy tính rồi");
    const stored = await requestModel(mongo).find({ childName: /khang/i }).lean();
    expect(stored).toHaveLength(2);
    const [plain, flagged] = [
      stored.filter((r) => !r.possibleDuplicateOf),
      stored.filter((r) => r.possibleDuplicateOf),
    ];
    expect(plain).toHaveLength(1);
    expect(flagged.map((r) => r.possibleDuplicateOf)).toEqual([plain[0]!.code]);
  });

  it("tells the parent in their own language when staff change the status", async () => {
    const parent = harness();
    await parent.say("/language en", "4006");
    await parent.say({ kind: "choice", value: "menu:connectivity" }, "4006");
    for (const answer of ["agree", "data-package", "viettel"])
      await parent.say({ kind: "choice", value: answer }, "4006");
    await parent.say("0987 654 321", "4006");
    await parent.say({ kind: "choice", value: "rented-room" }, "4006");
    await parent.say("Phường 5, Quận 8", "4006");
    const code = parent
      .texts(await parent.say({ kind: "choice", value: "nav:confirm" }, "4006"))
      .match(/YC-\w{6}/)?.[0];

    const staff = harness(BUTTONS, ["telegram:9001"]);
    expect(staff.texts(await staff.say("/yeucau connectivity", "9001"))).toContain(code);
    expect(parent.texts(await parent.say(`/capnhat ${code} verified`, "4006"))).toContain(
      "This is for staff only",
    );
    const before = staff.sent.length;
    const done = staff.texts(await staff.say(`/capnhat ${code} rejected`, "9001"));
    expect(done).toContain("ghi lý do");
    await staff.say(`/capnhat ${code} verified`, "9001");
    const told = staff.sent.slice(before).find((s) => s.chatId === "4006");
    expect(told?.message.kind === "text" && told.message.text).toContain(
      "your request has just been updated",
    );
    expect(told?.message.kind === "text" && told.message.text).toContain("Status: checked");
  });

  it("moves a request once when 20 staff verify it at the same moment, and tells the parent once", async () => {
    const staffIds = Array.from({ length: 20 }, (_, i) => String(9100 + i));
    const h = harness(
      BUTTONS,
      staffIds.map((id) => `telegram:${id}`),
    );
    await deviceUpToSummary(h, "4010", "Đặng Thu Trang", "+84901000010");
    const code = h
      .texts(await h.say({ kind: "choice", value: "nav:confirm" }, "4010"))
      .match(/YC-\w{6}/)?.[0];
    const before = h.sent.length;
    await Promise.all(staffIds.map((id) => h.say(`/capnhat ${code} verified`, id)));
    const told = h.sent.slice(before).filter((s) => s.chatId === "4010");
    expect(told).toHaveLength(1);
    const stored = await requestModel(mongo).findOne({ code }).lean();
    expect(stored?.status).toBe("verified");
    expect(stored?.history.map((entry) => entry.status)).toEqual(["new", "verified"]);
    // One staff member moved it; the other nineteen are told it can no longer go there.
    const texts = staffIds.map((id) =>
      h.texts(h.sent.slice(before).flatMap((s) => (s.chatId === id ? [s.message] : []))),
    );
    expect(texts.filter((t) => t.includes(`Đã cập nhật ${code}`))).toHaveLength(1);
    expect(texts.filter((t) => t.includes("Không thể chuyển"))).toHaveLength(19);
  });

  it("lets a parent withdraw their own request, and nobody else's", async () => {
    const h = harness();
    await deviceUpToSummary(h, "4010", "Đỗ Hải Yến", "+84901000005");
    const code = h
      .texts(await h.say({ kind: "choice", value: "nav:confirm" }, "4010"))
      .match(/YC-\w{6}/)?.[0];
    expect(h.texts(await h.say(`/rut ${code}`, "4011"))).toContain("Anh/chị gõ /rut và mã đơn của mình");
    expect(h.texts(await h.say(`/rut ${code}`, "4010"))).toContain(`Đã rút đơn ${code}`);
    expect(h.texts(await h.say(`/rut ${code}`, "4010"))).toContain("không rút được nữa");
    expect(await requestModel(mongo).findOne({ code }).lean()).toMatchObject({ status: "withdrawn" });
  });

  it("lets a parent see and delete their data, leaving no personal field behind", async () => {
    const h = harness();
    await deviceUpToSummary(h, "4007", "Phạm Gia Bảo", "+84901000003");
    await h.say({ kind: "choice", value: "nav:confirm" }, "4007");
    const shown = h.texts(await h.say({ kind: "choice", value: "menu:mydata" }, "4007"));
    expect(shown).toContain("Phạm Gia Bảo");
    await h.say({ kind: "choice", value: "privacy:erase" }, "4007");
    expect(h.texts(await h.say({ kind: "choice", value: "privacy:erase-yes" }, "4007"))).toContain(
      "Đã xoá dữ liệu",
    );

    const all = await requestModel(mongo)
      .find({ erasedAt: trusted({ $exists: true }) })
      .lean();
    const erased = all.find((r) => r.history.some((c) => c.reason === "erased"));
    expect(erased).toBeDefined();
    const text = JSON.stringify(erased);
    for (const personal of ["Phạm Gia Bảo", "901000003", "4007", "Trường THCS"])
      expect(text).not.toContain(personal);
    expect(erased).toMatchObject({ status: "withdrawn", kind: "device", grade: 6, schoolCode: "79001" });
    // The child can be asked for again after the withdrawal.
    await deviceUpToSummary(h, "4007", "Phạm Gia Bảo", "+84901000003");
    expect(h.texts(await h.say({ kind: "choice", value: "nav:confirm" }, "4007"))).toContain(
      "ChoEm đã nhận đơn xin máy tính",
    );
  });
});
