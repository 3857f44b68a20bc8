import type { Connection } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pledgeModel } from "../../../src/features/pledges/model.js";
import { createPledgeService } from "../../../src/features/pledges/service.js";
import type { Redis } from "../../../src/storage/redis.js";
import type { Harness } from "../../helpers/core-harness.js";
import { promoteThanks } from "../../helpers/pledge-thanks.js";
import { CHU_VAN_AN, PHU_LOI, seedSchools } from "../../helpers/schools.js";
import { uniqueName } from "../../helpers/stores.js";
import {
  closeStores,
  donorFacing,
  expectNoChildNames,
  lifecycleOf,
  makePledge,
  openStores,
  pledgesHarness,
  receiveMoney,
  STAFF,
  seedChild,
} from "./fixtures.js";

describe("a pledge's way from promise to school", () => {
  let stores: { redis: Redis; mongo: Connection };
  const harnesses: Harness[] = [];
  const stops: Array<() => Promise<void>> = [];
  let prefix = "";
  const harness = async () => {
    const built = pledgesHarness(stores);
    const h = built.harness;
    prefix = built.prefix;
    harnesses.push(h);
    // Donors are told through the delivery engine, as in the app; the day's thanks by its worker.
    await h.startDeliveries();
    await built.pledges.start?.();
    stops.push(async () => built.pledges.stop?.());
    return h;
  };
  /** What the donor was sent since `from`, as one text, once the engine delivered it. */
  const toDonor = async (h: Harness, donor: string, from: number) => {
    await h.waitForSent((s) => s.chatId === donor, from);
    return h.sent
      .slice(from)
      .filter((s) => s.chatId === donor)
      .map((s) => (s.message.kind === "text" ? s.message.text : ""))
      .join("\n");
  };

  beforeAll(async () => {
    stores = await openStores();
  });
  afterAll(async () => {
    for (const stop of stops) await stop();
    for (const h of harnesses) await h.close();
    await closeStores(stores);
  });

  it("thanks the donor once for the day's parts, adds parts up, then names the school, not a child", async () => {
    const h = await harness();
    // A child waiting at the school the pledge goes to: the donor hears of the school only.
    const child = await seedChild(stores.mongo, "Đặng Quốc Việt", CHU_VAN_AN);
    const donor = uniqueName("d");
    const { code } = await makePledge(stores.mongo, {
      userId: donor,
      money: { pledgedVnd: 1_000_000, receivedVnd: 0 },
      devices: { type: "laptop", count: 2, condition: "new", handover: "drop-off", receivedCount: 0 },
    });

    expect(h.texts(await h.say(`/nhan ${code.toLowerCase()} 400k chuyển khoản VCB`, STAFF))).toContain(
      `Đã ghi nhận ${code}: +400.000 đ (mục #1)`,
    );
    await h.say(`/nhan ${code} 600.000`, STAFF);
    expect((await pledgeModel(stores.mongo).findOne({ code }).lean())?.status).toBe("pledged");
    await h.say(`/nhan ${code} 2 máy`, STAFF);
    // Three entries, and the donor has heard nothing yet: the thanks waits for a quiet spell.
    expect(h.sent.filter((s) => s.chatId === donor)).toHaveLength(0);
    let mark = h.sent.length;
    expect(await promoteThanks(stores.redis, prefix)).toBe(1);
    const thanks = await toDonor(h, donor, mark);
    expect(thanks).toContain("xin chân thành cảm ơn");
    expect(thanks).toContain("1.000.000 đ, 2 thiết bị");
    expect(thanks).toContain("đã nhận đủ những gì anh/chị đăng ký ủng hộ");
    const received = await pledgeModel(stores.mongo).findOne({ code }).lean();
    expect(received).toMatchObject({
      status: "received",
      money: { receivedVnd: 1_000_000 },
      devices: { receivedCount: 2 },
    });
    expect(received?.receipts.map((r) => r.quantity)).toEqual([400_000, 600_000, 2]);

    mark = h.sent.length;
    await h.say(`/phanbo ${code} 79001 cho lớp 6`, STAFF);
    expect(await toDonor(h, donor, mark)).toContain("sẽ được trao cho Trường THCS Chu Văn An (Quận 8)");
    mark = h.sent.length;
    await h.say(`/trao ${code}`, STAFF);
    expect(await toDonor(h, donor, mark)).toContain(
      "đã được trao cho các em tại Trường THCS Chu Văn An (Quận 8)",
    );

    const mine = h.texts(await h.say("/ungho", donor));
    expect(mine).toContain("Trạng thái: đã trao");
    expect(mine).toContain("Nơi nhận: Trường THCS Chu Văn An, Quận 8");
    const stored = await pledgeModel(stores.mongo).findOne({ code }).lean();
    expect(stored?.history.map((entry) => entry.action)).toEqual([
      "pledged",
      "received",
      "received",
      "received",
      "allocated",
      "delivered",
    ]);
    expect(stored?.history.at(-2)).toMatchObject({ by: `telegram:${STAFF}`, note: "cho lớp 6" });
    const thanked = h.sent.filter(
      (s) => s.chatId === donor && JSON.stringify(s.message).includes("cảm ơn anh/chị"),
    );
    expect(thanked).toHaveLength(1);
    expectNoChildNames(donorFacing(h.sent), [child]);
  });

  it("tells a donor who chose English in English", async () => {
    const h = await harness();
    const donor = uniqueName("en");
    const { code } = await makePledge(stores.mongo, {
      userId: donor,
      locale: "en",
      data: { carrier: "viettel", count: 10, months: 3, receivedCount: 0 },
    });
    await h.say(`/nhan ${code} 4 goi`, STAFF);
    const mark = h.sent.length;
    await promoteThanks(stores.redis, prefix);
    const told = await toDonor(h, donor, mark);
    expect(told).toContain("Today the programme has received 4 data packages");
    expect(told).toContain("Data: 10 Viettel packages, 3 months each (4 received)");
  });

  it("lets only staff record, allocate, deliver and cancel", async () => {
    const h = await harness();
    const donor = uniqueName("d");
    const { code } = await makePledge(stores.mongo, {
      userId: donor,
      money: { pledgedVnd: 500_000, receivedVnd: 0 },
    });
    for (const command of [
      `/nhan ${code} 500k`,
      `/phanbo ${code} 79001`,
      `/trao ${code}`,
      `/huyuh ${code} nhầm`,
    ]) {
      expect(h.texts(await h.say(command, donor))).toContain("chỉ dành cho cán bộ");
    }
    expect((await pledgeModel(stores.mongo).findOne({ code }).lean())?.receipts).toEqual([]);
  });

  it("refuses to allocate what has not arrived, or to a school not in the directory", async () => {
    const h = await harness();
    const { code } = await makePledge(stores.mongo, {
      userId: uniqueName("d"),
      money: { pledgedVnd: 500_000, receivedVnd: 0 },
    });
    expect(h.texts(await h.say(`/phanbo ${code} 79001`, STAFF))).toContain("chưa nhận được gì");
    expect(h.texts(await h.say(`/phanbo ${code} 99999`, STAFF))).toContain(
      "Không tìm thấy trường có mã “99999”",
    );
    expect(h.texts(await h.say(`/trao ${code}`, STAFF))).toContain("trạng thái “đã cam kết”");
    expect(h.texts(await h.say(`/nhan ${code} 3 máy`, STAFF))).toContain("không có mục đó");
  });

  it("cancels only with a reason, which the donor is told", async () => {
    const h = await harness();
    const donor = uniqueName("d");
    const { code } = await makePledge(stores.mongo, {
      userId: donor,
      money: { pledgedVnd: 500_000, receivedVnd: 0 },
    });
    expect(h.texts(await h.say(`/huyuh ${code}`, STAFF))).toContain("Cách dùng: /huyuh");
    const mark = h.sent.length;
    await h.say(`/huyuh ${code} Nhà hảo tâm đổi ý`, STAFF);
    expect(await toDonor(h, donor, mark)).toContain("đã được huỷ. Lý do: Nhà hảo tâm đổi ý");
    expect(h.texts(await h.say(`/nhan ${code} 500k`, STAFF))).toContain("trạng thái “đã huỷ”");
  });

  it("shows staff the donor's contact for a pick-up, and logs that they read it", async () => {
    const h = await harness();
    const { code } = await makePledge(stores.mongo, {
      userId: uniqueName("d"),
      donorName: "Phạm Văn Đức",
      phone: "+84987654321",
      devices: {
        type: "tablet",
        count: 1,
        condition: "new",
        handover: "pickup",
        address: "5 Hai Bà Trưng",
        receivedCount: 0,
      },
    });
    const shown = h.texts(await h.say(`/ungho ${code}`, STAFF));
    expect(shown).toContain("Phạm Văn Đức · 0987 654 321 · 5 Hai Bà Trưng");
    const audit = await stores.mongo.collection("audit_log").findOne({ action: "read-pledge", target: code });
    expect(audit).toMatchObject({ actor: `telegram:${STAFF}` });
    expect(h.texts(await h.say(`/ungho ${code}`, uniqueName("other")))).toContain("không tìm thấy");
  });

  it("shows anyone the anonymous totals with /minhbach, naming no donor and no child", async () => {
    const h = await harness();
    const child = await seedChild(stores.mongo, "Bùi Thanh Tâm", CHU_VAN_AN);
    const { code } = await makePledge(stores.mongo, {
      userId: uniqueName("d"),
      donorName: "Ngô Thị Thu",
      showName: true,
      money: { pledgedVnd: 300_000, receivedVnd: 0 },
    });
    await receiveMoney(stores, code, 300_000);
    expect(h.texts(await h.say(`/phanbo ${code} 79001`, STAFF))).toContain(code);
    const text = h.texts(await h.say("/minhbach", uniqueName("p")));
    expect(text).toContain("Minh bạch");
    expect(text).toContain("Quà đã có trường nhận, theo khu vực:\n• Quận 8");
    expect(text).not.toContain("Ngô Thị Thu");
    expectNoChildNames([text], [child]);
  });

  it("names a school with no district by its ward, to the donor and on the public totals", async () => {
    // After the minhbach test above, which expects Quận 8 as the only area.
    await seedSchools(stores.mongo, [PHU_LOI]);
    const h = await harness();
    const donor = uniqueName("d");
    const { code } = await makePledge(stores.mongo, {
      userId: donor,
      money: { pledgedVnd: 200_000, receivedVnd: 0 },
    });
    await receiveMoney(stores, code, 200_000);
    const mark = h.sent.length;
    await h.say(`/phanbo ${code} ${PHU_LOI.code}`, STAFF);
    expect(await toDonor(h, donor, mark)).toContain(
      "sẽ được trao cho Trường Tiểu học Phú Lợi (Phường Phú Lợi)",
    );
    expect(h.texts(await h.say("/ungho", donor))).toContain(
      "Nơi nhận: Trường Tiểu học Phú Lợi, Phường Phú Lợi",
    );
    const text = h.texts(await h.say("/minhbach", uniqueName("p")));
    expect(text).toMatch(/theo khu vực:\n• Phường Phú Lợi: /);
    expect(text).not.toMatch(/• :|• —/);
  });

  it("adds up 20 receipts that arrive at the same moment exactly, and counts a line sent 20 times once", async () => {
    const { code } = await makePledge(stores.mongo, {
      userId: uniqueName("d"),
      devices: { type: "tablet", count: 40, condition: "new", handover: "drop-off", receivedCount: 0 },
    });
    const lifecycle = lifecycleOf(stores);
    const receipt = (key: string) => ({ kind: "devices" as const, quantity: 1, key, by: "staff" });
    const parts = await Promise.all(
      Array.from({ length: 20 }, (_, i) => lifecycle.receive(code, receipt(`r${i}`))),
    );
    expect(parts.every((result) => result.kind === "changed")).toBe(true);
    const same = await Promise.all(
      Array.from({ length: 20 }, () => lifecycle.receive(code, receipt("line-7"))),
    );
    expect(same.filter((result) => result.kind === "changed")).toHaveLength(1);
    expect(same.filter((result) => result.kind === "duplicate")).toHaveLength(19);
    const stored = await pledgeModel(stores.mongo).findOne({ code }).lean();
    expect(stored?.devices?.receivedCount).toBe(21);
    expect(stored?.receipts).toHaveLength(21);
    expect(stored?.history.filter((entry) => entry.action === "received")).toHaveLength(21);
  });

  it("erases a donor's name, phone and address on request, keeping the anonymous amounts", async () => {
    const donor = uniqueName("erase");
    const { code } = await makePledge(stores.mongo, {
      userId: donor,
      donorName: "Hoàng Thị Mai",
      phone: "+84912000111",
      wantsUpdates: true,
      money: { pledgedVnd: 700_000, receivedVnd: 0 },
      devices: {
        type: "phone",
        count: 1,
        condition: "new",
        handover: "pickup",
        address: "9 Trần Phú",
        receivedCount: 0,
      },
    });
    expect(await createPledgeService(stores.mongo).eraseDonor("telegram", donor)).toBe(1);
    const erased = await pledgeModel(stores.mongo).findOne({ code }).lean();
    for (const personal of ["Hoàng Thị Mai", "912000111", "9 Trần Phú", donor]) {
      expect(JSON.stringify(erased)).not.toContain(personal);
    }
    expect(erased).toMatchObject({
      wantsUpdates: false,
      money: { pledgedVnd: 700_000 },
      devices: { count: 1 },
    });
  });
});
