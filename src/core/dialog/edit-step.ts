/**
 * "Sửa" at the summary: one answer is asked again, and the form comes back to the summary.
 * The steps after it keep their answers (nextStep passes over them), except those a changed
 * answer no longer applies to, and a step it now applies to is asked on the way back.
 */

import type { Translate } from "../i18n.js";
import type { ChoiceOption } from "../messages.js";
import { CONFIRM_STEP, type DialogState, type FormDefinition } from "./form.js";

export const EDIT_PREFIX = "nav:edit:";

/**
 * One "✏️ Sửa: <field>" per answer given that has a label (`<form>-<step>-label`): a form whose
 * summary is its own and names no step (a lesson's classes) offers none.
 */
export function editOptions(form: FormDefinition, state: DialogState, t: Translate): ChoiceOption[] {
  return form.steps
    .filter((step) => Object.hasOwn(state.display, step.id) && !step.hideInSummary)
    .flatMap((step) => {
      const labelKey = `${form.id}-${step.id}-label`;
      const field = t(labelKey);
      return field === labelKey
        ? []
        : [{ value: `${EDIT_PREFIX}${step.id}`, label: t("nav-edit", { field }) }];
    });
}

/** Moves the dialog from the summary back to step `stepId`; false when that is no step to edit. */
export function reopenStep(form: FormDefinition, state: DialogState, stepId: string): boolean {
  const index = form.steps.findIndex((step) => step.id === stepId);
  const step = form.steps[index];
  if (state.stepId !== CONFIRM_STEP || !step || !Object.hasOwn(state.display, stepId)) return false;
  const before = new Set(form.steps.slice(0, index).map((s) => s.id));
  const old = state.values[stepId];
  state.history = state.history.filter((id) => before.has(id));
  delete state.values[stepId];
  delete state.display[stepId];
  // Several picks start from the ones made before, so one can be added or taken away.
  state.picks =
    step.input.kind === "multi-choice" && Array.isArray(old)
      ? old.filter((v) => typeof v === "string")
      : undefined;
  state.stepId = stepId;
  return true;
}
