/** The help desk: anyone can leave a question for staff from the main menu or with /hoicanbo. */
import type { Connection } from "mongoose";
import type { Feature } from "../../core/feature.js";
import { createSupportService } from "./service.js";
import { supportForm } from "./support.form.js";

export function createSupportFeature(connection: Connection): Feature {
  const support = createSupportService(connection);
  return {
    name: "support",
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
