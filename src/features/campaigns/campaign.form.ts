/**
 * "/kemgoi": staff write a call for donations and confirm it before it goes to every donor who
 * agreed to hear from the programme. Text typed with the command skips the question.
 */
import type { CompleteContext, FormDefinition } from "../../core/dialog/form.js";
import { wordsField } from "../../core/forms/fields.js";
import type { OutboundMessage } from "../../core/messages.js";

export function campaignForm(
  launch: (ctx: CompleteContext, text: string) => Promise<OutboundMessage[]>,
): FormDefinition {
  return {
    id: "campaign",
    titleKey: "campaign-title",
    steps: [
      {
        id: "text",
        prompt: "campaign-text-prompt",
        when: (values) => typeof values.text !== "string",
        input: { kind: "text", schema: wordsField(10, 2000) },
      },
    ],
    summary: ({ values, t }) => t("campaign-summary", { text: String(values.text) }),
    complete: (ctx) => launch(ctx, String(ctx.values.text)),
  };
}
