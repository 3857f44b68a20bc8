/**
 * Zod schemas for the Zalo Bot Platform (docs/platforms/zalo-bot.md §3–4). Objects are loose: Zalo adds
 * fields without notice (`photo_url`, `message_type` appeared in captures before the docs), and an
 * unknown field must never make us drop an update.
 */
import { z } from "zod";

/** Every answer: success is `ok === true`, not the HTTP status. */
export const zaloEnvelopeSchema = z.looseObject({
  ok: z.boolean(),
  result: z.unknown().optional(),
  description: z.string().optional(),
  error_code: z.number().optional(),
});

/** One integrator's test suite saw lower-case chat types, so compare case-insensitively. */
const chatTypeSchema = z
  .string()
  .transform((value) => value.toUpperCase())
  .pipe(z.enum(["PRIVATE", "GROUP"]));

/** Ids are strings in the docs; accept numbers too rather than losing a message over a type. */
const idSchema = z.union([z.string().min(1), z.number()]).transform(String);

export const zaloMessageSchema = z.looseObject({
  from: z.looseObject({
    id: idSchema,
    display_name: z.string().optional(),
    is_bot: z.boolean().optional(),
  }),
  chat: z.looseObject({ id: idSchema, chat_type: chatTypeSchema }),
  message_id: idSchema,
  /** Epoch milliseconds. */
  date: z.number().optional(),
  text: z.string().optional(),
  /** The docs' table says `photo`; real captures carry `photo_url`. */
  photo: z.string().optional(),
  photo_url: z.string().optional(),
  caption: z.string().optional(),
  sticker: z.string().optional(),
  url: z.string().optional(),
  voice_url: z.string().optional(),
  message_type: z.string().optional(),
});

export const zaloUpdateSchema = z.looseObject({
  event_name: z.string(),
  message: zaloMessageSchema.optional(),
});

export const zaloBotInfoSchema = z.looseObject({
  id: idSchema,
  account_name: z.string().optional(),
  account_type: z.string().optional(),
  can_join_groups: z.boolean().optional(),
});

/** What a send answers. Lenient: a message Zalo accepted must not look like a failure. */
export const zaloSentSchema = z.looseObject({
  message_id: idSchema.optional(),
  date: z.number().optional(),
});

export const zaloWebhookInfoSchema = z.looseObject({
  url: z.string(),
  updated_at: z.number().optional(),
});

/**
 * getUpdates answers one update object, though some clients have seen an array. Each update is
 * checked later by toInbound, so one malformed update is counted as ignored instead of failing the
 * whole poll.
 */
export const zaloPolledSchema = z.union([z.array(z.unknown()), z.looseObject({ event_name: z.string() })]);

export type ZaloEnvelope = z.infer<typeof zaloEnvelopeSchema>;
export type ZaloMessage = z.infer<typeof zaloMessageSchema>;
export type ZaloUpdate = z.infer<typeof zaloUpdateSchema>;
export type ZaloBotInfo = z.infer<typeof zaloBotInfoSchema>;
export type ZaloSent = z.infer<typeof zaloSentSchema>;
export type ZaloWebhookInfo = z.infer<typeof zaloWebhookInfoSchema>;
