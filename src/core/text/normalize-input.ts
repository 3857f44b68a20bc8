/**
 * Every inbound text: unsafe control and bidi characters removed (strip-unsafe.ts), NFC
 * (Vietnamese keyboards send both forms), trimmed, spaces collapsed, capped.
 */
import { stripUnsafe } from "./strip-unsafe.js";

export const MAX_INPUT_LENGTH = 4000;
/** No command is longer; a longer one is unknown, and its echo is cut to this. */
export const MAX_COMMAND_LENGTH = 64;

export function normalizeInput(text: string, maxLength = MAX_INPUT_LENGTH): string {
  const normalized = stripUnsafe(text)
    .normalize("NFC")
    .replace(/[^\S\n]+/g, " ")
    .replace(/ *\n */g, "\n")
    .trim();
  return normalized.length > maxLength ? normalized.slice(0, maxLength) : normalized;
}

/**
 * A command name as the router sees it: cleaned like text, with no spaces, and cut just past the
 * longest command, so the router still sees it was too long but never holds or echoes kilobytes.
 */
export function normalizeCommand(name: string): string {
  return normalizeInput(name, MAX_COMMAND_LENGTH + 1).replace(/\s+/g, "");
}

/** How an unknown command is echoed back: at most MAX_COMMAND_LENGTH characters, then "…". */
export function commandEcho(name: string): string {
  return name.length > MAX_COMMAND_LENGTH ? `${name.slice(0, MAX_COMMAND_LENGTH)}…` : name;
}
