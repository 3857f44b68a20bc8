/**
 * Our own typed client for the Zalo OA API v3 and OAuth v4 (no maintained SDK on npm): every answer
 * is checked with zod, success means `error === 0` (not the HTTP status), failures come back as
 * values. Tokens travel in the `access_token` header and the OAuth form body, never in URLs, and
 * are cut out of every error text before it leaves this file. Reference: docs/platforms/zalo-oa.md §4–8.
 */
import type { z } from "zod";
import { describeFetchError, errorName, parseJson } from "../fetch-errors.js";
import type { OaFileBytes, OaMessage } from "./payloads.js";
import {
  oaEnvelopeSchema,
  oaFileUploadSchema,
  oaImageUploadSchema,
  oaSentSchema,
  oaTokenErrorSchema,
  oaTokenPairSchema,
} from "./schemas.js";

export interface ZaloOaClientOptions {
  appId: string;
  /** The App secret: OAuth's `secret_key` header (not the OA Secret Key that signs webhooks). */
  appSecret: string;
  apiRoot: string;
  oauthRoot: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface OaError {
  /** "no-token": we had no access token to call with (the refresh failed). */
  kind: "http" | "api" | "timeout" | "network" | "invalid-response" | "no-token";
  code?: number;
  description: string;
}

export type OaResult<T> = { ok: true; result: T } | { ok: false; error: OaError };

export interface OaTokenPair {
  accessToken: string;
  refreshToken: string;
  expiresInSeconds: number;
}

export interface ZaloOaClient {
  refreshAccessToken(refreshToken: string): Promise<OaResult<OaTokenPair>>;
  sendMessage(
    accessToken: string,
    userId: string,
    message: OaMessage,
  ): Promise<OaResult<{ messageId?: string }>>;
  /** Resolves to the attachment_id to send the image with. */
  uploadImage(accessToken: string, file: OaFileBytes): Promise<OaResult<string>>;
  /** Resolves to the token to send the file with. */
  uploadFile(accessToken: string, file: OaFileBytes): Promise<OaResult<string>>;
}

const CALL_TIMEOUT_MS = 20_000;
const UPLOAD_TIMEOUT_MS = 60_000;

export function createZaloOaClient(options: ZaloOaClientOptions): ZaloOaClient {
  const doFetch = options.fetch ?? fetch;
  const apiRoot = options.apiRoot.replace(/\/+$/, "");
  const oauthRoot = options.oauthRoot.replace(/\/+$/, "");

  async function request(
    url: string,
    init: RequestInit,
    secrets: string[],
    timeoutMs: number,
  ): Promise<OaResult<{ status: number; body: unknown }>> {
    try {
      const response = await doFetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
      const text = await response.text();
      return { ok: true, result: { status: response.status, body: parseJson(text) } };
    } catch (error) {
      const kind = errorName(error) === "TimeoutError" ? "timeout" : "network";
      return { ok: false, error: { kind, description: redactSecrets(describeFetchError(error), secrets) } };
    }
  }

  async function api<T>(
    path: string,
    accessToken: string,
    body: BodyInit,
    schema: z.ZodType<T>,
    timeoutMs: number,
  ): Promise<OaResult<T>> {
    const headers: Record<string, string> = { access_token: accessToken };
    // FormData sets its own multipart content type, boundary included.
    if (typeof body === "string") headers["content-type"] = "application/json";
    const answered = await request(
      `${apiRoot}${path}`,
      { method: "POST", headers, body },
      [accessToken],
      timeoutMs,
    );
    if (!answered.ok) return answered;
    const { status, body: answer } = answered.result;
    const envelope = oaEnvelopeSchema.safeParse(answer);
    if (!envelope.success) return httpFailure(status, "the answer is not a Zalo OA envelope");
    if (envelope.data.error !== 0) {
      const description = redactSecrets(envelope.data.message ?? "no message", [accessToken]);
      return { ok: false, error: { kind: "api", code: envelope.data.error, description } };
    }
    const data = schema.safeParse(envelope.data.data);
    if (!data.success)
      return httpFailure(status, `unexpected data (${data.error.issues[0]?.path.join(".")})`);
    return { ok: true, result: data.data };
  }

  return {
    async refreshAccessToken(refreshToken) {
      const form = new URLSearchParams({
        refresh_token: refreshToken,
        app_id: options.appId,
        grant_type: "refresh_token",
      });
      const secrets = [refreshToken, options.appSecret];
      const answered = await request(
        `${oauthRoot}/v4/oa/access_token`,
        {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", secret_key: options.appSecret },
          body: form.toString(),
        },
        secrets,
        options.timeoutMs ?? CALL_TIMEOUT_MS,
      );
      if (!answered.ok) return answered;
      const pair = oaTokenPairSchema.safeParse(answered.result.body);
      if (pair.success) {
        const { access_token, refresh_token, expires_in } = pair.data;
        return {
          ok: true,
          result: { accessToken: access_token, refreshToken: refresh_token, expiresInSeconds: expires_in },
        };
      }
      const failure = oaTokenErrorSchema.safeParse(answered.result.body);
      if (!failure.success)
        return httpFailure(answered.result.status, "the answer is not an OAuth token pair");
      const { error, error_name, error_description, message } = failure.data;
      const description = redactSecrets(
        error_description ?? error_name ?? message ?? "no description",
        secrets,
      );
      return { ok: false, error: { kind: "api", code: error, description } };
    },
    async sendMessage(accessToken, userId, message) {
      const body = JSON.stringify({ recipient: { user_id: userId }, message });
      const timeoutMs = options.timeoutMs ?? CALL_TIMEOUT_MS;
      const sent = await api("/v3.0/oa/message/cs", accessToken, body, oaSentSchema, timeoutMs);
      return sent.ok
        ? { ok: true, result: sent.result?.message_id ? { messageId: sent.result.message_id } : {} }
        : sent;
    },
    async uploadImage(accessToken, file) {
      const path = "/v2.0/oa/upload/image";
      const done = await api(path, accessToken, formOf(file), oaImageUploadSchema, UPLOAD_TIMEOUT_MS);
      return done.ok ? { ok: true, result: done.result.attachment_id } : done;
    },
    async uploadFile(accessToken, file) {
      const path = "/v2.0/oa/upload/file";
      const done = await api(path, accessToken, formOf(file), oaFileUploadSchema, UPLOAD_TIMEOUT_MS);
      return done.ok ? { ok: true, result: done.result.token } : done;
    },
  };
}

/** Removes every given secret (and its URL-encoded form) from a text. */
export function redactSecrets(text: string, secrets: string[]): string {
  let redacted = text;
  for (const secret of secrets) {
    for (const form of [secret, encodeURIComponent(secret)]) {
      if (form.length >= 6) redacted = redacted.split(form).join("***");
    }
  }
  return redacted;
}

/** Uploads are multipart with the field `file`. */
function formOf(file: OaFileBytes): FormData {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(file.data)], { type: file.mimeType }), file.fileName);
  return form;
}

function httpFailure(status: number, description: string): OaResult<never> {
  if (status < 200 || status > 299)
    return { ok: false, error: { kind: "http", code: status, description: `HTTP ${status}` } };
  return { ok: false, error: { kind: "invalid-response", code: status, description } };
}
