/**
 * Field schemas shared by forms. Messages are locale keys, so a bad answer is explained in the
 * person's language and the question asked again.
 */
import { z } from "zod";
import { parsePhone } from "../text/parse-phone.js";

/** A phone number to E.164, with the reason when it is not a Vietnamese mobile number. */
export const phoneField = z.string().transform((text, ctx) => {
  const parsed = parsePhone(text);
  if (parsed.ok) return parsed.e164;
  ctx.addIssue({ code: "custom", message: parsed.reason });
  return z.NEVER;
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

/** Options whose labels are the locale keys `<prefix>-<value>`, for choice steps. */
export function localizedOptions(prefix: string, values: readonly string[]) {
  return {
    options: ({ t }: { t: (key: string) => string }) =>
      values.map((value) => ({ value, label: t(`${prefix}-${value}`) })),
  };
}
