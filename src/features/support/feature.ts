/** The help desk: anyone can leave a question for staff from the main menu or with /hoicanbo. */
import type { Connection } from "mongoose";
import type { Feature } from "../../core/feature.js";
import { formatPhone } from "../../core/text/parse-phone.js";
import type { FeatureFactory } from "../context.js";
import { createSupportService } from "./service.js";
import { supportForm } from "./support.form.js";

export const supportFeature: FeatureFactory = (ctx) => createSupportFeature(ctx.mongo);

export function createSupportFeature(connection: Connection): Feature {
  const support = createSupportService(connection);
  return {
    name: "support",
    async describePersonalData(person) {
      const tickets = await support.mine(person.channel, person.userId);
      return tickets
        .filter((ticket) => ticket.question)
        .map((ticket) => ({
          key: "privacy-ticket",
          values: {
            code: ticket.code,
            question: ticket.question,
            phone: ticket.phone ? formatPhone(ticket.phone) : "—",
          },
        }));
    },
    erasePersonalData: (person) => support.erase(person.channel, person.userId),
    forms: [supportForm(support)],
    menu: [
      {
        value: "support",
        labelKey: "menu-support",
        run: (turn, tools) => tools.dialogs.start(turn, "support"),
      },
    ],
    commands: {
      hoicanbo: (turn, _args, tools) => tools.dialogs.start(turn, "support"),
      support: (turn, _args, tools) => tools.dialogs.start(turn, "support"),
    },
  };
}
