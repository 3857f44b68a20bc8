/**
 * OutboundMessage → the Bot API calls that deliver it, in order. Pure. No parse_mode anywhere:
 * user text goes out literally, so it never needs escaping and can never break a send.
 */
import type { Capabilities } from "../../core/channel.js";
import type { ChoiceOption, MediaSource, OutboundMessage } from "../../core/messages.js";
import { splitText } from "../../core/text/split-text.js";

export type TelegramMethod =
  | "sendMessage"
  | "sendPhoto"
  | "sendVideo"
  | "sendDocument"
  | "copyMessage"
  | "editMessageReplyMarkup";

/** Bytes ChoEm made itself; the client sends them as a multipart upload. */
export interface TelegramUpload {
  upload: Buffer;
  fileName: string;
  mimeType: string;
}

export interface TelegramCall {
  method: TelegramMethod;
  payload: Record<string, unknown>;
}

type TextMessage = Extract<OutboundMessage, { kind: "text" }>;
type MediaMessage = Extract<OutboundMessage, { kind: "media" }>;
type ReplyMarkup = Record<string, unknown>;

// https://core.telegram.org/bots/api#inlinekeyboardbutton: 1-64 bytes, not characters.
const CALLBACK_DATA_MAX_BYTES = 64;
const SEND_METHOD = { photo: "sendPhoto", video: "sendVideo", document: "sendDocument" } as const;
const PHONE_BUTTON_FALLBACK = "📱";

export function renderTelegram(
  chatId: string,
  message: OutboundMessage,
  capabilities: Capabilities,
): TelegramCall[] {
  switch (message.kind) {
    case "text": {
      const markup = textMarkup(message);
      // Only an inline keyboard can be edited in place; a reply keyboard needs a new message.
      if (message.replaces && "inline_keyboard" in markup) {
        const messageId = Number(message.replaces);
        return [
          {
            method: "editMessageReplyMarkup",
            payload: { chat_id: chatId, message_id: messageId, reply_markup: markup },
          },
        ];
      }
      return texts(chatId, message.text, markup, capabilities);
    }
    case "link": {
      const body = `${message.title}\n${message.url}${message.text ? `\n\n${message.text}` : ""}`;
      return texts(chatId, body, undefined, capabilities);
    }
    case "media":
      return media(chatId, message, capabilities);
  }
}

function texts(
  chatId: string,
  text: string,
  markup: ReplyMarkup | undefined,
  capabilities: Capabilities,
): TelegramCall[] {
  const parts = splitText(text, capabilities.maxTextLength);
  return parts.map((part, index) => {
    const payload: Record<string, unknown> = { chat_id: chatId, text: part };
    if (markup && index === parts.length - 1) payload.reply_markup = markup;
    return { method: "sendMessage", payload };
  });
}

/**
 * A reply keyboard stays on screen until a message removes it, so every plain text clears
 * whatever the phone-number step left behind.
 */
function textMarkup(message: TextMessage): ReplyMarkup {
  if (message.requestPhone) {
    // A reply keyboard cannot carry callback data: extra choices become plain text buttons whose
    // tap arrives as their label, which the core reads like typed text.
    const extraRows = (message.choices ?? []).map((row) => row.map((option) => ({ text: option.label })));
    return {
      keyboard: [[{ text: message.hint ?? PHONE_BUTTON_FALLBACK, request_contact: true }], ...extraRows],
      resize_keyboard: true,
      one_time_keyboard: true,
    };
  }
  if (message.choices && message.choices.length > 0) return inlineKeyboard(message.choices);
  return { remove_keyboard: true };
}

function inlineKeyboard(rows: ChoiceOption[][]): ReplyMarkup {
  return {
    inline_keyboard: rows.map((row) =>
      row.map((option) => {
        const bytes = Buffer.byteLength(option.value, "utf8");
        if (bytes < 1 || bytes > CALLBACK_DATA_MAX_BYTES) {
          throw new Error(
            `choice value "${option.value}" is ${bytes} bytes; Telegram callback data takes 1-64`,
          );
        }
        return { text: option.label, callback_data: option.value };
      }),
    ),
  };
}

function media(chatId: string, message: MediaMessage, capabilities: Capabilities): TelegramCall[] {
  let caption: string | undefined;
  let overflow = "";
  if (message.caption !== undefined && message.caption !== "") {
    caption = splitText(message.caption, capabilities.maxCaptionLength)[0] ?? "";
    overflow = message.caption.slice(caption.length).trim();
  }
  const markup = message.choices && message.choices.length > 0 ? inlineKeyboard(message.choices) : undefined;
  const first = mediaCall(chatId, message.media, message.source, caption);
  if (!overflow) {
    if (markup) first.payload.reply_markup = markup;
    return [first];
  }
  return [first, ...texts(chatId, overflow, markup, capabilities)];
}

function mediaCall(
  chatId: string,
  kind: MediaMessage["media"],
  source: MediaSource,
  caption: string | undefined,
): TelegramCall {
  const withCaption = caption === undefined ? {} : { caption };
  const send = (file: string | TelegramUpload): TelegramCall => ({
    method: SEND_METHOD[kind],
    payload: { chat_id: chatId, [kind]: file, ...withCaption },
  });
  switch (source.kind) {
    case "url":
      return send(source.url);
    case "bytes":
      return send({ upload: source.data, fileName: source.fileName, mimeType: source.mimeType });
    case "platform-file": {
      const file = source.file;
      if (file.channel === "telegram") {
        if (file.fromChatId === undefined || file.messageId === undefined) return send(file.fileId);
        // copyMessage keeps the original's caption unless one is given, and shows no "forwarded" header.
        return {
          method: "copyMessage",
          payload: {
            chat_id: chatId,
            from_chat_id: file.fromChatId,
            message_id: Number(file.messageId),
            ...withCaption,
          },
        };
      }
      // Another platform's file id means nothing to Telegram; only a public URL travels.
      const url = file.url ?? (/^https?:\/\//.test(file.fileId) ? file.fileId : undefined);
      if (url === undefined) throw new Error(`a ${file.channel} file without a URL cannot go to Telegram`);
      return send(url);
    }
  }
}
