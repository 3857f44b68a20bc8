/**
 * A loopback fake of the Telegram Bot API (`/bot<token>/<method>`, JSON or multipart bodies)
 * for tests: records every call, answers with plausible messages, and can be scripted to fail
 * the way Telegram does (429 with retry_after, 403, 400 migrate, 500, or no answer at all).
 * Point a client at it with `apiRoot`. Update builders live in telegram-updates.ts.
 */
import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createCallRecorder } from "./call-recorder.js";
import { parseBody } from "./telegram-request-body.js";
import { TEST_BOT } from "./telegram-updates.js";

export * from "./telegram-updates.js";

export interface RecordedCall {
  method: string;
  payload: Record<string, unknown>;
  /** Date.now() when the fake received the call. */
  at: number;
  /** The message id the fake answered a send with (what a button press on it carries). */
  messageId?: number;
}

export interface ScriptedFailure {
  code: number;
  description?: string;
  /** For 429 (default 1). */
  retryAfter?: number;
  /** For 400: the group became this supergroup. */
  migrateToChatId?: number;
}

export interface FakeTelegramApi {
  readonly token: string;
  /** Base URL without a trailing slash, as grammY's `apiRoot` wants it. */
  readonly apiRoot: string;
  calls(method?: string): RecordedCall[];
  /** Resolves once `count` calls of `method` have arrived (counting earlier ones). */
  waitForCalls(method: string, count: number, timeoutMs?: number): Promise<RecordedCall[]>;
  /**
   * The next call of `method` (or the one after `after` more calls) fails; several calls queue
   * several failures.
   */
  failNext(method: string, failure: ScriptedFailure, options?: { after?: number }): void;
  /** The next call of `method` (or the one after `after` more) is recorded, then its connection dropped. */
  dropNext(method: string, options?: { after?: number }): void;
  /** Forgets every scripted failure not yet used. */
  clearFailures(): void;
  /**
   * A file getFile knows, stored at `path`; getFile answers 400 for any other file_id. With
   * `body`, the file server (`/file/bot<token>/<path>`) serves it with `contentType`.
   */
  addFile(fileId: string, file: FakeFile): void;
  /** The id of every message the fake created, in order: what really went out. */
  messageIds(): string[];
  /** At most this many calls a second (getUpdates excepted); more get 429. */
  setRateLimit(maxPerSecond: number | undefined): void;
  queueUpdates(...updates: Array<{ update_id: number }>): void;
  close(): Promise<void>;
}

export interface FakeFile {
  path: string;
  sizeBytes: number;
  body?: string | Buffer;
  contentType?: string;
}

type Envelope = { ok: true; result: unknown } | ({ ok: false } & Record<string, unknown>);

const DESCRIPTIONS: Record<number, string> = {
  400: "Bad Request: chat not found",
  401: "Unauthorized",
  403: "Forbidden: bot was blocked by the user",
  404: "Not Found",
  500: "Internal Server Error",
};

export async function startFakeTelegramApi(
  options: { token?: string; maxPerSecond?: number } = {},
): Promise<FakeTelegramApi> {
  const token = options.token ?? "123456:TEST-token";
  const recorder = createCallRecorder<RecordedCall>((call) => call.method);
  const events = new EventEmitter().setMaxListeners(0);
  const scripted = new Map<string, Array<ScriptedFailure | "drop" | "pass">>();
  const created: string[] = [];
  const files = new Map<string, FakeFile>();
  let updates: Array<{ update_id: number }> = [];
  let maxPerSecond = options.maxPerSecond;
  let recentSends: number[] = [];
  let nextMessageId = 1;

  const script = (method: string, entry: ScriptedFailure | "drop", after = 0) => {
    const passes = Array.from({ length: after }, () => "pass" as const);
    scripted.set(method, [...(scripted.get(method) ?? []), ...passes, entry]);
  };
  const newMessageId = () => {
    const id = nextMessageId++;
    created.push(String(id));
    return id;
  };

  function rateLimited(now: number): number | undefined {
    if (maxPerSecond === undefined) return undefined;
    recentSends = recentSends.filter((at) => at > now - 1000);
    if (recentSends.length < maxPerSecond) {
      recentSends.push(now);
      return undefined;
    }
    return Math.max(1, Math.ceil((recentSends[0]! + 1000 - now) / 1000));
  }

  // What each sent message shows, by "chat:message", so an edit can be checked as Telegram does.
  const shown = new Map<string, Record<string, unknown>>();

  function sentMessage(payload: Record<string, unknown>, content: Record<string, unknown>) {
    const chatId = Number(payload.chat_id);
    const chat = { id: chatId, type: chatId > 0 ? "private" : "supergroup" };
    const date = Math.floor(Date.now() / 1000);
    const message = { message_id: newMessageId(), date, chat, from: TEST_BOT, ...content };
    if (payload.reply_markup) Object.assign(message, { reply_markup: payload.reply_markup });
    shown.set(`${chatId}:${message.message_id}`, message);
    return message;
  }

  /** https://core.telegram.org/bots/api#editmessagereplymarkup: the edited message, or a 400. */
  function editMarkup(payload: Record<string, unknown>) {
    const message = shown.get(`${Number(payload.chat_id)}:${Number(payload.message_id)}`);
    if (!message) return failure({ code: 400, description: "Bad Request: message to edit not found" });
    if (JSON.stringify(message.reply_markup) === JSON.stringify(payload.reply_markup)) {
      const description =
        "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";
      return failure({ code: 400, description });
    }
    message.reply_markup = payload.reply_markup;
    return message;
  }

  function fileResult(kind: string, value: unknown) {
    const fileId = typeof value === "string" ? value : `uploaded-${kind}-${nextMessageId}`;
    const file = { file_id: fileId, file_unique_id: `u-${fileId}`, file_size: 1234 };
    return kind === "photo" ? [{ ...file, width: 800, height: 600 }] : file;
  }

  async function pendingUpdates(payload: Record<string, unknown>, res: ServerResponse) {
    const offset = Number(payload.offset ?? 0);
    // Asking from an offset confirms every earlier update, as on Telegram.
    if (offset > 0) updates = updates.filter((update) => update.update_id >= offset);
    const timeoutMs = Number(payload.timeout ?? 0) * 1000;
    if (updates.length === 0 && timeoutMs > 0) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          events.off("queued", done);
          res.off("close", done);
          resolve();
        };
        const timer = setTimeout(done, timeoutMs);
        events.on("queued", done);
        res.on("close", done);
      });
    }
    return updates.slice(0, Number(payload.limit ?? 100));
  }

  async function answer(method: string, payload: Record<string, unknown>, res: ServerResponse) {
    switch (method) {
      case "getMe":
        return { ...TEST_BOT, can_join_groups: true, can_read_all_group_messages: false };
      case "getUpdates":
        return pendingUpdates(payload, res);
      case "getFile": {
        const file = files.get(String(payload.file_id));
        if (!file) return failure({ code: 400, description: "Bad Request: invalid file_id" });
        const { path, sizeBytes } = file;
        return {
          file_id: payload.file_id,
          file_unique_id: `u-${payload.file_id}`,
          file_size: sizeBytes,
          file_path: path,
        };
      }
      case "sendMessage":
        return sentMessage(payload, { text: payload.text });
      case "sendPhoto":
      case "sendVideo":
      case "sendDocument": {
        const kind = method.slice(4).toLowerCase();
        return sentMessage(payload, { [kind]: fileResult(kind, payload[kind]), caption: payload.caption });
      }
      case "copyMessage":
        return { message_id: newMessageId() };
      case "editMessageReplyMarkup":
        return editMarkup(payload);
      case "answerCallbackQuery":
      case "setWebhook":
      case "deleteWebhook":
        return true;
      default:
        return undefined;
    }
  }

  function failure(entry: ScriptedFailure): { status: number; body: Envelope; retryAfter?: number } {
    const { code, retryAfter = 1, migrateToChatId } = entry;
    let description = entry.description ?? DESCRIPTIONS[code] ?? `Error ${code}`;
    const parameters: Record<string, number> = {};
    if (code === 429) {
      parameters.retry_after = retryAfter;
      description = entry.description ?? `Too Many Requests: retry after ${retryAfter}`;
    }
    if (migrateToChatId !== undefined) {
      parameters.migrate_to_chat_id = migrateToChatId;
      description = entry.description ?? "Bad Request: group chat was upgraded to a supergroup chat";
    }
    const body = { ok: false as const, error_code: code, description };
    const withParameters = Object.keys(parameters).length > 0 ? { ...body, parameters } : body;
    return { status: code, body: withParameters, ...(code === 429 ? { retryAfter } : {}) };
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://fake");
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (download && download[1] === token) return serveFile(decodeURIComponent(download[2]!), res);
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(url.pathname);
    if (!match || match[1] !== token) return respond(res, failure({ code: match ? 401 : 404 }));
    const method = match[2]!;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const payload = {
      ...Object.fromEntries(url.searchParams),
      ...parseBody(req.headers["content-type"], Buffer.concat(chunks)),
    };
    const call: RecordedCall = { method, payload, at: Date.now() };
    recorder.record(call);

    const next = scripted.get(method)?.shift();
    if (next === "drop") return void res.socket?.destroy();
    if (next && next !== "pass") return respond(res, failure(next));
    const retryAfter = method === "getUpdates" ? undefined : rateLimited(Date.now());
    if (retryAfter !== undefined) return respond(res, failure({ code: 429, retryAfter }));
    const result = await answer(method, payload, res);
    if (isFailure(result)) return respond(res, result);
    if (result === undefined)
      return respond(res, failure({ code: 404, description: "Not Found: method not found" }));
    if (typeof result === "object" && result !== null && "message_id" in result)
      call.messageId = Number(result.message_id);
    respond(res, { status: 200, body: { ok: true, result } });
  }

  function serveFile(path: string, res: ServerResponse) {
    const file = [...files.values()].find((candidate) => candidate.path === path && candidate.body);
    if (!file?.body) return void res.writeHead(404).end();
    const headers = file.contentType ? { "content-type": file.contentType } : {};
    res.writeHead(200, headers).end(file.body);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      respond(res, failure({ code: 500, description: `fake failed: ${String(error)}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    token,
    apiRoot: `http://127.0.0.1:${port}`,
    calls: recorder.calls,
    waitForCalls: recorder.waitForCalls,
    failNext: (method, entry, options) => script(method, entry, options?.after),
    dropNext: (method, options) => script(method, "drop", options?.after),
    clearFailures: () => scripted.clear(),
    addFile: (fileId, file) => void files.set(fileId, file),
    messageIds: () => [...created],
    setRateLimit(limit) {
      maxPerSecond = limit;
      recentSends = [];
    },
    queueUpdates(...more) {
      updates.push(...more);
      events.emit("queued");
    },
    close() {
      // Ends pending long polls and keep-alive sockets, so close() never waits on a client.
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function isFailure(value: unknown): value is { status: number; body: Envelope } {
  return typeof value === "object" && value !== null && "status" in value && "body" in value;
}

function respond(res: ServerResponse, answer: { status: number; body: Envelope; retryAfter?: number }) {
  if (res.headersSent || res.destroyed) return;
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (answer.retryAfter !== undefined) headers["retry-after"] = String(answer.retryAfter);
  res.writeHead(answer.status, headers).end(JSON.stringify(answer.body));
}
