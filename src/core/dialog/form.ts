/**
 * A form is data: steps with a prompt (locale key), an input kind and a zod schema. The engine
 * (engine.ts) owns asking, re-asking with the reason, back, cancel, skip, the confirmation
 * summary and completing once; a feature only describes its steps and what "confirm" writes.
 */
import type { z } from "zod";
import type { Locale, TextArgs, Translate } from "../i18n.js";
import type { ChoiceOption, InboundMessage, OutboundMessage } from "../messages.js";
import type { Person } from "../person.js";

export type Values = Record<string, unknown>;

export interface StepContext {
  values: Values;
  t: Translate;
  locale: Locale;
  person: Person;
}

/** A choice step's prompt sees its options, so it can say when a search found nothing. */
export type PromptContext = StepContext & { options: readonly ChoiceOption[] };
export type Prompt = string | ((ctx: PromptContext) => { key: string; args?: TextArgs });
export type OptionsSource = (ctx: StepContext) => ChoiceOption[] | Promise<ChoiceOption[]>;

/** What a step accepts. Schemas turn the person's text into a value; their messages are locale keys. */
export type StepInput =
  | { kind: "text"; schema: z.ZodType<unknown, string> }
  | {
      kind: "choice";
      options: OptionsSource;
      /**
       * An earlier text step whose answer a typed reply that is no option replaces, before the
       * options are listed again: a parent who sees no school in the list types its name anew.
       */
      retypes?: string;
    }
  | { kind: "multi-choice"; options: OptionsSource; min?: number }
  /** A phone number typed, or shared with the platform's button; schema validates the digits. */
  | { kind: "phone"; schema: z.ZodType<unknown, string> };

export interface FormStep {
  id: string;
  prompt: Prompt;
  input: StepInput;
  /** Offers "skip"; a skipped step has no value. */
  optional?: boolean;
  /** Asked only when this holds for the answers so far (branching). */
  when?: (values: Values) => boolean;
  /**
   * Whether a kept answer still fits the others after one was changed (the school, after "Sửa"
   * of the grade); when it does not, it is asked again, after the text `again` returns.
   */
  fits?: {
    check(values: Values): boolean | Promise<boolean>;
    again(values: Values): { key: string; args?: TextArgs };
  };
  /** Left out of the confirmation summary (a consent already given). */
  hideInSummary?: boolean;
  /** After the answer: a locale key to end the form with, discarding it (declined consent). */
  exit?: (values: Values) => string | undefined;
}

export interface CompleteContext extends StepContext {
  /** The same for every attempt at completing this one filled-in form: make the write idempotent on it. */
  idempotencyKey: string;
  message: InboundMessage;
}

export interface FormDefinition {
  id: string;
  /** Locale key of the form's name, shown when resuming ("you were filling in …"). */
  titleKey: string;
  steps: FormStep[];
  /** The confirmation summary; by default each answered step's `<form>-<step>-label` and answer. */
  summary?: (ctx: StepContext & { display: Record<string, string> }) => string;
  /** Runs once per filled-in form, on confirm. */
  complete(ctx: CompleteContext): Promise<OutboundMessage[]>;
}

/** JSON-safe state of a form in progress, kept in the chat's session. */
export interface DialogState {
  formId: string;
  instanceId: string;
  stepId: string;
  values: Values;
  /** What the person chose or typed, as shown back in the summary. */
  display: Record<string, string>;
  /** Steps answered, most recent last: "back" pops from here. */
  history: string[];
  /** Options offered by the last prompt, to read "2" or a typed label as a choice. */
  offered: ChoiceOption[];
  /** Multi-choice picks so far, before "done". */
  picks?: string[];
  /**
   * The engine (one process) that last checked this state against its forms: after a deploy the
   * next turn checks again that every step and answer still fits (reconcile.ts).
   */
  checkedBy?: string;
}

export const CONFIRM_STEP = "$confirm";
