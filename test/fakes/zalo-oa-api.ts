/**
 * A loopback fake of the Zalo OA API v3 and OAuth v4 as docs/platforms/zalo-oa.md describes them:
 * rotating single-use refresh tokens, the `access_token` header checked on every call (-216
 * otherwise), `error === 0` envelopes, upload limits, scriptable failures, and files to download.
 * Also builders for webhook events and a helper that signs and posts them like Zalo does.
 */
import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createCallRecorder } from "./call-recorder.js";

export const FAKE_OA_APP_ID = "4318072956324812391";
export const FAKE_OA_SECRET_KEY = "oa-secret-KEY-aBcD1234eFgH5678";
export const FAKE_OA_ID = "2915034880246316873";

export interface FakeZaloOaCall {
  path: string;
  /** The `access_token` header (API) or `secret_key` header (OAuth). */
  credential: string | undefined;
  /** JSON or form fields; uploads record the file's name, size and type instead of its bytes. */
  body: Record<string, unknown>;
  at: number;
}
export interface FakeZaloOaOptions {
  appId?: string;
  /** The App secret the OAuth endpoint expects in `secret_key`. */
  appSecret?: string;
  refreshToken?: string;
}
export interface FakeZaloOaApi {
  /** Serves both the API and the OAuth paths. */
  readonly apiRoot: string;
  readonly oauthRoot: string;
  readonly appId: string;
  readonly appSecret: string;
  /** The one refresh token that works right now. */
  readonly refreshToken: string;
  /** The one access token that works right now ("" before the first refresh). */
  readonly accessToken: string;
  calls(path?: string): FakeZaloOaCall[];
  waitForCalls(path: string, count: number, timeoutMs?: number): Promise<FakeZaloOaCall[]>;
  /**
   * The next call of `path` (or the one after `after` more calls) fails: a negative code as an API
   * error, 500–599 as that HTTP status.
   */
  failNext(path: string, code: number, options?: { after?: number }): void;
  /** The next call of `path` (or the one after `after` more) is recorded, then its connection dropped. */
  dropNext(path: string, options?: { after?: number }): void;
  /** Forgets every scripted failure not yet used. */
  clearFailures(): void;
  /** The id of every message the fake accepted, in order: what really went out. */
  messageIds(): string[];
  /** Serves `data` at a URL on this server, to test documents sent from a URL. */
  hostFile(name: string, data: Buffer, contentType: string): string;
  close(): Promise<void>;
}

export const OA_PATHS = {
  token: "/v4/oa/access_token",
  send: "/v3.0/oa/message/cs",
  uploadImage: "/v2.0/oa/upload/image",
  uploadFile: "/v2.0/oa/upload/file",
} as const;

const MB = 1024 * 1024;
const DOCUMENT = /\.(pdf|docx?)$/i;

export async function startFakeZaloOaApi(options: FakeZaloOaOptions = {}): Promise<FakeZaloOaApi> {
  const appId = options.appId ?? FAKE_OA_APP_ID;
  const appSecret = options.appSecret ?? "app-secret-0123456789";
  let refreshToken = options.refreshToken ?? secret("rt");
  let accessToken = "";
  const recorder = createCallRecorder<FakeZaloOaCall>((call) => call.path);
  const failures = new Map<string, Array<number | "drop" | "pass">>();
  const script = (path: string, entry: number | "drop", after = 0) => {
    const passes = Array.from({ length: after }, () => "pass" as const);
    failures.set(path, [...(failures.get(path) ?? []), ...passes, entry]);
  };
  const accepted: string[] = [];
  const files = new Map<string, { data: Buffer; contentType: string }>();
  const attachments = new Set<string>();
  let sent = 0;

  const server = createServer((req, res) => {
    route(req, res).catch(() => reply(res, 500, "fake failed"));
  });

  async function route(req: IncomingMessage, res: ServerResponse) {
    const path = (req.url ?? "").split("?")[0] ?? "";
    const hosted = files.get(path);
    if (req.method === "GET" && hosted) {
      res.writeHead(200, { "content-type": hosted.contentType, "content-length": hosted.data.length });
      return res.end(hosted.data);
    }
    const raw = await readAll(req);
    const body = await parseBody(raw, String(req.headers["content-type"] ?? ""));
    const isOauth = path === OA_PATHS.token;
    const credential = header(req, isOauth ? "secret_key" : "access_token");
    recorder.record({ path, credential, body, at: Date.now() });

    const scripted = failures.get(path)?.shift();
    if (scripted === "drop") return void res.socket?.destroy();
    const failure = scripted === "pass" ? undefined : scripted;
    if (failure !== undefined && failure >= 500) return reply(res, failure, "Internal Server Error");
    if (failure !== undefined) return json(res, { error: failure, message: `scripted failure ${failure}` });
    if (isOauth) return refresh(res, credential, body);
    if (credential !== accessToken || accessToken === "") {
      return json(res, { error: -216, message: "Access token is invalid" });
    }
    switch (path) {
      case OA_PATHS.send:
        return send(res, body);
      case OA_PATHS.uploadImage:
      case OA_PATHS.uploadFile:
        return upload(res, path, body);
      default:
        return json(res, { error: -201, message: "unknown endpoint" });
    }
  }

  function refresh(res: ServerResponse, secretKey: string | undefined, form: Record<string, unknown>) {
    if (secretKey !== appSecret || form.app_id !== appId) {
      return json(res, {
        error: -14001,
        error_name: "Invalid app",
        error_description: "app_id or secret_key",
      });
    }
    if (form.grant_type !== "refresh_token" || form.refresh_token !== refreshToken) {
      return json(res, { error: -14014, error_name: "Invalid refresh token" });
    }
    // Single use: the old refresh token and the old access token stop working at once.
    refreshToken = secret("rt");
    accessToken = secret("at");
    return json(res, { access_token: accessToken, refresh_token: refreshToken, expires_in: "90000" });
  }

  function send(res: ServerResponse, body: Record<string, unknown>) {
    const recipient = body.recipient as { user_id?: unknown } | undefined;
    const message = body.message as { text?: unknown; attachment?: unknown } | undefined;
    if (typeof recipient?.user_id !== "string" || typeof message !== "object" || message === null) {
      return json(res, { error: -201, message: "recipient.user_id and message are required" });
    }
    if (message.text !== undefined && (typeof message.text !== "string" || message.text.length > 2000)) {
      return json(res, { error: -210, message: "text is at most 2000 characters" });
    }
    const ids = JSON.stringify(message.attachment ?? {}).match(/"(?:attachment_id|token)":"([^"]+)"/);
    if (ids && !attachments.has(ids[1]!)) return json(res, { error: -201, message: "unknown attachment" });
    if (message.text === undefined && message.attachment === undefined) {
      return json(res, { error: -201, message: "empty message" });
    }
    sent += 1;
    accepted.push(`oam${sent}`);
    return json(res, {
      error: 0,
      message: "Success",
      data: { message_id: `oam${sent}`, user_id: recipient.user_id, sent_time: Date.now() },
    });
  }

  function upload(res: ServerResponse, path: string, body: Record<string, unknown>) {
    const file = body.file as { name: string; size: number; type: string } | undefined;
    if (!file) return json(res, { error: -201, message: "multipart field file is required" });
    const isImage = path === OA_PATHS.uploadImage;
    if (file.size > (isImage ? 1 : 5) * MB) return json(res, { error: -210, message: "file too large" });
    if (!isImage && !DOCUMENT.test(file.name))
      return json(res, { error: -201, message: "only PDF, DOC, DOCX" });
    const id = secret(isImage ? "img" : "file");
    attachments.add(id);
    return json(res, { error: 0, message: "Success", data: isImage ? { attachment_id: id } : { token: id } });
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiRoot: root,
    oauthRoot: root,
    appId,
    appSecret,
    get refreshToken() {
      return refreshToken;
    },
    get accessToken() {
      return accessToken;
    },
    calls: recorder.calls,
    waitForCalls: recorder.waitForCalls,
    failNext: (path, code, options) => script(path, code, options?.after),
    dropNext: (path, options) => script(path, "drop", options?.after),
    clearFailures: () => failures.clear(),
    messageIds: () => [...accepted],
    hostFile(name, data, contentType) {
      files.set(`/files/${name}`, { data, contentType });
      return `${root}/files/${name}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function secret(prefix: string): string {
  return `${prefix}_${randomBytes(18).toString("base64url")}`;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === "string" ? value : undefined;
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function parseBody(raw: Buffer, contentType: string): Promise<Record<string, unknown>> {
  if (contentType.startsWith("multipart/form-data")) {
    const form = await new Response(new Uint8Array(raw), {
      headers: { "content-type": contentType },
    }).formData();
    const file = form.get("file");
    return file instanceof File ? { file: { name: file.name, size: file.size, type: file.type } } : {};
  }
  if (contentType.startsWith("application/x-www-form-urlencoded")) {
    return Object.fromEntries(new URLSearchParams(raw.toString("utf8")));
  }
  try {
    const parsed: unknown = JSON.parse(raw.toString("utf8") || "{}");
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function json(res: ServerResponse, body: unknown) {
  res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
}

function reply(res: ServerResponse, status: number, text: string) {
  if (!res.headersSent) res.writeHead(status, { "content-type": "text/plain" }).end(text);
}

export interface OaEventBody {
  app_id: string;
  event_name: string;
  /** Epoch milliseconds as a string, as Zalo sends it; part of the signature. */
  timestamp: string;
  [field: string]: unknown;
}
export interface OaEventOptions {
  msgId?: string;
  timestamp?: number;
}

let lastMsgId = 0;

function userEvent(
  eventName: string,
  userId: string,
  message: Record<string, unknown>,
  options: OaEventOptions,
): OaEventBody {
  lastMsgId += 1;
  return {
    app_id: FAKE_OA_APP_ID,
    user_id_by_app: `9${userId}`,
    event_name: eventName,
    timestamp: String(options.timestamp ?? Date.now()),
    sender: { id: userId },
    recipient: { id: FAKE_OA_ID },
    message: { msg_id: options.msgId ?? `${lastMsgId}${randomBytes(8).toString("hex")}`, ...message },
  };
}

function followerEvent(eventName: string, userId: string, options: OaEventOptions): OaEventBody {
  return {
    app_id: FAKE_OA_APP_ID,
    oa_id: FAKE_OA_ID,
    user_id_by_app: `9${userId}`,
    event_name: eventName,
    timestamp: String(options.timestamp ?? Date.now()),
    follower: { id: userId },
    source: "oa_profile",
  };
}

const attached = (type: string, payload: Record<string, unknown>) => ({ attachments: [{ type, payload }] });

/** Builders of webhook events as docs/platforms/zalo-oa.md §3 shows them, each with a fresh msg_id. */
export const oaEvent = {
  text: (userId: string, text: string, options: OaEventOptions = {}) =>
    userEvent("user_send_text", userId, { text }, options),
  image: (userId: string, url: string, caption?: string, options: OaEventOptions = {}) =>
    userEvent(
      "user_send_image",
      userId,
      { ...(caption === undefined ? {} : { text: caption }), ...attached("image", { thumbnail: url, url }) },
      options,
    ),
  file: (userId: string, file: { name: string; size: number; url: string }, options: OaEventOptions = {}) =>
    userEvent(
      "user_send_file",
      userId,
      attached("file", {
        ...file,
        size: String(file.size),
        type: file.name.split(".").at(-1),
        checksum: "0cc175b9c0f1b6a831c399e269772661",
      }),
      options,
    ),
  location: (userId: string, latitude: number, longitude: number, options: OaEventOptions = {}) =>
    userEvent(
      "user_send_location",
      userId,
      attached("location", { coordinates: { latitude: String(latitude), longitude: String(longitude) } }),
      options,
    ),
  sticker: (userId: string, options: OaEventOptions = {}) =>
    userEvent(
      "user_send_sticker",
      userId,
      attached("sticker", { id: "bfe458bf64fa8da4d4eb", url: "https://zalo-api.zadn.vn/s.png" }),
      options,
    ),
  follow: (userId: string, options: OaEventOptions = {}) => followerEvent("follow", userId, options),
  unfollow: (userId: string, options: OaEventOptions = {}) => followerEvent("unfollow", userId, options),
  submitInfo: (userId: string, info: { phone: string; name?: string }, options: OaEventOptions = {}) => {
    const event = userEvent("user_submit_info", userId, {}, options);
    delete event.message;
    return {
      ...event,
      info: { name: info.name ?? "", phone: info.phone, address: "", city: "", district: "" },
    };
  },
  /** Any other event name (receipts, echoes, group messages) with a text message. */
  other: (eventName: string, userId: string, options: OaEventOptions = {}) =>
    userEvent(eventName, userId, { text: "xin chào" }, options),
};

export interface PostEventOptions {
  appId: string;
  secretKey: string;
  /** Overrides the event's timestamp (epoch ms) before signing. */
  timestamp?: number;
  /** Changes the body after signing: true adds a field; a function rewrites the raw text. */
  tamper?: boolean | ((raw: string) => string);
  /** "mac" sends `mac=<hex>`, as one integration expects; null leaves the header out. */
  signatureForm?: "bare" | "mac" | null;
}

/** Signs an event like Zalo (sha256 of app id + raw body + timestamp + OA secret key) and posts it. */
export async function postEvent(
  url: string,
  event: OaEventBody,
  options: PostEventOptions,
): Promise<{ status: number; text: string }> {
  const body = options.timestamp === undefined ? event : { ...event, timestamp: String(options.timestamp) };
  const raw = JSON.stringify(body);
  const signature = createHash("sha256")
    .update(`${options.appId}${raw}${body.timestamp}${options.secretKey}`, "utf8")
    .digest("hex");
  const tamper = options.tamper;
  const sent =
    typeof tamper === "function" ? tamper(raw) : tamper ? JSON.stringify({ ...body, tampered: true }) : raw;
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "user-agent": "Zalo-Webhook",
  };
  if (options.signatureForm !== null) {
    headers["x-zevent-signature"] = options.signatureForm === "mac" ? `mac=${signature}` : signature;
  }
  const response = await fetch(url, { method: "POST", headers, body: sent });
  return { status: response.status, text: await response.text() };
}
