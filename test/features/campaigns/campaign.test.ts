import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OutboundMessage, SendOutcome } from "../../../src/core/messages.js";
import type { Recipient } from "../../../src/core/notifier.js";
import { createCampaignService } from "../../../src/features/campaigns/campaign.service.js";
import { createPledgeService } from "../../../src/features/pledges/service.js";
import type { Send } from "../../../src/jobs/deliver.js";
import { uniqueName } from "../../helpers/stores.js";
import { createTestEngine } from "../../helpers/test-engine.js";
import {
  closeStores,
  expectNoChildNames,
  makePledge,
  openStores,
  pledgesHarness,
  STAFF,
  type Stores,
  seedChild,
} from "../pledges/fixtures.js";

type Sent = { to: Recipient; message: OutboundMessage };

describe("calls for donations", () => {
  let stores: Stores;

  beforeAll(async () => {
    stores = await openStores();
  });
  afterAll(() => closeStores(stores));

  /** A campaign service over its own engine; `finished` resolves with the campaign's final counts. */
  function campaignsOver(send: Send, options: Parameters<typeof createTestEngine>[3] = {}) {
    const engine = createTestEngine(stores.redis, stores.mongo, send, options);
    const campaigns = createCampaignService({
      mongo: stores.mongo,
      pledges: createPledgeService(stores.mongo),
      deliveries: engine.deliveries,
    });
    return { ...engine, campaigns };
  }
  const launchInput = (text: string) => ({
    idempotencyKey: uniqueName("k"),
    text,
    message: `📣 ${text}`,
    by: "telegram:staff",
    locale: "vi" as const,
  });
  /** Resolves once `count` sends have been recorded. */
  const recorder = (outcomeFor: (chatId: string) => SendOutcome | undefined = () => undefined) => {
    const sent: Sent[] = [];
    const waiters: Array<{ count: number; resolve: () => void }> = [];
    const send: Send = async (to, message) => {
      const outcome = outcomeFor(to.chatId) ?? { kind: "sent", messageIds: [String(sent.length + 1)] };
      if (outcome.kind === "sent") {
        sent.push({ to, message });
      }
      for (const w of waiters.filter((w) => sent.length >= w.count)) w.resolve();
      return outcome;
    };
    const sentCount = (count: number) =>
      new Promise<void>((resolve) => {
        if (sent.length >= count) resolve();
        else waiters.push({ count, resolve });
      });
    return { sent, send, sentCount };
  };

  it("reaches each consenting donor exactly once, even when the campaign is launched twice", async () => {
    const yes = [uniqueName("y"), uniqueName("y")];
    for (const userId of yes) await makePledge(stores.mongo, { userId, wantsUpdates: true });
    await makePledge(stores.mongo, { userId: yes[0]!, wantsUpdates: true }); // a second pledge: still one message
    const no = uniqueName("n");
    await makePledge(stores.mongo, { userId: no, wantsUpdates: false });
    const changedMind = uniqueName("c");
    await makePledge(stores.mongo, { userId: changedMind, wantsUpdates: true });
    await makePledge(stores.mongo, { userId: changedMind, wantsUpdates: false }); // the latest answer counts

    let throttledOnce = false;
    const { sent, send, sentCount } = recorder((chatId) => {
      // The platform asks for a pause once: the message waits and goes out after it, still once.
      if (chatId !== yes[1] || throttledOnce) return undefined;
      throttledOnce = true;
      return { kind: "throttled", retryAfterSeconds: 0.05 };
    });
    const { deliveries, campaigns } = campaignsOver(send);
    const recipients = (await createPledgeService(stores.mongo).consentingDonors()).length;
    const input = launchInput("Chung tay vì các em vùng lũ");
    const first = await campaigns.launch(input);
    const second = await campaigns.launch(input);
    expect(second.code).toBe(first.code);
    await deliveries.start();
    try {
      await sentCount(recipients);
      // The platform has the messages; the records are settled a moment later (on a fast store,
      // after a read that follows at once): wait for the records, which are what byCode reports.
      await expect.poll(async () => (await campaigns.byCode(first.code))?.sent).toBe(recipients);
      // Launched a third time after it went out: every donor already has a record, nothing is sent.
      await campaigns.launch(input);
      expect(await campaigns.byCode(first.code)).toMatchObject({ recipients, sent: recipients, failed: 0 });
    } finally {
      await deliveries.stop();
    }
    const chats = sent
      .filter((s) => s.to.chatId !== no && s.to.chatId !== changedMind)
      .map((s) => s.to.chatId);
    for (const donor of yes) expect(chats.filter((chat) => chat === donor)).toHaveLength(1);
    expect(sent.some((s) => s.to.chatId === no || s.to.chatId === changedMind)).toBe(false);
    expect(throttledOnce).toBe(true);
    expect(sent).toHaveLength(recipients);
  });

  it("never writes twice to a donor whose send was cut short by a crash, and reports it as not delivered", async () => {
    const donors = [uniqueName("k"), uniqueName("k"), uniqueName("k")];
    for (const userId of donors) await makePledge(stores.mongo, { userId, wantsUpdates: true });
    const calls: string[] = [];
    let hung: () => void = () => {};
    const hanging = new Promise<void>((resolve) => {
      hung = resolve;
    });
    const send: Send = async (to) => {
      calls.push(to.chatId);
      if (to.chatId !== donors[1]) return { kind: "sent", messageIds: ["1"] };
      hung();
      // The process dies while the platform holds this request.
      return new Promise<SendOutcome>(() => {});
    };
    const workers = { leaseMs: 1500, lockDurationMs: 600, stalledIntervalMs: 300 };
    const crashed = campaignsOver(send, { workers });
    const campaign = await crashed.campaigns.launch(launchInput("Lời kêu gọi trước sự cố"));
    await crashed.deliveries.start();
    await hanging;
    await crashed.deliveries.stop({ force: true });

    // The next process, on the same queues and records.
    const restarted = campaignsOver(send, { workers, prefix: crashed.prefix });
    await restarted.deliveries.start();
    try {
      // The interrupted send is found when its lease runs out (1.5 s here) and the job is picked up again.
      await expect
        .poll(async () => (await restarted.campaigns.byCode(campaign.code))?.failed, { timeout: 15_000 })
        .toBe(1);
      const counts = await restarted.campaigns.byCode(campaign.code);
      expect(counts).toMatchObject({ sent: campaign.recipients - 1, failed: 1 });
    } finally {
      await restarted.deliveries.stop();
    }
    expect(calls.filter((chat) => chat === donors[1])).toHaveLength(1);
    expect(new Set(calls).size).toBe(calls.length);
  }, 30_000);

  it("does not write to a donor known to have blocked the bot, and counts the message as not delivered", async () => {
    const blocker = uniqueName("b");
    await makePledge(stores.mongo, { userId: blocker, wantsUpdates: true });
    const { sent, send, sentCount } = recorder();
    const { deliveries, campaigns, reachability } = campaignsOver(send);
    // The block was seen earlier, by any send path (a reply, a lesson, a notice).
    await reachability.markBlocked({ channel: "telegram", chatId: blocker });
    const recipients = (await createPledgeService(stores.mongo).consentingDonors()).length;
    const campaign = await campaigns.launch(launchInput("Lời kêu gọi thứ hai"));
    await deliveries.start();
    try {
      await sentCount(recipients - 1);
      await expect
        .poll(async () => (await campaigns.byCode(campaign.code))?.failed, { timeout: 10_000 })
        .toBe(1);
    } finally {
      await deliveries.stop();
    }
    expect(await campaigns.byCode(campaign.code)).toMatchObject({
      recipients,
      sent: recipients - 1,
      failed: 1,
    });
    expect(sent.some((s) => s.to.chatId === blocker)).toBe(false);
  });

  it("lets staff write a call with /kemgoi, confirm it, and has it delivered to consenting donors", async () => {
    const { harness: h } = pledgesHarness(stores);
    // A child waiting for a device: a call for donations never names one.
    const child = await seedChild(stores.mongo, "Hồ Gia Huy");
    const donor = uniqueName("d");
    await makePledge(stores.mongo, { userId: donor, wantsUpdates: true });
    const recipients = (await createPledgeService(stores.mongo).consentingDonors()).length;
    expect(h.texts(await h.say("/kemgoi Xin góp sức", donor))).toContain("chỉ dành cho cán bộ");
    expect(h.texts(await h.say("/kemgoi", STAFF))).toContain("Anh/chị viết lời kêu gọi");
    const summary = h.texts(
      await h.say("Các em ở xã Đông Hòa còn thiếu 40 máy tính bảng để học trực tuyến.", STAFF),
    );
    expect(summary).toContain("“Các em ở xã Đông Hòa còn thiếu 40 máy tính bảng");
    await h.startDeliveries();
    try {
      const mark = h.sent.length;
      const queued = h.texts(await h.say({ kind: "choice", value: "nav:confirm" }, STAFF));
      expect(queued).toContain(`tới ${recipients} nhà hảo tâm`);
      await h.waitForSent((s) => s.chatId === donor, mark);
    } finally {
      await h.close();
    }
    const mine = h.sent.filter((s) => s.chatId === donor && JSON.stringify(s.message).includes("Đông Hòa"));
    expect(mine).toHaveLength(1);
    expect(JSON.stringify(mine[0]?.message)).toContain("anh/chị gõ /dunggui");
    expectNoChildNames(
      h.sent.filter((s) => s.chatId !== STAFF).map((s) => JSON.stringify(s.message)),
      [child],
    );

    expect(h.texts(await h.say("/dunggui", donor))).toContain("không gửi lời kêu gọi ủng hộ cho anh/chị nữa");
    expect((await createPledgeService(stores.mongo).consentingDonors()).map((d) => d.userId)).not.toContain(
      donor,
    );
  });
});
