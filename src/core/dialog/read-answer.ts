/**
 * Turns what a person sent at one step into a value, or a reason to ask again. Reasons are
 * locale keys (zod messages in forms are keys too), never a validator's English text.
 */
import type { TextArgs } from "../i18n.js";
import type { ChoiceOption } from "../messages.js";
import { formatPhone } from "../text/parse-phone.js";
import type { Turn } from "../turn.js";
import type { DialogState, FormDefinition, FormStep } from "./form.js";
import { matchList, readChoice } from "./match-choice.js";
import { NAV } from "./navigation.js";
import { optionWords } from "./option-words.js";

export type Answer =
  | { kind: "value"; value: unknown; display: string }
  | { kind: "invalid"; reason: string; args?: TextArgs }
  /** Nothing to complain about, just ask again (a multi-choice pick was toggled). */
  | { kind: "again" }
  /** What was typed fits several options equally: ask which one. */
  | { kind: "ambiguous"; options: ChoiceOption[] }
  /** A new answer to an earlier step (`retypes`): list this step's options again from it. */
  | { kind: "retyped"; stepId: string; value: unknown; display: string };

export async function readAnswer(
  form: FormDefinition,
  step: FormStep,
  state: DialogState,
  turn: Turn,
  navigation: string | undefined,
): Promise<Answer> {
  const content = turn.message.content;
  const input = step.input;
  if (input.kind === "choice") {
    const options = state.offered.filter((o) => !o.value.startsWith("nav:"));
    const match = readChoice(content, options, optionWords(turn.t));
    if (match.kind === "one")
      return { kind: "value", value: match.option.value, display: match.option.label };
    if (match.kind === "ambiguous") return { kind: "ambiguous", options: match.options };
    const earlier = input.retypes ? form.steps.find((s) => s.id === input.retypes) : undefined;
    if (earlier?.input.kind === "text" && content.kind === "text") {
      const retyped = parseText(earlier.input.schema, content.text, turn);
      if (retyped.kind === "value") return { ...retyped, kind: "retyped", stepId: earlier.id };
    }
    return { kind: "invalid", reason: "error-choose-option" };
  }
  if (input.kind === "multi-choice") return readPicks(step, state, turn, navigation);

  if (input.kind === "phone") {
    const text =
      content.kind === "contact" ? content.phone : content.kind === "text" ? content.text : undefined;
    if (text === undefined) return { kind: "invalid", reason: "error-expected-text" };
    const answer = parseText(input.schema, text, turn);
    return answer.kind === "value" ? { ...answer, display: formatPhone(String(answer.value)) } : answer;
  }
  if (content.kind === "choice") return { kind: "invalid", reason: "error-old-button" };
  if (content.kind !== "text") return { kind: "invalid", reason: "error-expected-text" };
  return parseText(input.schema, content.text, turn);
}

function parseText(schema: import("zod").ZodType<unknown, string>, text: string, turn: Turn): Answer {
  const parsed = schema.safeParse(text);
  if (parsed.success) {
    const value = parsed.data;
    return { kind: "value", value, display: typeof value === "string" ? value : text };
  }
  const key = parsed.error.issues[0]?.message ?? "";
  return { kind: "invalid", reason: turn.t(key) === key ? "error-invalid" : key };
}

async function readPicks(
  step: FormStep,
  state: DialogState,
  turn: Turn,
  navigation: string | undefined,
): Promise<Answer> {
  if (step.input.kind !== "multi-choice") throw new Error("not a multi-choice step");
  const options: ChoiceOption[] = await step.input.options({
    values: state.values,
    t: turn.t,
    locale: turn.locale,
    person: turn.person,
  });
  const picks = new Set(state.picks ?? []);
  const finish = (chosen: string[]): Answer => {
    if (chosen.length < (step.input.kind === "multi-choice" ? (step.input.min ?? 1) : 1)) {
      return { kind: "invalid", reason: "error-pick-at-least-one" };
    }
    const labels = options.filter((o) => chosen.includes(o.value)).map((o) => o.label);
    return { kind: "value", value: chosen, display: labels.join(", ") };
  };
  if (navigation === NAV.done) return finish([...picks]);

  const content = turn.message.content;
  const words = optionWords(turn.t);
  if (content.kind === "text") {
    const listed = matchList(content.text, options, words);
    if (listed) return finish(listed.map((o) => o.value));
  }
  const match = readChoice(content, options, words);
  if (match.kind === "ambiguous") return { kind: "ambiguous", options: match.options };
  if (match.kind === "none") return { kind: "invalid", reason: "error-choose-options" };
  const one = match.option;
  // Without buttons the answer is typed in one message ("1, 3", or one option's words): taken
  // whole, as the question's hint says, rather than ticked and waiting for "xong".
  if (content.kind === "text" && !turn.capabilities.buttons) return finish([...picks.add(one.value)]);
  if (picks.has(one.value)) picks.delete(one.value);
  else picks.add(one.value);
  state.picks = [...picks];
  return { kind: "again" };
}
