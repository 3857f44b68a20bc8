import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createI18n } from "../../../src/core/i18n.js";
import { createRecordLock } from "../../../src/core/lock.js";
import { findPledgeCode, reconcileStatement } from "../../../src/features/payments/reconcile.js";
import { parseStatement } from "../../../src/features/payments/statement.js";
import { createDonorNotices } from "../../../src/features/pledges/donor-notices.js";
import { pledgeModel } from "../../../src/features/pledges/model.js";
import { silentLogger } from "../../helpers/silent-logger.js";
import { testRedisUrl, uniqueName } from "../../helpers/stores.js";
import { createTestEngine } from "../../helpers/test-engine.js";
import { closeStores, lifecycleOf, makePledge, openStores, type Stores } from "../pledges/fixtures.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));

describe("reconciling a bank statement", () => {
  let stores: Stores;
  beforeAll(async () => {
    stores = await openStores();
  });
  afterAll(() => closeStores(stores));

  const noticeIdOf = async (pledgeCode: string) =>
    String((await stores.mongo.collection("pledge_notices").findOne({ pledgeCode }))?._id);
  const money = (pledgedVnd: number) => ({ userId: uniqueName("d"), money: { pledgedVnd, receivedVnd: 0 } });
  const body = (code: string) => code.slice(3);

  it.each([
    ["UH-7K3M9Q", "UH-7K3M9Q"],
    ["chuyen tien uh-7k3m9q ung ho", "UH-7K3M9Q"],
    ["UH 7K3M9Q", "UH-7K3M9Q"],
    ["MBVCB.1234.UH7K3M9Q.CT", "UH-7K3M9Q"],
    ["ung ho chuong trinh", undefined],
    ["UH-7K2M9Q (2 is never in a code)", undefined],
    ["THUH7K3M9QX", undefined],
  ])("finds the pledge code in %j", (description, code) => {
    expect(findPledgeCode(description)).toBe(code);
  });

  it("records matched credits, lists mismatched and unmatched ones, and counts nothing twice", async () => {
    const a = await makePledge(stores.mongo, money(500_000));
    const b = await makePledge(stores.mongo, money(1_000_000));
    const cancelled = await makePledge(stores.mongo, money(300_000));
    await lifecycleOf(stores).cancel(cancelled.code, "staff", "đổi ý");
    const devicesOnly = await makePledge(stores.mongo, {
      userId: uniqueName("d"),
      devices: { type: "laptop", count: 1, condition: "new", handover: "drop-off", receivedCount: 0 },
    });
    const csv = [
      "date,amount,description,reference",
      `2024-09-05,500000,"chuyen tien ${a.code.toLowerCase()}",R1`,
      `2024-09-05,400.000,"UH ${body(b.code)}",R2`,
      `06/09/2024,600000,"MBVCB.123.UH${body(b.code)}.ung ho",`,
      `2024-09-06,300000,${cancelled.code},R4`,
      "2024-09-06,100000,UH-9X9X9X,R5",
      '2024-09-06,200000,"ung ho chuong trinh, cam on",R6',
      `2024-09-06,100000,${devicesOnly.code},R7`,
      "2024-09-07,-15000,phi SMS,R8",
    ].join("\n");
    const parsed = parseStatement(csv);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const thanked: string[] = [];
    const onReceipt = async (pledge: { code: string }) => {
      thanked.push(pledge.code);
    };

    const first = await reconcileStatement(
      stores.mongo,
      createRecordLock(stores.redis, "test:"),
      parsed.lines,
      { onReceipt },
    );
    expect(first.matched.map((o) => [o.line, o.code])).toEqual([
      [2, a.code],
      [4, b.code],
    ]);
    expect(first.mismatched.map((o) => [o.line, o.mismatch, o.recorded])).toEqual([
      [3, "amount-differs", true],
      [5, "cancelled", false],
      [6, "unknown-code", false],
      [8, "no-money", false],
    ]);
    expect(first.mismatched[0]).toMatchObject({ code: b.code, amountVnd: 400_000, expectedVnd: 1_000_000 });
    expect(first.unmatched.map((o) => o.line)).toEqual([7]);
    expect(first).toMatchObject({ alreadyImported: 0, debits: 1 });
    expect(thanked).toEqual([a.code, b.code, b.code]);

    const Pledges = pledgeModel(stores.mongo);
    expect(await Pledges.findOne({ code: a.code }).lean()).toMatchObject({
      status: "received",
      money: { receivedVnd: 500_000 },
    });
    expect(await Pledges.findOne({ code: b.code }).lean()).toMatchObject({
      status: "received",
      money: { receivedVnd: 1_000_000 },
    });
    expect((await Pledges.findOne({ code: cancelled.code }).lean())?.money?.receivedVnd).toBe(0);

    const again = await reconcileStatement(
      stores.mongo,
      createRecordLock(stores.redis, "test:"),
      parsed.lines,
      { onReceipt },
    );
    expect(again).toMatchObject({
      matched: [],
      mismatched: [],
      unmatched: [],
      alreadyImported: 7,
      debits: 1,
    });
    expect((await Pledges.findOne({ code: b.code }).lean())?.receipts).toHaveLength(2);
    expect(thanked).toHaveLength(3);
  });

  it("reports every bad line and reads nothing from a broken file", () => {
    const result = parseStatement(
      ["date,amount,description,reference", "2024-13-01,5000,x,", "2024-09-01,5k,x,", "2024-09-01,5000"].join(
        "\n",
      ),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.line)).toEqual([2, 3, 4]);
  });

  it("reads the sample statement shipped in data/", async () => {
    const sample = parseStatement(await readFile(join(root, "data/statement.sample.csv"), "utf8"));
    expect(sample.ok && sample.lines.map((l) => l.amountVnd)).toEqual([
      500_000, 1_000_000, 250_000, 200_000, -15_000,
    ]);
  });

  it("runs as npm run import:statement, and a second run finds everything already imported", async () => {
    const pledge = await makePledge(stores.mongo, money(250_000));
    const dir = await mkdtemp(join(tmpdir(), "choem-statement-"));
    const file = join(dir, "statement.csv");
    await writeFile(
      file,
      `date,amount,description,reference\n2024-09-09,250000,"ung ho ${pledge.code}",S1\n`,
    );
    const run = () =>
      new Promise<string>((resolve, reject) =>
        execFile(
          process.execPath,
          ["--import", "tsx", join(root, "scripts/import-statement.ts"), file],
          {
            cwd: root,
            env: {
              ...process.env,
              MONGODB_URI: stores.mongoUri,
              REDIS_URL: testRedisUrl(),
              LOG_LEVEL: "silent",
            },
          },
          (error, stdout, stderr) => (error ? reject(new Error(stderr)) : resolve(stdout)),
        ),
      );
    try {
      expect(await run()).toContain(`matched: 1\n  line 2: 2024-09-09 250.000 đ ${pledge.code}`);
      expect(await run()).toContain("already imported: 1");

      // The bot, not the script, thanks the donor: once, however often (and however many) sweep.
      const told: Array<{ chatId: string; text: string }> = [];
      let thanked: () => void = () => {};
      const arrived = new Promise<void>((resolve) => {
        thanked = resolve;
      });
      const { deliveries, store } = createTestEngine(stores.redis, stores.mongo, async (to, message) => {
        told.push({ chatId: to.chatId, text: message.kind === "text" ? message.text : "" });
        if (to.chatId === pledge.chatId) thanked();
        return { kind: "sent", messageIds: [String(told.length)] };
      });
      const i18n = createI18n("vi", join(root, "locales"));
      const notices = createDonorNotices({ mongo: stores.mongo, deliveries, i18n, logger: silentLogger() });
      await Promise.all([notices.sweepOnce(), notices.sweepOnce()]);
      await notices.sweepOnce();
      await deliveries.start();
      try {
        await arrived;
      } finally {
        await deliveries.stop();
      }
      const mine = told.filter((t) => t.chatId === pledge.chatId);
      expect(mine).toHaveLength(1);
      expect(mine[0]!.text).toContain(`Chương trình đã nhận 250.000`);
      const records = await store.count(`notice-${await noticeIdOf(pledge.code)}`);
      expect(records).toMatchObject({ sent: 1, queued: 0, sending: 0 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
