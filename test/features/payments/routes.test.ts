import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { vietQrPayloadFor } from "../../../src/features/payments/payment.js";
import { vietQrRoutes } from "../../../src/features/payments/routes.js";
import { createPledgeService } from "../../../src/features/pledges/service.js";
import { createTransparencyFeature } from "../../../src/features/transparency/feature.js";
import { CHU_VAN_AN, LE_LOI } from "../../helpers/schools.js";
import { uniqueName } from "../../helpers/stores.js";
import {
  closeStores,
  expectNoChildNames,
  lifecycleOf,
  makePledge,
  openStores,
  receiveMoney,
  type Stores,
  seedChild,
  VIETQR,
} from "../pledges/fixtures.js";
import { scanQr } from "./scan-qr.js";

describe("the donors' HTTP routes: VietQR and the public summary", () => {
  let stores: Stores;
  let app: FastifyInstance;
  let withoutBank: FastifyInstance;

  async function serve(vietqr: typeof VIETQR | undefined): Promise<FastifyInstance> {
    const server = Fastify();
    await server.register(vietQrRoutes({ pledges: createPledgeService(stores.mongo), vietqr }));
    const transparency = createTransparencyFeature(stores.mongo).routes;
    if (transparency) await server.register(transparency);
    return server;
  }

  beforeAll(async () => {
    stores = await openStores();
    app = await serve(VIETQR);
    withoutBank = await serve(undefined);
  });
  afterAll(async () => {
    await app.close();
    await withoutBank.close();
    await closeStores(stores);
  });

  it("serves a PNG that scans to the VietQR of what is still to pay", async () => {
    const pledge = await makePledge(stores.mongo, {
      userId: uniqueName("d"),
      money: { pledgedVnd: 800_000, receivedVnd: 0 },
    });
    await receiveMoney(stores, pledge.code, 300_000);
    const response = await app.inject({ method: "GET", url: `/vietqr/${pledge.code}.png` });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("image/png");
    const scanned = scanQr(response.rawPayload);
    expect(scanned).toContain("5406500000"); // 800.000 pledged − 300.000 received
    expect(scanned).toContain(`08${String(pledge.code.length).padStart(2, "0")}${pledge.code}`);
    const current = { ...pledge, money: { pledgedVnd: 800_000, receivedVnd: 300_000 } };
    expect(scanned).toBe(vietQrPayloadFor(current, VIETQR));
  });

  it("answers 404 for an unknown code, a cancelled pledge, one without money, or no bank account", async () => {
    const cancelled = await makePledge(stores.mongo, {
      userId: uniqueName("d"),
      money: { pledgedVnd: 100_000, receivedVnd: 0 },
    });
    await lifecycleOf(stores).cancel(cancelled.code, "staff", "nhầm");
    const devices = await makePledge(stores.mongo, {
      userId: uniqueName("d"),
      devices: { type: "phone", count: 1, condition: "new", handover: "drop-off", receivedCount: 0 },
    });
    const open = await makePledge(stores.mongo, {
      userId: uniqueName("d"),
      money: { pledgedVnd: 100_000, receivedVnd: 0 },
    });
    for (const url of [
      "/vietqr/UH-9X9X9X.png",
      "/vietqr/nonsense.png",
      `/vietqr/${cancelled.code}.png`,
      `/vietqr/${devices.code}.png`,
    ]) {
      expect((await app.inject({ method: "GET", url })).statusCode).toBe(404);
    }
    expect((await withoutBank.inject({ method: "GET", url: `/vietqr/${open.code}.png` })).statusCode).toBe(
      404,
    );
  });

  it("publishes anonymous totals by school level and district as JSON", async () => {
    const lifecycle = lifecycleOf(stores);
    // Children waiting at both schools the pledges go to: the public totals never name them.
    const children = [
      await seedChild(stores.mongo, "Phùng Khánh Linh", CHU_VAN_AN),
      await seedChild(stores.mongo, "La Văn Sơn", LE_LOI),
    ];
    const before = (await app.inject({ method: "GET", url: "/api/summary" })).json();
    const money = await makePledge(stores.mongo, {
      userId: uniqueName("d"),
      donorName: "Công ty Minh Long",
      money: { pledgedVnd: 1_000_000, receivedVnd: 0 },
    });
    await receiveMoney(stores, money.code, 1_000_000);
    await lifecycle.allocate(
      money.code,
      { schoolCode: "79001", schoolName: "Trường THCS Chu Văn An", district: "Quận 8", level: "thcs" },
      "staff",
    );
    const devices = await makePledge(stores.mongo, {
      userId: uniqueName("d"),
      devices: { type: "laptop", count: 3, condition: "new", handover: "drop-off", receivedCount: 0 },
    });
    await lifecycle.receive(devices.code, { kind: "devices", quantity: 3, key: "k-devices", by: "staff" });
    await lifecycle.allocate(
      devices.code,
      {
        schoolCode: "79002",
        schoolName: "Trường Tiểu học Lê Lợi",
        district: "Huyện Đông Sơn",
        level: "tieu-hoc",
      },
      "staff",
    );
    await lifecycle.deliver(devices.code, "staff");

    const response = await app.inject({ method: "GET", url: "/api/summary" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("application/json");
    const summary = response.json();
    expect(summary).toEqual({
      generatedAt: expect.any(String),
      pledges: before.pledges + 2,
      money: {
        pledgedVnd: before.money.pledgedVnd + 1_000_000,
        receivedVnd: before.money.receivedVnd + 1_000_000,
      },
      devices: {
        pledged: before.devices.pledged + 3,
        received: before.devices.received + 3,
        delivered: before.devices.delivered + 3,
      },
      dataPackages: before.dataPackages,
      bySchoolLevel: [
        { level: "thcs", pledges: 1, moneyVnd: 1_000_000, devices: 0, dataPackages: 0 },
        { level: "tieu-hoc", pledges: 1, moneyVnd: 0, devices: 3, dataPackages: 0 },
      ],
      byDistrict: [
        { district: "Huyện Đông Sơn", pledges: 1, moneyVnd: 0, devices: 3, dataPackages: 0 },
        { district: "Quận 8", pledges: 1, moneyVnd: 1_000_000, devices: 0, dataPackages: 0 },
      ],
    });
    expectNoChildNames([response.body], children);
    for (const name of ["Công ty Minh Long", money.code]) expect(response.body).not.toContain(name);
  });
});
