/**
 * Carries out the rendered steps of one send, in order, so the parts of a long answer arrive in
 * order. Every call runs with the current access token; when Zalo calls it invalid or expired the
 * token is refreshed once and the call retried once (docs/platforms/zalo-oa.md §7–8). A document that cannot
 * be fetched or that Zalo refuses to take goes out as its link instead.
 *
 * Parts, for SendOptions.skipParts: every message sent to /message/cs is one part (an uploaded
 * image together with its message is one), numbered in rendering order. A document step is the
 * file and then its caption, or, when the file cannot go, its link message(s).
 */
import type { Logger } from "../../core/logger.js";
import type { OutboundMessage, SendOptions, SendOutcome } from "../../core/messages.js";
import { partsToSkip, renderFailed, unexpected, withPartsSent } from "../send-parts.js";
import type { OaError, OaResult, ZaloOaClient } from "./client.js";
import { downloadFile } from "./download.js";
import { type OaFileBytes, type OaMessage, type OaStep, ZALO_OA_MAX_FILE_UPLOAD_BYTES } from "./payloads.js";
import { type OaRendering, renderZaloOa } from "./render.js";
import { isBadToken, toSendOutcome } from "./send-outcome.js";
import type { ZaloOaTokens } from "./tokens.js";

export interface ZaloOaSenderDeps {
  client: ZaloOaClient;
  tokens: ZaloOaTokens;
  fetch: typeof fetch;
  logger: Logger;
  buttons: boolean;
}

export type ZaloOaSend = (
  chatId: string,
  message: OutboundMessage,
  options?: SendOptions,
) => Promise<SendOutcome>;

/** Where one send stands: parts before `skip` went out in an earlier try and are passed over. */
interface Progress {
  chatId: string;
  skip: number;
  /** The number of the next part. */
  position: number;
  /** Ids of the parts sent by this call. */
  ids: string[];
}

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

  /** Runs the next part unless an earlier try delivered it; undefined when it is done. */
  async function part(
    progress: Progress,
    run: () => Promise<SendOutcome | undefined>,
  ): Promise<SendOutcome | undefined> {
    const index = progress.position;
    progress.position += 1;
    return index < progress.skip ? undefined : run();
  }

  /** Sends one message; undefined when it went out, else how the whole send ends. */
  async function sendMessage(progress: Progress, message: OaMessage): Promise<SendOutcome | undefined> {
    const sent = await authorized((token) => client.sendMessage(token, progress.chatId, message));
    if (!sent.ok) return failed("send", sent.error);
    // A message Zalo confirmed without an id still counts, so a retry skips it.
    progress.ids.push(sent.result.messageId ?? "");
    return undefined;
  }

  async function sendAll(progress: Progress, messages: OaMessage[]): Promise<SendOutcome | undefined> {
    for (const message of messages) {
      const outcome = await part(progress, () => sendMessage(progress, message));
      if (outcome) return outcome;
    }
    return undefined;
  }

  async function perform(progress: Progress, step: OaStep): Promise<SendOutcome | undefined> {
    switch (step.kind) {
      case "send": {
        const outcome = await part(progress, () => sendMessage(progress, step.message));
        // A best-effort extra (the phone card) failing leaves what already went out as sent.
        return step.bestEffort ? undefined : outcome;
      }
      case "upload-image":
        return part(progress, async () => {
          const uploaded = await authorized((token) => client.uploadImage(token, step.file));
          if (!uploaded.ok) return failed(step.kind, uploaded.error);
          const attachment = {
            type: "template" as const,
            payload: {
              template_type: "media" as const,
              elements: [{ media_type: "image" as const, attachment_id: uploaded.result }],
            },
          };
          return sendMessage(progress, step.text ? { text: step.text, attachment } : { attachment });
        });
      case "upload-file":
        return sendDocument(progress, step);
    }
  }

  async function sendDocument(
    progress: Progress,
    step: Extract<OaStep, { kind: "upload-file" }>,
  ): Promise<SendOutcome | undefined> {
    if (progress.skip > progress.position) {
      // An earlier try got into this step. Its link fallback is one message unless the caption
      // and link pass 2000 characters, so it cannot have stopped halfway: what went out was the
      // file, and only the caption after it may be left. Nothing is fetched or uploaded again.
      progress.position += 1;
      return sendAll(progress, step.after);
    }
    const file = await bytesOf(step.file);
    if (file) {
      const uploaded = await authorized((token) => client.uploadFile(token, file));
      if (uploaded.ok) {
        const attachment = { type: "file" as const, payload: { token: uploaded.result } };
        const outcome = await part(progress, () => sendMessage(progress, { attachment }));
        return outcome ?? sendAll(progress, step.after);
      }
      const outcome = failed(step.kind, uploaded.error);
      // Throttling, outages and token trouble end the send; a refused file still has its link.
      const refused = outcome.kind === "rejected" && !isBadToken(uploaded.error);
      if (!refused || step.fallback.length === 0) return outcome;
    }
    if (step.fallback.length === 0)
      return { kind: "unsupported", reason: "the document could not be uploaded" };
    return sendAll(progress, step.fallback);
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

  // Never throws (core/channel.ts): a renderer error is the message's fault, anything else is not known to be.
  return async function send(chatId, message, options) {
    let rendering: OaRendering;
    try {
      rendering = renderZaloOa(message, { buttons: deps.buttons });
    } catch (error) {
      return renderFailed(error);
    }
    if ("unsupported" in rendering) return { kind: "unsupported", reason: rendering.unsupported };
    if (rendering.steps.length === 0) return { kind: "rejected", reason: "nothing to send" };
    const progress: Progress = { chatId, skip: partsToSkip(options), position: 0, ids: [] };
    try {
      for (const step of rendering.steps) {
        const outcome = await perform(progress, step);
        if (outcome) return withPartsSent(outcome, progress.ids);
      }
    } catch (error) {
      log.warn({ err: error }, "Zalo OA send failed unexpectedly");
      return withPartsSent(unexpected(error), progress.ids);
    }
    return { kind: "sent", messageIds: progress.ids };
  };
}
