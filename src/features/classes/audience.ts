/**
 * Who receives a class's clips: each active linked group once, each parent who asked for
 * clips directly (or who chose "only through the group" when the class has no group), and,
 * for a class whose parents use a Zalo group, the teacher, who forwards it by hand
 * (docs/platforms/zalo-bot.md §8: a bot cannot post into the groups teachers already run).
 */
import type { Locale } from "../../core/i18n.js";
import { chatKeyOf, type Reachability } from "../../core/sending/reachability.js";
import type { BroadcastTarget } from "../../jobs/broadcaster.js";
import type { MemberService } from "./members.js";
import type { ClassInfo } from "./service.js";

export interface Audience {
  targets: BroadcastTarget[];
  groups: number;
  parents: number;
  forwards: number;
}

const asLocale = (value: string): Locale => (value === "en" ? "en" : "vi");

export async function audienceOf(
  classes: ClassInfo[],
  members: MemberService,
  reachability?: Pick<Reachability, "blockedAmong">,
): Promise<Audience> {
  const targets = new Map<string, BroadcastTarget>();
  const add = (target: BroadcastTarget) => {
    if (!targets.has(target.key)) targets.set(target.key, target);
  };
  for (const cls of classes) {
    const [groups, roster] = await Promise.all([members.groupsOf(cls.id), members.roster(cls.id)]);
    const active = groups.filter((g) => g.active);
    // Groups read the teacher's language: that is the language the class is taught in.
    const classLocale = asLocale(cls.teacher.locale);
    for (const g of active) {
      const key = `group:${g.channel}:${g.chatId}`;
      add({
        key,
        kind: "group",
        channel: g.channel,
        chatId: g.chatId,
        locale: classLocale,
        context: cls.id,
        refId: g.id,
      });
    }
    if (cls.zaloGroup) {
      const { channel, chatId } = cls.teacher;
      add({
        key: `forward:${cls.id}`,
        kind: "forward",
        channel,
        chatId,
        locale: classLocale,
        context: cls.id,
        refId: cls.id,
      });
    }
    const hasGroup = active.length > 0 || cls.zaloGroup;
    for (const m of roster) {
      if (m.delivery === "group" && hasGroup) continue;
      add({
        key: `parent:${m.channel}:${m.chatId}`,
        kind: "parent",
        channel: m.channel,
        chatId: m.chatId,
        locale: asLocale(m.locale),
        context: cls.id,
        refId: m.id,
      });
    }
  }
  const all = [...targets.values()];
  const blocked = (await reachability?.blockedAmong(all)) ?? new Set<string>();
  const reachable = all.filter((t) => !blocked.has(chatKeyOf(t)));
  return {
    targets: all,
    groups: reachable.filter((t) => t.kind === "group").length,
    parents: reachable.filter((t) => t.kind === "parent").length,
    forwards: reachable.filter((t) => t.kind === "forward").length,
  };
}
