import { Queue, QueueEvents } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChannelName, OutboundMessage, SendOutcome } from "../../../src/core/messages.js";
import { createCampaignService } from "../../../src/features/pledges/campaign.service.js";
import { CAMPAIGN_QUEUE, createCampaignQueue } from "../../../src/features/pledges/campaign-queue.js";
import { pledgeModel } from "../../../src/features/pledges/model.js";
import { createPledgeService } from "../../../src/features/pledges/service.js";
import { silentLogger } from "../../helpers/silent-logger.js";
import { uniqueName } from "../../helpers/stores.js";
import {
  closeStores,
  expectNoChildNames,
  makePledge,
  openStores,
  pledgesHarness,
  type SendLog,
  STAFF,
  type Stores,
  seedChild,
} from "./fixtures.js";

describe("calls for donations", () => {
  let stores: Stores;
  const prefix = uniqueName("bq");
  let events: QueueEvents;

  /** Resolves once `count` more campaign jobs have completed. */
  function completions(count: number): Promise<void> {
    return new Promise((resolve) => {
      let seen = 0;
      const listener = () => {
        if (++seen < count) return;
        events.off("completed", listener);
        resolve();
      };
      events.on("completed", listener);
    });
  }

  beforeAll(async () => {
    stores = await openStores();
    events = new QueueEvents(CAMPAIGN_QUEUE, {
      connection: stores.redis.duplicate({ maxRetriesPerRequest: null, enableOfflineQueue: true }),
      prefix,
    });
    await events.waitUntilReady();
  });
  afterAll(async () => {
    await events.close();
    await closeStores(stores);
  });

  it("reaches each consenting donor exactly once, even when the campaign is queued twice", async () => {
    const yes = [uniqueName("y"), uniqueName("y")];
    for (const userId of yes) await makePledge(stores.mongo, { userId, wantsUpdates: true });
    await makePledge(stores.mongo, { userId: yes[0]!, wantsUpdates: true }); // a second pledge: still one message
    const no = uniqueName("n");
    await makePledge(stores.mongo, { userId: no, wantsUpdates: false });
    const changedMind = uniqueName("c");
    await makePledge(stores.mongo, { userId: changedMind, wantsUpdates: true });
    await makePledge(stores.mongo, { userId: changedMind, wantsUpdates: false }); // the latest answer counts

    const pledges = createPledgeService(stores.mongo);
    const campaigns = createCampaignService(stores.mongo, pledges);
    const sent: SendLog = [];
    let throttledOnce = false;
    const send = async (
      channel: ChannelName,
      chatId: string,
      message: OutboundMessage,
    ): Promise<SendOutcome> => {
      // The platform asks for a pause once: the message waits and goes out after it, still once.
      if (chatId === yes[1] && !throttledOnce) {
        throttledOnce = true;
        return { kind: "throttled", retryAfterSeconds: 0.05 };
      }
      sent.push({ channel, chatId, message });
      return { kind: "sent", messageIds: ["1"] };
    };
    const queue = createCampaignQueue({
      redis: stores.redis,
      prefix,
      send,
      ledger: campaigns.ledger,
      logger: silentLogger(),
    });
    const input = { idempotencyKey: uniqueName("k"), text: "Chung tay vì các em vùng lũ", by: "staff" };
    const message: OutboundMessage = { kind: "text", text: input.text };
    const first = await campaigns.launch(input, message, queue);
    const second = await campaigns.launch(input, message, queue);
    expect(second.code).toBe(first.code);

    const done = completions(2);
    await queue.start();
    try {
      await done;
      expect(sent.map((s) => s.chatId).sort()).toEqual([...yes].sort());
      expect(throttledOnce).toBe(true);
      expect(await campaigns.byCode(first.code)).toMatchObject({
        recipients: 2,
        sent: 2,
        failed: 0,
      });
      // Queued a third time after completion: the job ids are known, so nothing new is waiting.
      await campaigns.launch(input, message, queue);
      const inspect = new Queue(CAMPAIGN_QUEUE, { connection: events.opts.connection, prefix });
      expect(await inspect.getJobCounts("waiting", "active", "delayed", "prioritized")).toEqual({
        waiting: 0,
        active: 0,
        delayed: 0,
        prioritized: 0,
      });
      await inspect.close();
    } finally {
      await queue.stop();
    }
    expect(sent).toHaveLength(2);
  });

  it("stops writing to a donor who blocked the bot, and counts the message as failed", async () => {
    const blocker = uniqueName("b");
    await makePledge(stores.mongo, { userId: blocker, wantsUpdates: true });
    const pledges = createPledgeService(stores.mongo);
    const campaigns = createCampaignService(stores.mongo, pledges);
    const send = async (_c: ChannelName, chatId: string): Promise<SendOutcome> =>
      chatId === blocker ? { kind: "blocked", reason: "403" } : { kind: "sent", messageIds: ["1"] };
    const queue = createCampaignQueue({
      redis: stores.redis,
      prefix,
      send,
      ledger: campaigns.ledger,
      logger: silentLogger(),
    });
    const recipients = (await pledges.consentingDonors()).length;
    const done = completions(recipients);
    const campaign = await campaigns.launch(
      { idempotencyKey: uniqueName("k"), text: "Lời kêu gọi thứ hai", by: "staff" },
      { kind: "text", text: "Lời kêu gọi thứ hai" },
      queue,
    );
    await queue.start();
    try {
      await done;
    } finally {
      await queue.stop();
    }
    const stored = await campaigns.byCode(campaign.code);
    expect(stored).toMatchObject({ recipients, sent: recipients - 1, failed: 1 });
    expect((await pledgeModel(stores.mongo).findOne({ userId: blocker }).lean())?.unreachable).toBe(true);
    expect((await pledges.consentingDonors()).map((d) => d.userId)).not.toContain(blocker);
  });

  it("lets staff write a call with /kemgoi, confirm it, and has it delivered to consenting donors, naming no child", async () => {
    const child = await seedChild(stores.mongo, "Hồ Gia Huy");
    const sentToDonors: SendLog = [];
    const { harness: h, pledges: feature } = pledgesHarness(stores, {
      queuePrefix: prefix,
      send: async (channel, chatId, message) => {
        sentToDonors.push({ channel, chatId, message });
        return { kind: "sent", messageIds: ["1"] };
      },
    });
    const donor = uniqueName("d");
    await makePledge(stores.mongo, { userId: donor, wantsUpdates: true });
    const recipients = (await createPledgeService(stores.mongo).consentingDonors()).length;
    expect(h.texts(await h.say("/kemgoi Xin góp sức", donor))).toContain("chỉ dành cho cán bộ");
    expect(h.texts(await h.say("/kemgoi", STAFF))).toContain("Bạn viết lời kêu gọi");
    const summary = h.texts(
      await h.say("Các em ở xã Đông Hòa còn thiếu 40 máy tính bảng để học trực tuyến.", STAFF),
    );
    expect(summary).toContain("“Các em ở xã Đông Hòa còn thiếu 40 máy tính bảng");
    const done = completions(recipients);
    await feature.start();
    try {
      const queued = h.texts(await h.say({ kind: "choice", value: "nav:confirm" }, STAFF));
      expect(queued).toContain(`tới ${recipients} nhà hảo tâm`);
      await done;
    } finally {
      await feature.stop();
    }
    const mine = sentToDonors.filter((s) => s.chatId === donor);
    expect(mine).toHaveLength(1);
    expect(JSON.stringify(mine[0]?.message)).toContain("Gõ /dunggui");
    expectNoChildNames(
      sentToDonors.map((s) => JSON.stringify(s.message)),
      [child],
    );

    expect(h.texts(await h.say("/dunggui", donor))).toContain("không gửi lời kêu gọi ủng hộ cho bạn nữa");
    expect((await createPledgeService(stores.mongo).consentingDonors()).map((d) => d.userId)).not.toContain(
      donor,
    );
  });
});
