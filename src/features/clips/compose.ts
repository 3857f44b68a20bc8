/**
 * The message one target gets for a clip, by where it goes. On the platform that holds the
 * file it goes as the file itself (Telegram: copyMessage of the teacher's message, no upload);
 * elsewhere as a photo by URL or a signed link ChoEm serves; to a teacher who forwards into
 * a Zalo group, as title and link only, ready to forward (docs/platforms/zalo-bot.md §8).
 */
import type { Translate } from "../../core/i18n.js";
import type { ChannelName, OutboundMessage } from "../../core/messages.js";
import type { TargetKind } from "../../jobs/delivery-model.js";
import type { ClipInfo } from "./model.js";
import type { ClipLinks } from "./signed-link.js";

export interface ComposeTarget {
  kind: TargetKind;
  channel: ChannelName;
  classId: string;
}

// Telegram captions hold 1024 characters; the header and title must never spill into a second message.
const MAX_TITLE = 300;

export function clipHeader(clip: ClipInfo, classId: string, t: Translate): string {
  const index = clip.classIds.indexOf(classId);
  const name = index >= 0 ? clip.classNames[index] : clip.classNames.join(", ");
  const header = t(clip.makeUp ? "clip-header-makeup" : "clip-header", { name: name ?? "" });
  const title = clip.title?.slice(0, MAX_TITLE);
  return title ? `${header}\n${title}` : header;
}

export function composeClip(
  clip: ClipInfo,
  target: ComposeTarget,
  t: Translate,
  links: ClipLinks,
): OutboundMessage {
  const header = clipHeader(clip, target.classId, t);
  const { content } = clip;
  if (content.kind === "text") return { kind: "text", text: `${header}\n\n${content.text ?? ""}` };
  if (content.kind === "link") return { kind: "link", url: content.url ?? "", title: header };
  const file = content.file;
  if (!file) return { kind: "text", text: header };
  const sameHome = file.channel === target.channel && target.kind !== "forward";
  if (sameHome)
    return { kind: "media", media: content.kind, source: { kind: "platform-file", file }, caption: header };
  const url = links.url(clip.code);
  if (content.kind === "photo" && target.kind !== "forward") {
    return { kind: "media", media: "photo", source: { kind: "url", url }, caption: header };
  }
  const text = file.fileName ? t("clip-file-name", { name: file.fileName }) : undefined;
  return { kind: "link", url, title: header, ...(text ? { text } : {}) };
}
