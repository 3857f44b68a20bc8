/**
 * "Dữ liệu của tôi": anyone can see what ChoEm stores about them and delete it (Decree 13/2023).
 * Built from every feature's privacy hooks (core/feature.ts), so a new feature that keeps
 * personal data shows and erases it here without this file changing. Besides the features'
 * records, erasing clears what the core keeps for the chat: the form in progress and the
 * record of a block.
 */
import type { Feature, PersonRef } from "../../core/feature.js";
import { say, type Turn } from "../../core/turn.js";
import type { FeatureContext } from "../context.js";

export function createPrivacyFeature(
  features: Feature[],
  ctx: Pick<FeatureContext, "reachability">,
): Feature {
  const keepers = features.filter((f) => f.describePersonalData || f.erasePersonalData);

  async function show(turn: Turn): Promise<void> {
    const person: PersonRef = turn.person;
    const found = await Promise.all(keepers.map((f) => f.describePersonalData?.(person, turn.t) ?? []));
    const items = found.flat();
    const lines = [turn.t("privacy-intro", { channel: person.channel, language: turn.locale })];
    for (const item of items) lines.push(turn.t(item.key, item.values));
    if (items.length === 0) lines.push(turn.t("privacy-nothing-else"));
    say(turn, lines.join("\n\n"), [[{ value: "privacy:erase", label: turn.t("privacy-erase-button") }]]);
  }

  async function erase(turn: Turn): Promise<void> {
    const person: PersonRef = turn.person;
    let count = 0;
    for (const feature of keepers) count += (await feature.erasePersonalData?.(person)) ?? 0;
    await ctx.reachability.clear({ channel: person.channel, chatId: person.userId });
    turn.session.dialog = undefined;
    say(turn, turn.t("privacy-erased", { count }));
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
