/**
 * Staff commands in chat obey the same scope as the console: a school's verifier lists and
 * moves only their school's requests, and status words are Vietnamese (diacritics optional).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Driver, telegramDriver } from "../helpers/channel-drivers.js";
import { consoleClient, signInByLink } from "../helpers/console-client.js";
import { appointSchoolStaff, seedDeviceRequest } from "../helpers/console-seed.js";
import { type PlatformApp, startPlatformApp, TELEGRAM_SECRET } from "../helpers/platform-app.js";

describe("staff commands in chat, scoped", () => {
  let platform: PlatformApp;
  let admin: Driver;
  let verifier: Driver;
  let parent: Driver;
  const codes: Record<string, string> = {};

  beforeAll(async () => {
    platform = await startPlatformApp({ ADMIN_IDS: "telegram:900" });
    admin = telegramDriver(platform.app.server, platform.telegram, TELEGRAM_SECRET, 900);
    verifier = telegramDriver(platform.app.server, platform.telegram, TELEGRAM_SECRET, 910);
    parent = telegramDriver(platform.app.server, platform.telegram, TELEGRAM_SECRET, 920);
    codes["79001"] = await seedDeviceRequest(platform.app, "79001", "Nguyễn Văn An", "920");
    codes["79002"] = await seedDeviceRequest(platform.app, "79002", "Trần Thị Bình", "920");
    // The province appoints a verifier for school 79001 from the console.
    const province = consoleClient(platform.app.server);
    await signInByLink(province, admin);
    await appointSchoolStaff(province, verifier, "Cô Lan", "79001");
  });
  afterAll(() => platform.close());

  it("lists only the verifier's school, and everything for the province", async () => {
    const mine = await verifier.say("/yeucau");
    expect(mine).toContain(codes["79001"]);
    expect(mine).not.toContain(codes["79002"]);
    expect(await verifier.say("/yeucau 79002")).toContain("Không có đơn nào");
    const all = await admin.say("/yeucau");
    expect(all).toContain(codes["79001"]);
    expect(all).toContain(codes["79002"]);
  });

  it("moves a request with Vietnamese status words, with or without diacritics", async () => {
    const done = await verifier.say(`/capnhat ${codes["79001"]} đã xác minh`);
    expect(done).toContain("Đã cập nhật");
    expect(done).toContain("đã xác minh");
    expect(await parent.say("/tracuu")).toContain("đã xác minh");
    expect(await verifier.say(`/capnhat ${codes["79001"]} da duyet`)).toContain("đã duyệt");
    expect(await verifier.say("/yeucau đã duyệt")).toContain(codes["79001"]);
    const noReason = await verifier.say(`/capnhat ${codes["79001"]} không được duyệt`);
    expect(noReason).toContain("lý do");
  });

  it("treats another school's request as absent", async () => {
    const answer = await verifier.say(`/capnhat ${codes["79002"]} đã xác minh`);
    expect(answer).toContain("không tìm thấy");
    expect(await verifier.say(`/tracuu ${codes["79002"]}`)).toContain("không tìm thấy");
    expect(await admin.say(`/tracuu ${codes["79002"]}`)).toContain("Trần Thị Bình");
  });
});
