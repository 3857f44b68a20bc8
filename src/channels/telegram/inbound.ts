/**
 * One Telegram update → one InboundMessage, or the reason it is ignored. Pure, so the webhook
 * and the long-polling loop share it and tests feed it plain objects.
 */
import type { z } from "zod";
import type { Ignored } from "../../core/channel.js";
import type { InboundContent, InboundMessage, PlatformFile } from "../../core/messages.js";
import {
  type ChatMemberUpdated,
  callbackQuerySchema,
  type chatSchema,
  type TelegramMessage,
  UNSUPPORTED_CONTENT,
  updateSchema,
  type userSchema,
} from "./schemas.js";

type Chat = z.infer<typeof chatSchema>;
type User = z.infer<typeof userSchema>;

// Letters are matched case-insensitively, then lower-cased: Telegram clients keep what was typed.
const COMMAND = /^\/([a-z0-9_]+)(?:@[a-z0-9_]+)?(?:\s+([\s\S]*))?$/i;
const GROUP_TYPES = new Set(["group", "supergroup"]);
const MEMBER = new Set(["member", "administrator", "creator"]);
const GONE = new Set(["left", "kicked"]);

export function toInbound(update: unknown, receivedAt: Date = new Date()): InboundMessage | Ignored {
  const parsed = updateSchema.safeParse(update);
  if (!parsed.success) return { ignored: "malformed update" };
  const { update_id, message, callback_query, my_chat_member, ...others } = parsed.data;
  const updateId = String(update_id);

  if (message) {
    if (!message.from) return { ignored: "message without a sender" };
    return build(updateId, message.chat, message.from, receivedAt, messageContent(message));
  }
  if (callback_query) {
    const { message: origin, data, from } = callback_query;
    if (!origin) return { ignored: "callback query from an inline message" };
    if (data === undefined) return { ignored: "callback query without data" };
    return build(updateId, origin.chat, from, receivedAt, {
      kind: "choice",
      value: data,
      messageId: String(origin.message_id),
    });
  }
  if (my_chat_member) {
    return build(updateId, my_chat_member.chat, my_chat_member.from, receivedAt, membership(my_chat_member));
  }
  const kind = Object.keys(others)[0];
  return { ignored: kind ? `${kind} update` : "update without content" };
}

/** The id to pass to answerCallbackQuery, which every button press needs (the client spins until then). */
export function callbackQueryId(update: unknown): string | undefined {
  if (typeof update !== "object" || update === null || !("callback_query" in update)) return undefined;
  const parsed = callbackQuerySchema.safeParse(update.callback_query);
  return parsed.success ? parsed.data.id : undefined;
}

function build(
  updateId: string,
  chat: Chat,
  from: User,
  receivedAt: Date,
  content: InboundContent | Ignored,
): InboundMessage | Ignored {
  const chatKind = chat.type === "private" ? "private" : GROUP_TYPES.has(chat.type) ? "group" : undefined;
  if (!chatKind) return { ignored: `${chat.type} chat` };
  if ("ignored" in content) return content;
  const message: InboundMessage = {
    channel: "telegram",
    chatId: String(chat.id),
    chatKind,
    updateId,
    userId: String(from.id),
    receivedAt,
    content,
  };
  const displayName = [from.first_name, from.last_name].filter(Boolean).join(" ");
  if (displayName) message.displayName = displayName;
  if (from.language_code) message.languageCode = from.language_code;
  return message;
}

function messageContent(message: TelegramMessage): InboundContent | Ignored {
  const { text, caption, contact, location, photo, video, document } = message;
  if (message.migrate_to_chat_id !== undefined) {
    return { kind: "group-migrated", newChatId: String(message.migrate_to_chat_id) };
  }
  if (message.migrate_from_chat_id !== undefined) {
    return { ignored: "supergroup created by migration (the old group reports it)" };
  }
  if (text !== undefined) return textContent(text);
  if (contact) {
    const isOwn = contact.user_id !== undefined && contact.user_id === message.from?.id;
    return { kind: "contact", phone: contact.phone_number, isOwn };
  }
  if (location) return { kind: "location", latitude: location.latitude, longitude: location.longitude };
  const unsupported = UNSUPPORTED_CONTENT.find((key) => key in message);
  if (unsupported) return { kind: "unsupported", what: unsupported };

  const withCaption = caption === undefined ? {} : { caption };
  if (photo && photo.length > 0) {
    const largest = photo.reduce((a, b) => (b.width * b.height > a.width * a.height ? b : a));
    return { kind: "photo", file: platformFile(message, largest), ...withCaption };
  }
  if (video) return { kind: "video", file: platformFile(message, video), ...withCaption };
  if (document) return { kind: "document", file: platformFile(message, document), ...withCaption };
  return { ignored: "service or empty message" };
}

function textContent(text: string): InboundContent {
  const match = COMMAND.exec(text);
  if (!match) return { kind: "text", text };
  return { kind: "command", command: match[1]!.toLowerCase(), args: (match[2] ?? "").trim() };
}

interface TelegramFile {
  file_id: string;
  file_unique_id: string;
  file_size?: number | undefined;
  file_name?: string | undefined;
  mime_type?: string | undefined;
}

function platformFile(message: TelegramMessage, file: TelegramFile): PlatformFile {
  const result: PlatformFile = {
    channel: "telegram",
    fileId: file.file_id,
    uniqueId: file.file_unique_id,
    fromChatId: String(message.chat.id),
    messageId: String(message.message_id),
  };
  if (file.file_name !== undefined) result.fileName = file.file_name;
  if (file.mime_type !== undefined) result.mimeType = file.mime_type;
  if (file.file_size !== undefined) result.sizeBytes = file.file_size;
  return result;
}

/** The bot's own membership: Telegram reports blocks in private chats the same way as removals from groups. */
function membership(update: ChatMemberUpdated): InboundContent | Ignored {
  const status = update.new_chat_member.status;
  const before = update.old_chat_member?.status ?? "left";
  if (update.chat.type === "private") {
    if (status === "kicked") return { kind: "blocked" };
    if (status === "member") return { kind: "unblocked" };
    return { ignored: `bot became ${status} in a private chat` };
  }
  if (MEMBER.has(status) && !MEMBER.has(before)) return { kind: "group-joined" };
  if (GONE.has(status) && !GONE.has(before)) return { kind: "group-left" };
  return { ignored: `bot went from ${before} to ${status} in a group` };
}
