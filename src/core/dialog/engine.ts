/**
 * Runs forms (form.ts) turn by turn. State lives in the session (Redis), so a form survives a
 * restart; completion is claimed in Redis, so a double tap on "confirm" writes once. A state
 * from before a deploy is checked against today's forms first (reconcile.ts).
 */
import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import { say, type Turn } from "../turn.js";
import { askStep, type Brief, stepContext } from "./ask.js";
import { EDIT_PREFIX, reopenStep } from "./edit-step.js";
import {
  CONFIRM_STEP,
  type DialogState,
  type FormDefinition,
  type FormStep,
  type StepContext,
  type Values,
} from "./form.js";
import { matchChoice } from "./match-choice.js";
import { NAV, typedNavigation } from "./navigation.js";
import { isTypedNo, optionWords } from "./option-words.js";
import { readAnswer } from "./read-answer.js";
import { type Reconciled, reconcile } from "./reconcile.js";

export interface DialogEngine {
  has(formId: string): boolean;
  start(turn: Turn, formId: string, values?: Record<string, unknown>): Promise<void>;
  /** Handles the turn if a form is in progress; false when there is none. */
  handle(turn: Turn): Promise<boolean>;
  /** Asks the current question again (after /start, a language change…). */
  repeat(turn: Turn): Promise<void>;
  titleOf(formId: string): string | undefined;
  /**
   * Clears a form in progress that this version no longer has, or that could not be read back;
   * true when it did, so the router can tell the person to start it again.
   */
  dropStale(turn: Turn): boolean;
}

export function createDialogEngine(forms: FormDefinition[], redis: Redis, prefix: string): DialogEngine {
  const byId = new Map(forms.map((form) => [form.id, form]));
  // This process's forms do not change: a state it checked once needs no second check.
  const run = randomUUID();

  const context = (turn: Turn, state: DialogState): StepContext => stepContext(turn, state);

  /**
   * The step to ask after `after`. Answers kept through an update (reconcile.ts) or an edit may
   * lie ahead: those are passed over (into the history, for "back"), dropped where the step no
   * longer applies, and asked again, with a word why, where they no longer fit.
   */
  const nextStep = async (
    turn: Turn,
    form: FormDefinition,
    state: DialogState,
    after: string | undefined,
  ): Promise<string> => {
    const start = after === undefined ? 0 : form.steps.findIndex((s) => s.id === after) + 1;
    for (const [index, step] of form.steps.entries()) {
      if (index < start) continue;
      const answered = Object.hasOwn(state.display, step.id);
      if (step.when && !step.when(valuesBefore(form, state, index))) {
        if (answered) forget(state, step.id);
        continue;
      }
      if (answered && step.fits && !(await step.fits.check(state.values))) {
        const why = step.fits.again(state.values);
        forget(state, step.id);
        say(turn, turn.t(why.key, why.args));
        return step.id;
      }
      if (!answered) return step.id;
      state.history.push(step.id);
    }
    return CONFIRM_STEP;
  };

  async function refresh(turn: Turn, form: FormDefinition, state: DialogState): Promise<Reconciled> {
    if (state.checkedBy === run) return "current";
    const outcome = await reconcile(form, state, { t: turn.t, locale: turn.locale, person: turn.person });
    state.checkedBy = run;
    return outcome;
  }

  const ask = (turn: Turn, form: FormDefinition, state: DialogState, brief?: Brief, tickedOn?: string) =>
    askStep(turn, form, state, brief, tickedOn);

  async function handle(turn: Turn): Promise<boolean> {
    const state = turn.session.dialog;
    const form = state && byId.get(state.formId);
    if (!state || !form) return false;
    const content = turn.message.content;
    if ((await refresh(turn, form, state)) === "restarted") {
      // What they sent answered a question that has changed: ask the one that stands now.
      if (content.kind === "choice" ? content.value === NAV.cancel : isTypedCancel(turn)) return cancel(turn);
      say(turn, turn.t("dialog-step-updated"));
      await ask(turn, form, state);
      return true;
    }
    const current = state.stepId === CONFIRM_STEP ? undefined : stepById(form, state.stepId);
    // Where options are listed, "3" may mean the third line even if it is "Cancel"; in free text it is an answer.
    const listsOptions = !current || current.input.kind === "choice" || current.input.kind === "multi-choice";
    const picked =
      content.kind === "choice" || listsOptions
        ? matchChoice(content, state.offered, optionWords(turn.t))?.value
        : undefined;
    const typedNav = content.kind === "text" ? typedNavigation(content.text) : undefined;
    const navigation = picked?.startsWith("nav:") ? picked : typedNav;

    if (navigation === NAV.cancel) return cancel(turn);
    if (navigation === NAV.back) {
      const previous = state.history.pop();
      if (previous) {
        state.stepId = previous;
        forget(state, previous);
        state.picks = undefined;
      }
      await ask(turn, form, state);
      return true;
    }
    if (
      navigation?.startsWith(EDIT_PREFIX) &&
      reopenStep(form, state, navigation.slice(EDIT_PREFIX.length))
    ) {
      await ask(turn, form, state);
      return true;
    }
    if (state.stepId === CONFIRM_STEP) {
      const typedNo = content.kind === "text" && isTypedNo(content.text, turn.t);
      return confirm(turn, form, state, navigation === NAV.confirm && !typedNo);
    }

    const step = current!;
    if (navigation === NAV.skip && step.optional)
      return advance(turn, form, state, step, undefined, turn.t("dialog-skipped"));
    const answer = await readAnswer(form, step, state, turn, navigation);
    if (answer.kind === "again") {
      // A tick on the question's own buttons: Telegram shows it on that message, not a new one.
      await ask(turn, form, state, undefined, content.kind === "choice" ? content.messageId : undefined);
      return true;
    }
    if (answer.kind === "retyped") {
      state.values[answer.stepId] = answer.value;
      state.display[answer.stepId] = answer.display;
      await ask(turn, form, state);
      return true;
    }
    if (answer.kind === "ambiguous") {
      const labels = answer.options.map((option) => `“${option.label}”`).join(", ");
      await ask(turn, form, state, {
        text: turn.t("dialog-which-one", { options: labels }),
        only: answer.options,
      });
      return true;
    }
    if (answer.kind === "invalid") {
      await ask(turn, form, state, { text: turn.t(answer.reason, answer.args) });
      return true;
    }
    return advance(turn, form, state, step, answer.value, answer.display);
  }

  async function advance(
    turn: Turn,
    form: FormDefinition,
    state: DialogState,
    step: FormStep,
    value: unknown,
    display: string,
  ): Promise<boolean> {
    if (value === undefined) delete state.values[step.id];
    else state.values[step.id] = value;
    state.display[step.id] = display;
    const exitKey = step.exit?.(state.values);
    if (exitKey) {
      turn.session.dialog = undefined;
      say(turn, turn.t(exitKey));
      return true;
    }
    state.history.push(step.id);
    state.picks = undefined;
    state.stepId = await nextStep(turn, form, state, step.id);
    await ask(turn, form, state);
    return true;
  }

  async function confirm(
    turn: Turn,
    form: FormDefinition,
    state: DialogState,
    yes: boolean,
  ): Promise<boolean> {
    if (!yes) {
      say(turn, turn.t("dialog-confirm-again"));
      await ask(turn, form, state);
      return true;
    }
    const claim = `${prefix}dialog-done:${state.instanceId}`;
    if ((await redis.set(claim, "1", "EX", 86_400, "NX")) !== "OK") {
      turn.session.dialog = undefined;
      say(turn, turn.t("dialog-already-done"));
      return true;
    }
    try {
      const replies = await form.complete({
        ...context(turn, state),
        idempotencyKey: state.instanceId,
        message: turn.message,
      });
      turn.session.dialog = undefined;
      turn.replies.push(...replies);
      return true;
    } catch (error) {
      // Let the person confirm again: nothing was written, or the write is idempotent.
      await redis.del(claim);
      throw error;
    }
  }

  function cancel(turn: Turn): boolean {
    turn.session.dialog = undefined;
    say(turn, turn.t("dialog-cancelled"));
    return true;
  }

  function isTypedCancel(turn: Turn): boolean {
    const content = turn.message.content;
    return content.kind === "text" && typedNavigation(content.text) === NAV.cancel;
  }

  return {
    has: (formId) => byId.has(formId),
    titleOf: (formId) => byId.get(formId)?.titleKey,
    async start(turn, formId, values = {}) {
      const form = byId.get(formId);
      if (!form) throw new Error(`unknown form ${formId}`);
      const state: DialogState = {
        formId,
        instanceId: randomUUID(),
        stepId: CONFIRM_STEP,
        values: { ...values },
        display: {},
        history: [],
        offered: [],
        checkedBy: run,
      };
      state.stepId = await nextStep(turn, form, state, undefined);
      turn.session.dialog = state;
      await ask(turn, form, state);
    },
    handle,
    async repeat(turn) {
      const state = turn.session.dialog;
      const form = state && byId.get(state.formId);
      if (!state || !form) return;
      if ((await refresh(turn, form, state)) === "restarted") say(turn, turn.t("dialog-step-updated"));
      await ask(turn, form, state);
    },
    dropStale(turn) {
      const { dialog, dialogLost } = turn.session;
      const gone = dialog !== undefined && !byId.has(dialog.formId);
      if (gone) turn.session.dialog = undefined;
      turn.session.dialogLost = undefined;
      return gone || (dialogLost === true && !turn.session.dialog);
    },
  };
}

function forget(state: DialogState, stepId: string): void {
  delete state.values[stepId];
  delete state.display[stepId];
}

/** The values as they were before step `index` was answered: without its answer and later ones. */
function valuesBefore(form: FormDefinition, state: DialogState, index: number): Values {
  const later = form.steps.slice(index).filter((step) => Object.hasOwn(state.display, step.id));
  if (later.length === 0) return state.values;
  const values = { ...state.values };
  for (const step of later) delete values[step.id];
  return values;
}

function stepById(form: FormDefinition, id: string): FormStep {
  const step = form.steps.find((s) => s.id === id);
  if (!step) throw new Error(`form ${form.id} has no step ${id}`);
  return step;
}
