/** Answers specific to requests: a child's name and a school grade. Messages are locale keys. */
import { fullNameField, wholeNumberField } from "../../core/forms/fields.js";

export const childNameField = fullNameField({
  tooLong: "error-name-too-long",
  letters: "error-name-letters",
  tooShort: "error-name-too-short",
});

/** "6", "lớp 6", "Lop 12" → 6 / 12; grades run from 1 to 12. */
export const gradeField = wholeNumberField(1, 12, "error-grade");
