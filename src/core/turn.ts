/** One inbound message being handled: who sent it, their session, and the replies to send. */
import type { Capabilities } from "./channel.js";
import type { Locale, Translate } from "./i18n.js";
import type { ChoiceOption, InboundMessage, OutboundMessage } from "./messages.js";
import type { Person } from "./person.js";
import type { Session } from "./session-store.js";

export interface Turn {
  message: InboundMessage;
  person: Person;
  locale: Locale;
  t: Translate;
  session: Session;
  capabilities: Capabilities;
  replies: OutboundMessage[];
  /**
   * Set when the person asked to be forgotten ("Xoá hết") and their session was erased: the
   * pipeline then does not write it back after the turn.
   */
  forgotten?: boolean;
}

export function say(turn: Turn, text: string, choices?: ChoiceOption[][]): void {
  turn.replies.push(choices && choices.length > 0 ? { kind: "text", text, choices } : { kind: "text", text });
}

/**
 * Rows of buttons: short labels two to a row, long ones alone, so they stay readable on a phone.
 * Only value and label go out: an option's synonyms are for reading answers, not for platforms.
 */
export function layoutChoices(options: ChoiceOption[], perRow = 2): ChoiceOption[][] {
  const rows: ChoiceOption[][] = [];
  let row: ChoiceOption[] = [];
  for (const { value, label } of options) {
    const option = { value, label };
    const long = option.label.length > 18;
    if (long || row.length >= perRow) {
      if (row.length > 0) rows.push(row);
      row = [];
    }
    if (long) rows.push([option]);
    else row.push(option);
  }
  if (row.length > 0) rows.push(row);
  return rows;
}
