/**
 * Asks the current step of a form: its prompt with the options, back and cancel as choices, or
 * the summary with confirm. After a miss the question is asked briefly, one line and the
 * options, so a long prompt (the consent notice) is not sent again with every wrong answer.
 */
import type { ChoiceOption } from "../messages.js";
import { layoutChoices, say, type Turn } from "../turn.js";
import { editOptions } from "./edit-step.js";
import { CONFIRM_STEP, type DialogState, type FormDefinition, type StepContext } from "./form.js";
import { NAV } from "./navigation.js";
import { YES_WORDS } from "./option-words.js";

export interface Brief {
  /** The one line said instead of the prompt: why the answer did not fit. */
  text: string;
  /** Only these options (which of two similar ones was meant), where a step has one answer. */
  only?: ChoiceOption[];
}

export function stepContext(turn: Turn, state: DialogState): StepContext {
  return { values: state.values, t: turn.t, locale: turn.locale, person: turn.person };
}

export async function askStep(
  turn: Turn,
  form: FormDefinition,
  state: DialogState,
  brief?: Brief,
  /** A pick was ticked on this message of the question: its buttons change in place where they can. */
  tickedOn?: string,
): Promise<void> {
  const context = stepContext(turn, state);
  const nav = (extra: ChoiceOption[] = []) => [
    ...extra,
    ...(state.history.length > 0 ? [{ value: NAV.back, label: turn.t("nav-back") }] : []),
    { value: NAV.cancel, label: turn.t("nav-cancel") },
  ];
  if (state.stepId === CONFIRM_STEP) {
    const display = state.display;
    const summary = form.summary
      ? form.summary({ ...context, display })
      : form.steps
          .filter((step) => step.id in display && !step.hideInSummary)
          .map((step) => `• ${turn.t(`${form.id}-${step.id}-label`)}: ${display[step.id]}`)
          .join("\n");
    state.offered = nav([
      { value: NAV.confirm, label: turn.t("nav-confirm"), synonymsKey: YES_WORDS },
      ...editOptions(form, state, turn.t),
    ]);
    if (brief) say(turn, brief.text);
    say(turn, `${turn.t("dialog-summary-intro")}\n\n${summary}`, layoutChoices(state.offered));
    return;
  }
  const step = form.steps.find((s) => s.id === state.stepId);
  if (!step) throw new Error(`form ${form.id} has no step ${state.stepId}`);
  const listed =
    step.input.kind === "choice" || step.input.kind === "multi-choice"
      ? await step.input.options(context)
      : [];
  const prompt =
    typeof step.prompt === "string" ? { key: step.prompt } : step.prompt({ ...context, options: listed });
  const text = turn.t(prompt.key, prompt.args);
  const skip = step.optional ? [{ value: NAV.skip, label: turn.t("nav-skip") }] : [];
  if (step.input.kind === "choice" || step.input.kind === "multi-choice") {
    const multi = step.input.kind === "multi-choice";
    const options = !multi && brief?.only ? brief.only : listed;
    const picks = new Set(state.picks ?? []);
    const marked = options.map((o) => (picks.has(o.value) ? { ...o, label: `✓ ${o.label}` } : o));
    const done = multi ? [{ value: NAV.done, label: turn.t("nav-done") }] : [];
    state.offered = [...marked, ...done, ...skip, ...nav()];
    // How to pick several differs: a "Done" button, or numbers typed with commas (Zalo).
    const hintKey = turn.capabilities.buttons ? "dialog-multi-hint" : "dialog-multi-hint-typed";
    const hint = multi ? `\n\n${turn.t(hintKey)}` : "";
    const choices = [...layoutChoices([...marked, ...done]), ...layoutChoices([...skip, ...nav()], 3)];
    const question = brief ? brief.text : text + hint;
    turn.replies.push(
      multi && tickedOn && turn.capabilities.buttons
        ? { kind: "text", text: question, choices, replaces: tickedOn }
        : { kind: "text", text: question, choices },
    );
    return;
  }
  if (brief) say(turn, brief.text);
  // Free text: numbers typed are answers, not options, so without buttons navigation is a typed word.
  state.offered = turn.capabilities.buttons ? [...skip, ...nav()] : [];
  const navHint = turn.capabilities.buttons
    ? ""
    : `\n\n${turn.t(step.optional ? "dialog-typed-nav-skip" : "dialog-typed-nav")}`;
  if (step.input.kind === "phone") {
    // Next to a share-phone button, Telegram's keyboard sends labels back as typed text:
    // typedNavigation() reads "⬅️ Quay lại" as back all the same.
    turn.replies.push({
      kind: "text",
      text: text + navHint,
      requestPhone: turn.capabilities.requestPhone,
      choices: layoutChoices(state.offered, 3),
    });
    return;
  }
  say(turn, text + navHint, layoutChoices(state.offered, 3));
}
