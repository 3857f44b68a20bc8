/**
 * What a feature contributes to the conversation. Features are listed in src/app.ts; the router
 * knows them only through this shape.
 *
 * To add a feature: make src/features/<name>/ with its forms, service and model, export a
 * `create<Name>Feature(deps): Feature`, put its texts under one heading in locales/*.ftl, and
 * list it in src/app.ts.
 */
import type { DialogEngine } from "./dialog/engine.js";
import type { FormDefinition } from "./dialog/form.js";
import type { Role } from "./person.js";
import type { Turn } from "./turn.js";

export interface Tools {
  dialogs: DialogEngine;
  showMenu(turn: Turn, introKey?: string): Promise<void>;
}

export type Handler = (turn: Turn, tools: Tools) => Promise<void>;
export type ArgsHandler = (turn: Turn, args: string, tools: Tools) => Promise<void>;

export interface MenuEntry {
  /** Short ASCII id; travels as "menu:<value>". */
  value: string;
  labelKey: string;
  /** Shown only to people with one of these roles; everyone when absent. */
  roles?: Role[];
  run: Handler;
}

export interface Feature {
  name: string;
  menu?: MenuEntry[];
  /** Commands without the slash, lower-case ("tracuu"). */
  commands?: Record<string, ArgsHandler>;
  forms?: FormDefinition[];
  /** `/start <prefix>_<rest>` deep links (Telegram) or typed codes, by prefix. */
  deepLinks?: Record<string, ArgsHandler>;
  /** Button presses "<prefix>:<rest>" outside forms (e.g. "req:YC-7K2M9Q"). */
  actions?: Record<string, ArgsHandler>;
  /**
   * Content sent outside any form and not a menu pick (a teacher's video, a typed code);
   * true when handled. Features are asked in the order they are listed.
   */
  onContent?: (turn: Turn, tools: Tools) => Promise<boolean>;
  /** Group joined/left/migrated and blocked/unblocked events; true when handled. */
  onEvent?: (turn: Turn, tools: Tools) => Promise<boolean>;
}
