/**
 * Decides what an inbound message means: an event, a command, a menu choice, an answer to the
 * form in progress, or something to kindly explain. Features plug in through feature.ts.
 */
import { createDialogEngine, type DialogEngine } from "./dialog/engine.js";
import { matchMenu } from "./dialog/match-choice.js";
import { NAV } from "./dialog/navigation.js";
import type { Feature, MenuEntry, Tools } from "./feature.js";
import { continuationPayload, continuedCommand, GROUP_BUILT_INS } from "./group-guard.js";
import type { Locale } from "./i18n.js";
import { isLocale } from "./i18n.js";
import type { ChannelName, ChoiceOption } from "./messages.js";
import { ownEntry } from "./own-entry.js";
import { hasRole } from "./person.js";
import { commandEcho, MAX_COMMAND_LENGTH } from "./text/normalize-input.js";
import { layoutChoices, say, type Turn } from "./turn.js";

export interface Router {
  handle(turn: Turn): Promise<void>;
  dialogs: DialogEngine;
}

export interface RouterDeps {
  features: Feature[];
  redis: import("ioredis").Redis;
  prefix: string;
  setLocale(turn: Turn, locale: Locale): Promise<void>;
  /** A link opening a private chat with the bot on `channel` carrying `payload`, where there is one. */
  privateLink?(channel: ChannelName, payload: string): Promise<string | undefined>;
}

// Blocks and unblocks never reach the router: the pipeline records them (sending/reachability.ts).
const EVENT_KINDS = new Set(["group-joined", "group-left", "group-migrated"]);

export function createRouter(deps: RouterDeps): Router {
  const { features } = deps;
  const dialogs = createDialogEngine(
    features.flatMap((f) => f.forms ?? []),
    deps.redis,
    deps.prefix,
  );
  const menuFor = (turn: Turn): MenuEntry[] =>
    features
      .flatMap((f) => f.menu ?? [])
      .filter((entry) => !entry.roles || entry.roles.some((role) => hasRole(turn.person, role)));
  // Own keys only: "/constructor" or "/__proto__" must not find what every object inherits.
  const find = <K extends "commands" | "deepLinks" | "actions">(kind: K, key: string) =>
    features.map((f) => ownEntry(f[kind], key)).find(Boolean);
  const groupCommands = new Set([...GROUP_BUILT_INS, ...features.flatMap((f) => f.groupCommands ?? [])]);
  const isKnown = (name: string) => name === "start" || name === "menu" || Boolean(find("commands", name));

  const tools: Tools = {
    dialogs,
    async showMenu(turn, introKey = "menu-intro") {
      const entries = menuFor(turn);
      const options: ChoiceOption[] = [
        ...entries.map((e) => ({ value: `menu:${e.value}`, label: turn.t(e.labelKey) })),
        { value: "menu:language", label: turn.t("menu-language") },
      ];
      turn.session.menu = options;
      let text = turn.t(introKey);
      const dialog = turn.session.dialog;
      if (dialog) {
        options.unshift({ value: "menu:resume", label: turn.t("menu-resume") });
        text += `\n\n${turn.t("menu-dialog-in-progress", { form: turn.t(dialogs.titleOf(dialog.formId) ?? "") })}`;
      }
      say(turn, text, layoutChoices(options));
    },
  };

  async function chooseLanguage(turn: Turn, args: string): Promise<void> {
    const wanted = args.trim().toLowerCase();
    if (isLocale(wanted)) return switchTo(turn, wanted);
    const options = [
      { value: "lang:vi", label: "Tiếng Việt" },
      { value: "lang:en", label: "English" },
    ];
    turn.session.menu = options;
    say(turn, turn.t("language-choose"), [options]);
  }

  async function switchTo(turn: Turn, locale: Locale): Promise<void> {
    await deps.setLocale(turn, locale);
    say(turn, turn.t("language-switched"));
    if (turn.session.dialog) await dialogs.repeat(turn);
    else await tools.showMenu(turn);
  }

  /** The one place groups are kept free of personal data (core/group-guard.ts). */
  async function continuePrivately(turn: Turn, name: string, args: string): Promise<void> {
    const link = await deps.privateLink?.(turn.message.channel, continuationPayload(name, args));
    if (link) turn.replies.push({ kind: "link", url: link, title: turn.t("group-private-only") });
    else say(turn, turn.t("group-private-only-no-link", { command: name }));
  }

  async function command(turn: Turn, name: string, args: string, formGone: boolean): Promise<void> {
    if (turn.message.chatKind === "group" && isKnown(name) && !groupCommands.has(name)) {
      return continuePrivately(turn, name, args);
    }
    switch (name) {
      case "start": {
        const [prefix, ...rest] = args.split(/[_-]/);
        const continued = prefix ? continuedCommand(prefix, rest.join("_")) : undefined;
        // A group command carried on here; "start" itself would only show the menu again.
        if (continued && continued !== "start" && isKnown(continued)) {
          return command(turn, continued, "", formGone);
        }
        const deepLink = prefix ? find("deepLinks", prefix.toLowerCase()) : undefined;
        if (deepLink) return deepLink(turn, rest.join("_"), tools);
        return tools.showMenu(turn, "menu-welcome");
      }
      case "menu":
        return tools.showMenu(turn);
      case "help":
      case "trogiup":
        say(turn, turn.t("help"));
        return;
      case "huy":
      case "cancel":
        if (turn.session.dialog) {
          turn.session.dialog = undefined;
          say(turn, turn.t("dialog-cancelled"));
        } else if (!formGone) say(turn, turn.t("nothing-to-cancel"));
        // What they can do next, as buttons or numbered lines, rather than a command to type;
        // in a group the menu would talk over the parents.
        if (turn.message.chatKind === "private") await tools.showMenu(turn, "menu-after-form");
        return;
      case "ngonngu":
      case "language":
        return chooseLanguage(turn, args);
    }
    const handler = name.length <= MAX_COMMAND_LENGTH ? find("commands", name) : undefined;
    if (handler) return handler(turn, args, tools);
    say(turn, turn.t("unknown-command", { command: commandEcho(name) }));
  }

  async function choice(turn: Turn, value: string): Promise<boolean> {
    const [prefix, rest = ""] = splitOnce(value, ":");
    if (prefix === "lang" && isLocale(rest)) {
      await switchTo(turn, rest);
      return true;
    }
    if (prefix === "menu") {
      if (rest === "language") await chooseLanguage(turn, "");
      // An old "continue" button after the form ended: the menu, not silence.
      else if (rest === "resume" && !turn.session.dialog) await tools.showMenu(turn);
      else if (rest === "resume") await dialogs.repeat(turn);
      else {
        const entry = menuFor(turn).find((e) => e.value === rest);
        if (!entry) return false;
        await entry.run(turn, tools);
      }
      return true;
    }
    const action = find("actions", prefix);
    if (!action) return false;
    await action(turn, rest, tools);
    return true;
  }

  async function handle(turn: Turn): Promise<void> {
    const content = turn.message.content;
    if (EVENT_KINDS.has(content.kind)) {
      for (const feature of features) if (await feature.onEvent?.(turn, tools)) return;
      return;
    }
    // A form from before an update that this version no longer has: said once, never an error.
    const formGone = dialogs.dropStale(turn);
    const sayGone = () => say(turn, turn.t("dialog-form-gone"));
    if (content.kind === "command") {
      if (formGone) sayGone();
      return command(turn, content.command, content.args, formGone);
    }
    // In groups the bot answers commands only (and only some: see command()): it must not talk
    // over the parents' chat.
    if (turn.message.chatKind === "group") return;
    if (formGone) {
      sayGone();
      return tools.showMenu(turn);
    }

    const menuPick = matchMenu(content, turn.session.menu ?? []);
    const pressed = content.kind === "choice" ? content.value : undefined;
    if (pressed && !pressed.startsWith("nav:") && (await choice(turn, pressed))) return;
    const hadForm = Boolean(turn.session.dialog);
    const repliedBefore = turn.replies.length;
    if (await dialogs.handle(turn)) {
      // The form ended (completed, cancelled, declined): offer what comes next, unless its last
      // answer already offers the next step ("catch up on lessons").
      const offersNext = turn.replies
        .slice(repliedBefore)
        .some((reply) => reply.kind !== "link" && (reply.choices?.length ?? 0) > 0);
      const ended = hadForm && !turn.session.dialog && !turn.forgotten;
      if (ended && !offersNext) await tools.showMenu(turn, "menu-after-form");
      return;
    }
    if (menuPick && (await choice(turn, menuPick.value))) return;
    if (!pressed) for (const feature of features) if (await feature.onContent?.(turn, tools)) return;

    if (pressed === NAV.confirm) say(turn, turn.t("dialog-already-done"));
    else if (pressed) say(turn, turn.t("error-old-button"));
    else if (content.kind === "unsupported") say(turn, turn.t("hint-unsupported"));
    else if (content.kind !== "text") say(turn, turn.t("hint-not-expected"));
    else say(turn, turn.t("hint-not-understood"));
    await tools.showMenu(turn);
  }

  return { handle, dialogs };
}

function splitOnce(text: string, separator: string): [string, string?] {
  const at = text.indexOf(separator);
  return at < 0 ? [text] : [text.slice(0, at), text.slice(at + 1)];
}
