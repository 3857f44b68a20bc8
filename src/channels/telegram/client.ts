/**
 * A thin client over grammY's Api: the calls the adapter makes, and the one place that maps
 * Bot API failures to SendOutcome. No auto-retry and no throttler on purpose: retrying is the
 * send queue's decision, and a retried network error can deliver a message twice
 * (docs/platforms/telegram.md §6).
 */
import { Api, GrammyError, HttpError, InputFile } from "grammy";
import { z } from "zod";
import type { SendOutcome } from "../../core/messages.js";
import type { TelegramCall, TelegramUpload } from "./render.js";

export interface TelegramClientConfig {
  token: string;
  /** Without a trailing slash (grammY refuses one). */
  apiRoot: string;
  fetch?: typeof fetch;
}

export interface TelegramClient {
  /** Performs one rendered call and returns the id of the message it created. */
  send(call: TelegramCall): Promise<string>;
  getUpdates(offset: number, timeoutSeconds: number, signal: AbortSignal): Promise<unknown[]>;
  answerCallbackQuery(callbackQueryId: string): Promise<void>;
  deleteWebhook(): Promise<void>;
  /** The bot's @username, for t.me deep links. */
  botUsername(): Promise<string | undefined>;
  /**
   * A download URL for a file Telegram holds, or undefined over the Bot API's 20 MB download cap.
   * The URL carries the token: stream it through ChoEm, never hand it to a person.
   */
  fileUrl(fileId: string): Promise<string | undefined>;
}

const DOWNLOAD_CAP_BYTES = 20 * 1024 * 1024;

/** The slice of grammY's proxy the client uses: any Bot API method name, called with a payload. */
type CallByName = Record<
  string,
  (payload: Record<string, unknown>, signal?: AbortSignal) => Promise<unknown>
>;

// sendMessage and friends return a Message, copyMessage a MessageId: both carry message_id.
const sentSchema = z.looseObject({ message_id: z.number() });
const updatesSchema = z.array(z.unknown());

// Explicit, because allowed_updates persists on Telegram's side until changed.
const ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"];
// Must outlast the adapter's long poll; grammY's default would leave a stuck send hanging for minutes.
const REQUEST_TIMEOUT_SECONDS = 60;
// Telegram always sends retry_after with 429; this covers a proxy that drops it.
const DEFAULT_RETRY_AFTER_SECONDS = 5;

export function createTelegramClient(config: TelegramClientConfig): TelegramClient {
  const api = new Api(config.token, {
    apiRoot: config.apiRoot,
    timeoutSeconds: REQUEST_TIMEOUT_SECONDS,
    ...(config.fetch ? { fetch: config.fetch } : {}),
  });
  // grammY's raw proxy resolves any method name at run time; its static type lists each method's
  // own payload, which a rendered call (method chosen at run time) cannot satisfy.
  const raw = api.raw as unknown as CallByName;

  return {
    async send(call) {
      const result = await raw[call.method]!(withInputFiles(call.payload));
      return String(sentSchema.parse(result).message_id);
    },
    async getUpdates(offset, timeoutSeconds, signal) {
      // Through the untyped view: grammY types the signal as its polyfill's, not Node's own.
      const result = await raw.getUpdates!(
        { offset, timeout: timeoutSeconds, allowed_updates: ALLOWED_UPDATES },
        signal,
      );
      return updatesSchema.parse(result);
    },
    async answerCallbackQuery(callbackQueryId) {
      await api.answerCallbackQuery(callbackQueryId);
    },
    async deleteWebhook() {
      await api.deleteWebhook({ drop_pending_updates: false });
    },
    async botUsername() {
      return (await api.getMe()).username;
    },
    async fileUrl(fileId) {
      const file = await api.getFile(fileId);
      if (!file.file_path || (file.file_size ?? 0) > DOWNLOAD_CAP_BYTES) return undefined;
      return `${config.apiRoot}/file/bot${config.token}/${file.file_path}`;
    },
  };
}

function withInputFiles(payload: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(payload).map(([key, value]) => [key, isUpload(value) ? toInputFile(value) : value]),
  );
}

/** A file render.ts asks to upload; checked by hand, since every field of every send is asked. */
function isUpload(value: unknown): value is TelegramUpload {
  if (typeof value !== "object" || value === null) return false;
  const { upload, fileName, mimeType } = value as Record<string, unknown>;
  return Buffer.isBuffer(upload) && typeof fileName === "string" && typeof mimeType === "string";
}

function toInputFile(upload: TelegramUpload): InputFile {
  return new InputFile(upload.upload, upload.fileName);
}

/**
 * Every failure of a send, classified so the queue can decide from the kind alone. Anything that
 * is not a Bot API answer (a network error, an answer without message_id) is transient: the
 * message may or may not have gone out.
 */
export function toSendOutcome(error: unknown): SendOutcome {
  if (error instanceof HttpError) return { kind: "transient", reason: error.message };
  if (!(error instanceof GrammyError)) {
    return { kind: "transient", reason: error instanceof Error ? error.message : String(error) };
  }
  const { error_code: code, description, parameters } = error;
  if (code === 429) {
    return { kind: "throttled", retryAfterSeconds: parameters.retry_after ?? DEFAULT_RETRY_AFTER_SECONDS };
  }
  if (code === 403) return { kind: "blocked", reason: description };
  if (code === 400 && parameters.migrate_to_chat_id !== undefined) {
    return { kind: "migrated", newChatId: String(parameters.migrate_to_chat_id) };
  }
  if (code >= 500) return { kind: "transient", reason: description };
  return { kind: "rejected", reason: description };
}
