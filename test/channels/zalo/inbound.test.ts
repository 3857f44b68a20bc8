/** Zalo Bot Platform updates → InboundMessage or ignored, built with the fake's update builders. */
import { describe, expect, it } from "vitest";
import { toInbound } from "../../../src/channels/zalo/inbound.js";
import type { Ignored } from "../../../src/core/channel.js";
import type { InboundContent, InboundMessage } from "../../../src/core/messages.js";
import { zaloUpdate } from "../../fakes/zalo-api.js";

const CHAT = "7a1c9e0b3d5f2a4c6e8b";
const BOT = "b0t1d2e3f4a5b6c7d8e9";

function expectMessage(result: InboundMessage | Ignored): InboundMessage {
  if ("ignored" in result) throw new Error(`expected a message, got ignored: ${result.ignored}`);
  return result;
}

describe("toInbound", () => {
  it("reads an unwrapped push with its chat, sender, update id and time", () => {
    const update = zaloUpdate.text(CHAT, "Xin chào", { messageId: "m42", displayName: "Chị Hoa" });
    const message = expectMessage(toInbound(update, BOT));
    expect(message).toMatchObject({
      channel: "zalo",
      chatId: CHAT,
      chatKind: "private",
      userId: CHAT,
      displayName: "Chị Hoa",
      updateId: "message.text.received:m42",
      content: { kind: "text", text: "Xin chào" },
    });
    expect(message.receivedAt.getTime()).toBe(update.message?.date);
  });

  it("reads a wrapped {ok, result} body exactly like the unwrapped one", () => {
    const update = zaloUpdate.text(CHAT, "Xin chào");
    expect(toInbound(zaloUpdate.wrapped(update), BOT)).toEqual(toInbound(update, BOT));
  });

  const contents: Array<{ label: string; body: unknown; content: InboundContent }> = [
    {
      label: "plain text",
      body: zaloUpdate.text(CHAT, "tôi cần máy tính"),
      content: { kind: "text", text: "tôi cần máy tính" },
    },
    {
      label: "text in decomposed Unicode with extra spaces, normalized",
      body: zaloUpdate.text(CHAT, "  Tru\u031bo\u031b\u0300ng   THCS  "),
      content: { kind: "text", text: "Trường THCS" },
    },
    {
      label: "a slash command, lower-cased, with its arguments",
      body: zaloUpdate.text(CHAT, "/Start YC-7K2M9Q now"),
      content: { kind: "command", command: "start", args: "YC-7K2M9Q now" },
    },
    {
      label: "a command addressed to the bot by name",
      body: zaloUpdate.text(CHAT, "/help@bot_choem"),
      content: { kind: "command", command: "help", args: "" },
    },
    {
      label: "a lone slash, as text",
      body: zaloUpdate.text(CHAT, "/"),
      content: { kind: "text", text: "/" },
    },
    {
      label: "an image in photo_url with its caption",
      body: zaloUpdate.image(CHAT, "https://f.zalo.me/a.jpg", "Giấy xác nhận"),
      content: {
        kind: "photo",
        file: { channel: "zalo", fileId: "https://f.zalo.me/a.jpg", url: "https://f.zalo.me/a.jpg" },
        caption: "Giấy xác nhận",
      },
    },
    {
      label: "an image in the documented photo field, without caption",
      body: zaloUpdate.image(CHAT, "https://f.zalo.me/b.jpg", undefined, { photoField: "photo" }),
      content: {
        kind: "photo",
        file: { channel: "zalo", fileId: "https://f.zalo.me/b.jpg", url: "https://f.zalo.me/b.jpg" },
      },
    },
    {
      label: "a sticker, as unsupported",
      body: zaloUpdate.sticker(CHAT),
      content: { kind: "unsupported", what: "sticker" },
    },
    {
      label: "a voice note, as unsupported",
      body: { event_name: "message.voice.received", message: zaloUpdate.sticker(CHAT).message },
      content: { kind: "unsupported", what: "voice" },
    },
    {
      label: "the content-free unsupported event",
      body: zaloUpdate.unsupported(CHAT),
      content: { kind: "unsupported", what: "unsupported" },
    },
  ];

  it.each(contents)("reads $label", ({ body, content }) => {
    expect(expectMessage(toInbound(body, BOT)).content).toEqual(content);
  });

  it("reads chat_type case-insensitively, so a lower-case group is a group", () => {
    const update = zaloUpdate.text("group-1", "@Bot ChoEm xin chào", { chatType: "group", fromId: CHAT });
    expect(expectMessage(toInbound(update, BOT))).toMatchObject({
      chatKind: "group",
      chatId: "group-1",
      userId: CHAT,
    });
  });

  const ignored: Array<{ label: string; body: unknown; reason: string }> = [
    {
      label: "an unknown event, naming it",
      body: { event_name: "message.reaction.received", message: zaloUpdate.text(CHAT, "x").message },
      reason: "unknown-event:message.reaction.received",
    },
    { label: "the bot's own echo", body: zaloUpdate.text(CHAT, "Chào bạn", { fromId: BOT }), reason: "echo" },
    { label: "null", body: null, reason: "invalid-body" },
    { label: "a string", body: "ok", reason: "invalid-body" },
    { label: "an array", body: [zaloUpdate.text(CHAT, "x")], reason: "invalid-body" },
    { label: "an object without event_name", body: { hello: "world" }, reason: "no-event-name" },
    {
      label: "a known event without message",
      body: { event_name: "message.text.received" },
      reason: "invalid-message",
    },
    {
      label: "a message without chat",
      body: {
        event_name: "message.text.received",
        message: { from: { id: "u" }, message_id: "1", text: "x" },
      },
      reason: "invalid-message",
    },
    {
      label: "a message with an unknown chat type",
      body: zaloUpdate.text(CHAT, "x", { chatType: "CHANNEL" }),
      reason: "invalid-message",
    },
  ];

  it.each(ignored)("ignores $label without throwing", ({ body, reason }) => {
    expect(toInbound(body, BOT)).toEqual({ ignored: reason });
  });

  it("keeps a message from someone else when the bot's id is not known yet", () => {
    expect(expectMessage(toInbound(zaloUpdate.text(CHAT, "x", { fromId: BOT }))).userId).toBe(BOT);
  });
});
