/**
 * After a deploy, a form in progress may no longer match its definition: a step renamed or
 * removed, a schema tightened, options changed. This keeps every answer that still fits and
 * moves the dialog to the first step whose answer is missing or no longer fits, rather than
 * failing on the person's next message. Answers the form no longer asks for are dropped.
 */
import {
  CONFIRM_STEP,
  type DialogState,
  type FormDefinition,
  type FormStep,
  type StepContext,
} from "./form.js";

/** "restarted": the step being asked changed, and the person should be told why. */
export type Reconciled = "current" | "restarted";

export async function reconcile(
  form: FormDefinition,
  state: DialogState,
  ctx: Omit<StepContext, "values">,
): Promise<Reconciled> {
  const answered = (id: string) => Object.hasOwn(state.display, id);
  // Values the form was started with (not answers to a step) stay as they are.
  const values = Object.fromEntries(Object.entries(state.values).filter(([key]) => !answered(key)));
  const display: Record<string, string> = {};
  const history: string[] = [];
  let resume: string | undefined;
  for (const step of form.steps) {
    // Up to the resume point `when` sees what the engine saw; past it, the engine decides when it
    // gets there (nextStep), with the answer given in between.
    if (resume === undefined && step.when && !step.when(values)) continue;
    const fit = answered(step.id) ? await fitting(step, state, { ...ctx, values }) : undefined;
    if (!fit) {
      resume ??= step.id;
      continue;
    }
    if (fit.value !== undefined) values[step.id] = fit.value;
    display[step.id] = state.display[step.id]!;
    if (resume === undefined) history.push(step.id);
  }
  const stepId = resume ?? CONFIRM_STEP;
  const same = stepId === state.stepId && (await sameOptions(form, state, { ...ctx, values }));
  Object.assign(state, { values, display, history });
  if (same) return "current";
  state.stepId = stepId;
  state.picks = undefined;
  state.offered = [];
  return "restarted";
}

/** The stored answer as the step reads it today, or undefined when it no longer fits. */
async function fitting(
  step: FormStep,
  state: DialogState,
  ctx: StepContext,
): Promise<{ value: unknown } | undefined> {
  const value = state.values[step.id];
  // Skipped: fine while the step may still be skipped.
  if (value === undefined) return step.optional ? { value } : undefined;
  const input = step.input;
  try {
    if (input.kind === "text" || input.kind === "phone") {
      // `display` holds what was typed, or the value it became (trimmed text, a formatted
      // phone number), which the schema reads the same way.
      const parsed = input.schema.safeParse(state.display[step.id]);
      return parsed.success ? { value: parsed.data } : undefined;
    }
    const options = new Set((await input.options(ctx)).map((option) => option.value));
    if (input.kind === "choice")
      return typeof value === "string" && options.has(value) ? { value } : undefined;
    const picks: unknown[] = Array.isArray(value) ? value : [];
    const offered = picks.every((pick) => typeof pick === "string" && options.has(pick));
    return offered && picks.length >= (input.min ?? 1) ? { value } : undefined;
  } catch {
    // Options that cannot be listed without an answer now missing: the step is asked again.
    return undefined;
  }
}

/**
 * Whether the options of the current step are still those the person was shown: "2" or a pressed
 * button means the option offered then. Picks no longer offered are dropped.
 */
async function sameOptions(form: FormDefinition, state: DialogState, ctx: StepContext): Promise<boolean> {
  const step = form.steps.find((s) => s.id === state.stepId);
  if (!step || (step.input.kind !== "choice" && step.input.kind !== "multi-choice")) return true;
  const current = (await step.input.options(ctx)).map((option) => option.value);
  const offered = state.offered.map((option) => option.value).filter((value) => !value.startsWith("nav:"));
  if (state.picks) state.picks = state.picks.filter((pick) => current.includes(pick));
  return offered.length === current.length && offered.every((value, i) => value === current[i]);
}
