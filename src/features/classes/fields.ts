/** Answers the class forms read: a class name, a grade, a child's name, a school year. Messages are locale keys. */
import { z } from "zod";
import { fullNameField, wholeNumberField } from "../../core/forms/fields.js";

/** "6a1", "10 A2", "12 Toán" → upper-case letters, single spaces; short, as classes are named. */
export const classNameField = z
  .string()
  .transform((text) => text.trim().replace(/\s+/g, " ").toUpperCase())
  .refine((text) => text.length > 0, "error-empty")
  .refine((text) => text.length <= 12, "class-name-invalid")
  .refine((text) => /^[\p{L}\p{N}][\p{L}\p{N} .\-/]*$/u.test(text), "class-name-invalid");

/** The grade a class name starts with ("6A1" → 6, "10A2" → 10), when it is one. */
export function gradeFromName(name: string): number | undefined {
  const digits = /^(\d{1,2})(?!\d)/.exec(name)?.[1];
  const grade = Number(digits);
  return digits && grade >= 1 && grade <= 12 ? grade : undefined;
}

export const gradeField = wholeNumberField(1, 12, "class-grade-invalid");

/** A full name: letters, spaces, apostrophes, hyphens, dots, and commas for twins ("Lan, Hà"). */
export const childNameField = fullNameField(
  {
    tooLong: "class-child-name-invalid",
    letters: "class-child-name-invalid",
    tooShort: "class-child-name-invalid",
  },
  { several: true },
);

/** The school year under way and the next one; a Vietnamese school year starts in September. */
export function schoolYearOptions(now = new Date()): string[] {
  const start = now.getMonth() >= 7 ? now.getFullYear() : now.getFullYear() - 1;
  return [`${start}-${start + 1}`, `${start + 1}-${start + 2}`];
}
