/**
 * "Vào lớp": a parent joins their child's class from the deep link or the typed code. The
 * child's name is personal data (Decree 13/2023): what, why and who sees it come first.
 */
import type { FormDefinition } from "../../core/dialog/form.js";
import type { ChannelName, OutboundMessage } from "../../core/messages.js";
import { childNameField } from "./fields.js";
import type { MemberService } from "./members.js";
import type { AddRole } from "./teachers.js";

export const JOIN_FORM = "class-join";
export const DELIVERIES = ["direct", "group"] as const;

/** How many clips the class had lately, to offer them to a parent who just joined. */
export type CountRecentClips = (classIds: string[], days: number) => Promise<number>;
export const CATCH_UP_DAYS = 7;

export function joinForm(
  members: MemberService,
  addRole: AddRole,
  countRecent?: CountRecentClips,
): FormDefinition {
  return {
    id: JOIN_FORM,
    titleKey: "class-join-title",
    steps: [
      {
        id: "consent",
        prompt: ({ values }) => ({
          key: "class-join-consent",
          args: { name: String(values.className), school: String(values.schoolName) },
        }),
        hideInSummary: true,
        input: {
          kind: "choice",
          options: ({ t }) => [
            { value: "agree", label: t("class-join-agree") },
            { value: "decline", label: t("class-join-decline") },
          ],
        },
        exit: (values) => (values.consent === "decline" ? "class-join-declined" : undefined),
      },
      { id: "childName", prompt: "class-join-child-prompt", input: { kind: "text", schema: childNameField } },
      {
        id: "delivery",
        prompt: "class-join-delivery-prompt",
        input: {
          kind: "choice",
          options: ({ t }) => DELIVERIES.map((value) => ({ value, label: t(`class-delivery-${value}`) })),
        },
      },
    ],
    summary: ({ values, display, t }) =>
      t("class-join-summary", {
        name: String(values.className),
        child: String(values.childName),
        delivery: display.delivery ?? "",
      }),
    async complete({ values, t, locale, message, idempotencyKey }): Promise<OutboundMessage[]> {
      const classId = String(values.classId);
      const result = await members.join({
        classId,
        channel: message.channel as ChannelName,
        userId: message.userId,
        chatId: message.chatId,
        locale,
        childName: String(values.childName),
        delivery: values.delivery === "group" ? "group" : "direct",
        idempotencyKey,
      });
      if (result.kind === "already") {
        return [{ kind: "text", text: t("class-join-already", { name: String(values.className) }) }];
      }
      await addRole({ channel: message.channel, userId: message.userId }, "parent");
      const key = result.member.delivery === "group" ? "class-joined-group" : "class-joined-direct";
      const replies: OutboundMessage[] = [{ kind: "text", text: t(key, { name: String(values.className) }) }];
      const recent = (await countRecent?.([classId], CATCH_UP_DAYS)) ?? 0;
      if (recent > 0) {
        replies.push({
          kind: "text",
          text: t("class-joined-recent", { count: recent, days: CATCH_UP_DAYS }),
          choices: [[{ value: `baicu:${CATCH_UP_DAYS}`, label: t("class-joined-recent-button") }]],
        });
      }
      return replies;
    },
  };
}
