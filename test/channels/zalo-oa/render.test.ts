/** OutboundMessage → Zalo OA send steps (pure): splitting, choices, the phone card, media rules. */
import { describe, expect, it } from "vitest";
import type { OaStep } from "../../../src/channels/zalo-oa/payloads.js";
import { renderZaloOa } from "../../../src/channels/zalo-oa/render.js";
import type { ChoiceOption, OutboundMessage } from "../../../src/core/messages.js";

const CHOICES: ChoiceOption[][] = [
  [
    { value: "device", label: "Xin thiết bị" },
    { value: "sim", label: "Xin SIM" },
  ],
  [{ value: "help", label: "Hỏi người thật" }],
];
const MB = 1024 * 1024;

function steps(message: OutboundMessage, buttons = false): OaStep[] {
  const rendering = renderZaloOa(message, { buttons });
  if ("unsupported" in rendering) throw new Error(`unexpectedly unsupported: ${rendering.unsupported}`);
  return rendering.steps;
}

function texts(rendered: OaStep[]): Array<string | undefined> {
  return rendered.map((step) => (step.kind === "send" ? step.message.text : undefined));
}

describe("renderZaloOa", () => {
  it("splits a long text into parts of at most 2000 characters, in order", () => {
    const text = Array.from({ length: 900 }, (_, i) => `từ${i}`).join(" ");
    const parts = texts(steps({ kind: "text", text }));
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) expect(part!.length).toBeLessThanOrEqual(2000);
    expect(parts.join(" ")).toBe(text);
  });

  it("numbers the choices across rows and adds the hint when buttons are off", () => {
    const rendered = steps({
      kind: "text",
      text: "Bạn cần gì?",
      choices: CHOICES,
      hint: "Trả lời 1, 2 hoặc 3",
    });
    expect(texts(rendered)).toEqual([
      "Bạn cần gì?\n\n1. Xin thiết bị\n2. Xin SIM\n3. Hỏi người thật\n\nTrả lời 1, 2 hoặc 3",
    ]);
  });

  it("turns choices into hidden-query buttons carrying their values when buttons are on", () => {
    const rendered = steps(
      { kind: "text", text: "Bạn cần gì?", choices: CHOICES, hint: "Trả lời 1, 2 hoặc 3" },
      true,
    );
    expect(rendered).toEqual([
      {
        kind: "send",
        message: {
          text: "Bạn cần gì?",
          attachment: {
            type: "template",
            payload: {
              buttons: [
                { title: "Xin thiết bị", type: "oa.query.hide", payload: "choice:device" },
                { title: "Xin SIM", type: "oa.query.hide", payload: "choice:sim" },
                { title: "Hỏi người thật", type: "oa.query.hide", payload: "choice:help" },
              ],
            },
          },
        },
      },
    ]);
  });

  it("falls back to numbered lines when there are more choices than the five buttons allowed", () => {
    const many = [Array.from({ length: 6 }, (_, i) => ({ value: `v${i}`, label: `Lựa chọn ${i + 1}` }))];
    const rendered = steps({ kind: "text", text: "Chọn một", choices: many }, true);
    expect(texts(rendered)[0]).toContain("6. Lựa chọn 6");
    expect(rendered[0]).not.toHaveProperty("message.attachment");
  });

  it("asks for the phone with the typed question first and a best-effort request_user_info card", () => {
    const rendered = steps({
      kind: "text",
      text: "Số điện thoại di động của bạn là số nào? (Ví dụ: 0912 345 678)",
      requestPhone: true,
      hint: "📱 Gửi số điện thoại của tôi",
    });
    expect(rendered).toEqual([
      { kind: "send", message: { text: "Số điện thoại di động của bạn là số nào? (Ví dụ: 0912 345 678)" } },
      {
        kind: "send",
        bestEffort: true,
        message: {
          attachment: {
            type: "template",
            payload: {
              template_type: "request_user_info",
              elements: [
                {
                  title: "📱 Gửi số điện thoại của tôi",
                  subtitle: "Số điện thoại di động của bạn là số nào? (Ví dụ: 0912 345 678)",
                },
              ],
            },
          },
        },
      },
    ]);
  });

  it("sends a photo by URL with its caption in the same message", () => {
    const url = "https://cdn.example.org/lop5a.jpg";
    const rendered = steps({
      kind: "media",
      media: "photo",
      source: { kind: "url", url },
      caption: "Lớp 5A",
    });
    expect(rendered).toEqual([
      {
        kind: "send",
        message: {
          text: "Lớp 5A",
          attachment: {
            type: "template",
            payload: { template_type: "media", elements: [{ media_type: "image", url }] },
          },
        },
      },
    ]);
  });

  it("uploads a photo held as bytes when it is at most 1 MB", () => {
    const data = Buffer.alloc(2_000, 1);
    const rendered = steps({
      kind: "media",
      media: "photo",
      source: { kind: "bytes", data, fileName: "qr.png", mimeType: "image/png" },
    });
    expect(rendered).toEqual([
      { kind: "upload-image", file: { data, fileName: "qr.png", mimeType: "image/png" } },
    ]);
  });

  const unsupported: Array<{ label: string; message: OutboundMessage }> = [
    {
      label: "a photo over 1 MB held only as bytes",
      message: {
        kind: "media",
        media: "photo",
        source: { kind: "bytes", data: Buffer.alloc(MB + 1), fileName: "a.png", mimeType: "image/png" },
      },
    },
    {
      label: "a video held only as bytes",
      message: {
        kind: "media",
        media: "video",
        source: { kind: "bytes", data: Buffer.alloc(10), fileName: "a.mp4", mimeType: "video/mp4" },
      },
    },
    {
      label: "a Telegram file without a URL",
      message: {
        kind: "media",
        media: "photo",
        source: { kind: "platform-file", file: { channel: "telegram", fileId: "AgAD" } },
      },
    },
  ];

  it.each(unsupported)("reports $label as unsupported", ({ message }) => {
    expect(renderZaloOa(message, { buttons: false })).toEqual({ unsupported: expect.any(String) });
  });

  it("plans a PDF at a URL as an upload, with its link as the fallback", () => {
    const url = "https://cdn.example.org/bai-giang.pdf";
    const rendered = steps({
      kind: "media",
      media: "document",
      source: { kind: "url", url },
      caption: "Bài 3",
    });
    expect(rendered).toEqual([
      {
        kind: "upload-file",
        file: { url, fileName: "bai-giang.pdf", mimeType: "application/pdf" },
        after: [{ text: "Bài 3" }],
        fallback: [{ text: `Bài 3\n${url}` }],
      },
    ]);
  });

  const linked: Array<{ label: string; message: OutboundMessage; url: string }> = [
    {
      label: "a document known to be over 5 MB",
      url: "https://f.zalo.me/big.pdf",
      message: {
        kind: "media",
        media: "document",
        source: {
          kind: "platform-file",
          file: { channel: "zalo-oa", fileId: "https://f.zalo.me/big.pdf", sizeBytes: 6 * MB },
        },
      },
    },
    {
      label: "a document Zalo does not take (zip)",
      url: "https://cdn.example.org/bai-tap.zip",
      message: {
        kind: "media",
        media: "document",
        source: { kind: "url", url: "https://cdn.example.org/bai-tap.zip" },
      },
    },
    {
      label: "a video",
      url: "https://cdn.example.org/bai-giang.mp4",
      message: {
        kind: "media",
        media: "video",
        source: { kind: "url", url: "https://cdn.example.org/bai-giang.mp4" },
        caption: "Toán 5",
      },
    },
  ];

  it.each(linked)("sends $label as a link", ({ message, url }) => {
    const rendered = steps(message);
    expect(rendered).toHaveLength(1);
    expect(rendered[0]).toEqual({ kind: "send", message: { text: expect.stringContaining(url) } });
  });

  it("writes a link message as title, URL and text on their own lines", () => {
    const rendered = steps({
      kind: "link",
      url: "https://choem.vn/r/YC-7K2M9Q",
      title: "Yêu cầu của bạn",
      text: "Xem trạng thái",
    });
    expect(texts(rendered)).toEqual(["Yêu cầu của bạn\nhttps://choem.vn/r/YC-7K2M9Q\nXem trạng thái"]);
  });
});
