/**
 * Builders for Telegram updates in tests: "a text from this chat", "a tap on this button".
 * Update and message ids count up, as Telegram's do, so tests never repeat one by accident.
 */

export type TelegramTestUpdate = { update_id: number } & Record<string, unknown>;
export type ChatType = "private" | "group" | "supergroup" | "channel";
export type MemberStatus = "member" | "administrator" | "creator" | "restricted" | "left" | "kicked";

export interface SenderOptions {
  /** Defaults to the chat id in private chats, 42 in groups. */
  userId?: number;
  firstName?: string;
  languageCode?: string;
  /** Defaults to private for positive chat ids, supergroup for negative ones. */
  chatType?: ChatType;
}

export const TEST_BOT = { id: 7_000_000_001, is_bot: true, first_name: "ChoEm", username: "choem_test_bot" };

let updateId = 100_000;
let messageId = 1;
let fileNumber = 1;

function chatOf(chatId: number, type?: ChatType) {
  const chatType = type ?? (chatId > 0 ? "private" : "supergroup");
  return chatType === "private"
    ? { id: chatId, type: chatType, first_name: "Lan" }
    : { id: chatId, type: chatType, title: "Lớp 5A phụ huynh" };
}

function senderOf(chatId: number, options: SenderOptions) {
  return {
    id: options.userId ?? (chatId > 0 ? chatId : 42),
    is_bot: false,
    first_name: options.firstName ?? "Lan",
    language_code: options.languageCode ?? "vi",
  };
}

function messageUpdate(chatId: number, options: SenderOptions, content: Record<string, unknown>) {
  const message = {
    message_id: messageId++,
    date: Math.floor(Date.now() / 1000),
    chat: chatOf(chatId, options.chatType),
    from: senderOf(chatId, options),
    ...content,
  };
  return { update_id: updateId++, message };
}

function fileOf(fileId: string, extra: Record<string, unknown> = {}) {
  return { file_id: fileId, file_unique_id: `u-${fileId}`, file_size: 1000 * fileNumber++, ...extra };
}

/** Media options: `fileId` makes the file's id predictable for assertions. */
interface FileOptions extends SenderOptions {
  caption?: string;
  fileId?: string;
}

export const telegramUpdate = {
  text(chatId: number, text: string, options: SenderOptions = {}): TelegramTestUpdate {
    return messageUpdate(chatId, options, { text });
  },

  command(
    chatId: number,
    command: string,
    args = "",
    options: SenderOptions & { botName?: string } = {},
  ): TelegramTestUpdate {
    const head = `/${command}${options.botName ? `@${options.botName}` : ""}`;
    const entities = [{ type: "bot_command", offset: 0, length: head.length }];
    return messageUpdate(chatId, options, { text: args ? `${head} ${args}` : head, entities });
  },

  /** A button press; `messageId` is the bot's message that carried the button, when known. */
  callback(
    chatId: number,
    data: string,
    options: SenderOptions & { messageId?: number } = {},
  ): TelegramTestUpdate {
    const origin = {
      message_id: options.messageId ?? messageId++,
      date: Math.floor(Date.now() / 1000),
      chat: chatOf(chatId, options.chatType),
      from: TEST_BOT,
      text: "Chọn một mục",
    };
    const from = senderOf(chatId, options);
    const id = `cb-${updateId}`;
    return {
      update_id: updateId++,
      callback_query: { id, from, chat_instance: `ci-${chatId}`, message: origin, data },
    };
  },

  /** Own contact by default (shared with the request_contact button); `own: false` for someone else's. */
  contact(
    chatId: number,
    phone: string,
    options: SenderOptions & { own?: boolean } = {},
  ): TelegramTestUpdate {
    const sender = senderOf(chatId, options);
    const userId = options.own === false ? sender.id + 1 : sender.id;
    return messageUpdate(chatId, options, {
      contact: { phone_number: phone, first_name: sender.first_name, user_id: userId },
    });
  },

  /** Three sizes, smallest first, as Telegram sends them; ids end in the width (`photo-7-1280`). */
  photo(chatId: number, options: FileOptions = {}): TelegramTestUpdate {
    const base = options.fileId ?? `photo-${fileNumber}`;
    const sizes = [90, 320, 1280].map((width) =>
      fileOf(`${base}-${width}`, { width, height: (width * 3) / 4 }),
    );
    return messageUpdate(chatId, options, { photo: sizes, ...captionOf(options.caption) });
  },

  video(chatId: number, options: FileOptions = {}): TelegramTestUpdate {
    const video = fileOf(options.fileId ?? `video-${fileNumber}`, {
      width: 640,
      height: 360,
      duration: 60,
      mime_type: "video/mp4",
    });
    return messageUpdate(chatId, options, { video, ...captionOf(options.caption) });
  },

  document(
    chatId: number,
    options: FileOptions & { fileName?: string; mimeType?: string } = {},
  ): TelegramTestUpdate {
    const document = fileOf(options.fileId ?? `doc-${fileNumber}`, {
      file_name: options.fileName ?? "bai-hoc.pdf",
      mime_type: options.mimeType ?? "application/pdf",
    });
    return messageUpdate(chatId, options, { document, ...captionOf(options.caption) });
  },

  location(
    chatId: number,
    latitude: number,
    longitude: number,
    options: SenderOptions = {},
  ): TelegramTestUpdate {
    return messageUpdate(chatId, options, { location: { latitude, longitude } });
  },

  sticker(chatId: number, options: SenderOptions = {}): TelegramTestUpdate {
    const sticker = fileOf(`sticker-${fileNumber}`, {
      width: 512,
      height: 512,
      is_animated: false,
      type: "regular",
    });
    return messageUpdate(chatId, options, { sticker });
  },

  /** The bot's own status changed: added to or removed from a group, blocked or unblocked. */
  myChatMember(
    chatId: number,
    status: MemberStatus,
    options: SenderOptions & { oldStatus?: MemberStatus } = {},
  ): TelegramTestUpdate {
    const fallback: MemberStatus = status === "left" || status === "kicked" ? "member" : "left";
    return {
      update_id: updateId++,
      my_chat_member: {
        chat: chatOf(chatId, options.chatType),
        from: senderOf(chatId, options),
        date: Math.floor(Date.now() / 1000),
        old_chat_member: { status: options.oldStatus ?? fallback, user: TEST_BOT },
        new_chat_member: { status, user: TEST_BOT },
      },
    };
  },

  /** The service message the old group gets when it becomes a supergroup. */
  migrate(oldChatId: number, newChatId: number, options: SenderOptions = {}): TelegramTestUpdate {
    return messageUpdate(oldChatId, { chatType: "group", ...options }, { migrate_to_chat_id: newChatId });
  },

  channelPost(chatId: number, text: string): TelegramTestUpdate {
    const chat = chatOf(chatId, "channel");
    const post = { message_id: messageId++, date: Math.floor(Date.now() / 1000), chat, text };
    return { update_id: updateId++, channel_post: post };
  },
};

function captionOf(caption: string | undefined) {
  return caption === undefined ? {} : { caption };
}
