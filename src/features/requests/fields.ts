/** Answers specific to requests: a child's name and a school grade. Messages are locale keys. */
import { z } from "zod";

/** A full name: letters, spaces, apostrophes, hyphens and dots; emoji or digits are refused. */
export const childNameField = z
  .string()
  .transform((text) => text.trim())
  .refine((text) => text.length > 0, "error-empty")
  .refine((text) => text.length <= 80, "error-name-too-long")
  .refine((text) => /^[\p{L}\p{M}][\p{L}\p{M} .'-]*$/u.test(text), "error-name-letters")
  .refine((text) => text.length >= 2, "error-name-too-short");

/** "6", "lớp 6", "Lop 12" → 6 / 12; grades run from 1 to 12. */
export const gradeField = z.string().transform((text, ctx) => {
  const digits = text.match(/\d+/g);
  const grade = digits?.length === 1 ? Number(digits[0]) : Number.NaN;
  if (Number.isInteger(grade) && grade >= 1 && grade <= 12) return grade;
  ctx.addIssue({ code: "custom", message: "error-grade" });
  return z.NEVER;
});
