/**
 * OutboundMessage → Zalo Bot API calls (pure). Zalo has no buttons, no video or document upload
 * and takes photos only by public URL (docs/platforms/zalo-bot.md §4–5), so choices become numbered lines,
 * video and documents become links, and bytes cannot be sent at all. Text goes out without
 * parse_mode: markdown would turn a parent named `*Lan*` bold.
 */
import type { ChoiceOption, MediaSource, OutboundMessage } from "../../core/messages.js";
import { splitText } from "../../core/text/split-text.js";

/** Zalo's limit for `text` and `caption`, counted here in UTF-16 units like its text_styles offsets. */
export const ZALO_MAX_TEXT_LENGTH = 2000;

export type ZaloCall =
  | { method: "sendMessage"; payload: { chat_id: string; text: string } }
  | { method: "sendPhoto"; payload: { chat_id: string; photo: string; caption?: string } };

/** Either the calls to make, in order, or why this message cannot go out on Zalo. */
export type ZaloRendering = { calls: ZaloCall[] } | { unsupported: string };

type MediaMessage = Extract<OutboundMessage, { kind: "media" }>;

export function renderZalo(chatId: string, message: OutboundMessage): ZaloRendering {
  switch (message.kind) {
    case "text":
      return { calls: textCalls(chatId, withChoices(message.text, message.choices, message.hint)) };
    case "link":
      return { calls: textCalls(chatId, joinLines([message.title, message.url, message.text])) };
    case "media":
      return renderMedia(chatId, message);
  }
}

function renderMedia(chatId: string, message: MediaMessage): ZaloRendering {
  const url = sourceUrl(message.source);
  if (!url) return { unsupported: `Zalo takes ${message.media} only by URL, not ${message.source.kind}` };

  if (message.media === "photo") {
    const caption = withChoices(message.caption ?? "", message.choices);
    if (caption.length <= ZALO_MAX_TEXT_LENGTH) {
      const payload = caption ? { chat_id: chatId, photo: url, caption } : { chat_id: chatId, photo: url };
      return { calls: [{ method: "sendPhoto", payload }] };
    }
    // A caption too long for the photo follows it as ordinary text, so nothing is cut.
    return {
      calls: [
        { method: "sendPhoto", payload: { chat_id: chatId, photo: url } },
        ...textCalls(chatId, caption),
      ],
    };
  }

  // There is no sendVideo or sendDocument: the person opens the link instead.
  const title =
    message.caption ?? (message.source.kind === "platform-file" ? message.source.file.fileName : "");
  return { calls: textCalls(chatId, withChoices(joinLines([title, url]), message.choices)) };
}

/** A URL Zalo can fetch: an explicit one, or the URL of a file Zalo itself served. */
function sourceUrl(source: MediaSource): string | undefined {
  switch (source.kind) {
    case "url":
      return source.url;
    case "platform-file":
      return source.file.url ?? (source.file.channel === "zalo" ? source.file.fileId : undefined);
    case "bytes":
      return undefined;
  }
}

/** Core lays out rows; Zalo shows them as one numbered list, numbering across rows. */
function withChoices(text: string, choices: ChoiceOption[][] | undefined, hint?: string): string {
  const options = (choices ?? []).flat().map((option, index) => `${index + 1}. ${option.label}`);
  if (options.length === 0) return text;
  return [text, options.join("\n"), hint ?? ""].filter((block) => block.trim() !== "").join("\n\n");
}

function textCalls(chatId: string, text: string): ZaloCall[] {
  return splitText(text, ZALO_MAX_TEXT_LENGTH)
    .filter((part) => part.trim() !== "")
    .map((part): ZaloCall => ({ method: "sendMessage", payload: { chat_id: chatId, text: part } }));
}

function joinLines(lines: Array<string | undefined>): string {
  return lines.filter((line): line is string => Boolean(line?.trim())).join("\n");
}
