/**
 * A loopback fake of the Zalo Bot API (`POST /bot<token>/<method>`, JSON), as
 * docs/platforms/zalo-bot.md describes it: envelopes, 2000-character texts, a getUpdates that
 * answers one update or 408 when idle, scriptable failures and a monthly quota. Also builders for
 * updates and a helper that pushes an update to a webhook the way Zalo's Java client does.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createCallRecorder } from "./call-recorder.js";

export interface FakeZaloCall {
  method: string;
  payload: Record<string, unknown>;
  at: number;
}
export interface FakeZaloFailure {
  code: 400 | 401 | 403 | 404 | 429 | 500;
  description?: string;
}
export interface FakeZaloOptions {
  token?: string;
  botId?: string;
  /** Caps the long poll, so idle polls answer 408 quickly in tests. */
  longPollMs?: number;
  /** After this many sent messages every send answers 429 "Quota exceeded", like the free plan. */
  monthlyQuota?: number;
}
export interface ZaloUpdateBody {
  event_name: string;
  message?: Record<string, unknown>;
}
export interface FakeZaloApi {
  readonly apiRoot: string;
  readonly token: string;
  readonly botId: string;
  calls(method?: string): FakeZaloCall[];
  /** Resolves once `count` calls of `method` have arrived (counting earlier ones). */
  waitForCalls(method: string, count: number, timeoutMs?: number): Promise<FakeZaloCall[]>;
  /** The next call of `method` (or the one after `after` more calls) fails. */
  failNext(method: string, failure: FakeZaloFailure, options?: { after?: number }): void;
  /** The next call of `method` (or the one after `after` more) is recorded, then its connection dropped. */
  dropNext(method: string, options?: { after?: number }): void;
  /** Forgets every scripted failure not yet used. */
  clearFailures(): void;
  /** The id of every message the fake accepted, in order: what really went out. */
  messageIds(): string[];
  /** Hands the update to a waiting getUpdates, or keeps it for the next one. */
  queueUpdate(update: ZaloUpdateBody): void;
  close(): Promise<void>;
}

const DESCRIPTIONS: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Internal Server Error",
  404: "Not Found",
  408: "Request timeout",
  429: "Quota exceeded",
  500: "Internal Server Error",
};

export async function startFakeZaloApi(options: FakeZaloOptions = {}): Promise<FakeZaloApi> {
  const token = options.token ?? "1234567890:fake-zalo-secret-abcdef";
  const botId = options.botId ?? "b0t1d2e3f4a5b6c7d8e9";
  const recorder = createCallRecorder<FakeZaloCall>((call) => call.method);
  const failures = new Map<string, Array<FakeZaloFailure | "drop" | "pass">>();
  const script = (method: string, entry: FakeZaloFailure | "drop", after = 0) => {
    const passes = Array.from({ length: after }, () => "pass" as const);
    failures.set(method, [...(failures.get(method) ?? []), ...passes, entry]);
  };
  const accepted: string[] = [];
  const queue: ZaloUpdateBody[] = [];
  const waiters: Array<(update: ZaloUpdateBody) => void> = [];
  let sent = 0;
  let webhook = { url: "", updated_at: Date.now() };

  const server = createServer((req, res) => {
    readBody(req)
      .then((payload) => route(req, res, payload))
      .catch(() => answer(res, 500));
  });

  async function route(req: IncomingMessage, res: ServerResponse, payload: Record<string, unknown>) {
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? "");
    if (!match) return answer(res, 404);
    const method = match[2]!;
    recorder.record({ method, payload, at: Date.now() });
    if (decodeURIComponent(match[1]!) !== token) return answer(res, 401);
    const failure = failures.get(method)?.shift();
    if (failure === "drop") return void res.socket?.destroy();
    if (failure && failure !== "pass") return answer(res, failure.code, failure.description);

    const isText = (value: unknown, min: number) =>
      typeof value === "string" && value.length >= min && value.length <= 2000;
    switch (method) {
      case "getMe":
        return answer(res, 200, { id: botId, account_name: "bot.choem", account_type: "BASIC" });
      case "sendMessage":
      case "sendPhoto": {
        const valid =
          method === "sendMessage"
            ? isText(payload.text, 1)
            : isText(payload.photo, 1) && (payload.caption === undefined || isText(payload.caption, 1));
        if (!isText(payload.chat_id, 1) || !valid)
          return answer(res, 400, "Bad Request: text is 1 to 2000 characters");
        if (options.monthlyQuota !== undefined && sent >= options.monthlyQuota) return answer(res, 429);
        sent += 1;
        accepted.push(`zm${sent}`);
        return answer(res, 200, { message_id: `zm${sent}`, date: Date.now() });
      }
      case "sendChatAction":
        return answer(res, 200, undefined);
      case "setWebhook":
        // Both are required; the secret is 8 to 256 characters.
        if (
          typeof payload.url !== "string" ||
          !isText(payload.secret_token, 8) ||
          String(payload.secret_token).length > 256
        )
          return answer(res, 400);
        webhook = { url: payload.url, updated_at: Date.now() };
        return answer(res, 200, webhook);
      case "deleteWebhook":
        webhook = { url: "", updated_at: Date.now() };
        return answer(res, 200, webhook);
      case "getWebhookInfo":
        return answer(res, 200, webhook);
      case "getUpdates":
        return longPoll(res, Number(payload.timeout ?? 30) * 1000);
      default:
        return answer(res, 400, "Bad Request: unknown method");
    }
  }

  function longPoll(res: ServerResponse, requestedMs: number) {
    const queued = queue.shift();
    if (queued) return answer(res, 200, queued);
    const deliver = (update: ZaloUpdateBody) => {
      clearTimeout(timer);
      answer(res, 200, update);
    };
    const forget = () => {
      const at = waiters.indexOf(deliver);
      if (at >= 0) waiters.splice(at, 1);
      clearTimeout(timer);
    };
    const timer = setTimeout(
      () => {
        forget();
        answer(res, 408);
      },
      Math.min(requestedMs, options.longPollMs ?? requestedMs),
    );
    waiters.push(deliver);
    // A poller that hung up must not swallow the next update.
    res.on("close", forget);
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    botId,
    calls: recorder.calls,
    waitForCalls: recorder.waitForCalls,
    failNext: (method, failure, options) => script(method, failure, options?.after),
    dropNext: (method, options) => script(method, "drop", options?.after),
    clearFailures: () => failures.clear(),
    messageIds: () => [...accepted],
    queueUpdate(update) {
      const waiter = waiters.shift();
      if (waiter) waiter(update);
      else queue.push(update);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function answer(res: ServerResponse, status: number, resultOrDescription?: unknown) {
  if (res.writableEnded || res.destroyed) return;
  const body =
    status === 200
      ? { ok: true, result: resultOrDescription }
      : { ok: false, error_code: status, description: resultOrDescription ?? DESCRIPTIONS[status] };
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Pushes an update to a webhook like Zalo does; `secret: null` leaves the header out. */
export async function postZaloWebhook(
  url: string,
  body: unknown,
  secret: string | null,
): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = { "user-agent": "Java/17.0.2" };
  if (secret !== null) headers["x-bot-api-secret-token"] = secret;
  if (body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(url, {
    method: "POST",
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
}

export interface ZaloUpdateOptions {
  fromId?: string;
  displayName?: string;
  chatType?: string;
  messageId?: string;
  /** Which field carries an image's URL: captures use photo_url, the docs' table photo. */
  photoField?: "photo_url" | "photo";
}

let lastMessageId = 0;

function message(chatId: string, options: ZaloUpdateOptions, fields: Record<string, unknown>) {
  lastMessageId += 1;
  return {
    from: { id: options.fromId ?? chatId, display_name: options.displayName ?? "Chị Hoa", is_bot: false },
    chat: { id: chatId, chat_type: options.chatType ?? "PRIVATE" },
    message_id: options.messageId ?? `msg${lastMessageId}`,
    date: Date.now(),
    ...fields,
  };
}

/** Builders of the four kinds of push; bodies are unwrapped, as live webhooks send them. */
export const zaloUpdate = {
  text: (chatId: string, text: string, options: ZaloUpdateOptions = {}): ZaloUpdateBody => ({
    event_name: "message.text.received",
    message: message(chatId, options, { text }),
  }),
  image: (
    chatId: string,
    url: string,
    caption?: string,
    options: ZaloUpdateOptions = {},
  ): ZaloUpdateBody => ({
    event_name: "message.image.received",
    message: message(chatId, options, {
      [options.photoField ?? "photo_url"]: url,
      message_type: "CHAT_PHOTO",
      ...(caption === undefined ? {} : { caption }),
    }),
  }),
  sticker: (chatId: string, options: ZaloUpdateOptions = {}): ZaloUpdateBody => ({
    event_name: "message.sticker.received",
    message: message(chatId, options, {
      sticker: "bfe458bf64fa8da4d4eb",
      url: "https://zalo-api.zadn.vn/s.png",
    }),
  }),
  unsupported: (chatId: string, options: ZaloUpdateOptions = {}): ZaloUpdateBody => ({
    event_name: "message.unsupported.received",
    message: message(chatId, options, {}),
  }),
  /** The `{ok, result}` form the docs show and getUpdates uses. */
  wrapped: (update: ZaloUpdateBody) => ({ ok: true, result: update }),
};
