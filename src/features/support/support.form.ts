/** "Hỏi cán bộ": a question for a human, with an optional phone number for a call back. */

import type { FormDefinition } from "../../core/dialog/form.js";
import { phoneField, wordsField } from "../../core/forms/fields.js";
import type { ChannelName } from "../../core/messages.js";
import { formatPhone } from "../../core/text/parse-phone.js";
import type { SupportTicket } from "./model.js";
import type { SupportService } from "./service.js";

/** What the help desk adds to a new ticket: its school, and the alert to staff of that scope. */
export interface TicketHooks {
  schoolOf(person: { channel: ChannelName; userId: string }): Promise<string | undefined>;
  opened(ticket: SupportTicket): Promise<void>;
}

export const SUPPORT_TOPICS = ["device", "connectivity", "donation", "class", "other"] as const;

export function supportForm(support: SupportService, hooks?: TicketHooks): FormDefinition {
  return {
    id: "support",
    titleKey: "support-title",
    steps: [
      {
        id: "topic",
        prompt: "support-topic-prompt",
        input: {
          kind: "choice",
          options: ({ t }) =>
            SUPPORT_TOPICS.map((topic) => ({ value: topic, label: t(`support-topic-${topic}`) })),
        },
      },
      {
        id: "question",
        prompt: "support-question-prompt",
        input: { kind: "text", schema: wordsField(5, 1000) },
      },
      {
        id: "phone",
        prompt: "support-phone-prompt",
        optional: true,
        input: { kind: "phone", schema: phoneField },
      },
    ],
    async complete({ values, idempotencyKey, message, locale, t }) {
      const phone = typeof values.phone === "string" ? values.phone : undefined;
      const schoolCode = await hooks?.schoolOf(message);
      const ticket = await support.open({
        idempotencyKey,
        channel: message.channel,
        userId: message.userId,
        chatId: message.chatId,
        locale,
        topic: String(values.topic),
        question: String(values.question),
        ...(phone ? { phone } : {}),
        ...(schoolCode ? { schoolCode } : {}),
      });
      // Awaited, so staff have heard of the question by the time the person reads the answer.
      await hooks?.opened(ticket);
      const callBack = phone ? t("support-call-back", { phone: formatPhone(phone) }) : "";
      return [
        {
          kind: "text",
          text: `${t("support-created", { code: ticket.code })}${callBack ? `\n${callBack}` : ""}`,
        },
      ];
    },
  };
}
