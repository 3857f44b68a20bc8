/**
 * Finding the child's school: the parent types part of its name, picks one of up to five
 * matches, types another name to search again (also when nothing was found), or keeps what
 * they typed for staff to sort out when it is not listed. Once the grade is known, only
 * schools that teach it are offered: a pupil of grade 7 is not at a primary school; and a grade
 * changed at the summary ("Sửa") that the chosen school does not teach asks for the school again.
 */
import type { FormStep, Values } from "../../core/dialog/form.js";
import { wordsField } from "../../core/forms/fields.js";
import type { TextArgs } from "../../core/i18n.js";
import { type SchoolLevel, schoolArea } from "../schools/model.js";

interface Listed {
  code: string;
  name: string;
  ward: string;
  /** Empty since July 2025 (no quận/huyện): the ward tells same-named schools apart then. */
  district?: string;
  level?: SchoolLevel;
}

export interface SchoolDirectory {
  search(query: string, limit?: number): Promise<Listed[]>;
  byCode(code: string): Promise<Listed | null>;
}

export const NOT_LISTED = "not-listed";

/** Tiểu học 1–5, THCS 6–9, THPT 10–12; continuing education (GDTX) teaches 6–12; mầm non none. */
export function levelsForGrade(grade: number): SchoolLevel[] {
  if (grade >= 1 && grade <= 5) return ["tieu-hoc"];
  if (grade >= 6 && grade <= 9) return ["thcs", "gdtx"];
  if (grade >= 10 && grade <= 12) return ["thpt", "gdtx"];
  return [];
}

/** Whether a school (of unknown level: yes) can be this grade's school. */
export function teachesGrade(school: Pick<Listed, "level">, grade: unknown): boolean {
  const n = Number(grade);
  if (!school.level || !Number.isInteger(n)) return true;
  return levelsForGrade(n).includes(school.level);
}

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
      prompt: ({ options, values }): { key: string; args?: TextArgs } => {
        if (options.some((option) => option.value !== NOT_LISTED)) return { key: "school-pick-prompt" };
        const typed = String(values.schoolQuery);
        const grade = Number(values.grade);
        return Number.isInteger(grade)
          ? { key: "school-none-found-grade", args: { typed, grade } }
          : { key: "school-none-found", args: { typed } };
      },
      fits: {
        async check(values) {
          if (values.school === undefined || values.school === NOT_LISTED) return true;
          const school = await schools.byCode(String(values.school));
          return !school || teachesGrade(school, values.grade);
        },
        again: (values) => ({ key: "school-grade-mismatch", args: { grade: Number(values.grade) } }),
      },
      input: {
        kind: "choice",
        // A name typed here instead of a pick is a new search.
        retypes: "schoolQuery",
        async options({ values, t }) {
          // More candidates than shown, so the ones of the grade's level still fill five.
          const found = (await schools.search(String(values.schoolQuery), 25))
            .filter((school) => teachesGrade(school, values.grade))
            .slice(0, 5);
          return [
            ...found.map((s) => ({ value: s.code, label: `${s.name} (${schoolArea(s)})` })),
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
  // The area, not the raw district: counts by place need one, and districts are gone since 2025.
  return { schoolCode: school.code, schoolName: school.name, district: schoolArea(school) };
}
