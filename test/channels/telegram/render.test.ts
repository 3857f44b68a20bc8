import { describe, expect, it } from "vitest";
import { telegramCapabilities } from "../../../src/channels/telegram/adapter.js";
import { renderTelegram } from "../../../src/channels/telegram/render.js";
import type { OutboundMessage, PlatformFile } from "../../../src/core/messages.js";

const CHAT = "501";
const render = (message: OutboundMessage) => renderTelegram(CHAT, message, telegramCapabilities);

const lessonVideo: PlatformFile = {
  channel: "telegram",
  fileId: "BAACAgIAAx",
  uniqueId: "AgAD",
  fromChatId: "-1002233445566",
  messageId: "812",
};

describe("renderTelegram", () => {
  it("turns choice rows into inline keyboard rows carrying the values as callback data", () => {
    const calls = render({
      kind: "text",
      text: "Bạn cần gì?",
      choices: [
        [
          { value: "need:laptop", label: "Máy tính" },
          { value: "need:sim", label: "SIM" },
        ],
        [{ value: "cancel", label: "Hủy" }],
      ],
    });
    expect(calls).toEqual([
      {
        method: "sendMessage",
        payload: {
          chat_id: CHAT,
          text: "Bạn cần gì?",
          reply_markup: {
            inline_keyboard: [
              [
                { text: "Máy tính", callback_data: "need:laptop" },
                { text: "SIM", callback_data: "need:sim" },
              ],
              [{ text: "Hủy", callback_data: "cancel" }],
            ],
          },
        },
      },
    ]);
  });

  it("splits a long text at 4096 and puts the keyboard on the last part only", () => {
    const text = `${"a".repeat(4000)} ${"b".repeat(3000)}`;
    const calls = render({ kind: "text", text, choices: [[{ value: "ok", label: "OK" }]] });
    expect(calls.map((call) => call.method)).toEqual(["sendMessage", "sendMessage"]);
    expect(calls.map((call) => String(call.payload.text).length)).toEqual([4000, 3000]);
    expect(calls[0]!.payload.reply_markup).toBeUndefined();
    expect(calls[1]!.payload.reply_markup).toMatchObject({ inline_keyboard: [[{ callback_data: "ok" }]] });
  });

  it("offers a one-time request_contact button labelled with the hint when asking for a phone", () => {
    const [call] = render({
      kind: "text",
      text: "Số điện thoại?",
      requestPhone: true,
      hint: "Gửi số của tôi",
    });
    expect(call!.payload.reply_markup).toEqual({
      keyboard: [[{ text: "Gửi số của tôi", request_contact: true }]],
      resize_keyboard: true,
      one_time_keyboard: true,
    });
  });

  it("falls back to a phone emoji when a phone request has no hint", () => {
    const [call] = render({ kind: "text", text: "Số điện thoại?", requestPhone: true });
    expect(call!.payload.reply_markup).toMatchObject({ keyboard: [[{ text: "📱", request_contact: true }]] });
  });

  it("clears a leftover reply keyboard with every plain text", () => {
    const [call] = render({ kind: "text", text: "Cảm ơn" });
    expect(call!.payload.reply_markup).toEqual({ remove_keyboard: true });
  });

  it("never sets parse_mode, so user text goes out literally", () => {
    const calls = render({ kind: "link", url: "https://x.vn/a?b=<c>", title: "<b>Bài 1</b>", text: "*đọc*" });
    expect(calls).toEqual([
      {
        method: "sendMessage",
        payload: { chat_id: CHAT, text: "<b>Bài 1</b>\nhttps://x.vn/a?b=<c>\n\n*đọc*" },
      },
    ]);
  });

  it("copies a Telegram file from its original message, with a new caption", () => {
    const calls = render({
      kind: "media",
      media: "video",
      source: { kind: "platform-file", file: lessonVideo },
      caption: "Toán lớp 5",
    });
    expect(calls).toEqual([
      {
        method: "copyMessage",
        payload: { chat_id: CHAT, from_chat_id: "-1002233445566", message_id: 812, caption: "Toán lớp 5" },
      },
    ]);
  });

  it("sends a Telegram file by file_id when its original message is unknown", () => {
    const file: PlatformFile = { channel: "telegram", fileId: "BQACAgIA" };
    const calls = render({ kind: "media", media: "document", source: { kind: "platform-file", file } });
    expect(calls).toEqual([{ method: "sendDocument", payload: { chat_id: CHAT, document: "BQACAgIA" } }]);
  });

  it("sends media by URL and made bytes as an upload", () => {
    const [byUrl] = render({
      kind: "media",
      media: "photo",
      source: { kind: "url", url: "https://x.vn/a.jpg" },
    });
    expect(byUrl).toEqual({ method: "sendPhoto", payload: { chat_id: CHAT, photo: "https://x.vn/a.jpg" } });

    const data = Buffer.from("png bytes");
    const [upload] = render({
      kind: "media",
      media: "photo",
      source: { kind: "bytes", data, fileName: "qr.png", mimeType: "image/png" },
    });
    expect(upload!.payload.photo).toEqual({ upload: data, fileName: "qr.png", mimeType: "image/png" });
  });

  it("cuts a caption at 1024 and sends the rest as a text that carries the choices", () => {
    const caption = `${"c".repeat(1000)} ${"d".repeat(500)}`;
    const calls = render({
      kind: "media",
      media: "photo",
      source: { kind: "url", url: "https://x.vn/a.jpg" },
      caption,
      choices: [[{ value: "seen", label: "Đã xem" }]],
    });
    expect(calls.map((call) => call.method)).toEqual(["sendPhoto", "sendMessage"]);
    expect(calls[0]!.payload.caption).toBe("c".repeat(1000));
    expect(calls[0]!.payload.reply_markup).toBeUndefined();
    expect(calls[1]!.payload).toMatchObject({
      text: "d".repeat(500),
      reply_markup: { inline_keyboard: [[{}]] },
    });
  });

  it("throws on a choice value over 64 bytes, which is a bug in the caller", () => {
    // 44 characters, but Vietnamese letters take 2-3 bytes each in UTF-8.
    const value = "trường-tiểu-học-đồng-ý".repeat(2);
    expect(() => render({ kind: "text", text: "?", choices: [[{ value, label: "x" }]] })).toThrow(/64/);
  });
});
