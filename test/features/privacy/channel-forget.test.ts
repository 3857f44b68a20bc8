/**
 * "Xoá hết" also asks the chat's channel to forget what it keeps itself (the web chat's history),
 * through the channel directory, without the privacy feature naming a channel; a channel without
 * `forget` is simply skipped. In a group, nothing is shown or erased.
 */
import type { Connection } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPeopleFeature } from "../../../src/features/people/feature.js";
import { createPeopleService } from "../../../src/features/people/service.js";
import { createPrivacyFeature } from "../../../src/features/privacy/feature.js";
import type { Redis } from "../../../src/storage/redis.js";
import { createHarness } from "../../helpers/core-harness.js";
import { closeTestStores, openTestStores, uniqueName } from "../../helpers/stores.js";

describe("erasure and the channel's own records", () => {
  let redis: Redis;
  let mongo: Connection;
  const prefix = `${uniqueName("pf")}:`;
  beforeAll(async () => {
    ({ redis, mongo } = await openTestStores());
  });
  afterAll(() => closeTestStores({ redis, mongo }));
  const harness = () =>
    createHarness({
      redis,
      mongo,
      prefix,
      // The harness brings its own people feature; privacy is given one over the same records.
      features: (kit) => [
        createPrivacyFeature([createPeopleFeature(createPeopleService({ mongo, redis, prefix }, []))], {
          ...kit,
          redis,
          prefix,
        }),
      ],
    });

  it("calls the channel's forget with the chat id and says the history went", async () => {
    const h = harness();
    const forgotten: string[] = [];
    Object.assign(h.channels.get("telegram")!, {
      forget: async (chatId: string) => forgotten.push(chatId),
    });
    await h.say("/dulieu", "8101");
    const erased = h.texts(await h.say({ kind: "choice", value: "privacy:erase-yes" }, "8101"));
    expect(forgotten).toEqual(["8101"]);
    expect(erased).toContain("lịch sử trò chuyện trên kênh này");
    expect(await redis.exists(`${prefix}session:telegram:8101`)).toBe(0);
  });

  it("erases without a channel forget, says nothing of a history, and forgets the chosen language", async () => {
    const h = harness();
    await h.say("/ngonngu en", "8102");
    const erased = h.texts(await h.say({ kind: "choice", value: "privacy:erase-yes" }, "8102"));
    expect(erased).toContain("Your data has been deleted");
    expect(erased).not.toContain("history");
    expect(await redis.exists(`${prefix}session:telegram:8102`)).toBe(0);
    // The chosen language went with the session and the person record.
    expect(h.texts(await h.say("/start", "8102"))).toContain("Xin chào");
  });

  it("shows and erases nothing in a group chat", async () => {
    const h = harness();
    const forgotten: string[] = [];
    Object.assign(h.channels.get("telegram")!, { forget: async (id: string) => forgotten.push(id) });
    const before = h.sent.length;
    await h.pipeline.handle({
      channel: "telegram",
      chatId: "-100810",
      chatKind: "group",
      userId: "8103",
      updateId: uniqueName("u"),
      receivedAt: new Date(),
      content: { kind: "command", command: "dulieu", args: "" },
    });
    const reply = h.texts(h.sent.slice(before).map((s) => s.message));
    // The router's group guard answers before the feature is reached (src/core/group-guard.ts).
    expect(reply).toContain("chỉ trả lời khi anh/chị nhắn riêng");
    expect(forgotten).toEqual([]);
  });
});
