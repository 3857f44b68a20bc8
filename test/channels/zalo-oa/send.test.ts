/** The Zalo OA channel's send() against the loopback fake: outcomes per error code, media, long text. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { zaloOaCapabilities } from "../../../src/channels/zalo-oa/adapter.js";
import { ZALO_OA_REQUESTS_PER_MINUTE } from "../../../src/channels/zalo-oa/reach.js";
import { toSendOutcome } from "../../../src/channels/zalo-oa/send-outcome.js";
import type { OutboundMessage, SendOutcome } from "../../../src/core/messages.js";
import { OA_PATHS } from "../../fakes/zalo-oa-api.js";
import { type OaHarness, startOaHarness } from "./harness.js";

const USER = "5287361049312256180";
const HELLO: OutboundMessage = { kind: "text", text: "Xin chào" };
const MB = 1024 * 1024;

describe("Zalo OA send()", () => {
  let harness: OaHarness;
  beforeAll(async () => {
    harness = await startOaHarness();
  });
  afterAll(() => harness.close());
  // Each test counts only its own calls.
  let before: number;
  beforeEach(() => {
    before = harness.api.calls().length;
  });
  const callsOf = (path: string) =>
    harness.api
      .calls()
      .slice(before)
      .filter((call) => call.path === path);
  const sentMessages = () =>
    callsOf(OA_PATHS.send).map((call) => call.body.message as Record<string, unknown>);

  it("declares numbered choices, linked video, native documents and the phone card", () => {
    expect(harness.channel().capabilities).toEqual({
      buttons: false,
      maxTextLength: 2000,
      maxCaptionLength: 2000,
      media: { photo: "native", video: "link", document: "native" },
      requestPhone: true,
      groups: false,
      uploads: false,
      urlsOpenedBy: "platform",
      sendRate: { max: 60, perMs: 1000 },
      groupGapMs: 0,
    });
    expect(zaloOaCapabilities(true).buttons).toBe(true);
    expect(harness.channel({ buttons: true }).capabilities.buttons).toBe(true);
    expect(ZALO_OA_REQUESTS_PER_MINUTE).toBe(4000);
  });

  it("sends a text to the person in the access_token header and returns the message id", async () => {
    const outcome = await harness.channel().send(USER, HELLO);
    expect(outcome).toEqual({ kind: "sent", messageIds: [expect.stringMatching(/^oam\d+$/)] });
    const [call] = callsOf(OA_PATHS.send);
    expect(call?.credential).toBe(harness.api.accessToken);
    expect(call?.body).toEqual({ recipient: { user_id: USER }, message: { text: "Xin chào" } });
  });

  const failures: Array<{ label: string; code: number; expected: SendOutcome }> = [
    {
      label: "-230 (outside the 7-day window)",
      code: -230,
      expected: { kind: "outside-window", reason: expect.stringContaining("-230") },
    },
    {
      label: "-232 (outside the 7-day window)",
      code: -232,
      expected: { kind: "outside-window", reason: expect.stringContaining("-232") },
    },
    {
      label: "-32 (rate limited)",
      code: -32,
      expected: { kind: "throttled", retryAfterSeconds: expect.toSatisfy((s: number) => s >= 1 && s <= 60) },
    },
    {
      label: "-227 (account locked or inactive)",
      code: -227,
      expected: { kind: "blocked", reason: expect.stringContaining("-227") },
    },
    {
      label: "-244 (person blocks these messages)",
      code: -244,
      expected: { kind: "blocked", reason: expect.stringContaining("-244") },
    },
    {
      label: "-201 (bad parameter)",
      code: -201,
      expected: { kind: "rejected", reason: expect.stringContaining("-201") },
    },
    {
      label: "-213 (not a follower)",
      code: -213,
      expected: { kind: "rejected", reason: expect.stringContaining("-213") },
    },
    {
      label: "-200 (send failed)",
      code: -200,
      expected: { kind: "transient", reason: expect.stringContaining("-200") },
    },
    { label: "HTTP 500", code: 500, expected: { kind: "transient", reason: expect.stringContaining("500") } },
    { label: "HTTP 503", code: 503, expected: { kind: "transient", reason: expect.stringContaining("503") } },
  ];

  it.each(failures)("maps $label to $expected.kind", async ({ code, expected }) => {
    const channel = harness.channel();
    harness.api.failNext(OA_PATHS.send, code);
    const outcome = await channel.send(USER, HELLO);
    expect(outcome).toEqual(expected);
    expect(outcome.kind === "outside-window").toBe(code === -230 || code === -232);
  });

  it("waits for the next minute when rate limited", () => {
    const at = Date.UTC(2026, 10, 25, 12, 0, 45, 300);
    expect(toSendOutcome({ kind: "api", code: -32, description: "rate limit" }, at)).toEqual({
      kind: "throttled",
      retryAfterSeconds: 15,
    });
  });

  it("maps network failures and a missing token to transient", () => {
    expect(toSendOutcome({ kind: "network", description: "ECONNRESET" }).kind).toBe("transient");
    expect(toSendOutcome({ kind: "timeout", description: "timed out" }).kind).toBe("transient");
    expect(toSendOutcome({ kind: "no-token", description: "refresh failed" }).kind).toBe("transient");
    expect(toSendOutcome({ kind: "http", code: 404, description: "HTTP 404" }).kind).toBe("rejected");
  });

  it("splits a long text into ordered parts of at most 2000 characters", async () => {
    const text = Array.from({ length: 1000 }, (_, i) => `câu${i}`).join(" ");
    const outcome = await harness.channel().send(USER, { kind: "text", text });
    const parts = sentMessages().map((message) => message.text as string);
    expect(outcome).toEqual({ kind: "sent", messageIds: expect.any(Array) });
    expect(parts.length).toBeGreaterThan(2);
    expect(parts.every((part) => part.length <= 2000)).toBe(true);
    expect(parts.join(" ")).toBe(text);
  });

  it("sends a 6 MB document from a URL as a link without uploading it", async () => {
    const url = harness.api.hostFile("big-lesson.pdf", Buffer.alloc(6 * MB, 1), "application/pdf");
    const outcome = await harness
      .channel()
      .send(USER, { kind: "media", media: "document", source: { kind: "url", url } });
    expect(outcome.kind).toBe("sent");
    expect(callsOf(OA_PATHS.uploadFile)).toEqual([]);
    expect(sentMessages()).toEqual([{ text: url }]);
  });

  it("sends a video as a link with its caption", async () => {
    const url = "https://cdn.example.org/toan-5-bai-3.mp4";
    const outcome = await harness
      .channel()
      .send(USER, { kind: "media", media: "video", source: { kind: "url", url }, caption: "Toán 5, bài 3" });
    expect(outcome.kind).toBe("sent");
    expect(sentMessages()).toEqual([{ text: `Toán 5, bài 3\n${url}` }]);
  });

  it("uploads a small PDF from a URL and sends it as a file, then its caption", async () => {
    const url = harness.api.hostFile("bai-tap.pdf", Buffer.from("%PDF-1.7 bài tập"), "application/pdf");
    const outcome = await harness.channel().send(USER, {
      kind: "media",
      media: "document",
      source: { kind: "url", url },
      caption: "Bài tập tuần 3",
    });
    expect(outcome).toEqual({ kind: "sent", messageIds: [expect.any(String), expect.any(String)] });
    expect(callsOf(OA_PATHS.uploadFile).map((call) => call.body.file)).toEqual([
      { name: "bai-tap.pdf", size: expect.any(Number), type: "application/pdf" },
    ]);
    expect(sentMessages()).toEqual([
      { attachment: { type: "file", payload: { token: expect.stringMatching(/^file_/) } } },
      { text: "Bài tập tuần 3" },
    ]);
  });

  it("falls back to the link when Zalo refuses the uploaded file", async () => {
    const url = harness.api.hostFile("don.docx", Buffer.from("PK docx"), "application/octet-stream");
    harness.api.failNext(OA_PATHS.uploadFile, -201);
    const outcome = await harness
      .channel()
      .send(USER, { kind: "media", media: "document", source: { kind: "url", url } });
    expect(outcome.kind).toBe("sent");
    expect(sentMessages()).toEqual([{ text: url }]);
  });

  it("sends an image over 1 MB by its URL, without uploading", async () => {
    const url = "https://photo-stal-2.zadn.vn/2026/giay-xac-nhan.jpg";
    const file = { channel: "zalo-oa" as const, fileId: url, url, sizeBytes: 1.5 * MB };
    const outcome = await harness
      .channel()
      .send(USER, { kind: "media", media: "photo", source: { kind: "platform-file", file } });
    expect(outcome.kind).toBe("sent");
    expect(callsOf(OA_PATHS.uploadImage)).toEqual([]);
    expect(sentMessages()).toEqual([
      {
        attachment: {
          type: "template",
          payload: { template_type: "media", elements: [{ media_type: "image", url }] },
        },
      },
    ]);
  });

  it("uploads a small image held as bytes and sends it by attachment id", async () => {
    const data = Buffer.alloc(50_000, 7);
    const outcome = await harness.channel().send(USER, {
      kind: "media",
      media: "photo",
      source: { kind: "bytes", data, fileName: "qr.png", mimeType: "image/png" },
      caption: "Quét mã để chuyển khoản",
    });
    expect(outcome.kind).toBe("sent");
    expect(callsOf(OA_PATHS.uploadImage)).toHaveLength(1);
    expect(sentMessages()).toEqual([
      {
        text: "Quét mã để chuyển khoản",
        attachment: {
          type: "template",
          payload: {
            template_type: "media",
            elements: [{ media_type: "image", attachment_id: expect.stringMatching(/^img_/) }],
          },
        },
      },
    ]);
  });

  it("reports the parts that went out before a failure, and skips them when sent again", async () => {
    const text = ["Một", "Hai", "Ba"].map((word) => `${word} ${"chữ ".repeat(450).trim()}`).join("\n\n");
    const channel = harness.channel();
    harness.api.failNext(OA_PATHS.send, 500, { after: 1 });
    const first = await channel.send(USER, { kind: "text", text });
    expect(first).toEqual({
      kind: "transient",
      reason: expect.stringContaining("500"),
      messageIds: [expect.stringMatching(/^oam\d+$/)],
    });

    const retry = await channel.send(USER, { kind: "text", text }, { skipParts: 1 });
    expect(retry).toEqual({ kind: "sent", messageIds: [expect.any(String), expect.any(String)] });
    const starts = sentMessages().map((message) => String(message.text).split(" ")[0]);
    // Part 2 was tried twice (refused, then sent); parts 1 and 3 once each.
    expect(starts).toEqual(["Một", "Hai", "Hai", "Ba"]);
  });

  it("sends only the caption again when the document went out before it failed", async () => {
    const url = harness.api.hostFile("lich-hoc.pdf", Buffer.from("%PDF-1.7 lịch"), "application/pdf");
    const message: OutboundMessage = {
      kind: "media",
      media: "document",
      source: { kind: "url", url },
      caption: "Lịch học tuần 4",
    };
    const channel = harness.channel();
    harness.api.failNext(OA_PATHS.send, -200, { after: 1 });
    const first = await channel.send(USER, message);
    expect(first).toMatchObject({ kind: "transient", messageIds: [expect.any(String)] });

    const uploadsBefore = callsOf(OA_PATHS.uploadFile).length;
    const retry = await channel.send(USER, message, { skipParts: 1 });
    expect(retry).toEqual({ kind: "sent", messageIds: [expect.any(String)] });
    expect(callsOf(OA_PATHS.uploadFile)).toHaveLength(uploadsBefore);
    expect(sentMessages().at(-1)).toEqual({ text: "Lịch học tuần 4" });
    expect(sentMessages().filter((sent) => sent.attachment)).toHaveLength(1);
  });

  it("keeps the typed question sent when the phone card is refused", async () => {
    harness.api.failNext(OA_PATHS.send, -201, { after: 1 });
    const outcome = await harness.channel().send(USER, {
      kind: "text",
      text: "Số điện thoại di động của bạn là số nào?",
      requestPhone: true,
      hint: "📱 Gửi số điện thoại của tôi",
    });
    expect(outcome).toEqual({ kind: "sent", messageIds: expect.any(Array) });
    expect(callsOf(OA_PATHS.send)).toHaveLength(2);
  });
});
