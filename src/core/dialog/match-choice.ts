/**
 * Reads a choice from what a person sent: a pressed button's value, the option's number
 * ("2", as Zalo shows numbered lines), or its words, with or without diacritics.
 */
import type { ChoiceOption, InboundContent } from "../messages.js";
import { fold } from "../text/fold.js";

export function matchChoice(content: InboundContent, offered: ChoiceOption[]): ChoiceOption | undefined {
  if (content.kind === "choice") return offered.find((option) => option.value === content.value);
  if (content.kind !== "text") return undefined;
  const typed = fold(content.text);
  if (/^\d{1,2}$/.test(typed)) return offered[Number(typed) - 1];
  const exact = offered.filter((option) => fold(option.label) === typed);
  if (exact.length === 1) return exact[0];
  if (typed.length < 3) return undefined;
  const partial = offered.filter((option) => fold(option.label).includes(typed));
  return partial.length === 1 ? partial[0] : undefined;
}

/** "1, 3" or "1 3" → the options numbered so; undefined when any number is off the list. */
export function matchNumbers(text: string, offered: ChoiceOption[]): ChoiceOption[] | undefined {
  const numbers = text.split(/[\s,;.+]+/).filter(Boolean);
  if (numbers.length === 0 || !numbers.every((n) => /^\d{1,2}$/.test(n))) return undefined;
  const picked = numbers.map((n) => offered[Number(n) - 1]);
  if (picked.some((option) => option === undefined)) return undefined;
  return [...new Map(picked.map((option) => [option!.value, option!])).values()];
}
