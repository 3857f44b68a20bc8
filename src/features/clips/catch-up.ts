/**
 * "Bài cũ": a parent asks for the last N days of clips of their children's classes and gets
 * them at once, in their own chat, through the ordinary reply path (not the broadcast queue),
 * oldest first so the newest is at the bottom of the chat.
 */
import { say, type Turn } from "../../core/turn.js";
import type { MemberService } from "../classes/members.js";
import { composeClip } from "./compose.js";
import type { ClipService } from "./service.js";
import type { ClipLinks } from "./signed-link.js";

export const DEFAULT_DAYS = 7;
export const MAX_DAYS = 30;
/** A chat flooded with clips helps nobody; and each one counts against the platform's per-chat limit. */
export const MAX_ITEMS = 10;

export function readDays(args: string): number {
  const days = Number(/\d+/.exec(args)?.[0] ?? DEFAULT_DAYS);
  return Math.min(Math.max(Number.isFinite(days) && days > 0 ? days : DEFAULT_DAYS, 1), MAX_DAYS);
}

export function catchUp(clips: ClipService, members: MemberService, links: ClipLinks) {
  return async function sendRecent(turn: Turn, args: string): Promise<void> {
    const days = readDays(args);
    const mine = await members.of(turn.person.channel, turn.person.userId);
    if (mine.length === 0) return say(turn, turn.t("clip-catchup-no-class"));
    const classIds = mine.map((m) => m.classId);
    const found = await clips.recent(classIds, days, MAX_ITEMS);
    if (found.length === 0) return say(turn, turn.t("clip-catchup-none", { days }));
    say(turn, turn.t("clip-catchup-intro", { count: found.length, days }));
    for (const clip of found) {
      const classId = clip.classIds.find((id) => classIds.includes(id)) ?? clip.classIds[0] ?? "";
      turn.replies.push(
        composeClip(clip, { kind: "parent", channel: turn.message.channel, classId }, turn.t, links),
      );
    }
  };
}
