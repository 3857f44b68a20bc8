/**
 * Turns what a person sent at one step into a value, or a reason to ask again. Reasons are
 * locale keys (zod messages in forms are keys too), never a validator's English text.
 */
import type { TextArgs } from "../i18n.js";
import type { ChoiceOption } from "../messages.js";
import { formatPhone } from "../text/parse-phone.js";
import type { Turn } from "../turn.js";
import type { DialogState, FormStep } from "./form.js";
import { matchChoice, matchNumbers } from "./match-choice.js";
import { NAV } from "./navigation.js";

export type Answer =
  | { kind: "value"; value: unknown; display: string }
  | { kind: "invalid"; reason: string; args?: TextArgs }
  /** Nothing to complain about, just ask again (a multi-choice pick was toggled). */
  | { kind: "again" };

export async function readAnswer(
  step: FormStep,
  state: DialogState,
  turn: Turn,
  navigation: string | undefined,
): Promise<Answer> {
  const content = turn.message.content;
  const input = step.input;
  if (input.kind === "choice") {
    const options = state.offered.filter((o) => !o.value.startsWith("nav:"));
    const chosen = matchChoice(content, options);
    if (chosen) return { kind: "value", value: chosen.value, display: chosen.label };
    return { kind: "invalid", reason: "error-choose-option", args: { count: options.length } };
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
  if (content.kind === "text") {
    const numbered = matchNumbers(content.text, options);
    if (numbered) return finish(numbered.map((o) => o.value));
  }
  const one = matchChoice(content, options);
  if (!one) return { kind: "invalid", reason: "error-choose-options", args: { count: options.length } };
  if (picks.has(one.value)) picks.delete(one.value);
  else picks.add(one.value);
  state.picks = [...picks];
  return { kind: "again" };
}
