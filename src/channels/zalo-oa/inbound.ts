/**
 * Zalo OA webhook event → InboundMessage, or Ignored with a reason (pure; docs/platforms/zalo-oa.md §3).
 * The update id is the message id (`msg_id`), so the core drops webhook retries; events without
 * one (follow, unfollow, user_submit_info) get an id from their kind, person and timestamp.
 * A follow starts the conversation like /start, so the new follower gets the welcome menu.
 */
import type { Ignored } from "../../core/channel.js";
import type { InboundContent, InboundMessage, PlatformFile } from "../../core/messages.js";
import { normalizeInput } from "../../core/text/normalize-input.js";
import { CHOICE_PAYLOAD_PREFIX } from "./payloads.js";
import { type OaAttachment, type OaEvent, oaEventSchema } from "./schemas.js";

const COMMAND = /^\/([\p{L}\p{N}_]+)(?:@\S*)?(?:\s+([\s\S]*))?$/u;

export function toInbound(body: unknown): InboundMessage | Ignored {
  const parsed = oaEventSchema.safeParse(body);
  if (!parsed.success) return { ignored: "invalid-event" };
  const event = parsed.data;
  const name = event.event_name;

  const skip = ignoredReason(event);
  if (skip) return { ignored: skip };

  const userId =
    name === "follow" || name === "unfollow" ? (event.follower?.id ?? event.sender?.id) : event.sender?.id;
  if (!userId) return { ignored: `no-user:${name}` };
  const content = toContent(event);
  if ("ignored" in content) return content;
  const messageId = event.message?.msg_id;
  const at = event.timestamp ?? Date.now();
  return {
    channel: "zalo-oa",
    chatId: userId,
    chatKind: "private",
    updateId: messageId ?? `${name}:${userId}:${at}`,
    userId,
    receivedAt: new Date(at),
    content,
  };
}

function ignoredReason(event: OaEvent): string | undefined {
  const name = event.event_name;
  // Echoes of the OA's own sends; with admin_id a person answered in oa.zalo.me (human takeover).
  if (name.startsWith("oa_")) return event.sender?.admin_id ? "admin-reply" : "echo";
  if (name === "user_received_message" || name === "user_seen_message") return "receipt";
  if (name.includes("group")) return "group";
  // Non-followers writing through anonymous entry points: replies need another API.
  if (name.startsWith("anonymous_")) return "anonymous";
  return undefined;
}

function toContent(event: OaEvent): InboundContent | Ignored {
  const attachment = event.message?.attachments?.[0];
  switch (event.event_name) {
    case "user_send_text":
      return textContent(event.message?.text ?? "");
    case "user_send_image":
    case "user_send_gif": {
      const file = fileOf(attachment);
      if (!file) return { kind: "unsupported", what: "photo" };
      const caption = normalizeInput(event.message?.text ?? "");
      return caption ? { kind: "photo", file, caption } : { kind: "photo", file };
    }
    case "user_send_video": {
      const file = fileOf(attachment);
      return file ? { kind: "video", file } : { kind: "unsupported", what: "video" };
    }
    case "user_send_file": {
      const file = fileOf(attachment);
      return file ? { kind: "document", file } : { kind: "unsupported", what: "document" };
    }
    case "user_send_location": {
      const where = attachment?.payload?.coordinates;
      if (!where || !isCoordinate(where.latitude, 90) || !isCoordinate(where.longitude, 180)) {
        return { kind: "unsupported", what: "location" };
      }
      return { kind: "location", latitude: where.latitude, longitude: where.longitude };
    }
    case "user_send_sticker":
      return { kind: "unsupported", what: "sticker" };
    case "user_send_audio":
      return { kind: "unsupported", what: "voice" };
    case "user_send_link":
      return { kind: "unsupported", what: "link" };
    case "user_send_business_card":
      return { kind: "unsupported", what: "contact-card" };
    case "follow":
      return { kind: "command", command: "start", args: "" };
    case "unfollow":
      return { kind: "blocked" };
    case "user_submit_info": {
      const phone = event.info?.phone?.trim();
      return phone ? { kind: "contact", phone, isOwn: true } : { ignored: "submit-info-without-phone" };
    }
    default:
      return { ignored: `unknown-event:${event.event_name.slice(0, 64)}` };
  }
}

function textContent(raw: string): InboundContent | Ignored {
  const text = normalizeInput(raw);
  if (text === "") return { ignored: "empty-text" };
  // A tapped OA button sends its payload as text; ours carry the choice's value.
  if (text.startsWith(CHOICE_PAYLOAD_PREFIX) && text.length > CHOICE_PAYLOAD_PREFIX.length) {
    return { kind: "choice", value: text.slice(CHOICE_PAYLOAD_PREFIX.length) };
  }
  const command = COMMAND.exec(text);
  if (command) return { kind: "command", command: command[1]!.toLowerCase(), args: command[2] ?? "" };
  return { kind: "text", text };
}

/** Zalo serves what people send at a URL; that URL is the file's id for re-sending. */
function fileOf(attachment: OaAttachment | undefined): PlatformFile | undefined {
  const payload = attachment?.payload;
  if (!payload?.url) return undefined;
  const file: PlatformFile = { channel: "zalo-oa", fileId: payload.url, url: payload.url };
  if (payload.name) file.fileName = payload.name;
  if (payload.size !== undefined && Number.isFinite(payload.size)) file.sizeBytes = payload.size;
  return file;
}

function isCoordinate(value: number, limit: number): boolean {
  return Number.isFinite(value) && Math.abs(value) <= limit;
}
