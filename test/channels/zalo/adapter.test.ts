/** The Zalo channel's send() against the loopback fake: ordered parts and one outcome per failure. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createZaloChannel, zaloCapabilities } from "../../../src/channels/zalo/adapter.js";
import type { Channel } from "../../../src/core/channel.js";
import type { SendOutcome } from "../../../src/core/messages.js";
import { type FakeZaloApi, type FakeZaloFailure, startFakeZaloApi } from "../../fakes/zalo-api.js";
import { silentLogger } from "../../helpers/silent-logger.js";

const CHAT = "7a1c9e0b3d5f2a4c6e8b";

function channelFor(api: FakeZaloApi): Channel {
  return createZaloChannel(
    { token: api.token, apiRoot: api.apiRoot, mode: "polling", webhookSecret: undefined },
    { onInbound: async () => {}, onIgnored: () => {}, logger: silentLogger() },
  );
}

describe("createZaloChannel send()", () => {
  let api: FakeZaloApi;
  beforeEach(async () => {
    api = await startFakeZaloApi();
  });
  afterEach(() => api.close());

  it("declares no buttons, linked video and documents, and 2000-unit texts", () => {
    expect(channelFor(api).capabilities).toEqual(zaloCapabilities);
    expect(zaloCapabilities).toMatchObject({
      buttons: false,
      maxTextLength: 2000,
      media: { photo: "native", video: "link", document: "link" },
    });
  });

  const outcomes: Array<{ label: string; failure?: FakeZaloFailure; expected: SendOutcome }> = [
    { label: "ok as sent with the message id", expected: { kind: "sent", messageIds: ["zm1"] } },
    {
      label: "429 as throttled for a minute",
      failure: { code: 429 },
      expected: { kind: "throttled", retryAfterSeconds: 60 },
    },
    {
      label: "403 as transient",
      failure: { code: 403 },
      expected: { kind: "transient", reason: expect.stringContaining("403") },
    },
    {
      label: "500 as transient",
      failure: { code: 500 },
      expected: { kind: "transient", reason: expect.stringContaining("500") },
    },
    {
      label: "400 as rejected",
      failure: { code: 400 },
      expected: { kind: "rejected", reason: expect.stringContaining("400") },
    },
  ];

  it.each(outcomes)("reports $label", async ({ failure, expected }) => {
    if (failure) api.failNext("sendMessage", failure);
    expect(
      await channelFor(api).send(CHAT, { kind: "text", text: "Yêu cầu YC-7K2M9Q đã được duyệt" }),
    ).toEqual(expected);
  });

  it("sends a 4,500-character answer as 3 ordered sendMessage calls", async () => {
    const paragraphs = [1, 2, 3, 4, 5].map(
      (n) => `Phần ${n}. ${"Thông tin học tập cho phụ huynh. ".repeat(27).trim()}`,
    );
    const text = paragraphs.join("\n\n").padEnd(4500, "!");
    expect(text.length).toBe(4500);

    const outcome = await channelFor(api).send(CHAT, { kind: "text", text });

    const sent = api.calls("sendMessage").map((call) => String(call.payload.text));
    expect(sent).toHaveLength(3);
    expect(sent.every((part) => part.length <= 2000)).toBe(true);
    expect(sent[0]).toMatch(/^Phần 1\./);
    expect(sent.join("\n\n")).toBe(text);
    expect(outcome).toEqual({ kind: "sent", messageIds: ["zm1", "zm2", "zm3"] });
  });

  it("stops at the first failing part and reports it", async () => {
    await api.close();
    api = await startFakeZaloApi({ monthlyQuota: 1 });
    const outcome = await channelFor(api).send(CHAT, { kind: "text", text: "Xin chào. ".repeat(500) });
    expect(outcome).toEqual({ kind: "throttled", retryAfterSeconds: 60, messageIds: ["zm1"] });
    expect(api.calls("sendMessage")).toHaveLength(2);
  });

  it("resumes after the parts that went out when sent again with skipParts", async () => {
    const text = ["Một", "Hai", "Ba"].map((word) => `${word} ${"chữ ".repeat(450).trim()}`).join("\n\n");
    const channel = channelFor(api);
    api.failNext("sendMessage", { code: 500 }, { after: 1 });
    const first = await channel.send(CHAT, { kind: "text", text });
    expect(first).toEqual({ kind: "transient", reason: expect.any(String), messageIds: ["zm1"] });

    const retry = await channel.send(CHAT, { kind: "text", text }, { skipParts: 1 });
    expect(retry).toEqual({ kind: "sent", messageIds: ["zm2", "zm3"] });
    expect(api.messageIds()).toEqual(["zm1", "zm2", "zm3"]);
    const starts = api.calls("sendMessage").map((call) => String(call.payload.text).split(" ")[0]);
    // Part 2 was tried twice (refused, then sent); parts 1 and 3 once each.
    expect(starts).toEqual(["Một", "Hai", "Hai", "Ba"]);
  });

  it("is throttled once the monthly quota is spent", async () => {
    await api.close();
    api = await startFakeZaloApi({ monthlyQuota: 2 });
    const channel = channelFor(api);
    const kinds: string[] = [];
    for (const n of [1, 2, 3])
      kinds.push((await channel.send(CHAT, { kind: "text", text: `Tin ${n}` })).kind);
    expect(kinds).toEqual(["sent", "sent", "throttled"]);
  });

  it("sends a photo by URL and refuses bytes without calling Zalo", async () => {
    const channel = channelFor(api);
    const photo = await channel.send(CHAT, {
      kind: "media",
      media: "photo",
      source: { kind: "url", url: "https://choem.example/qr/UH-1.png" },
      caption: "Quét mã để chuyển khoản",
    });
    expect(photo).toEqual({ kind: "sent", messageIds: ["zm1"] });
    expect(api.calls("sendPhoto")[0]?.payload).toEqual({
      chat_id: CHAT,
      photo: "https://choem.example/qr/UH-1.png",
      caption: "Quét mã để chuyển khoản",
    });

    const bytes = await channel.send(CHAT, {
      kind: "media",
      media: "photo",
      source: { kind: "bytes", data: Buffer.from("png"), fileName: "qr.png", mimeType: "image/png" },
    });
    expect(bytes).toEqual({ kind: "unsupported", reason: expect.any(String) });
    expect(api.calls("sendPhoto")).toHaveLength(1);
  });
});
