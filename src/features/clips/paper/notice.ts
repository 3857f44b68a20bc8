/**
 * Telling the families who collect paper lessons where and from when, through the one delivery
 * engine (topic "paper"), as a broadcast of its own (`<clip id>:paper`) so the lesson's own
 * progress (/tiendo) counts only the lesson's deliveries.
 */
import type { Connection } from "mongoose";
import type { I18n } from "../../../core/i18n.js";
import { formatDateTime } from "../../../core/text/format-date.js";
import type { Broadcaster } from "../../../jobs/broadcaster.js";
import type { DeliveryHooks } from "../../../jobs/deliver.js";
import type { MemberInfo } from "../../classes/members.js";
import type { ClipInfo } from "../model.js";
import { createClipService } from "../service.js";

export const PAPER_TOPIC = "paper";
const SUFFIX = ":paper";
export const paperBroadcastOf = (clipId: string) => `${clipId}${SUFFIX}`;

export function createPaperNoticeHooks(deps: {
  mongo: Connection;
  i18n: Pick<I18n, "translator">;
}): DeliveryHooks {
  const clips = createClipService(deps.mongo);
  return {
    async compose(delivery) {
      const clip = await clips.byId(delivery.broadcastId.replace(SUFFIX, ""));
      if (!clip?.paper) return undefined;
      const t = deps.i18n.translator(delivery.locale);
      const text = t("paper-notice", {
        classes: clip.classNames.join(", "),
        title: clip.title ?? t(`clip-kind-${clip.content.kind}`),
        place: clip.paper.place,
        from: formatDateTime(clip.paper.from),
      });
      return { kind: "text", text };
    },
  };
}

/** Queues the notice for each marked family of the lesson's classes; returns how many. */
export async function announcePaper(
  broadcaster: Broadcaster,
  clip: ClipInfo,
  families: MemberInfo[],
): Promise<number> {
  if (!clip.paper || families.length === 0) return 0;
  const targets = families.map((m) => ({
    key: `paper:${m.channel}:${m.chatId}`,
    kind: "parent" as const,
    channel: m.channel,
    chatId: m.chatId,
    locale: m.locale === "en" ? ("en" as const) : ("vi" as const),
    context: m.classId,
    refId: m.id,
  }));
  return broadcaster.fanOut(paperBroadcastOf(clip.id), targets);
}
