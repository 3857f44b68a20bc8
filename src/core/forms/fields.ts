/**
 * Field schemas shared by forms. Messages are locale keys, so a bad answer is explained in the
 * person's language and the question asked again.
 */
import { z } from "zod";
import { asciiDigits } from "../text/ascii-digits.js";
import { formatDateTime } from "../text/format-date.js";
import { parseDateTime } from "../text/parse-date.js";
import { parsePhone } from "../text/parse-phone.js";

/** A phone number to E.164, with the reason when it is not a Vietnamese mobile number. */
export const phoneField = z.string().transform((text, ctx) => {
  const parsed = parsePhone(text);
  if (parsed.ok) return parsed.e164;
  ctx.addIssue({ code: "custom", message: parsed.reason });
  return z.NEVER;
});

/**
 * A day and time to come ("5/12 7h30"), answered as "05/12/2026 07:30" (Vietnam's time): what
 * the summary shows and what parseDateTime reads back when the form completes.
 */
export const comingDateTimeField = z.string().transform((text, ctx) => {
  const parsed = parseDateTime(text);
  if (!parsed.ok) {
    ctx.addIssue({ code: "custom", message: "error-date-time" });
    return z.NEVER;
  }
  // An hour's grace: "today 7h" typed at 7:20 still means this morning's pickup.
  if (parsed.at.getTime() < Date.now() - 3600_000) {
    ctx.addIssue({ code: "custom", message: "error-date-past" });
    return z.NEVER;
  }
  return formatDateTime(parsed.at);
});

/** Free text with letters in it: rejects empty, too long, and emoji-only answers. */
export function wordsField(min: number, max: number) {
  return z
    .string()
    .transform((text) => text.trim())
    .refine((text) => text.length > 0, "error-empty")
    .refine((text) => text.length >= min, "error-too-short")
    .refine((text) => text.length <= max, "error-too-long")
    .refine((text) => /\p{L}/u.test(text), "error-no-letters");
}

/**
 * Options whose labels are the locale keys `<prefix>-<value>`, for choice steps; `synonyms`
 * names, per value, the locale key listing other words people type for it (YES_WORDS…).
 */
export function localizedOptions<V extends string>(
  prefix: string,
  values: readonly V[],
  synonyms: Partial<Record<V, string>> = {},
) {
  return {
    options: ({ t }: { t: (key: string) => string }) =>
      values.map((value) => {
        const synonymsKey = Object.hasOwn(synonyms, value) ? synonyms[value] : undefined;
        return { value, label: t(`${prefix}-${value}`), ...(synonymsKey ? { synonymsKey } : {}) };
      }),
  };
}

/** The synonyms key `<prefix>-<value>-words` of each value, for `localizedOptions`. */
export function synonymKeys<V extends string>(
  prefix: string,
  values: readonly V[],
): Partial<Record<V, string>> {
  return Object.fromEntries(values.map((value) => [value, `${prefix}-${value}-words`])) as Partial<
    Record<V, string>
  >;
}

export { NO_WORDS, YES_WORDS } from "../dialog/option-words.js";

/**
 * A whole number typed as people do ("6", "lớp 6", "1.000 máy") within bounds. ASCII digits
 * (fullwidth ones read as such) and one number only: "-5" is refused as negative and "5.5" or
 * "5,5" as not whole, each with its own kind message; "1e1", two numbers, none, or one out of
 * bounds get `reason` (a locale key).
 */
export function wholeNumberField(min: number, max: number, reason: string) {
  return z.string().transform((input, ctx) => {
    const text = asciiDigits(input).trim();
    const refuse = (message: string) => {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    };
    if (/(^|[^\p{L}\p{N}])[-−–]\s*[0-9]/u.test(text)) return refuse("error-number-negative");
    // "1.000" and "1,000" are thousands; "5.5", "5,25" or "1.0000" are not whole numbers.
    const grouped = text.replace(/([0-9])[.,]([0-9]{3})(?![0-9])/g, "$1$2");
    if (/[0-9][.,][0-9]/.test(grouped)) return refuse("error-number-decimal");
    const numbers = grouped.match(/[0-9]+/g);
    const value = numbers?.length === 1 && !/[0-9]e|e[0-9]/i.test(grouped) ? Number(numbers[0]) : Number.NaN;
    if (Number.isInteger(value) && value >= min && value <= max) return value;
    return refuse(reason);
  });
}

/**
 * A person's full name: letters (with Vietnamese marks), spaces, apostrophes, hyphens and dots;
 * `several` also allows commas, for twins in one class ("Lan, Hà"). Emoji and digits are refused.
 */
export function fullNameField(
  reasons: { tooLong: string; letters: string; tooShort: string },
  options: { several?: boolean } = {},
) {
  const allowed = options.several ? /^[\p{L}\p{M}][\p{L}\p{M} .,'-]*$/u : /^[\p{L}\p{M}][\p{L}\p{M} .'-]*$/u;
  return z
    .string()
    .transform((text) => text.trim().replace(/\s+/g, " "))
    .refine((text) => text.length > 0, "error-empty")
    .refine((text) => text.length <= 80, reasons.tooLong)
    .refine((text) => allowed.test(text), reasons.letters)
    .refine((text) => text.length >= 2, reasons.tooShort);
}
