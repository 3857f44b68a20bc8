import { type Connection, trusted } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrivacyFeature } from "../../../src/features/privacy/feature.js";
import { createRequestsFeature } from "../../../src/features/requests/feature.js";
import { requestModel } from "../../../src/features/requests/model.js";
import { createSchoolService } from "../../../src/features/schools/service.js";
import { connectMongo } from "../../../src/storage/mongo.js";
import { connectRedis, type Redis } from "../../../src/storage/redis.js";
import { BUTTONS, choicesOf, createHarness, lastOf, NUMBERED } from "../../helpers/core-harness.js";
import { seedSchools } from "../../helpers/schools.js";
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
          schools: createSchoolService(mongo),
          notify: kit.notify,
        });
        return [requests, createPrivacyFeature([requests], { ...kit, redis, mongo, prefix })];
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

  it("stores nothing when the parent declines consent", async () => {
    const h = harness();
    await h.say({ kind: "choice", value: "menu:connectivity" }, "4002");
    expect(h.texts(await h.say({ kind: "choice", value: "decline" }, "4002"))).toContain(
      "không lưu thông tin gì",
    );
    expect(await requestModel(mongo).countDocuments({ chatId: "4002" })).toBe(0);
  });

  it.each([
    ["   ", "Bạn chưa nhập gì"],
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

  it("answers 'you already asked' for the same phone and kind, naming the first request", async () => {
    const h = harness();
    await deviceUpToSummary(h, "4008", "Võ Thành Nam", "+84901000004");
    const first = h
      .texts(await h.say({ kind: "choice", value: "nav:confirm" }, "4008"))
      .match(/YC-\w{6}/)?.[0];
    await deviceUpToSummary(h, "4009", "Võ Thị Lan", "+84901000004");
    const second = h.texts(await h.say({ kind: "choice", value: "nav:confirm" }, "4009"));
    expect(second).toContain(`Bạn đã gửi đơn này rồi: ${first}`);
  });

  it("makes one request when the same child is confirmed twice at the same moment", async () => {
    const h = harness();
    await deviceUpToSummary(h, "4004", "Lê Minh Khang", "+84901000001");
    await deviceUpToSummary(h, "4005", "le minh khang", "+84901000002");
    const [a, b] = await Promise.all([
      h.say({ kind: "choice", value: "nav:confirm" }, "4004"),
      h.say({ kind: "choice", value: "nav:confirm" }, "4005"),
    ]);
    const both = h.texts([...a, ...b]);
    expect(both).toContain("Đã gửi đơn xin máy tính");
    expect(both).toContain("Bạn đã gửi đơn này rồi");
    expect(await requestModel(mongo).countDocuments({ childName: /khang/i })).toBe(1);
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

  it("lets a parent withdraw their own request, and nobody else's", async () => {
    const h = harness();
    await deviceUpToSummary(h, "4010", "Đỗ Hải Yến", "+84901000005");
    const code = h
      .texts(await h.say({ kind: "choice", value: "nav:confirm" }, "4010"))
      .match(/YC-\w{6}/)?.[0];
    expect(h.texts(await h.say(`/rut ${code}`, "4011"))).toContain("Bạn gõ /rut và mã đơn của mình");
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
      "Đã gửi đơn xin máy tính",
    );
  });
});
