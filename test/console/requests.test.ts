/**
 * The requests queue in the console, as a province officer and a school's verifier use it:
 * each sees exactly their scope by any URL, finds a child without typing diacritics, and
 * every action reaches the parent in chat through the same lifecycle as /capnhat.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Driver, telegramDriver } from "../helpers/channel-drivers.js";
import { type ConsoleClient, consoleClient, signInByLink } from "../helpers/console-client.js";
import { appointSchoolStaff, seedDeviceRequest } from "../helpers/console-seed.js";
import { type PlatformApp, startPlatformApp, TELEGRAM_SECRET } from "../helpers/platform-app.js";

describe("the requests queue in the console", () => {
  let platform: PlatformApp;
  let province: ConsoleClient;
  let verifier: ConsoleClient;
  let parent: Driver;
  let an: string;
  let binh: string;

  const toldParent = () =>
    platform.telegram
      .calls()
      .filter((c) => c.method === "sendMessage" && String(c.payload.chat_id) === "920")
      .map((c) => String(c.payload.text));

  beforeAll(async () => {
    platform = await startPlatformApp({ ADMIN_IDS: "telegram:900" });
    const admin = telegramDriver(platform.app.server, platform.telegram, TELEGRAM_SECRET, 900);
    const lan = telegramDriver(platform.app.server, platform.telegram, TELEGRAM_SECRET, 910);
    parent = telegramDriver(platform.app.server, platform.telegram, TELEGRAM_SECRET, 920);
    an = await seedDeviceRequest(platform.app, "79001", "Nguyễn Văn An", "920");
    binh = await seedDeviceRequest(platform.app, "79002", "Trần Thị Bình", "921");
    province = consoleClient(platform.app.server);
    await signInByLink(province, admin);
    await appointSchoolStaff(province, lan, "Cô Lan", "79001");
    verifier = consoleClient(platform.app.server);
    await signInByLink(verifier, lan);
  });
  afterAll(() => platform.close());

  it("shows the province every request and a school's verifier only theirs, by any URL", async () => {
    const all = await province.get("/console/requests");
    expect(all.body).toContain(an);
    expect(all.body).toContain(binh);
    const mine = await verifier.get("/console/requests");
    expect(mine.body).toContain(an);
    expect(mine.body).not.toContain(binh);
    expect((await verifier.get("/console/requests?school=79002")).body).not.toContain(binh);
    // The search box shows what was typed; no row links to it.
    expect((await verifier.get(`/console/requests?q=${binh}`)).body).not.toContain(
      `/console/requests/${binh}`,
    );
    const other = await verifier.get(`/console/requests/${binh}`);
    expect(other.status).toBe(404);
    expect(other.body).not.toContain("Trần Thị Bình");
    await verifier.get(`/console/requests/${an}`);
    const act = await verifier.post(`/console/requests/${binh}/status`, { status: "verified" });
    expect(act.status).toBe(404);
    expect((await province.get(`/console/requests/${binh}`)).body).toContain("mới, chờ xác minh");
  });

  it("finds a child by name typed without diacritics, and by code", async () => {
    const byName = await province.get("/console/requests?q=nguyen%20van%20an");
    expect(byName.body).toContain(an);
    expect(byName.body).not.toContain(binh);
    expect((await province.get(`/console/requests?q=${binh.toLowerCase()}`)).body).toContain(binh);
  });

  it("shows every field the parent gave and writes the view to the audit log", async () => {
    const page = await verifier.get(`/console/requests/${an}`);
    expect(page.body).toContain("Nguyễn Văn An");
    expect(page.body).toContain("Máy tính xách tay");
    expect(page.body).toContain("0912 345 678");
    const log = await province.get(`/console/audit?target=${an}`);
    expect(log.body).toContain("request:view");
    expect(log.body).toContain("telegram:910");
  });

  it("verifies from the console and the parent is told in chat", async () => {
    const before = toldParent().length;
    await verifier.get(`/console/requests/${an}`);
    const done = await verifier.post(`/console/requests/${an}/status`, { status: "verified" });
    expect(done).toMatchObject({ status: 303, location: `/console/requests/${an}?done=1` });
    const told = toldParent().slice(before);
    expect(told).toHaveLength(1);
    expect(told[0]).toContain("đã xác minh");
    expect(await parent.say("/tracuu")).toContain("đã xác minh");
  });

  it("asks for a reason before not approving, keeps the words, and tells the parent why", async () => {
    await province.get(`/console/requests/${binh}`);
    const bare = await province.post(`/console/requests/${binh}/status`, {
      status: "rejected",
      reason: "other",
      words: "",
    });
    expect(bare.status).toBe(400);
    expect(bare.body).toContain("chọn lý do");
    const rejected = await province.post(`/console/requests/${binh}/status`, {
      status: "rejected",
      reason: "moved-away",
      words: "Em đã chuyển về Đồng Nai.",
    });
    expect(rejected.status).toBe(303);
    const told = platform.telegram
      .calls()
      .filter((c) => c.method === "sendMessage" && String(c.payload.chat_id) === "921")
      .map((c) => String(c.payload.text));
    expect(told.at(-1)).toContain("Em đã chuyển trường hoặc chuyển nơi ở: Em đã chuyển về Đồng Nai.");
    // A second click on an old page changes nothing and says so.
    const late = await province.post(`/console/requests/${binh}/status`, { status: "verified" });
    expect(late.status).toBe(409);
    expect(late.body).toContain("không được duyệt");
  });

  it("moves a selection at once, skipping what is out of scope", async () => {
    const more = [
      await seedDeviceRequest(platform.app, "79001", "Lê Thị Cúc", "922"),
      await seedDeviceRequest(platform.app, "79001", "Phạm Văn Dũng", "923"),
    ];
    const hidden = await seedDeviceRequest(platform.app, "79002", "Võ Thị Em", "924");
    await verifier.get("/console/requests");
    const done = await verifier.post("/console/requests/bulk", {
      status: "verified",
      codes: [...more, hidden],
    });
    expect(done.status).toBe(303);
    expect(done.location).toBe("/console/requests?bulk=2");
    expect((await province.get(`/console/requests/${hidden}`)).body).toContain("mới, chờ xác minh");
  });
});
