import type { Connection } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pledgeModel } from "../../../src/features/pledges/model.js";
import type { Redis } from "../../../src/storage/redis.js";
import { BUTTONS, choicesOf, lastOf, NUMBERED } from "../../helpers/core-harness.js";
import { uniqueName } from "../../helpers/stores.js";
import {
  closeStores,
  donorFacing,
  expectNoChildNames,
  openStores,
  PUBLIC_URL,
  pledgesHarness,
  seedChild,
} from "./fixtures.js";

describe("the pledge dialog", () => {
  let stores: { redis: Redis; mongo: Connection };
  const harness = (options: Parameters<typeof pledgesHarness>[1] = {}) =>
    pledgesHarness(stores, options).harness;

  beforeAll(async () => {
    stores = await openStores();
  });
  afterAll(() => closeStores(stores));

  it("records money, devices and data from a company on a button channel, then shows how to pay", async () => {
    const h = harness({ capabilities: BUTTONS });
    const child = await seedChild(stores.mongo, "Đinh Công Minh");
    const chat = "5001";
    const start = await h.say({ kind: "choice", value: "menu:pledge" }, chat);
    expect(choicesOf(lastOf(start))).toEqual(
      expect.arrayContaining(["individual", "organization", "civil-servant"]),
    );
    await h.say({ kind: "choice", value: "organization" }, chat);
    await h.say({ kind: "choice", value: "named" }, chat);
    await h.say("Công ty TNHH An Phát", chat);
    for (const item of ["money", "devices", "data", "nav:done"])
      await h.say({ kind: "choice", value: item }, chat);
    expect(h.texts(await h.say("2 triệu", chat))).toContain("loại thiết bị");
    await h.say({ kind: "choice", value: "laptop" }, chat);
    await h.say("5 máy", chat);
    await h.say({ kind: "choice", value: "used-good" }, chat);
    await h.say({ kind: "choice", value: "pickup" }, chat);
    await h.say("12 Lê Lợi, Phường 5, Quận 8", chat);
    await h.say({ kind: "choice", value: "viettel" }, chat);
    await h.say("20", chat);
    const phone = await h.say("6", chat);
    expect(lastOf(phone)).toMatchObject({ requestPhone: true });
    await h.say({ kind: "contact", phone: "+84912345678", isOwn: true }, chat);
    await h.say({ kind: "choice", value: "yes" }, chat);
    const summary = h.texts(await h.say({ kind: "choice", value: "yes" }, chat));
    for (const shown of [
      "Doanh nghiệp / tổ chức",
      "Công ty TNHH An Phát (công khai)",
      "Tiền: 2.000.000 đ",
      "5 × Máy tính xách tay (Đã dùng, còn tốt)",
      "20 gói Viettel, dùng 6 tháng",
      "12 Lê Lợi, Phường 5, Quận 8 (điện thoại 0912 345 678)",
    ]) {
      expect(summary).toContain(shown);
    }

    const done = await h.say({ kind: "choice", value: "nav:confirm" }, chat);
    const code = h.texts(done).match(/UH-[A-Z0-9]{6}/)?.[0];
    expect(code).toBeDefined();
    expect(h.texts(done)).toContain("Cán bộ sẽ gọi cho anh/chị");
    expect(h.texts(done)).toContain("Số tài khoản: 0071000123456");
    expect(h.texts(done)).toContain(`Nội dung chuyển khoản: ${code}`);
    expect(done).toContainEqual(
      expect.objectContaining({
        kind: "media",
        media: "photo",
        source: { kind: "url", url: `${PUBLIC_URL}/vietqr/${code}.png` },
      }),
    );
    const stored = await pledgeModel(stores.mongo).findOne({ code }).lean();
    expect(stored).toMatchObject({
      status: "pledged",
      donorType: "organization",
      donorName: "Công ty TNHH An Phát",
      showName: true,
      wantsUpdates: true,
      money: { pledgedVnd: 2_000_000, receivedVnd: 0 },
      devices: { type: "laptop", count: 5, condition: "used-good", handover: "pickup", receivedCount: 0 },
      data: { carrier: "viettel", count: 20, months: 6, receivedCount: 0 },
      phone: "+84912345678",
    });
    expectNoChildNames(donorFacing(h.sent), [child]);
  });

  it("takes numbered answers on Zalo, asks no phone for a drop-off, and says staff will send bank details", async () => {
    const h = harness({ capabilities: NUMBERED, vietqr: undefined });
    const child = await seedChild(stores.mongo, "Lý Thảo Vy");
    const chat = uniqueName("z");
    await h.say("/camket", chat);
    await h.say("1", chat); // individual
    await h.say("1", chat); // anonymous
    expect(h.texts(await h.say("1, 2, 3", chat))).toContain("bao nhiêu tiền");
    await h.say("1,5tr", chat);
    await h.say("2", chat); // tablet
    await h.say("3", chat);
    await h.say("1", chat); // new
    expect(h.texts(await h.say("2", chat))).toContain("nhà mạng"); // drop-off: no address
    await h.say("2", chat); // vinaphone
    await h.say("10", chat);
    const consent = h.texts(await h.say("3", chat));
    expect(consent).toContain("nhận tin từ chương trình");
    expect(consent).not.toContain("công khai tên"); // anonymous: nothing to show
    const summary = h.texts(await h.say("2", chat));
    expect(summary).toContain("Ẩn danh");
    expect(summary).toContain("1.500.000 đ");
    expect(summary).toContain("Tôi sẽ mang đến điểm nhận");
    const done = await h.say("1", chat); // confirm is listed first
    expect(h.texts(done)).toContain("sẽ sớm gửi anh/chị thông tin chuyển khoản");
    expect(done.some((m) => m.kind === "media")).toBe(false);
    const stored = await pledgeModel(stores.mongo).findOne({ chatId: chat }).lean();
    expect(stored).toMatchObject({ showName: false, wantsUpdates: false, devices: { handover: "drop-off" } });
    expect(stored?.donorName).toBeUndefined();
    expect(stored?.phone).toBeUndefined();
    expectNoChildNames(donorFacing(h.sent), [child]);
  });

  it("asks a civil servant for one day's pay and nothing about items", async () => {
    const h = harness();
    const child = await seedChild(stores.mongo, "Mai Anh Tuấn");
    const chat = uniqueName("cs");
    await h.say("/camket", chat);
    await h.say({ kind: "choice", value: "civil-servant" }, chat);
    expect(h.texts(await h.say({ kind: "choice", value: "anonymous" }, chat))).toContain("Một ngày lương");
    expect(h.texts(await h.say("/language en", chat))).toContain("one day's pay");
    await h.say("350k", chat);
    const summary = h.texts(await h.say({ kind: "choice", value: "no" }, chat));
    expect(summary).toContain("Money: 350,000 VND");
    expect(summary).not.toContain("Devices");
    expectNoChildNames(donorFacing(h.sent), [child]);
  });

  it.each([
    ["0", "lớn hơn 0 đồng"],
    ["-500k", "không thể là số âm"],
    ["20 tỷ", "vượt quá 10 tỷ đồng"],
    ["500", "tối thiểu là 1.000 đ"],
    ["hai trăm", "chưa đọc được số tiền"],
  ])("refuses the amount %j with the reason and asks again", async (typed, reason) => {
    const h = harness();
    const chat = uniqueName("amt");
    await h.say("/camket", chat);
    await h.say({ kind: "choice", value: "individual" }, chat);
    await h.say({ kind: "choice", value: "anonymous" }, chat);
    await h.say({ kind: "choice", value: "money" }, chat);
    await h.say({ kind: "choice", value: "nav:done" }, chat);
    const reply = h.texts(await h.say(typed, chat));
    expect(reply).toContain(reason);
    expect(reply).toContain("Anh/chị ủng hộ bao nhiêu tiền?");
  });

  it("makes one pledge when confirm is pressed twice", async () => {
    const h = harness();
    const chat = uniqueName("dbl");
    await h.say("/camket", chat);
    for (const answer of ["individual", "anonymous", "money", "nav:done"])
      await h.say({ kind: "choice", value: answer }, chat);
    await h.say("300k", chat);
    await h.say({ kind: "choice", value: "no" }, chat);
    await Promise.all([
      h.say({ kind: "choice", value: "nav:confirm" }, chat),
      h.say({ kind: "choice", value: "nav:confirm" }, chat),
    ]);
    expect(await pledgeModel(stores.mongo).countDocuments({ chatId: chat })).toBe(1);
  });

  it("reads “Có” and “không” typed at the yes/no steps, and changes the amount from the summary", async () => {
    const h = harness({ capabilities: NUMBERED });
    const chat = "5090";
    await h.say({ kind: "choice", value: "menu:pledge" }, chat);
    await h.say("cá nhân", chat);
    await h.say("ghi tên", chat);
    await h.say("Trần Văn Bình", chat);
    await h.say("tiền", chat);
    await h.say("xong", chat);
    expect(h.texts(await h.say("500k", chat))).toContain("công khai tên");
    expect(h.texts(await h.say("không", chat))).toContain("nhận tin");
    const summary = lastOf(await h.say("Có", chat));
    expect(h.texts([summary!])).toContain("500.000 đ");
    const editAmount = choicesOf(summary).indexOf("nav:edit:amount") + 1;
    expect(editAmount).toBeGreaterThan(1);
    expect(h.texts(await h.say(String(editAmount), chat))).toContain("bao nhiêu tiền");
    const back = h.texts(await h.say("1 triệu", chat));
    expect(back).toContain("1.000.000 đ");
    expect(back).toContain("Trần Văn Bình (không công khai)");
    await h.say("xác nhận", chat);
    const stored = await pledgeModel(stores.mongo).findOne({ chatId: chat }).lean();
    expect(stored).toMatchObject({ showName: false, wantsUpdates: true, money: { pledgedVnd: 1_000_000 } });
  });
});
