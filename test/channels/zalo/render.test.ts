/** OutboundMessage → Zalo calls: numbered choices, splitting, media as links, nothing formatted. */
import { describe, expect, it } from "vitest";
import { renderZalo, type ZaloCall, type ZaloRendering } from "../../../src/channels/zalo/render.js";
import type { OutboundMessage } from "../../../src/core/messages.js";

const CHAT = "7a1c9e0b3d5f2a4c6e8b";
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function calls(rendering: ZaloRendering): ZaloCall[] {
  if ("unsupported" in rendering) throw new Error(`unexpectedly unsupported: ${rendering.unsupported}`);
  return rendering.calls;
}

function texts(rendering: ZaloRendering): string[] {
  return calls(rendering).map((call) => (call.method === "sendMessage" ? call.payload.text : "(photo)"));
}

describe("renderZalo", () => {
  it("numbers choices across rows and puts the hint under them after a blank line", () => {
    const rendering = renderZalo(CHAT, {
      kind: "text",
      text: "Em cần hỗ trợ gì?",
      choices: [
        [
          { value: "device", label: "Máy tính bảng" },
          { value: "laptop", label: "Laptop" },
        ],
        [{ value: "data", label: "Gói dữ liệu" }],
      ],
      hint: "Trả lời 1, 2 hoặc 3",
    });
    expect(calls(rendering)).toEqual([
      {
        method: "sendMessage",
        payload: {
          chat_id: CHAT,
          text: "Em cần hỗ trợ gì?\n\n1. Máy tính bảng\n2. Laptop\n3. Gói dữ liệu\n\nTrả lời 1, 2 hoặc 3",
        },
      },
    ]);
  });

  it("sends text as plain text, so a name like *Lan* is never formatted, and ignores requestPhone", () => {
    const rendering = renderZalo(CHAT, {
      kind: "text",
      text: "Chào *Lan*, gõ số điện thoại",
      requestPhone: true,
    });
    expect(calls(rendering)).toEqual([
      { method: "sendMessage", payload: { chat_id: CHAT, text: "Chào *Lan*, gõ số điện thoại" } },
    ]);
  });

  const long: Array<{ label: string; text: string }> = [
    {
      label: "Vietnamese sentences",
      text: "Chúc các em học tốt, mạnh khỏe và vui vẻ 📚 ".repeat(120).trim(),
    },
    { label: "emoji with no break, at an odd offset", text: `a${"😀".repeat(1500)}` },
  ];

  it.each(long)("splits long $label at 2000 UTF-16 units without breaking a surrogate pair", ({ text }) => {
    const parts = texts(renderZalo(CHAT, { kind: "text", text }));
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(2000);
      expect(part).not.toMatch(LONE_SURROGATE);
    }
    expect(parts.join("").replace(/\s/g, "")).toBe(text.replace(/\s/g, ""));
  });

  const media: Array<{ label: string; message: OutboundMessage; expected: ZaloCall[] }> = [
    {
      label: "a photo by URL goes out as sendPhoto with its caption",
      message: {
        kind: "media",
        media: "photo",
        source: { kind: "url", url: "https://x.vn/qr.png" },
        caption: "Mã QR",
      },
      expected: [
        { method: "sendPhoto", payload: { chat_id: CHAT, photo: "https://x.vn/qr.png", caption: "Mã QR" } },
      ],
    },
    {
      label: "a photo Zalo served is re-sent by its URL, choices numbered in the caption",
      message: {
        kind: "media",
        media: "photo",
        source: { kind: "platform-file", file: { channel: "zalo", fileId: "https://f.zalo.me/a.jpg" } },
        choices: [[{ value: "ok", label: "Đúng" }]],
      },
      expected: [
        {
          method: "sendPhoto",
          payload: { chat_id: CHAT, photo: "https://f.zalo.me/a.jpg", caption: "1. Đúng" },
        },
      ],
    },
    {
      label: "a video becomes its caption and link (there is no sendVideo)",
      message: {
        kind: "media",
        media: "video",
        source: { kind: "url", url: "https://x.vn/bai1.mp4" },
        caption: "Bài 1",
      },
      expected: [{ method: "sendMessage", payload: { chat_id: CHAT, text: "Bài 1\nhttps://x.vn/bai1.mp4" } }],
    },
    {
      label: "a document becomes its file name and link",
      message: {
        kind: "media",
        media: "document",
        source: {
          kind: "platform-file",
          file: {
            channel: "telegram",
            fileId: "BQAC",
            url: "https://x.vn/de.pdf",
            fileName: "de-on-tap.pdf",
          },
        },
      },
      expected: [
        { method: "sendMessage", payload: { chat_id: CHAT, text: "de-on-tap.pdf\nhttps://x.vn/de.pdf" } },
      ],
    },
    {
      label: "a link becomes title, URL and text on three lines",
      message: { kind: "link", url: "https://x.vn/l", title: "Bài giảng Toán 6", text: "Xem trước thứ Hai" },
      expected: [
        {
          method: "sendMessage",
          payload: { chat_id: CHAT, text: "Bài giảng Toán 6\nhttps://x.vn/l\nXem trước thứ Hai" },
        },
      ],
    },
  ];

  it.each(media)("renders $label", ({ message, expected }) => {
    expect(calls(renderZalo(CHAT, message))).toEqual(expected);
  });

  it("sends a caption too long for a photo as text after it", () => {
    const caption = "Hướng dẫn chuyển khoản. ".repeat(100).trim();
    const rendering = renderZalo(CHAT, {
      kind: "media",
      media: "photo",
      source: { kind: "url", url: "https://x.vn/q.png" },
      caption,
    });
    expect(texts(rendering)[0]).toBe("(photo)");
    expect(texts(rendering).slice(1).join(" ")).toBe(caption);
  });

  const unsupported: Array<{ label: string; message: OutboundMessage }> = [
    {
      label: "bytes without a URL",
      message: {
        kind: "media",
        media: "photo",
        source: { kind: "bytes", data: Buffer.from("png"), fileName: "qr.png", mimeType: "image/png" },
      },
    },
    {
      label: "a Telegram file without a URL",
      message: {
        kind: "media",
        media: "video",
        source: { kind: "platform-file", file: { channel: "telegram", fileId: "BAAC" } },
      },
    },
  ];

  it.each(unsupported)("marks $label as unsupported", ({ message }) => {
    expect(renderZalo(CHAT, message)).toEqual({ unsupported: expect.stringContaining("only by URL") });
  });
});
