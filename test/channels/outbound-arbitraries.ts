/**
 * fast-check generators of OutboundMessage for property tests of the channels: texts from empty
 * to far over every platform limit (emoji, combining marks, a lone surrogate, cuts in the middle
 * of a pair), choices whose values are empty or too long for Telegram's 64 bytes, every media
 * kind from every source (bytes, URLs, other platforms' files without a URL) and links.
 */
import fc from "fast-check";
import {
  CHANNEL_NAMES,
  type ChoiceOption,
  type MediaSource,
  type OutboundMessage,
} from "../../src/core/messages.js";

const UNITS = [
  "a",
  "Ô",
  "ệ",
  " ",
  "\n",
  "\n\n",
  "😀",
  "👨‍👩‍👧",
  "e\u0301",
  "\u0301",
  "𝔸",
  "\ud800",
  "\t",
  "*_`",
];

/** A text of exactly `min`..`max` UTF-16 units, cut wherever that falls (inside an emoji too). */
const textOfLength = (min: number, max: number) =>
  fc
    .tuple(
      fc.string({ unit: fc.constantFrom(...UNITS), minLength: 1, maxLength: 40 }),
      fc.integer({ min, max }),
    )
    .map(([chunk, length]) => chunk.repeat(Math.ceil(length / chunk.length)).slice(0, length));

/** Around Zalo's 2000, Telegram's 1024-unit captions and 4096-unit texts, and far beyond. */
export const anyText = fc.oneof(
  fc.constant(""),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: fc.constantFrom(...UNITS), maxLength: 200 }),
  textOfLength(990, 1060),
  textOfLength(1980, 2020),
  textOfLength(4080, 4110),
  textOfLength(4097, 10_000),
);

const shortText = fc.oneof(fc.constant(""), fc.string({ unit: "grapheme", maxLength: 40 }));

const choiceValue = fc.oneof(
  fc.stringMatching(/^[a-z0-9:_-]{1,24}$/),
  fc.constant(""),
  fc.constant("x".repeat(64)),
  fc.constant("x".repeat(65)),
  // 22 × 3 bytes: short in characters, over 64 bytes.
  fc.constant("ệ".repeat(22)),
  fc.string({ unit: "grapheme", maxLength: 30 }),
);

const choice: fc.Arbitrary<ChoiceOption> = fc.record({ value: choiceValue, label: shortText });
export const anyChoices = fc.array(fc.array(choice, { maxLength: 4 }), { maxLength: 4 });

/** Over Zalo OA's 1 MB image upload limit. */
const BIG = Buffer.alloc(1_100_000, 7);

const bytes: fc.Arbitrary<MediaSource> = fc.record({
  kind: fc.constant("bytes"),
  data: fc.oneof(
    fc.uint8Array({ maxLength: 64 }).map((array) => Buffer.from(array)),
    fc.constant(Buffer.from("%PDF-1.7 bài tập")),
    fc.constant(BIG),
  ),
  fileName: fc.constantFrom("qr.png", "bien-nhan.pdf", "don.docx", "", "ảnh lớp 5.jpg", "x.bin"),
  mimeType: fc.constantFrom("image/png", "application/pdf", "application/octet-stream", ""),
});

/** `urls` should be loopback addresses: the Zalo OA channel downloads documents it is given. */
export function outboundMessage(urls: string[]): fc.Arbitrary<OutboundMessage> {
  const url = fc.constantFrom(...urls);
  const platformFile: fc.Arbitrary<MediaSource> = fc.record({
    kind: fc.constant("platform-file"),
    file: fc.record(
      {
        channel: fc.constantFrom(...CHANNEL_NAMES),
        // A Telegram-style id, or a URL as Zalo uses for ids.
        fileId: fc.oneof(fc.constant("AgACAgIAAxkBAAIBZ2"), url),
        url,
        fromChatId: fc.constantFrom("501", "-1001234"),
        messageId: fc.constantFrom("17", "not-a-number"),
        fileName: fc.constantFrom("bai-tap.pdf", "video.mp4", "", "ảnh.jpg"),
        mimeType: fc.constantFrom("application/pdf", "video/mp4", "image/jpeg"),
        sizeBytes: fc.constantFrom(1_000, 2_000_000, 30_000_000),
      },
      { requiredKeys: ["channel", "fileId"] },
    ),
  });
  const source = fc.oneof(fc.record({ kind: fc.constant("url"), url }), bytes, platformFile);

  return fc.oneof(
    fc.record(
      {
        kind: fc.constant("text"),
        text: anyText,
        choices: anyChoices,
        requestPhone: fc.boolean(),
        hint: shortText,
      },
      { requiredKeys: ["kind", "text"] },
    ),
    fc.record(
      {
        kind: fc.constant("media"),
        media: fc.constantFrom("photo", "video", "document"),
        source,
        caption: anyText,
        choices: anyChoices,
      },
      { requiredKeys: ["kind", "media", "source"] },
    ),
    fc.record(
      {
        kind: fc.constant("link"),
        url: fc.oneof(url, fc.constantFrom("", "not a url")),
        title: shortText,
        text: anyText,
      },
      { requiredKeys: ["kind", "url", "title"] },
    ),
  );
}
