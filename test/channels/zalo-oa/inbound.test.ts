/** Zalo OA webhook events → InboundMessage or ignored, built with the fake's event builders. */
import { describe, expect, it } from "vitest";
import { toInbound } from "../../../src/channels/zalo-oa/inbound.js";
import type { Ignored } from "../../../src/core/channel.js";
import type { InboundContent, InboundMessage } from "../../../src/core/messages.js";
import { type OaEventBody, oaEvent } from "../../fakes/zalo-oa-api.js";

const USER = "5287361049312256180";
const PHOTO = "https://photo-stal-2.zadn.vn/2026/abc.jpg";

function expectMessage(result: InboundMessage | Ignored): InboundMessage {
  if ("ignored" in result) throw new Error(`expected a message, got ignored: ${result.ignored}`);
  return result;
}

describe("toInbound", () => {
  it("reads the sender as chat and user, the msg_id as update id, and the timestamp as time", () => {
    const event = oaEvent.text(USER, "Xin chào", { msgId: "f5c1a0e2b3", timestamp: 1_790_000_000_123 });
    expect(expectMessage(toInbound(event))).toEqual({
      channel: "zalo-oa",
      chatId: USER,
      chatKind: "private",
      updateId: "f5c1a0e2b3",
      userId: USER,
      receivedAt: new Date(1_790_000_000_123),
      content: { kind: "text", text: "Xin chào" },
    });
  });

  const contents: Array<{ label: string; event: OaEventBody; content: InboundContent }> = [
    {
      label: "text, normalized to NFC with spaces collapsed",
      event: oaEvent.text(USER, "  Tru\u031bo\u031b\u0300ng   THCS  "),
      content: { kind: "text", text: "Trường THCS" },
    },
    {
      label: "a slash command, lower-cased, with its arguments",
      event: oaEvent.text(USER, "/Start YC-7K2M9Q"),
      content: { kind: "command", command: "start", args: "YC-7K2M9Q" },
    },
    {
      label: "a tapped OA button's payload as a choice",
      event: oaEvent.text(USER, "choice:device"),
      content: { kind: "choice", value: "device" },
    },
    {
      label: "an image as a photo with its URL and caption",
      event: oaEvent.image(USER, PHOTO, "giấy xác nhận"),
      content: {
        kind: "photo",
        file: { channel: "zalo-oa", fileId: PHOTO, url: PHOTO },
        caption: "giấy xác nhận",
      },
    },
    {
      label: "a file as a document with name and size",
      event: oaEvent.file(USER, { name: "don-xin.pdf", size: 52_311, url: "https://f.zalo.me/don-xin.pdf" }),
      content: {
        kind: "document",
        file: {
          channel: "zalo-oa",
          fileId: "https://f.zalo.me/don-xin.pdf",
          url: "https://f.zalo.me/don-xin.pdf",
          fileName: "don-xin.pdf",
          sizeBytes: 52_311,
        },
      },
    },
    {
      label: "a location with string coordinates as numbers",
      event: oaEvent.location(USER, 10.7769, 106.7009),
      content: { kind: "location", latitude: 10.7769, longitude: 106.7009 },
    },
    {
      label: "a sticker as unsupported",
      event: oaEvent.sticker(USER),
      content: { kind: "unsupported", what: "sticker" },
    },
    {
      label: "a follow as /start, so the new follower gets the welcome menu",
      event: oaEvent.follow(USER),
      content: { kind: "command", command: "start", args: "" },
    },
    { label: "an unfollow as blocked", event: oaEvent.unfollow(USER), content: { kind: "blocked" } },
    {
      label: "user_submit_info as the person's own phone",
      event: oaEvent.submitInfo(USER, { phone: "84912345678", name: "Nguyễn Thị Hoa" }),
      content: { kind: "contact", phone: "84912345678", isOwn: true },
    },
    {
      label: "a voice message as unsupported, so the person gets a hint",
      event: oaEvent.other("user_send_audio", USER),
      content: { kind: "unsupported", what: "voice" },
    },
  ];

  it.each(contents)("maps $label", ({ event, content }) => {
    const message = expectMessage(toInbound(event));
    expect(message.content).toEqual(content);
    expect(message.chatId).toBe(USER);
  });

  it("gives follow events, which have no msg_id, an id from kind, person and time", () => {
    const message = expectMessage(toInbound(oaEvent.follow(USER, { timestamp: 1_790_000_000_000 })));
    expect(message.updateId).toBe(`follow:${USER}:1790000000000`);
  });

  const ignored: Array<{ label: string; body: unknown; reason: string }> = [
    { label: "a read receipt", body: oaEvent.other("user_seen_message", USER), reason: "receipt" },
    { label: "a delivery receipt", body: oaEvent.other("user_received_message", USER), reason: "receipt" },
    { label: "the echo of our own send", body: oaEvent.other("oa_send_text", USER), reason: "echo" },
    {
      label: "a reply typed by an OA admin",
      body: { ...oaEvent.other("oa_send_text", USER), sender: { id: "oa", admin_id: "42" } },
      reason: "admin-reply",
    },
    { label: "a group message", body: oaEvent.other("user_send_group_text", USER), reason: "group" },
    { label: "an anonymous chat", body: oaEvent.other("anonymous_send_text", USER), reason: "anonymous" },
    {
      label: "an unknown event",
      body: oaEvent.other("user_reacted_message", USER),
      reason: "unknown-event:user_reacted_message",
    },
    { label: "an empty text", body: oaEvent.text(USER, "   "), reason: "empty-text" },
    {
      label: "submitted info without a phone",
      body: oaEvent.submitInfo(USER, { phone: "" }),
      reason: "submit-info-without-phone",
    },
    { label: "a body that is not an event", body: { hello: "world" }, reason: "invalid-event" },
  ];

  it.each(ignored)("ignores $label with the reason $reason", ({ body, reason }) => {
    expect(toInbound(body)).toEqual({ ignored: reason });
  });
});
