/**
 * Finding the child's school: the parent types part of its name, picks one of up to five
 * matches, types another name to search again (also when nothing was found), or keeps what
 * they typed for staff to sort out when it is not listed.
 */
import type { FormStep, Values } from "../../core/dialog/form.js";
import { wordsField } from "../../core/forms/fields.js";

export interface SchoolDirectory {
  search(query: string, limit?: number): Promise<Array<{ code: string; name: string; district: string }>>;
  byCode(code: string): Promise<{ code: string; name: string; district: string } | null>;
}

export const NOT_LISTED = "not-listed";

export function schoolSteps(schools: SchoolDirectory): FormStep[] {
  return [
    {
      id: "schoolQuery",
      prompt: "school-query-prompt",
      hideInSummary: true,
      input: { kind: "text", schema: wordsField(2, 120) },
    },
    {
      id: "school",
      // Only "not listed" left: say nothing was found, so the parent types the name again.
      prompt: ({ options, values }) =>
        options.some((option) => option.value !== NOT_LISTED)
          ? { key: "school-pick-prompt" }
          : { key: "school-none-found", args: { typed: String(values.schoolQuery) } },
      input: {
        kind: "choice",
        // A name typed here instead of a pick is a new search.
        retypes: "schoolQuery",
        async options({ values, t }) {
          const found = await schools.search(String(values.schoolQuery), 5);
          return [
            ...found.map((s) => ({ value: s.code, label: `${s.name} (${s.district})` })),
            { value: NOT_LISTED, label: t("school-not-listed", { typed: String(values.schoolQuery) }) },
          ];
        },
      },
    },
  ];
}

export async function schoolFields(
  schools: SchoolDirectory,
  values: Values,
): Promise<{ schoolCode?: string; schoolName: string; district?: string }> {
  const school = values.school !== NOT_LISTED ? await schools.byCode(String(values.school)) : null;
  if (!school) return { schoolName: String(values.schoolQuery) };
  return { schoolCode: school.code, schoolName: school.name, district: school.district };
}
