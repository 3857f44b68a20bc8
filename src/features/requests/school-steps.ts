/**
 * Finding the child's school: the parent types part of its name, picks one of up to five
 * matches, or keeps what they typed for staff to sort out when it is not listed.
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
      prompt: "school-pick-prompt",
      input: {
        kind: "choice",
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
