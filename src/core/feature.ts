/**
 * What a feature contributes: to the conversation (menu, commands, forms…), to the HTTP server
 * (routes), to the process (start/stop of its workers) and to "Dữ liệu của tôi" (what it keeps
 * about a person, and erasing it). app.ts lists features once and wires all of it generically;
 * the router knows them only through this shape. How to add one: docs/adding-a-feature.md.
 */
import type { FastifyPluginAsync } from "fastify";
import type { ConsoleSection } from "./console.js";
import type { DialogEngine } from "./dialog/engine.js";
import type { FormDefinition } from "./dialog/form.js";
import type { Translate } from "./i18n.js";
import type { ChannelName } from "./messages.js";
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

/** Whose data: a person on one channel. */
export interface PersonRef {
  channel: ChannelName;
  userId: string;
}

/** One thing kept about a person, shown as the locale text `key` with `values`. */
export interface PersonalDataItem {
  key: string;
  values?: Record<string, string | number>;
}

export interface Feature {
  name: string;
  menu?: MenuEntry[];
  /** Commands without the slash, lower-case ("tracuu"). */
  commands?: Record<string, ArgsHandler>;
  /**
   * Those of `commands` that may answer inside a group chat, because nothing they say is
   * personal (linking a class's group, the public totals). Every other command, and every deep
   * link, is answered in a group only with a link to carry on in private (core/group-guard.ts).
   */
  groupCommands?: string[];
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
  /** Group joined/left/migrated events; true when handled. (Blocks are the sender's business.) */
  onEvent?: (turn: Turn, tools: Tools) => Promise<boolean>;
  /** Pages of the staff console (src/features/console/ draws and guards them). */
  console?: ConsoleSection;
  /** HTTP routes, registered on the app's server. */
  routes?: FastifyPluginAsync;
  /** Workers and sweepers: started after the channels, stopped before the stores close. */
  start?(): Promise<void>;
  stop?(): Promise<void>;
  /** Everything this feature keeps about the person ("Dữ liệu của tôi" lists it). */
  describePersonalData?(person: PersonRef, t: Translate): Promise<PersonalDataItem[]>;
  /** Erases it all (records may stay, anonymous, where counts need them); returns how many records. */
  erasePersonalData?(person: PersonRef): Promise<number>;
}
