/**
 * Our own typed client for the Zalo Bot Platform (there is no SDK on npm): POST + JSON to
 * `${apiRoot}/bot${token}/${method}`, every answer checked with zod, failures returned as values.
 * The token sits in every URL, so every error text is redacted before it leaves this file.
 * Methods, limits and error codes: docs/platforms/zalo-bot.md §2, §4 and §7.
 */
import { z } from "zod";
import { redactUrl } from "../../core/logger.js";
import type { SendOutcome } from "../../core/messages.js";
import { describeFetchError, errorName, parseJson } from "../fetch-errors.js";
import {
  type ZaloBotInfo,
  type ZaloSent,
  type ZaloWebhookInfo,
  zaloBotInfoSchema,
  zaloEnvelopeSchema,
  zaloPolledSchema,
  zaloSentSchema,
  zaloWebhookInfoSchema,
} from "./schemas.js";

export interface ZaloClientOptions {
  token: string;
  apiRoot: string;
  fetch?: typeof fetch;
  /** Timeout of ordinary calls (sends, getMe, webhook settings). */
  timeoutMs?: number;
}

export interface ZaloError {
  kind: "http" | "api" | "timeout" | "network" | "invalid-response";
  code?: number;
  description: string;
}

export type ZaloResult<T> = { ok: true; result: T } | { ok: false; error: ZaloError };

export interface ZaloCallOptions {
  /** Lets the poller abandon a pending long poll when it stops. */
  signal?: AbortSignal;
}

export interface ZaloClient {
  getMe(options?: ZaloCallOptions): Promise<ZaloResult<ZaloBotInfo>>;
  /** Raw update bodies, to be checked by toInbound; an idle poll fails with code 408. */
  getUpdates(timeoutSeconds: number, options?: ZaloCallOptions): Promise<ZaloResult<unknown[]>>;
  sendMessage(chatId: string, text: string): Promise<ZaloResult<ZaloSent>>;
  sendPhoto(chatId: string, url: string, caption?: string): Promise<ZaloResult<ZaloSent>>;
  sendChatAction(chatId: string, action?: "typing"): Promise<ZaloResult<unknown>>;
  setWebhook(url: string, secretToken: string): Promise<ZaloResult<ZaloWebhookInfo>>;
  deleteWebhook(): Promise<ZaloResult<ZaloWebhookInfo>>;
  getWebhookInfo(): Promise<ZaloResult<ZaloWebhookInfo>>;
}

const CALL_TIMEOUT_MS = 20_000;
/** Zalo downloads the photo before it answers; OpenClaw budgets 150 s for that. */
const PHOTO_TIMEOUT_MS = 150_000;
/** The HTTP wait must outlast the server's own long-poll timeout, or every idle poll looks like a failure. */
const POLL_GRACE_MS = 7_000;
/** No retry_after is published; a 429 on the free plan usually means the monthly quota is spent. */
const THROTTLE_SECONDS = 60;

export function createZaloClient(options: ZaloClientOptions): ZaloClient {
  const doFetch = options.fetch ?? fetch;
  const base = `${options.apiRoot.replace(/\/+$/, "")}/bot${options.token}`;
  const callTimeoutMs = options.timeoutMs ?? CALL_TIMEOUT_MS;

  async function call<T>(
    method: string,
    payload: Record<string, unknown>,
    schema: z.ZodType<T>,
    waitMs: number,
    signal?: AbortSignal,
  ): Promise<ZaloResult<T>> {
    const signals = signal ? [AbortSignal.timeout(waitMs), signal] : [AbortSignal.timeout(waitMs)];
    let status: number;
    let text: string;
    try {
      const response = await doFetch(`${base}/${method}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(payload),
        signal: AbortSignal.any(signals),
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      const kind = errorName(error) === "TimeoutError" ? "timeout" : "network";
      return fail(kind, undefined, redactToken(describeFetchError(error), options.token));
    }
    return interpret(status, text, schema, options.token);
  }

  return {
    getMe: (opts) => call("getMe", {}, zaloBotInfoSchema, callTimeoutMs, opts?.signal),
    getUpdates: (timeoutSeconds, opts) =>
      call(
        "getUpdates",
        // The docs' table types `timeout` as a string; both forms are reported to work.
        { timeout: String(timeoutSeconds) },
        zaloPolledSchema.transform((polled) => (Array.isArray(polled) ? polled : [polled])),
        timeoutSeconds * 1000 + POLL_GRACE_MS,
        opts?.signal,
      ),
    sendMessage: (chatId, text) =>
      call("sendMessage", { chat_id: chatId, text }, zaloSentSchema, callTimeoutMs),
    sendPhoto: (chatId, url, caption) =>
      call(
        "sendPhoto",
        caption ? { chat_id: chatId, photo: url, caption } : { chat_id: chatId, photo: url },
        zaloSentSchema,
        Math.max(callTimeoutMs, PHOTO_TIMEOUT_MS),
      ),
    sendChatAction: (chatId, action = "typing") =>
      call("sendChatAction", { chat_id: chatId, action }, z.unknown(), callTimeoutMs),
    setWebhook: (url, secretToken) =>
      call("setWebhook", { url, secret_token: secretToken }, zaloWebhookInfoSchema, callTimeoutMs),
    deleteWebhook: () => call("deleteWebhook", {}, zaloWebhookInfoSchema, callTimeoutMs),
    getWebhookInfo: () => call("getWebhookInfo", {}, zaloWebhookInfoSchema, callTimeoutMs),
  };
}

/** The one place Zalo failures become send outcomes; queues decide from the kind alone. */
export function toSendOutcome(error: ZaloError): SendOutcome {
  const reason = error.code === undefined ? error.description : `${error.code}: ${error.description}`;
  if (error.kind !== "api" && error.kind !== "http") return { kind: "transient", reason };
  switch (error.code) {
    case 429:
      return { kind: "throttled", retryAfterSeconds: THROTTLE_SECONDS };
    case 401:
      return { kind: "rejected", reason: `bad token (${reason})` };
    // Zalo labels 403 "internal server error", not "forbidden": worth another try.
    case 403:
    case 408:
      return { kind: "transient", reason };
    case 400:
    case 404:
      return { kind: "rejected", reason };
  }
  if (error.code === undefined || error.code >= 500) return { kind: "transient", reason };
  return { kind: "rejected", reason };
}

/** Removes the token (whole, URL-encoded, or its secret half) and bot URLs from a text. */
export function redactToken(text: string, token: string): string {
  const secret = token.slice(token.indexOf(":") + 1);
  const forms = [token, encodeURIComponent(token), secret].filter((form) => form.length >= 6);
  let redacted = redactUrl(text);
  for (const form of forms) redacted = redacted.split(form).join("***");
  return redacted;
}

function interpret<T>(status: number, text: string, schema: z.ZodType<T>, token: string): ZaloResult<T> {
  const envelope = zaloEnvelopeSchema.safeParse(parseJson(text));
  if (!envelope.success) {
    if (status < 200 || status > 299) return fail("http", status, `HTTP ${status}`);
    return fail("invalid-response", status, "the answer is not a Zalo envelope");
  }
  const { ok, result, error_code, description } = envelope.data;
  if (!ok) {
    const code = error_code ?? (status >= 400 ? status : undefined);
    return fail("api", code, redactToken(description ?? "no description", token));
  }
  const parsed = schema.safeParse(result);
  if (!parsed.success) {
    // Paths and messages only: values could be personal data.
    const issues = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    return fail("invalid-response", status, `unexpected result (${issues.join("; ")})`);
  }
  return { ok: true, result: parsed.data };
}

function fail(kind: ZaloError["kind"], code: number | undefined, description: string): ZaloResult<never> {
  return { ok: false, error: code === undefined ? { kind, description } : { kind, code, description } };
}
