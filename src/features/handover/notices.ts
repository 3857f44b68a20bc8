/**
 * What the parent hears about a handover, in their own language: the ask to confirm with one
 * tap ("dn:<line code>", handled by feature.ts), and a kind word when the line went back to
 * stock and their request waits again. Nothing is sent for an erased request.
 */
import type { Notify } from "../../core/notifier.js";
import type { AllocationLine } from "../allocation/model.js";
import type { HelpRequest } from "../requests/model.js";
import { whatOf } from "./rows.js";

export const CONFIRM_PREFIX = "dn";

export type ParentNotices = ReturnType<typeof createParentNotices>;

export function createParentNotices(notify: Notify) {
  const to = (request: HelpRequest) => ({
    channel: request.channel,
    chatId: request.chatId,
    locale: request.locale === "en" ? ("en" as const) : ("vi" as const),
  });
  return {
    async askConfirm(line: AllocationLine, request: HelpRequest): Promise<void> {
      if (request.erasedAt) return;
      await notify(to(request), (t) => [
        {
          kind: "text",
          text: t("handover-ask-confirm", {
            what: whatOf(line, t).toLowerCase(),
            pupil: request.childName ?? t("handover-a-pupil"),
          }),
          choices: [[{ value: `${CONFIRM_PREFIX}:${line.code}`, label: t("handover-confirm-button") }]],
        },
      ]);
    },
    async backToWaiting(request: HelpRequest): Promise<void> {
      if (request.erasedAt) return;
      await notify(to(request), (t) => [
        {
          kind: "text",
          text: t("handover-back-to-waiting", {
            pupil: request.childName ?? t("handover-a-pupil"),
            code: request.code,
          }),
        },
      ]);
    },
  };
}
