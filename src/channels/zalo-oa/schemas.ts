/**
 * Zod schemas for the Zalo Official Account API v3 and OAuth v4 (docs/platforms/zalo-oa.md §3–8).
 * Objects are loose: Zalo adds fields without notice, and an unknown field must never make us drop
 * an event. Ids stay strings: some are too large for a JavaScript number.
 */
import { z } from "zod";

const idSchema = z.union([z.string().min(1), z.number()]).transform(String);
/** Coordinates and sizes arrive as strings in the documented samples, as numbers in others. */
const numberish = z.union([z.string(), z.number()]).transform(Number).pipe(z.number());

const attachmentPayloadSchema = z.looseObject({
  url: z.string().optional(),
  thumbnail: z.string().optional(),
  name: z.string().optional(),
  size: numberish.optional(),
  type: z.string().optional(),
  id: idSchema.optional(),
  coordinates: z.looseObject({ latitude: numberish, longitude: numberish }).optional(),
});

export const oaAttachmentSchema = z.looseObject({
  type: z.string().optional(),
  payload: attachmentPayloadSchema.optional(),
});

/** One webhook event: user messages, follows, receipts, echoes of the OA's own sends… */
export const oaEventSchema = z.looseObject({
  event_name: z.string().min(1),
  app_id: idSchema.optional(),
  /** Epoch milliseconds, as a string in the docs. */
  timestamp: numberish.optional(),
  sender: z.looseObject({ id: idSchema, admin_id: idSchema.optional() }).optional(),
  recipient: z.looseObject({ id: idSchema }).optional(),
  /** follow / unfollow carry the person here instead of in sender. */
  follower: z.looseObject({ id: idSchema }).optional(),
  user_id_by_app: idSchema.optional(),
  message: z
    .looseObject({
      msg_id: idSchema.optional(),
      text: z.string().optional(),
      attachments: z.array(oaAttachmentSchema).optional(),
    })
    .optional(),
  /** user_submit_info: what the person agreed to share from a request_user_info card. */
  info: z
    .looseObject({
      phone: z.union([z.string(), z.number()]).transform(String).optional(),
      name: z.string().optional(),
    })
    .optional(),
});

/** Every API answer: success is `error === 0`, not the HTTP status. */
export const oaEnvelopeSchema = z.looseObject({
  error: z.number(),
  message: z.string().optional(),
  data: z.unknown().optional(),
});

export const oaSentSchema = z.looseObject({ message_id: idSchema.optional() }).optional();
export const oaImageUploadSchema = z.looseObject({ attachment_id: z.string().min(1) });
export const oaFileUploadSchema = z.looseObject({ token: z.string().min(1) });

/** OAuth v4 answers a pair, or an error without the pair. `expires_in` is a string ("90000"). */
export const oaTokenPairSchema = z.looseObject({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_in: numberish.pipe(z.number().positive()),
});

export const oaTokenErrorSchema = z.looseObject({
  error: z.number(),
  error_name: z.string().optional(),
  error_description: z.string().optional(),
  message: z.string().optional(),
});

export type OaEvent = z.infer<typeof oaEventSchema>;
export type OaAttachment = z.infer<typeof oaAttachmentSchema>;
