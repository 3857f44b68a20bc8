/**
 * Navigation words work at every step, typed or pressed: the values travel as button data and
 * the folded words catch what people type on Zalo, with or without diacritics.
 */
import { fold } from "../text/fold.js";

export const NAV = {
  back: "nav:back",
  cancel: "nav:cancel",
  skip: "nav:skip",
  done: "nav:done",
  confirm: "nav:confirm",
} as const;
export type NavValue = (typeof NAV)[keyof typeof NAV];

// A Map, so a typed "constructor" or "__proto__" is not a navigation word.
const TYPED = new Map<string, NavValue>([
  ["quay lai", NAV.back],
  ["tro lai", NAV.back],
  ["back", NAV.back],
  ["huy", NAV.cancel],
  ["huy bo", NAV.cancel],
  ["cancel", NAV.cancel],
  ["bo qua", NAV.skip],
  ["skip", NAV.skip],
  ["xong", NAV.done],
  ["done", NAV.done],
]);

/** A typed navigation word, e.g. "Huỷ", "huy", "Quay lại". */
export function typedNavigation(text: string): NavValue | undefined {
  return TYPED.get(fold(text));
}
