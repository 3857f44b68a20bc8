/**
 * Parents typing their answers as they really do, where options are numbered lines (as on
 * Zalo): yes/no words at the consent, a synonym at the device step, a short re-ask after a
 * miss, a school name that finds nothing, and the menu once a form ends.
 */
import type { Connection } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OutboundMessage } from "../../../src/core/messages.js";
import { createRequestsFeature } from "../../../src/features/requests/feature.js";
import { requestModel } from "../../../src/features/requests/model.js";
import { createSchoolService } from "../../../src/features/schools/service.js";
import type { Redis } from "../../../src/storage/redis.js";
import { choicesOf, createHarness, lastOf, NUMBERED } from "../../helpers/core-harness.js";
import { seedSchools } from "../../helpers/schools.js";
import { closeTestStores, openTestStores, uniqueName } from "../../helpers/stores.js";

describe("typed answers in the request forms", () => {
  let redis: Redis;
  let mongo: Connection;
  const prefix = `${uniqueName("ta")}:`;
  const harness = () =>
    createHarness({
      redis,
      mongo,
      prefix,
      capabilities: NUMBERED,
      channel: "zalo",
      features: (kit) => [
        createRequestsFeature({
          mongo,
          lock: kit.lock,
          schools: createSchoolService(mongo),
          notify: kit.notify,
          i18n: kit.i18n,
        }),
      ],
    });

  beforeAll(async () => {
    ({ redis, mongo } = await openTestStores());
    await seedSchools(mongo);
  });
  afterAll(() => closeTestStores({ redis, mongo }));

  /** Opens the device form from the numbered menu, as a parent types it. */
  async function openDeviceForm(h: ReturnType<typeof harness>, chat: string): Promise<OutboundMessage[]> {
    const menu = lastOf(await h.say("/start", chat));
    return h.say(String(choicesOf(menu).indexOf("menu:device") + 1), chat);
  }

  async function upToDevice(h: ReturnType<typeof harness>, chat: string): Promise<void> {
    await openDeviceForm(h, chat);
    await h.say("dong y", chat);
    await h.say("Nguyễn Thị Hà", chat);
    await h.say("lớp 6", chat);
    await h.say("chu van an", chat);
    await h.say("1", chat);
    await h.say("bỏ qua", chat);
    expect(h.texts(await h.say("ho ngheo, mat viec", chat))).toContain("Con cần loại thiết bị nào");
  }

  it.each(["đồng ý", "dong y", "ok", "có", "vâng"])("takes “%s” as consent", async (typed) => {
    const h = harness();
    const chat = `ta-consent-${typed}`;
    expect(h.texts(await openDeviceForm(h, chat))).toContain("Trước khi bắt đầu");
    expect(h.texts(await h.say(typed, chat))).toContain("Họ và tên của con");
  });

  it("takes “không” as declining, and then offers the menu instead of a command to type", async () => {
    const h = harness();
    const chat = "ta-decline";
    await openDeviceForm(h, chat);
    const replies = await h.say("không", chat);
    expect(h.texts(replies)).toContain("ChoEm không lưu thông tin gì");
    expect(choicesOf(lastOf(replies))).toContain("menu:device");
    expect(h.texts(replies)).not.toContain("/start");
  });

  it("re-asks a missed consent in one line with the options, not the whole notice", async () => {
    const h = harness();
    const chat = "ta-miss";
    await openDeviceForm(h, chat);
    const replies = await h.say("mèo", chat);
    expect(replies).toHaveLength(1);
    const reply = replies[0];
    expect(reply?.kind === "text" && reply.text).toContain("chọn một trong các lựa chọn");
    expect(reply?.kind === "text" && reply.text.includes("\n")).toBe(false);
    expect(h.texts(replies)).not.toContain("Trước khi bắt đầu");
    expect(choicesOf(reply)).toEqual(["agree", "decline", "nav:cancel"]);
    expect(h.texts(await h.say("ok", chat))).toContain("Họ và tên của con");
  });

  it("picks the laptop when “laptop” is typed at the device step", async () => {
    const h = harness();
    const chat = "ta-laptop";
    await upToDevice(h, chat);
    expect(h.texts(await h.say("laptop", chat))).toContain("nhà mình đang có gì");
    await h.say("wifi", chat);
    await h.say("xong", chat);
    const summary = h.texts(await h.say("0912 345 678", chat));
    expect(summary).toContain("Thiết bị cần: Máy tính xách tay");
    expect(summary).toContain("Nhà đang có: Có Wi-Fi hoặc 4G");
  });

  it("asks which one when “máy tính” fits two devices, then reads the number among those two", async () => {
    const h = harness();
    const chat = "ta-which";
    await upToDevice(h, chat);
    const asked = await h.say("máy tính", chat);
    expect(h.texts(asked)).toContain("“Máy tính xách tay”, “Máy tính bảng”");
    expect(choicesOf(lastOf(asked))).toEqual(["laptop", "tablet", "nav:back", "nav:cancel"]);
    expect(h.texts(await h.say("2", chat))).toContain("nhà mình đang có gì");
    await h.say("1", chat);
    const summary = h.texts(await h.say("0912 345 679", chat));
    expect(summary).toContain("Thiết bị cần: Máy tính bảng");
  });

  it("says when a school name finds nothing, and searches again with the name typed next", async () => {
    const h = harness();
    const chat = "ta-school";
    await openDeviceForm(h, chat);
    await h.say("đồng ý", chat);
    await h.say("Nguyễn Văn Nam", chat);
    await h.say("lớp 7", chat);
    const none = await h.say("Trường Hogwarts", chat);
    expect(h.texts(none)).toContain("ChoEm không tìm thấy trường nào tên “Trường Hogwarts” có dạy lớp 7");
    expect(choicesOf(lastOf(none))).toEqual(["not-listed", "nav:back", "nav:cancel"]);
    expect(h.texts(none)).not.toContain("từ 1 đến 1");

    const found = await h.say("chu văn an", chat);
    expect(h.texts(found)).toContain("Trường của con là trường nào");
    expect(choicesOf(lastOf(found))).toContain("79001");
    // Another name at the pick step is a new search too; a primary school is not offered for grade 7.
    const other = await h.say("le loi", chat);
    expect(choicesOf(lastOf(other))).not.toContain("79002");
    expect(h.texts(other)).toContain("“le loi” có dạy lớp 7");
    const again = await h.say("chu van an", chat);
    expect(choicesOf(lastOf(again))).toContain("79001");
    expect(h.texts(await h.say("1", chat))).toContain("Con học lớp nào");
  });

  it("changes one answer from the summary and comes back to it with the others kept", async () => {
    const h = harness();
    const chat = "ta-edit";
    await upToDevice(h, chat);
    await h.say("laptop", chat);
    await h.say("1", chat);
    const summary = lastOf(await h.say("0912 345 671", chat));
    expect(h.texts([summary!])).toContain("• Lớp: lớp 6");
    const editGrade = choicesOf(summary).indexOf("nav:edit:grade") + 1;
    expect(editGrade).toBeGreaterThan(1);
    expect(h.texts(await h.say(String(editGrade), chat))).toContain("Con đang học lớp mấy");
    const back = h.texts(await h.say("7", chat));
    expect(back).toContain("kiểm tra lại");
    expect(back).toContain("• Lớp: 7");
    expect(back).toContain("Thiết bị cần: Máy tính xách tay");
    expect(back).toContain("Họ tên con: Nguyễn Thị Hà");
    // A typed no at the summary is not read as the yes inside it.
    expect(h.texts(await h.say("không đồng ý", chat))).toContain("chọn “Xác nhận” để gửi");
    expect(await requestModel(mongo).countDocuments({ chatId: chat })).toBe(0);
    await h.say("ok", chat);
    const filed = await requestModel(mongo).findOne({ chatId: chat }).lean();
    expect(filed).toMatchObject({ grade: 7, device: "laptop" });
  });

  it("asks for the school again when a grade changed at the summary is not taught there", async () => {
    const h = harness();
    const chat = "ta-edit-level";
    await upToDevice(h, chat);
    await h.say("laptop", chat);
    await h.say("1", chat);
    const summary = lastOf(await h.say("0912 345 672", chat));
    const editGrade = choicesOf(summary).indexOf("nav:edit:grade") + 1;
    await h.say(String(editGrade), chat);
    // Grade 3 is primary school: the THCS chosen before cannot be the child's school.
    const asked = h.texts(await h.say("3", chat));
    expect(asked).toContain("Trường đã chọn không có lớp 3");
    expect(asked).not.toContain("kiểm tra lại");
    const found = await h.say("le loi", chat);
    expect(choicesOf(lastOf(found))).toContain("79002");
    const back = h.texts(await h.say("1", chat));
    expect(back).toContain("kiểm tra lại");
    expect(back).toContain("Trường Tiểu học Lê Lợi");
    expect(back).toContain("Thiết bị cần: Máy tính xách tay");
    await h.say("ok", chat);
    expect(await requestModel(mongo).findOne({ chatId: chat }).lean()).toMatchObject({
      grade: 3,
      schoolCode: "79002",
    });
  });

  it("shows the menu after a form is cancelled and after it is filed", async () => {
    const h = harness();
    const cancelled = await (async () => {
      await openDeviceForm(h, "ta-menu-1");
      return h.say("huỷ", "ta-menu-1");
    })();
    expect(h.texts(cancelled)).toContain("Đã huỷ");
    expect(choicesOf(lastOf(cancelled))).toContain("menu:device");
    expect(h.texts(cancelled)).not.toContain("/start");

    const chat = "ta-menu-2";
    await upToDevice(h, chat);
    await h.say("laptop", chat);
    await h.say("1", chat);
    await h.say("0912 345 670", chat);
    const filed = await h.say("ok", chat);
    expect(h.texts(filed)).toMatch(/Mã đơn của anh\/chị: YC-[A-Z0-9]{6}/);
    expect(choicesOf(lastOf(filed))).toContain("menu:lookup");
    expect(await requestModel(mongo).countDocuments({ chatId: chat })).toBe(1);
  });
});
