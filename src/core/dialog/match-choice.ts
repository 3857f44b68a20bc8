/**
 * Reads a choice from what a person sent, the same way at every step and on every channel
 * (docs/architecture.md#choice-matching): a pressed button's value; the option's number ("2",
 * "số 2", as numbered lines show it); the option's label or one of its words (synonyms, and
 * yes/no words for yes/no options, from the locale), with or without diacritics; a label or
 * word inside a short answer ("con cần laptop ạ"); the start of a label's word ("xach tay").
 * Several options that fit equally well are an ambiguity, for the engine to ask about.
 * Pure: the words arrive already translated, through `WordsOf`.
 */
import type { ChoiceOption, InboundContent } from "../messages.js";
import { asciiDigits } from "../text/ascii-digits.js";
import { fold } from "../text/fold.js";

export type ChoiceMatch =
  | { kind: "one"; option: ChoiceOption }
  | { kind: "ambiguous"; options: ChoiceOption[] }
  | { kind: "none" };

/** An option's own words in the person's language: what its `synonymsKey` lists. */
export type WordsOf = (option: ChoiceOption) => readonly string[];

const NONE: ChoiceMatch = { kind: "none" };
const noWords: WordsOf = () => [];
// Longer answers are sentences, not picks: a lesson text that happens to name a menu entry.
const MAX_WORDS_AROUND = 6;

export function readChoice(content: InboundContent, offered: ChoiceOption[], wordsOf = noWords): ChoiceMatch {
  if (content.kind === "choice") {
    const pressed = offered.find((option) => option.value === content.value);
    return pressed ? { kind: "one", option: pressed } : NONE;
  }
  return content.kind === "text" ? matchTyped(content.text, offered, wordsOf) : NONE;
}

/** The one option picked, or undefined (none, or several: callers that cannot ask take none). */
export function matchChoice(
  content: InboundContent,
  offered: ChoiceOption[],
  wordsOf = noWords,
): ChoiceOption | undefined {
  const match = readChoice(content, offered, wordsOf);
  return match.kind === "one" ? match.option : undefined;
}

/**
 * A pick from the main menu: a number, the label, or the start of its words, never a label
 * inside a sentence, since outside a form a sentence is usually a message (a teacher's lesson).
 */
export function matchMenu(content: InboundContent, menu: ChoiceOption[]): ChoiceOption | undefined {
  if (content.kind !== "text") return undefined;
  const match = matchTyped(content.text, menu, noWords, { inside: false });
  return match.kind === "one" ? match.option : undefined;
}

export function matchTyped(
  text: string,
  offered: ChoiceOption[],
  wordsOf = noWords,
  { inside = true }: { inside?: boolean } = {},
): ChoiceMatch {
  const typed = fold(asciiDigits(text));
  if (typed === "") return NONE;
  const number = typed.match(/^(?:so|chon|muc|number|option)? ?(\d{1,2})$/);
  if (number) {
    const option = offered[Number(number[1]) - 1];
    return option ? { kind: "one", option } : NONE;
  }
  const phrases = offered.map((option) => ({
    option,
    phrases: [option.label, ...wordsOf(option)].map(fold).filter((phrase) => phrase !== ""),
  }));

  const exact = phrases.filter((p) => p.phrases.includes(typed));
  if (exact.length > 0) return settle(exact.map((p) => p.option));

  // Inside a short answer the longest phrase wins, so "không đồng ý" beats "đồng ý".
  if (inside && typed.split(" ").length <= MAX_WORDS_AROUND) {
    const padded = ` ${typed} `;
    const lengths = phrases.map((p) =>
      Math.max(
        0,
        ...p.phrases.filter((phrase) => padded.includes(` ${phrase} `)).map((phrase) => phrase.length),
      ),
    );
    const longest = Math.max(0, ...lengths);
    if (longest > 0) return settle(phrases.filter((_, i) => lengths[i] === longest).map((p) => p.option));
  }

  if (typed.length < 2) return NONE;
  const started = phrases.filter((p) => p.phrases.some((phrase) => ` ${phrase}`.includes(` ${typed}`)));
  return started.length > 0 ? settle(started.map((p) => p.option)) : NONE;
}

/**
 * Several picks in one answer: "1, 3", "1 3" or "hộ nghèo, mồ côi". Undefined unless every part
 * names exactly one option (then the single-answer reading applies).
 */
export function matchList(
  text: string,
  offered: ChoiceOption[],
  wordsOf = noWords,
): ChoiceOption[] | undefined {
  const digits = asciiDigits(text).trim();
  const numbers = /^[\d\s,;.+]+$/.test(digits);
  const named = digits.split(numbers ? /[\s,;.+]+/ : /[,;+\n]+/).filter((part) => part.trim() !== "");
  // One word alone is a single pick (toggled), not a whole list.
  if (named.length === 0 || (!numbers && named.length === 1)) return undefined;
  const picked: ChoiceOption[] = [];
  for (const part of named) {
    const match = matchTyped(part, offered, wordsOf);
    if (match.kind !== "one") return undefined;
    picked.push(match.option);
  }
  return [...new Map(picked.map((option) => [option.value, option])).values()];
}

function settle(options: ChoiceOption[]): ChoiceMatch {
  const distinct = [...new Map(options.map((option) => [option.value, option])).values()];
  return distinct.length === 1
    ? { kind: "one", option: distinct[0]! }
    : { kind: "ambiguous", options: distinct };
}
