/**
 * A Channel connects ChoEm to one chat platform (docs/architecture.md#channels).
 *
 * To add one (the walk-through is docs/adding-a-channel.md; src/channels/telegram/ is the model):
 * 1. add its name to CHANNEL_NAMES (messages.ts) and its settings to src/config.ts;
 * 2. make src/channels/<name>/ with client.ts (HTTP, takes apiRoot and fetch), schemas.ts (zod),
 *    inbound.ts (payload → InboundMessage or ignored with a reason), render.ts (pure:
 *    OutboundMessage → platform calls) and adapter.ts (implements Channel below);
 * 3. fill in its Capabilities honestly: the core adapts choices, media and send rates to them;
 * 4. map every platform failure to a SendOutcome in one function;
 * 5. list it in src/app.ts; nothing registers itself on import;
 * 6. run the contract suite (test/channels/contract.test.ts) on it with a loopback fake.
 */
import type { FastifyPluginAsync } from "fastify";
import type {
  ChannelName,
  InboundMessage,
  OutboundMessage,
  PlatformFile,
  SendOptions,
  SendOutcome,
} from "./messages.js";

export interface Capabilities {
  /** Tappable buttons; without them choices become numbered lines ("Trả lời 1, 2 hoặc 3"). */
  buttons: boolean;
  /** Longest text of one message, in UTF-16 units; longer texts are split. */
  maxTextLength: number;
  maxCaptionLength: number;
  /** How each kind of media goes out: natively, or as a link the person can open. */
  media: Record<"photo" | "video" | "document", "native" | "link">;
  /** A "share my phone number" button. */
  requestPhone: boolean;
  groups: boolean;
  /**
   * Media given as `bytes` (a QR code ChoEm drew) can be uploaded. Where false, only URLs the
   * platform can fetch travel (Zalo takes pictures by public URL only).
   */
  uploads: boolean;
  /**
   * Who opens a media URL: the platform's servers (it must be public) or the person's own
   * client (the web chat page, which reaches ChoEm's host even when it is localhost).
   */
  urlsOpenedBy: "platform" | "client";
  /** At most `max` messages per `perMs` milliseconds on this platform, shared by every process. */
  sendRate: { max: number; perMs: number };
  /** Least time between two messages into one group (Telegram: about 20 a minute); 0 for none. */
  groupGapMs: number;
}

/** What the adapter hands each normalized update to; resolves when it has been handled. */
export type InboundHandler = (message: InboundMessage) => Promise<void>;

/** Why an update was not turned into a message; counted, never silently dropped. */
export interface Ignored {
  ignored: string;
}

/** A file's bytes as a stream, with its type and size. */
export interface OpenedFile {
  stream: import("node:stream").Readable;
  mimeType: string;
  sizeBytes: number;
}

export interface Channel {
  readonly name: ChannelName;
  readonly capabilities: Capabilities;
  /** Never throws: every input and every failure ends as a SendOutcome. */
  send(chatId: string, message: OutboundMessage, options?: SendOptions): Promise<SendOutcome>;
  /**
   * A link that opens a private chat with the bot carrying `payload` (Telegram's
   * t.me/<bot>?start=<payload>); absent where the platform has no such link.
   */
  deepLink?(payload: string): Promise<string | undefined>;
  /**
   * A URL ChoEm's server can download one of this platform's files from (Telegram's getFile).
   * It may carry the bot token: stream it through ChoEm, never hand it to a person.
   */
  fileUrl?(file: PlatformFile): Promise<string | undefined>;
  /** The bytes of a file the channel keeps itself (the web chat's attachments), to serve them. */
  openFile?(file: PlatformFile): Promise<OpenedFile | undefined>;
  /**
   * Erases what the channel itself keeps about one chat (the web chat's history and session),
   * for "Xoá hết"; resolves to how many records went. Absent where the platform keeps it.
   * `farewell` is the erasure's confirmation: a channel that can no longer send to a chat it
   * forgot shows it once, to whoever held the conversation.
   */
  forget?(chatId: string, farewell?: string): Promise<number>;
  /** Webhook (and page) routes, registered on the app's HTTP server. */
  routes?: FastifyPluginAsync;
  /** Long polling, when the channel runs in that mode. */
  start?(): Promise<void>;
  stop?(): Promise<void>;
}

/** Everything an adapter needs from the app, given by src/app.ts. */
export interface ChannelDeps {
  onInbound: InboundHandler;
  onIgnored: (channel: ChannelName, reason: string) => void;
  logger: import("./logger.js").Logger;
  fetch?: typeof fetch;
}
