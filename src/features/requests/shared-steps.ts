/** Steps and completion shared by the device and connectivity forms. */
import type { CompleteContext, FormStep } from "../../core/dialog/form.js";
import { NO_WORDS, YES_WORDS } from "../../core/forms/fields.js";
import type { OutboundMessage } from "../../core/messages.js";
import type { RequestKind } from "./model.js";
import type { NewRequest, RequestService } from "./service.js";

/** Decree 13/2023: say what is collected, why, who sees it and how to delete it, before asking. */
export function consentStep(kind: RequestKind): FormStep {
  return {
    id: "consent",
    prompt: `request-consent-${kind}`,
    hideInSummary: true,
    input: {
      kind: "choice",
      options: ({ t }) => [
        { value: "agree", label: t("consent-agree"), synonymsKey: YES_WORDS },
        { value: "decline", label: t("consent-decline"), synonymsKey: NO_WORDS },
      ],
    },
    exit: (values) => (values.consent === "decline" ? "request-consent-declined" : undefined),
  };
}

export async function completeRequest(
  requests: RequestService,
  ctx: CompleteContext,
  fields: Omit<NewRequest, "idempotencyKey" | "channel" | "userId" | "chatId" | "locale">,
): Promise<OutboundMessage[]> {
  const { message, t } = ctx;
  const result = await requests.create({
    ...fields,
    idempotencyKey: ctx.idempotencyKey,
    channel: message.channel,
    userId: message.userId,
    chatId: message.chatId,
    locale: ctx.locale,
  });
  const { request } = result;
  const status = t(`request-status-${request.status}`);
  // Someone else's request for this child: a neutral answer with only their own new code, so
  // the form cannot be used to learn whether (or how far) another family asked.
  if (result.kind === "flagged") {
    return [{ kind: "text", text: t(`request-duplicate-${request.kind}`, { code: request.code }) }];
  }
  const key = result.kind === "created" ? `request-created-${request.kind}` : "request-exists";
  return [{ kind: "text", text: t(key, { code: request.code, status }) }];
}
