/**
 * Zod schemas for the parts of a Telegram Update that ChoEm reads
 * (https://core.telegram.org/bots/api#update). Objects are loose: Telegram adds fields with
 * every Bot API release, and an unknown field must never make an update unreadable.
 */
import { z } from "zod";

// Ids reach 52 bits: still exact in a JS number; they leave this folder as strings.
const id = z.number().int();

export const chatSchema = z.looseObject({
  id,
  type: z.string(),
  title: z.string().optional(),
});

export const userSchema = z.looseObject({
  id,
  is_bot: z.boolean().optional(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  username: z.string().optional(),
  language_code: z.string().optional(),
});

const fileFields = {
  file_id: z.string(),
  file_unique_id: z.string(),
  file_size: z.number().optional(),
};

const photoSizeSchema = z.looseObject({ ...fileFields, width: z.number(), height: z.number() });

const namedFileSchema = z.looseObject({
  ...fileFields,
  file_name: z.string().optional(),
  mime_type: z.string().optional(),
});

export const messageSchema = z.looseObject({
  message_id: id,
  date: z.number(),
  chat: chatSchema,
  from: userSchema.optional(),
  text: z.string().optional(),
  caption: z.string().optional(),
  photo: z.array(photoSizeSchema).optional(),
  video: namedFileSchema.optional(),
  document: namedFileSchema.optional(),
  contact: z.looseObject({ phone_number: z.string(), user_id: id.optional() }).optional(),
  location: z.looseObject({ latitude: z.number(), longitude: z.number() }).optional(),
  migrate_to_chat_id: id.optional(),
  migrate_from_chat_id: id.optional(),
});

export type TelegramMessage = z.infer<typeof messageSchema>;

/** The message a button hangs under; may be "inaccessible" (date 0) but keeps its chat. */
const callbackMessageSchema = z.looseObject({ message_id: id, chat: chatSchema });

export const callbackQuerySchema = z.looseObject({
  id: z.string(),
  from: userSchema,
  message: callbackMessageSchema.optional(),
  data: z.string().optional(),
});

const chatMemberSchema = z.looseObject({ status: z.string(), user: userSchema });

export const chatMemberUpdatedSchema = z.looseObject({
  chat: chatSchema,
  from: userSchema,
  date: z.number(),
  old_chat_member: chatMemberSchema.optional(),
  new_chat_member: chatMemberSchema,
});

export type ChatMemberUpdated = z.infer<typeof chatMemberUpdatedSchema>;

/**
 * Only the update kinds ChoEm acts on are parsed in depth; the others are just noticed, so
 * that they are ignored with a precise reason.
 */
export const updateSchema = z.looseObject({
  update_id: id,
  message: messageSchema.optional(),
  callback_query: callbackQuerySchema.optional(),
  my_chat_member: chatMemberUpdatedSchema.optional(),
});

export type TelegramUpdate = z.infer<typeof updateSchema>;

/** Message content the bot cannot use; checked before `document`, which animations also carry. */
export const UNSUPPORTED_CONTENT = [
  "sticker",
  "voice",
  "video_note",
  "animation",
  "audio",
  "poll",
  "dice",
  "game",
  "story",
  "paid_media",
] as const;
