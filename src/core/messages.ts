/**
 * The channel-neutral message model. Adapters in src/channels/ turn platform updates into
 * InboundMessage and OutboundMessage into platform calls; nothing else sees platform types.
 */

/** Every channel ChoEm knows; a new platform adds its name here (docs/adding-a-channel.md). */
export const CHANNEL_NAMES = ["telegram", "zalo", "zalo-oa", "webchat"] as const;
export type ChannelName = (typeof CHANNEL_NAMES)[number];

/** Where a message came from or goes to: a private chat with one person, or a group. */
export interface ChatAddress {
  channel: ChannelName;
  chatId: string;
  chatKind: "private" | "group";
}

/** A file the platform already holds, so it can be re-sent without uploading again. */
export interface PlatformFile {
  channel: ChannelName;
  /** Telegram file_id, or a URL the platform serves for Zalo. */
  fileId: string;
  /** Stable across bots on Telegram (file_unique_id): compare files with this. */
  uniqueId?: string;
  /** The original message, for Telegram's copyMessage. */
  fromChatId?: string;
  messageId?: string;
  url?: string;
  fileName?: string;
  mimeType?: string;
  sizeBytes?: number;
}

export type InboundContent =
  | { kind: "text"; text: string }
  /** `/start abc` → command "start", args "abc". Commands are lower-case without the slash or @bot. */
  | { kind: "command"; command: string; args: string }
  /** A button press (Telegram callback data, web chat button). Zalo sends text, parsed by the core. */
  | {
      kind: "choice";
      value: string;
      /** The bot's message whose button was pressed, where the platform says (Telegram). */
      messageId?: string;
    }
  | { kind: "contact"; phone: string; isOwn: boolean }
  | { kind: "photo"; file: PlatformFile; caption?: string }
  | { kind: "video"; file: PlatformFile; caption?: string }
  | { kind: "document"; file: PlatformFile; caption?: string }
  | { kind: "location"; latitude: number; longitude: number }
  | { kind: "group-joined" }
  | { kind: "group-left" }
  /** A Telegram group became a supergroup: links to the old chat id move to the new one. */
  | { kind: "group-migrated"; newChatId: string }
  | { kind: "blocked" }
  | { kind: "unblocked" }
  /** Stickers, voice, anything the bot cannot use: answered with a gentle hint. */
  | { kind: "unsupported"; what: string };

export interface InboundMessage extends ChatAddress {
  /** Unique per channel for one platform delivery: the dedupe key (Telegram update_id…). */
  updateId: string;
  userId: string;
  displayName?: string;
  /** The client's language (Telegram language_code), a hint for first contact only. */
  languageCode?: string;
  receivedAt: Date;
  content: InboundContent;
}

export interface ChoiceOption {
  /** Short ASCII id, at most 48 bytes: it travels as Telegram callback data. */
  value: string;
  label: string;
  /**
   * Locale key of the option's other words, comma-separated ("laptop, notebook"), that a typed
   * answer may use for it; translators own them (src/core/dialog/match-choice.ts).
   */
  synonymsKey?: string;
}

export type MediaSource =
  | { kind: "platform-file"; file: PlatformFile }
  | { kind: "url"; url: string }
  /** Bytes made by ChoEm itself (a QR code). */
  | { kind: "bytes"; data: Buffer; fileName: string; mimeType: string };

export type OutboundMessage =
  | {
      kind: "text";
      text: string;
      /** Rows of options, laid out once by the core; Zalo renders them as numbered lines. */
      choices?: ChoiceOption[][];
      /** Offer the platform's "share my phone number" button where there is one. */
      requestPhone?: boolean;
      /** Localized "Reply 1, 2 or 3", filled by the core: shown under numbered choices where there are no buttons. */
      hint?: string;
      /**
       * The bot's message in this chat whose buttons these choices replace in place (a pick of
       * a multi-choice question ticked), where the channel can; elsewhere, and if the platform
       * refuses, it is sent as a new message. `text` is that message's text, unchanged.
       */
      replaces?: string;
    }
  | {
      kind: "media";
      media: "photo" | "video" | "document";
      source: MediaSource;
      caption?: string;
      choices?: ChoiceOption[][];
    }
  | { kind: "link"; url: string; title: string; text?: string };

/**
 * Message ids of the parts of a multi-part send (a long text, media plus overflow text) that
 * went out before it stopped. A retry passes their count as `SendOptions.skipParts`, so the
 * person never gets part 1 twice.
 */
interface PartsSent {
  messageIds?: string[];
}

/** How one send ended; queues decide from the kind alone (docs/conventions.md#errors). */
export type SendOutcome =
  | { kind: "sent"; messageIds: string[] }
  | ({ kind: "throttled"; retryAfterSeconds: number } & PartsSent)
  | ({ kind: "blocked"; reason: string } & PartsSent)
  | ({ kind: "transient"; reason: string } & PartsSent)
  | ({ kind: "rejected"; reason: string } & PartsSent)
  | ({ kind: "unsupported"; reason: string } & PartsSent)
  /** The platform only lets the bot answer people who wrote lately (Zalo OA: 7 days); not a failure to retry. */
  | ({ kind: "outside-window"; reason: string } & PartsSent)
  /** Telegram: the group became a supergroup; resend to newChatId. */
  | ({ kind: "migrated"; newChatId: string } & PartsSent);

export interface SendOptions {
  /** Parts already delivered by an earlier try of the same message: rendered, then not sent again. */
  skipParts?: number;
  /**
   * The language the message is written in (the recipient's), filled by the sender for channels
   * that show it: the web chat keeps its header's language button in step with the chat's.
   */
  language?: string;
}
