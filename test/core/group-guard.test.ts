import type { Connection } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Feature } from "../../src/core/feature.js";
import { continuationPayload } from "../../src/core/group-guard.js";
import type { OutboundMessage } from "../../src/core/messages.js";
import { say } from "../../src/core/turn.js";
import type { Redis } from "../../src/storage/redis.js";
import { createHarness } from "../helpers/core-harness.js";
import { closeTestStores, openTestStores, uniqueName } from "../helpers/stores.js";

describe("personal answers stay out of groups", () => {
  let redis: Redis;
  let mongo: Connection;
  const prefix = `${uniqueName("gg")}:`;
  const ran: string[] = [];
  // A feature that knows nothing of groups: its private command and deep link must still be guarded.
  const diary: Feature = {
    name: "diary",
    commands: {
      nhatky: async (turn, args) => {
        ran.push(`nhatky ${args}`.trim());
        say(turn, `Bé Hà, 0912 345 678 ${args}`.trim());
      },
      chao: async (turn) => say(turn, "Xin chào cả nhóm"),
    },
    groupCommands: ["chao"],
    deepLinks: {
      trang: async (turn, rest) => {
        ran.push(`trang ${rest}`);
        say(turn, `Trang ${rest} của bé Hà`);
      },
    },
  };
  const link = (payload: string) => `https://chat.example/bot?start=${payload}`;
  const harness = (
    options: { deepLink?: boolean; rateLimit?: { max: number; windowSeconds: number } } = {},
  ) =>
    createHarness({
      redis,
      mongo,
      prefix,
      features: [diary],
      ...(options.deepLink === false ? {} : { deepLink: link }),
      ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
    });
  const texts = (replies: OutboundMessage[]) =>
    replies
      .map((r) => (r.kind === "text" ? r.text : r.kind === "link" ? `${r.title}\n${r.url}` : r.kind))
      .join("\n");

  beforeAll(async () => {
    ({ redis, mongo } = await openTestStores());
  });
  afterAll(() => closeTestStores({ redis, mongo }));

  it("answers a private command in a group with a link only, and runs it once the link is opened", async () => {
    const h = harness();
    ran.length = 0;
    const inGroup = await h.sayInGroup("/nhatky YC-7K2M9Q", "-500", "51");
    expect(inGroup).toEqual([
      {
        kind: "link",
        url: link("go_nhatky"),
        title: expect.stringContaining("chỉ trả lời khi anh/chị nhắn riêng"),
      },
    ]);
    expect(texts(inGroup)).not.toContain("Bé Hà");
    expect(texts(inGroup)).not.toContain("YC-7K2M9Q");
    expect(ran).toEqual([]);
    expect(texts(await h.say("/start go_nhatky", "51"))).toContain("Bé Hà");
    expect(ran).toEqual(["nhatky"]);
  });

  it("carries a deep link typed in a group on with its own payload", async () => {
    const h = harness();
    ran.length = 0;
    const inGroup = await h.sayInGroup("/start trang_12", "-501", "52");
    expect(texts(inGroup)).toContain(link("trang_12"));
    expect(ran).toEqual([]);
    expect(texts(await h.say("/start trang_12", "52"))).toContain("Trang 12 của bé Hà");
  });

  it("answers help, unknown commands and a listed group command in the group, and moves the menu to private", async () => {
    const h = harness();
    expect(texts(await h.sayInGroup("/chao", "-502", "53"))).toBe("Xin chào cả nhóm");
    expect(texts(await h.sayInGroup("/trogiup", "-502", "53"))).toContain("Các lệnh:");
    expect(texts(await h.sayInGroup("/start", "-502", "53"))).toContain(link("go_start"));
    expect(texts(await h.sayInGroup("/khongco", "-502", "53"))).toContain("chưa hiểu lệnh /khongco");
  });

  it("names the command to send privately where the channel has no private link", async () => {
    const h = harness({ deepLink: false });
    const inGroup = texts(await h.sayInGroup("/nhatky", "-503", "54"));
    expect(inGroup).toContain("nhắn riêng cho ChoEm lệnh /nhatky");
    expect(inGroup).not.toContain("Bé Hà");
  });

  it("limits each sender in a group on their own, counting only their commands", async () => {
    const h = harness({ rateLimit: { max: 2, windowSeconds: 60 } });
    const noisy = [];
    for (let i = 0; i < 4; i++) noisy.push(texts(await h.sayInGroup("/chao", "-504", "55")));
    expect(noisy).toEqual(["Xin chào cả nhóm", "Xin chào cả nhóm", "", ""]);
    // Plain talk is not addressed to the bot: it does not use a member's allowance up.
    for (let i = 0; i < 3; i++) await h.sayInGroup("Chào cả nhà", "-504", "56");
    expect(texts(await h.sayInGroup("/chao", "-504", "56"))).toBe("Xin chào cả nhóm");
    expect(texts(await h.sayInGroup("/chao", "-504", "57"))).toBe("Xin chào cả nhóm");
  });

  it("keeps a link's payload within what a deep link can carry", () => {
    expect(continuationPayload("dulieu", "")).toBe("go_dulieu");
    expect(continuationPayload("start", "lop_7K2M9Q")).toBe("lop_7K2M9Q");
    expect(continuationPayload("start", "")).toBe("go_start");
    expect(continuationPayload("start", "có dấu cách")).toBe("go_start");
  });
});
