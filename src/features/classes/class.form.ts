/** "Tạo lớp": a teacher names a class of their school and gets the parents' invite. */
import type { FormDefinition, Values } from "../../core/dialog/form.js";
import type { ChannelName } from "../../core/messages.js";
import { classNameField, gradeField, gradeFromName, schoolYearOptions } from "./fields.js";
import { type InviteChannels, inviteMessages } from "./invite.js";
import type { ClassService } from "./service.js";
import type { School } from "./teachers.js";

export const CLASS_FORM = "class-create";

const schoolsIn = (values: Values) => (values.schools as School[] | undefined) ?? [];
const gradeOf = (values: Values) =>
  (values.grade as number | undefined) ?? gradeFromName(String(values.name ?? ""));
const yesNo = (t: (key: string) => string) => [
  { value: "yes", label: t("class-yes") },
  { value: "no", label: t("class-no") },
];

export function classForm(classes: ClassService, channels: InviteChannels | undefined): FormDefinition {
  return {
    id: CLASS_FORM,
    titleKey: "class-create-title",
    steps: [
      {
        id: "school",
        prompt: "class-school-prompt",
        // Asked only of a teacher invited by more than one school.
        when: (values) => schoolsIn(values).length > 1,
        input: {
          kind: "choice",
          options: ({ values }) => schoolsIn(values).map((s) => ({ value: s.code, label: s.name })),
        },
      },
      { id: "name", prompt: "class-name-prompt", input: { kind: "text", schema: classNameField } },
      {
        id: "grade",
        prompt: "class-grade-prompt",
        // "6A1" already says grade 6.
        when: (values) => gradeFromName(String(values.name ?? "")) === undefined,
        input: { kind: "text", schema: gradeField },
      },
      {
        id: "schoolYear",
        prompt: "class-year-prompt",
        input: {
          kind: "choice",
          options: () => schoolYearOptions().map((year) => ({ value: year, label: year })),
        },
      },
      {
        id: "zaloGroup",
        prompt: "class-zalo-prompt",
        input: { kind: "choice", options: ({ t }) => yesNo(t) },
      },
    ],
    summary({ values, t }) {
      const school = schoolsIn(values).find((s) => s.code === values.school) ?? schoolsIn(values)[0];
      return t("class-create-summary", {
        school: school?.name ?? "",
        name: String(values.name),
        grade: gradeOf(values) ?? 0,
        year: String(values.schoolYear),
        zalo: t(values.zaloGroup === "yes" ? "class-yes" : "class-no"),
      });
    },
    async complete({ values, t, locale, message, idempotencyKey }) {
      const school = schoolsIn(values).find((s) => s.code === values.school) ?? schoolsIn(values)[0];
      if (!school) return [{ kind: "text", text: t("class-not-teacher") }];
      const teacher = {
        channel: message.channel as ChannelName,
        userId: message.userId,
        chatId: message.chatId,
        locale,
      };
      const result = await classes.create({
        idempotencyKey,
        teacher,
        schoolCode: school.code,
        schoolName: school.name,
        name: String(values.name),
        grade: gradeOf(values) ?? 1,
        schoolYear: String(values.schoolYear),
        zaloGroup: values.zaloGroup === "yes",
      });
      const { cls } = result;
      const head = t(result.kind === "created" ? "class-created" : "class-exists", {
        name: cls.name,
        school: cls.schoolName,
        year: cls.schoolYear,
      });
      const [invite, ...qr] = await inviteMessages(cls, t, { channels, channel: message.channel });
      const forward = cls.zaloGroup ? [{ kind: "text" as const, text: t("class-zalo-explained") }] : [];
      // The QR code last: a channel that cannot take it then loses nothing else.
      return [{ kind: "text", text: head }, ...(invite ? [invite] : []), ...forward, ...qr];
    },
  };
}
