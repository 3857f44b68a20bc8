/** Keeps track of people who block the bot, so broadcasts skip them until they write again. */
import type { Feature } from "../../core/feature.js";
import type { PeopleService } from "./service.js";

export function createPeopleFeature(people: PeopleService): Feature {
  return {
    name: "people",
    async onEvent(turn) {
      const { content, channel, userId } = turn.message;
      if (content.kind !== "blocked" && content.kind !== "unblocked") return false;
      await people.setBlocked(channel, userId, content.kind === "blocked");
      // Not "handled": other features (class memberships) also act on a block.
      return false;
    },
  };
}
