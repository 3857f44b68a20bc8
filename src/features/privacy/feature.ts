/**
 * "Dữ liệu của tôi": anyone can see what ChoEm stores about them and delete it (Decree 13/2023).
 * Built from every feature's privacy hooks (core/feature.ts), so a new feature that keeps
 * personal data shows and erases it here without this file changing. Besides the features'
 * records it shows and erases what the core and the delivery engine keep for the chat: the
 * session (a form in progress with its answers), the rate-limit counter, the block record, the
 * delivery records (through the delivery engine, which erases them in Redis and MongoDB: a
 * record is the engine's, and keeps its place in a teacher's progress counts), and whatever the
 * channel itself keeps (its optional `forget`).
 * Test: test/security/erasure.test.ts searches every collection and Redis key afterwards.
 */
import type { Feature, PersonRef } from "../../core/feature.js";
import { forgetChat } from "../../core/forget-chat.js";
import { say, type Turn } from "../../core/turn.js";
import type { FeatureContext } from "../context.js";

export type PrivacyDeps = Pick<
  FeatureContext,
  "reachability" | "channels" | "redis" | "prefix" | "i18n" | "deliveries"
>;

export function createPrivacyFeature(features: Feature[], ctx: PrivacyDeps): Feature {
  const keepers = features.filter((f) => f.describePersonalData || f.erasePersonalData);
  const formTitles = new Map(features.flatMap((f) => f.forms ?? []).map((form) => [form.id, form.titleKey]));
  const chatOf = (turn: Turn) => ({
    channel: turn.person.channel,
    chatId: turn.message.chatId,
    userId: turn.person.userId,
  });

  async function show(turn: Turn): Promise<void> {
    // Never in a group: the parents' chat must not see one parent's child.
    const person: PersonRef = turn.person;
    const found = await Promise.all(keepers.map((f) => f.describePersonalData?.(person, turn.t) ?? []));
    const lines = [turn.t("privacy-intro", { channel: person.channel, language: turn.locale })];
    for (const item of found.flat()) lines.push(turn.t(item.key, item.values));
    const draft = turn.session.dialog && formTitles.get(turn.session.dialog.formId);
    if (draft) lines.push(turn.t("privacy-form-draft", { form: turn.t(draft) }));
    const deliveries = await ctx.deliveries.countTo(chatOf(turn));
    if (deliveries > 0) lines.push(turn.t("privacy-deliveries", { count: deliveries }));
    lines.push(turn.t("privacy-technical"), turn.t("privacy-nothing-else"));
    say(turn, lines.join("\n\n"), [[{ value: "privacy:erase", label: turn.t("privacy-erase-button") }]]);
  }

  /** Erases everything and lists what went, by kind (never the values: they are gone). */
  async function erase(turn: Turn): Promise<void> {
    const person: PersonRef = turn.person;
    const chat = chatOf(turn);
    const erased: string[] = [];
    const record = (what: string, count: number) => {
      if (count > 0) erased.push(turn.t("privacy-erased-records", { count, what: turn.t(what) }));
    };
    for (const feature of keepers) {
      const key = `privacy-what-${feature.name}`;
      record(
        ctx.i18n.has(key) ? key : "privacy-what-other",
        (await feature.erasePersonalData?.(person)) ?? 0,
      );
    }
    record("privacy-what-deliveries", await ctx.deliveries.eraseTo(chat));
    if (erased.length === 0) erased.push(turn.t("privacy-erased-nothing"));
    await ctx.reachability.clear(chat);
    await forgetChat(ctx.redis, ctx.prefix, chat);
    turn.session = {};
    turn.forgotten = true;
    erased.push(turn.t("privacy-erased-chat"));
    const channel = ctx.channels.get(person.channel);
    if (channel?.forget) erased.push(turn.t("privacy-erased-history"));
    const confirmation = turn.t("privacy-erased", { list: erased.join("\n") });
    // A channel that forgets the chat may no longer reach it: it is handed the confirmation to
    // show once (the web chat, to the browser that held the conversation).
    await channel?.forget?.(chat.chatId, confirmation);
    say(turn, confirmation);
  }

  return {
    name: "privacy",
    menu: [{ value: "mydata", labelKey: "menu-my-data", run: (turn) => show(turn) }],
    commands: { dulieu: (turn) => show(turn), mydata: (turn) => show(turn) },
    actions: {
      async privacy(turn, what) {
        if (what === "erase") {
          say(turn, turn.t("privacy-erase-confirm"), [
            [
              { value: "privacy:erase-yes", label: turn.t("privacy-erase-yes") },
              { value: "privacy:keep", label: turn.t("privacy-keep") },
            ],
          ]);
        } else if (what === "erase-yes") await erase(turn);
        else say(turn, turn.t("privacy-kept"));
      },
    },
  };
}
