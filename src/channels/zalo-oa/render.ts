/**
 * OutboundMessage → the steps of a Zalo OA customer-service send (pure; docs/platforms/zalo-oa.md §4–5).
 * Images go by URL, or by upload when we only hold the bytes (≤1 MB); PDF/DOC/DOCX ≤5 MB are
 * uploaded and sent as files; video and anything else become links, because the OA API has no
 * video and rejects other file types. Choices are numbered lines unless OA buttons are switched on.
 */
import type { ChoiceOption, MediaSource, OutboundMessage } from "../../core/messages.js";
import { splitText } from "../../core/text/split-text.js";
import { documentMimeType, fileNameOf, sizeOf } from "./documents.js";
import {
  CHOICE_PAYLOAD_PREFIX,
  type OaButton,
  type OaMessage,
  type OaOutboundAttachment,
  type OaStep,
  ZALO_OA_MAX_FILE_UPLOAD_BYTES,
  ZALO_OA_MAX_IMAGE_UPLOAD_BYTES,
  ZALO_OA_MAX_TEXT_LENGTH,
} from "./payloads.js";

/** The official SDKs allow at most five buttons on one message. */
const MAX_BUTTONS = 5;
const CARD_TITLE_MAX = 100;
const CARD_SUBTITLE_MAX = 500;

export type OaRendering = { steps: OaStep[] } | { unsupported: string };

export interface OaRenderOptions {
  buttons: boolean;
}

type TextMessage = Extract<OutboundMessage, { kind: "text" }>;
type MediaMessage = Extract<OutboundMessage, { kind: "media" }>;

export function renderZaloOa(message: OutboundMessage, options: OaRenderOptions): OaRendering {
  switch (message.kind) {
    case "text":
      return { steps: renderText(message, options) };
    case "link":
      return { steps: textSteps(joinLines([message.title, message.url, message.text])) };
    case "media":
      return renderMedia(message);
  }
}

function renderText(message: TextMessage, options: OaRenderOptions): OaStep[] {
  const choices = (message.choices ?? []).flat();
  // Beside the phone card the hint is that card's label, not "reply 1, 2 or 3".
  const hint = message.requestPhone ? undefined : message.hint;
  const useButtons =
    options.buttons && choices.length > 0 && choices.length <= MAX_BUTTONS && message.text.trim() !== "";
  const steps = useButtons
    ? withButtons(message.text, choices)
    : textSteps(numbered(message.text, choices, hint));
  if (message.requestPhone) steps.push(requestInfoCard(message.text, message.hint));
  return steps;
}

function withButtons(text: string, choices: ChoiceOption[]): OaStep[] {
  const steps = textSteps(text);
  const buttons = choices.map(
    (option): OaButton => ({
      title: cut(option.label, CARD_TITLE_MAX),
      type: "oa.query.hide",
      payload: `${CHOICE_PAYLOAD_PREFIX}${option.value}`,
    }),
  );
  const last = steps.at(-1);
  if (last?.kind === "send") last.message.attachment = { type: "template", payload: { buttons } };
  return steps;
}

/**
 * The person taps the card to share the phone number of their Zalo account (user_submit_info).
 * The question itself went out as text just before, so typing a number still works if the card fails.
 */
function requestInfoCard(text: string, hint: string | undefined): OaStep {
  const question = text.split(/\n\s*\n/)[0]?.trim() || text;
  const element = {
    title: cut(hint ?? question, CARD_TITLE_MAX),
    subtitle: cut(question, CARD_SUBTITLE_MAX),
  };
  return {
    kind: "send",
    bestEffort: true,
    message: {
      attachment: { type: "template", payload: { template_type: "request_user_info", elements: [element] } },
    },
  };
}

function renderMedia(message: MediaMessage): OaRendering {
  const choices = (message.choices ?? []).flat();
  const caption = numbered(message.caption ?? "", choices, undefined);
  const url = sourceUrl(message.source);
  const source = message.source;

  if (message.media === "photo") {
    if (source.kind === "bytes") {
      if (source.data.length > ZALO_OA_MAX_IMAGE_UPLOAD_BYTES)
        return { unsupported: "a photo over 1 MB needs a URL; the OA API uploads at most 1 MB" };
      const fits = caption.length <= ZALO_OA_MAX_TEXT_LENGTH;
      const upload: OaStep = {
        kind: "upload-image",
        file: { data: source.data, fileName: source.fileName, mimeType: source.mimeType },
        ...(fits && caption ? { text: caption } : {}),
      };
      return { steps: [upload, ...(fits ? [] : textSteps(caption))] };
    }
    if (!url) return { unsupported: "this photo has no URL Zalo can fetch" };
    const attachment: OaOutboundAttachment = {
      type: "template",
      payload: { template_type: "media", elements: [{ media_type: "image", url }] },
    };
    if (caption.length <= ZALO_OA_MAX_TEXT_LENGTH) {
      return { steps: [{ kind: "send", message: caption ? { text: caption, attachment } : { attachment } }] };
    }
    return { steps: [{ kind: "send", message: { attachment } }, ...textSteps(caption)] };
  }

  const title = message.caption ?? (source.kind === "platform-file" ? source.file.fileName : undefined);
  const linkSteps = url ? textSteps(numbered(joinLines([title, url]), choices, undefined)) : [];
  if (message.media === "document") {
    const fileName = fileNameOf(source);
    const mimeType = documentMimeType(fileName, source);
    const size = sizeOf(source);
    const uploadable =
      mimeType !== undefined && (size === undefined || size <= ZALO_OA_MAX_FILE_UPLOAD_BYTES);
    if (uploadable && (source.kind === "bytes" || url)) {
      const file =
        source.kind === "bytes"
          ? { data: source.data, fileName, mimeType }
          : { url: url!, fileName, mimeType };
      return {
        steps: [
          {
            kind: "upload-file",
            file,
            after: messagesOf(textSteps(caption)),
            fallback: messagesOf(linkSteps),
          },
        ],
      };
    }
  }
  // No outbound video on the OA API, and files other than small PDF/DOC/DOCX are refused: link them.
  if (linkSteps.length === 0) return { unsupported: `this ${message.media} has no URL to link to` };
  return { steps: linkSteps };
}

/** A URL Zalo can fetch: an explicit one, or the URL of a file a Zalo platform served. */
function sourceUrl(source: MediaSource): string | undefined {
  if (source.kind === "url") return source.url;
  if (source.kind === "bytes") return undefined;
  const file = source.file;
  return file.url ?? (file.channel === "zalo-oa" || file.channel === "zalo" ? file.fileId : undefined);
}

/** Core lays out rows; without buttons they become one numbered list, numbering across rows. */
function numbered(text: string, choices: ChoiceOption[], hint: string | undefined): string {
  if (choices.length === 0) return text;
  const lines = choices.map((option, index) => `${index + 1}. ${option.label}`).join("\n");
  return [text, lines, hint ?? ""].filter((block) => block.trim() !== "").join("\n\n");
}

function textSteps(text: string): OaStep[] {
  return splitText(text, ZALO_OA_MAX_TEXT_LENGTH)
    .filter((part) => part.trim() !== "")
    .map((part): OaStep => ({ kind: "send", message: { text: part } }));
}

function messagesOf(steps: OaStep[]): OaMessage[] {
  return steps.flatMap((step) => (step.kind === "send" ? [step.message] : []));
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${splitText(text, max - 1)[0]}…`;
}

function joinLines(lines: Array<string | undefined>): string {
  return lines.filter((line): line is string => Boolean(line?.trim())).join("\n");
}
