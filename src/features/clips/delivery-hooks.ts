/**
 * What the delivery engine (src/jobs/) asks of clips and classes while it works: the message
 * for a target, marking a target that blocked the bot, following a migrated group, and the
 * teacher's final report once a round has settled.
 */
import type { Connection } from "mongoose";
import type { I18n } from "../../core/i18n.js";
import type { RecordLock } from "../../core/lock.js";
import type { Notify } from "../../core/notifier.js";
import type { DeliveryHooks } from "../../jobs/deliver.js";
import { createMemberService } from "../classes/members.js";
import { composeClip } from "./compose.js";
import type { ClipInfo } from "./model.js";
import { describeReport } from "./progress.js";
import { createClipRounds } from "./rounds.js";
import { createClipService } from "./service.js";
import type { ClipLinks } from "./signed-link.js";

export interface ClipDeliveryHookDeps {
  mongo: Connection;
  lock: RecordLock;
  links: ClipLinks;
  i18n: Pick<I18n, "translator">;
  notify: Notify;
}

// A broadcast reads its clip thousands of times; clips never change after they are pushed.
const CACHE_SIZE = 200;

export function createClipDeliveryHooks(deps: ClipDeliveryHookDeps): DeliveryHooks {
  const clips = createClipService(deps.mongo);
  const rounds = createClipRounds(deps.mongo, deps.lock);
  const members = createMemberService(deps.mongo);
  const cache = new Map<string, ClipInfo>();

  async function clipOf(id: string): Promise<ClipInfo | null> {
    const cached = cache.get(id);
    if (cached) return cached;
    const clip = await clips.byId(id);
    if (clip) {
      if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
      cache.set(id, clip);
    }
    return clip;
  }

  return {
    async compose(delivery) {
      const clip = await clipOf(delivery.broadcastId);
      return clip
        ? composeClip(
            clip,
            { ...delivery, classId: delivery.context },
            deps.i18n.translator(delivery.locale),
            deps.links,
          )
        : undefined;
    },
    // A parent's block is recorded by the sender; a group that removed the bot is unlinked.
    async blocked(delivery) {
      if (delivery.kind === "group") await members.setGroupActive(delivery.channel, delivery.chatId, false);
    },
    async migrated(delivery, newChatId) {
      await members.migrateGroup(delivery.channel, delivery.chatId, newChatId);
    },
    async finished(broadcastId, counts) {
      const clip = await rounds.claimReport(broadcastId);
      if (!clip) return;
      const { channel, chatId } = clip.teacher;
      const locale = clip.teacher.locale === "en" ? "en" : "vi";
      await deps.notify({ channel, chatId, locale }, (t) => [
        { kind: "text", text: describeReport(clip.code, counts, t) },
      ]);
    },
  };
}
