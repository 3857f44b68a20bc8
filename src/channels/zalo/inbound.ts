/**
 * Zalo Bot Platform update → InboundMessage, or Ignored with a reason (pure).
 * Webhook pushes arrive unwrapped in real captures while the docs and getUpdates wrap them in
 * `{ok, result}`, so both are accepted (docs/platforms/zalo-bot.md §3).
 */
import type { Ignored } from "../../core/channel.js";
import type { InboundContent, InboundMessage } from "../../core/messages.js";
import { normalizeInput } from "../../core/text/normalize-input.js";
import { type ZaloMessage, zaloMessageSchema } from "./schemas.js";

const COMMAND = /^\/([\p{L}\p{N}_]+)(?:@\S*)?(?:\s+([\s\S]*))?$/u;

export function toInbound(body: unknown, botId?: string): InboundMessage | Ignored {
  const update = unwrap(body);
  if (!update) return { ignored: "invalid-body" };
  const eventName = update.event_name;
  if (typeof eventName !== "string") return { ignored: "no-event-name" };
  if (!KNOWN_EVENTS.has(eventName)) return { ignored: `unknown-event:${eventName.slice(0, 64)}` };

  const parsed = zaloMessageSchema.safeParse(update.message);
  if (!parsed.success) return { ignored: "invalid-message" };
  const message = parsed.data;
  // Zalo echoes the bot's own sends back to it.
  if (botId !== undefined && message.from.id === botId) return { ignored: "echo" };

  const inbound: InboundMessage = {
    channel: "zalo",
    chatId: message.chat.id,
    chatKind: message.chat.chat_type === "GROUP" ? "group" : "private",
    // message_id is the only id Zalo gives; there is no update_id.
    updateId: `${eventName}:${message.message_id}`,
    userId: message.from.id,
    receivedAt: new Date(message.date ?? Date.now()),
    content: toContent(eventName, message),
  };
  if (message.from.display_name) inbound.displayName = message.from.display_name;
  return inbound;
}

const KNOWN_EVENTS = new Set([
  "message.text.received",
  "message.image.received",
  "message.sticker.received",
  "message.voice.received",
  "message.unsupported.received",
]);

function unwrap(body: unknown): Record<string, unknown> | undefined {
  if (!isRecord(body)) return undefined;
  if (body.ok === true && isRecord(body.result)) return body.result;
  return body;
}

function toContent(eventName: string, message: ZaloMessage): InboundContent {
  switch (eventName) {
    case "message.text.received":
      return textContent(message.text ?? "");
    case "message.image.received": {
      const url = message.photo_url ?? message.photo;
      if (!url) return { kind: "unsupported", what: "photo" };
      const caption = normalizeInput(message.caption ?? "");
      const file = { channel: "zalo" as const, fileId: url, url };
      return caption ? { kind: "photo", file, caption } : { kind: "photo", file };
    }
    case "message.sticker.received":
      return { kind: "unsupported", what: "sticker" };
    case "message.voice.received":
      return { kind: "unsupported", what: "voice" };
    default:
      // message.unsupported.received carries no content by design (protected senders, links,
      // files, video): never guess what it was.
      return { kind: "unsupported", what: "unsupported" };
  }
}

function textContent(raw: string): InboundContent {
  const text = normalizeInput(raw);
  const command = COMMAND.exec(text);
  if (command) return { kind: "command", command: command[1]!.toLowerCase(), args: command[2] ?? "" };
  return { kind: "text", text };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
