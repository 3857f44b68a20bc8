/**
 * An option's other words, read from the locale key its `synonymsKey` names: a comma-separated
 * list per language, so translators decide what "laptop" or "có" may also be typed as.
 */
import type { Translate } from "../i18n.js";
import { matchTyped, type WordsOf } from "./match-choice.js";

/** Locale keys of the words that mean "yes" and "no", the `synonymsKey` of yes/no options. */
export const YES_WORDS = "dialog-words-yes";
export const NO_WORDS = "dialog-words-no";

export function optionWords(t: Translate): WordsOf {
  return (option) => {
    const key = option.synonymsKey;
    if (!key) return [];
    const list = t(key);
    // A missing key comes back as itself: no words rather than the key as a word.
    if (list === key) return [];
    return list
      .split(",")
      .map((word) => word.trim())
      .filter((word) => word !== "");
  };
}

/**
 * Whether a typed answer is a "no" ("không đồng ý", "chưa"), where only a yes is offered (the
 * summary's confirm): its yes words would otherwise be read inside "không đồng ý".
 */
export function isTypedNo(text: string, t: Translate): boolean {
  const yesOrNo = [
    { value: "yes", label: "", synonymsKey: YES_WORDS },
    { value: "no", label: "", synonymsKey: NO_WORDS },
  ];
  // Numbers are the options shown, not these two.
  if (/\d/.test(text)) return false;
  const match = matchTyped(text, yesOrNo, optionWords(t));
  return match.kind === "one" && match.option.value === "no";
}
