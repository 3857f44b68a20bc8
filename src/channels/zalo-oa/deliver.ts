/**
 * Carries out the rendered steps of one send, in order, so the parts of a long answer arrive in
 * order. Every call runs with the current access token; when Zalo calls it invalid or expired the
 * token is refreshed once and the call retried once (docs/platforms/zalo-oa.md §7–8). A document that cannot
 * be fetched or that Zalo refuses to take goes out as its link instead.
 */
import type { Logger } from "../../core/logger.js";
import type { OutboundMessage, SendOutcome } from "../../core/messages.js";
import type { OaError, OaResult, ZaloOaClient } from "./client.js";
import { downloadFile } from "./download.js";
import { type OaFileBytes, type OaMessage, type OaStep, ZALO_OA_MAX_FILE_UPLOAD_BYTES } from "./payloads.js";
import { isOutsideWindow } from "./reach.js";
import { renderZaloOa } from "./render.js";
import { isBadToken, toSendOutcome } from "./send-outcome.js";
import type { ZaloOaTokens } from "./tokens.js";

export interface ZaloOaSenderDeps {
  client: ZaloOaClient;
  tokens: ZaloOaTokens;
  fetch: typeof fetch;
  logger: Logger;
  buttons: boolean;
}

export type ZaloOaSend = (chatId: string, message: OutboundMessage) => Promise<SendOutcome>;

export function createZaloOaSender(deps: ZaloOaSenderDeps): ZaloOaSend {
  const { client, tokens, logger: log } = deps;

  async function authorized<T>(call: (token: string) => Promise<OaResult<T>>): Promise<OaResult<T>> {
    const first = await tokens.accessToken();
    if (!first.ok) return { ok: false, error: { kind: "no-token", description: first.reason } };
    const result = await call(first.token);
    if (result.ok || !isBadToken(result.error)) return result;
    const renewed = await tokens.renew(first.token);
    // Without a newer token the refusal stands, and maps to "rejected".
    return renewed.ok ? call(renewed.token) : result;
  }

  function failed(step: OaStep["kind"], error: OaError): SendOutcome {
    const outcome = toSendOutcome(error);
    log.warn({ step, error, outcome: outcome.kind }, "Zalo OA send failed");
    return outcome;
  }

  /** Sends one message; undefined when it went out, else how the whole send ends. */
  async function sendMessage(
    chatId: string,
    message: OaMessage,
    ids: string[],
  ): Promise<SendOutcome | undefined> {
    const sent = await authorized((token) => client.sendMessage(token, chatId, message));
    if (!sent.ok) return failed("send", sent.error);
    if (sent.result.messageId) ids.push(sent.result.messageId);
    return undefined;
  }

  async function sendAll(
    chatId: string,
    messages: OaMessage[],
    ids: string[],
  ): Promise<SendOutcome | undefined> {
    for (const message of messages) {
      const outcome = await sendMessage(chatId, message, ids);
      if (outcome) return outcome;
    }
    return undefined;
  }

  async function perform(chatId: string, step: OaStep, ids: string[]): Promise<SendOutcome | undefined> {
    switch (step.kind) {
      case "send": {
        const outcome = await sendMessage(chatId, step.message, ids);
        // A best-effort extra (the phone card) failing leaves what already went out as sent.
        return step.bestEffort ? undefined : outcome;
      }
      case "upload-image": {
        const uploaded = await authorized((token) => client.uploadImage(token, step.file));
        if (!uploaded.ok) return failed(step.kind, uploaded.error);
        const attachment = {
          type: "template" as const,
          payload: {
            template_type: "media" as const,
            elements: [{ media_type: "image" as const, attachment_id: uploaded.result }],
          },
        };
        return sendMessage(chatId, step.text ? { text: step.text, attachment } : { attachment }, ids);
      }
      case "upload-file":
        return sendDocument(chatId, step, ids);
    }
  }

  async function sendDocument(
    chatId: string,
    step: Extract<OaStep, { kind: "upload-file" }>,
    ids: string[],
  ): Promise<SendOutcome | undefined> {
    const file = await bytesOf(step.file);
    if (file) {
      const uploaded = await authorized((token) => client.uploadFile(token, file));
      if (uploaded.ok) {
        const outcome = await sendMessage(
          chatId,
          { attachment: { type: "file", payload: { token: uploaded.result } } },
          ids,
        );
        return outcome ?? sendAll(chatId, step.after, ids);
      }
      const outcome = failed(step.kind, uploaded.error);
      // Throttling, outages and token trouble end the send; a refused file still has its link.
      const refused = outcome.kind === "rejected" && !isBadToken(uploaded.error) && !isOutsideWindow(outcome);
      if (!refused || step.fallback.length === 0) return outcome;
    }
    if (step.fallback.length === 0)
      return { kind: "unsupported", reason: "the document could not be uploaded" };
    return sendAll(chatId, step.fallback, ids);
  }

  async function bytesOf(
    file: Extract<OaStep, { kind: "upload-file" }>["file"],
  ): Promise<OaFileBytes | undefined> {
    if ("data" in file) return file;
    const downloaded = await downloadFile(deps.fetch, file.url, ZALO_OA_MAX_FILE_UPLOAD_BYTES);
    if (downloaded.ok) return { data: downloaded.data, fileName: file.fileName, mimeType: file.mimeType };
    log.info({ problem: downloaded.problem }, "Zalo OA: document sent as a link instead of a file");
    return undefined;
  }

  return async function send(chatId, message) {
    const rendering = renderZaloOa(message, { buttons: deps.buttons });
    if ("unsupported" in rendering) return { kind: "unsupported", reason: rendering.unsupported };
    if (rendering.steps.length === 0) return { kind: "rejected", reason: "nothing to send" };
    const ids: string[] = [];
    for (const step of rendering.steps) {
      const outcome = await perform(chatId, step, ids);
      if (outcome) return outcome;
    }
    return { kind: "sent", messageIds: ids };
  };
}
