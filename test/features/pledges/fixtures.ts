/**
 * Shared set-up for the pledges tests: stores with two schools, children asking for help there
 * (each test seeds those whose names it checks no donor sees), a builder for pledges, and the
 * feature in the harness.
 */
import { randomBytes, randomUUID } from "node:crypto";
import type { Connection } from "mongoose";
import { expect } from "vitest";
import type { VietQrConfig } from "../../../src/config.js";
import type { Feature } from "../../../src/core/feature.js";
import { createRecordLock } from "../../../src/core/lock.js";
import type { OutboundMessage } from "../../../src/core/messages.js";
import { createCampaignsFeature } from "../../../src/features/campaigns/feature.js";
import { createPledgesFeature } from "../../../src/features/pledges/feature.js";
import { createPledgeLifecycle } from "../../../src/features/pledges/lifecycle.js";
import type { Pledge } from "../../../src/features/pledges/model.js";
import { createPledgeService, type NewPledge } from "../../../src/features/pledges/service.js";
import { requestModel } from "../../../src/features/requests/model.js";
import type { SchoolRow } from "../../../src/features/schools/model.js";
import { createTransparencyFeature } from "../../../src/features/transparency/feature.js";
import { connectMongo } from "../../../src/storage/mongo.js";
import { connectRedis, type Redis } from "../../../src/storage/redis.js";
import { BUTTONS, createHarness } from "../../helpers/core-harness.js";
import { CHU_VAN_AN, seedSchools } from "../../helpers/schools.js";
import { silentLogger } from "../../helpers/silent-logger.js";
import { testMongoUri, testRedisUrl, uniqueName } from "../../helpers/stores.js";

export const PUBLIC_URL = "https://choem.example.gov.vn";
export const VIETQR: VietQrConfig = {
  bin: "970436",
  accountNumber: "0071000123456",
  accountName: "SO GIAO DUC VA DAO TAO",
  bankName: "Vietcombank",
};
export const STAFF = "9001";

export interface Stores {
  redis: Redis;
  mongo: Connection;
  /** The URI of this file's own database, for scripts run as a child process. */
  mongoUri: string;
}

export async function openStores(): Promise<Stores> {
  const mongoUri = testMongoUri();
  const redis = await connectRedis(testRedisUrl(), silentLogger());
  const mongo = await connectMongo(mongoUri, silentLogger());
  await seedSchools(mongo);
  return { redis, mongo, mongoUri };
}

/**
 * An approved device request for `childName` at `school`: a child a donor's pledge may end up
 * helping, whose name that donor must still never see. Returns the name, to check for.
 */
export async function seedChild(
  mongo: Connection,
  childName: string,
  school: SchoolRow = CHU_VAN_AN,
): Promise<string> {
  const parent = uniqueName("parent");
  await requestModel(mongo).create({
    code: `YC-${randomBytes(3).toString("hex").toUpperCase()}`,
    idempotencyKey: randomUUID(),
    kind: "device",
    status: "approved",
    history: [],
    channel: "telegram",
    userId: parent,
    chatId: parent,
    locale: "vi",
    childName,
    grade: 6,
    schoolCode: school.code,
    schoolName: school.name,
  });
  return childName;
}

export async function closeStores(stores: { redis: Redis; mongo: Connection }): Promise<void> {
  await stores.mongo.dropDatabase();
  await stores.mongo.close();
  stores.redis.disconnect();
}

/** A pledge as if its donor had filled in the form; override what the test is about. */
export function makePledge(
  mongo: Connection,
  fields: Partial<NewPledge> & { userId: string },
): Promise<Pledge> {
  return createPledgeService(mongo).create({
    idempotencyKey: randomUUID(),
    channel: "telegram",
    chatId: fields.userId,
    locale: "vi",
    donorType: "individual",
    showName: false,
    wantsUpdates: false,
    ...fields,
  });
}

/** The lifecycle staff commands use, on these stores, outside any chat. */
export function lifecycleOf(stores: Pick<Stores, "redis" | "mongo">) {
  return createPledgeLifecycle(stores.mongo, createRecordLock(stores.redis, "test:"));
}

/** Money in: moves a pledge to "received" without going through chat. */
export function receiveMoney(stores: Pick<Stores, "redis" | "mongo">, code: string, amount: number) {
  return lifecycleOf(stores).receive(code, {
    kind: "money",
    quantity: amount,
    key: randomUUID(),
    by: "test",
  });
}

/** The donor features in the real core, over the harness's sender and delivery engine. */
export function pledgesHarness(
  stores: { redis: Redis; mongo: Connection },
  options: { capabilities?: typeof BUTTONS; vietqr?: VietQrConfig | undefined } = {},
) {
  let built: Feature | undefined;
  const prefix = `${uniqueName("pl")}:`;
  const harness = createHarness({
    ...stores,
    prefix,
    capabilities: options.capabilities ?? BUTTONS,
    adminIds: [`telegram:${STAFF}`],
    features: (kit) => {
      built = createPledgesFeature({
        mongo: stores.mongo,
        redis: stores.redis,
        prefix,
        lock: kit.lock,
        deliveries: kit.deliveries,
        i18n: kit.i18n,
        publicUrl: PUBLIC_URL,
        vietqr: "vietqr" in options ? options.vietqr : VIETQR,
        channels: kit.channels,
        logger: silentLogger(),
      });
      return [
        built,
        createTransparencyFeature(stores.mongo),
        createCampaignsFeature({ mongo: stores.mongo, deliveries: kit.deliveries }),
      ];
    },
  });
  return { harness, pledges: built!, prefix };
}

/** Everything a donor (anyone but staff) was sent, as text to search. */
export function donorFacing(sent: Array<{ chatId: string; message: OutboundMessage }>): string[] {
  return sent.filter((s) => s.chatId !== STAFF).map((s) => JSON.stringify(s.message));
}

/** No text names any of `children`; there must be texts to read, or the check proves nothing. */
export function expectNoChildNames(texts: string[], children: string[]): void {
  expect(texts.length, "texts to check").toBeGreaterThan(0);
  expect(children.length, "children to look for").toBeGreaterThan(0);
  for (const text of texts) for (const name of children) expect(text).not.toContain(name);
}
