/**
 * "Gửi bài giảng": after a teacher sends a video, document, photo, link or text, this asks to
 * which of their classes, whether it is a make-up lesson and an optional title, whether it also
 * comes on paper (where and from when; only asked when a chosen class has families collecting
 * paper lessons), shows how many groups and parents it will reach, and on confirm creates the
 * clip, queues its deliveries and tells the paper families (paper/notice.ts).
 */
import { z } from "zod";
import type { FormDefinition, Values } from "../../core/dialog/form.js";
import { comingDateTimeField, wordsField } from "../../core/forms/fields.js";
import type { OutboundMessage } from "../../core/messages.js";
import type { Reachability } from "../../core/sending/reachability.js";
import { parseDateTime } from "../../core/text/parse-date.js";
import type { Broadcaster } from "../../jobs/broadcaster.js";
import { audienceOf } from "../classes/audience.js";
import type { MemberService } from "../classes/members.js";
import type { ClassService } from "../classes/service.js";
import type { ClipContent } from "./model.js";
import type { PaperFamilies } from "./paper/families.js";
import { announcePaper } from "./paper/notice.js";
import type { ClipService } from "./service.js";

export const PUSH_FORM = "push-clip";

/** One of the teacher's classes as the form offers it, with its reach counted when the form began. */
export interface ClassChoice {
  id: string;
  name: string;
  groups: number;
  parents: number;
  forwards: number;
  /** Families of the class the teacher marked as collecting paper lessons. */
  paperFamilies: number;
}

const titleField = z
  .string()
  .transform((text) => text.trim())
  .refine((text) => text.length > 0, "error-empty")
  .refine((text) => text.length <= 200, "error-too-long");

const choicesIn = (values: Values) => (values.choices as ClassChoice[] | undefined) ?? [];
const picked = (values: Values) => {
  const ids = (values.classIds as string[] | undefined) ?? choicesIn(values).map((c) => c.id);
  return choicesIn(values).filter((c) => ids.includes(c.id));
};

export interface PushDeps {
  classes: ClassService;
  members: MemberService;
  clips: ClipService;
  broadcaster: Broadcaster;
  reachability?: Pick<Reachability, "blockedAmong"> | undefined;
  /** Paper lessons: who collects them and the broadcaster of their notices (topic "paper"). */
  paper?: { families: PaperFamilies; broadcaster: Broadcaster } | undefined;
}

const wantsPaper = (values: Values) => values.paper === "yes";

export function pushForm(deps: PushDeps): FormDefinition {
  return {
    id: PUSH_FORM,
    titleKey: "clip-push-title",
    steps: [
      {
        id: "classIds",
        prompt: "clip-push-classes-prompt",
        // A teacher with one class is not asked which.
        when: (values) => choicesIn(values).length > 1,
        input: {
          kind: "multi-choice",
          options: ({ values }) => choicesIn(values).map((c) => ({ value: c.id, label: c.name })),
        },
      },
      {
        id: "makeUp",
        prompt: "clip-push-makeup-prompt",
        input: {
          kind: "choice",
          options: ({ t }) => [
            { value: "no", label: t("clip-push-makeup-no") },
            { value: "yes", label: t("clip-push-makeup-yes") },
          ],
        },
      },
      {
        id: "title",
        prompt: "clip-push-title-prompt",
        optional: true,
        input: { kind: "text", schema: titleField },
      },
      {
        id: "paper",
        prompt: "clip-push-paper-prompt",
        when: (values) => !!deps.paper && picked(values).some((c) => c.paperFamilies > 0),
        input: {
          kind: "choice",
          options: ({ t }) => [
            { value: "no", label: t("clip-push-paper-no") },
            { value: "yes", label: t("clip-push-paper-yes") },
          ],
        },
      },
      {
        id: "paperPlace",
        prompt: "clip-push-paper-place-prompt",
        when: wantsPaper,
        input: { kind: "text", schema: wordsField(3, 200) },
      },
      {
        id: "paperFrom",
        prompt: "clip-push-paper-from-prompt",
        when: wantsPaper,
        input: { kind: "text", schema: comingDateTimeField },
      },
    ],
    summary({ values, t }) {
      const chosen = picked(values);
      const sum = (key: "groups" | "parents" | "forwards" | "paperFamilies") =>
        chosen.reduce((n, c) => n + c[key], 0);
      const content = values.content as ClipContent;
      const lines = [
        t("clip-push-summary", {
          kind: t(`clip-kind-${content.kind}`),
          classes: chosen.map((c) => c.name).join(", "),
          makeUp: t(values.makeUp === "yes" ? "clip-push-makeup-yes" : "clip-push-makeup-no"),
          title: typeof values.title === "string" ? values.title : "—",
        }),
        t("clip-push-reach", { groups: sum("groups"), parents: sum("parents") }),
      ];
      if (sum("forwards") > 0) lines.push(t("clip-push-reach-forward", { count: sum("forwards") }));
      if (wantsPaper(values))
        lines.push(
          t("clip-push-paper-summary", {
            place: String(values.paperPlace),
            from: String(values.paperFrom),
            count: sum("paperFamilies"),
          }),
        );
      return lines.join("\n");
    },
    async complete({ values, t, locale, message, idempotencyKey, person }): Promise<OutboundMessage[]> {
      // Checked again on the records: the choices travelled through the chat session.
      const wanted = picked(values).map((c) => c.id);
      const own = (await deps.classes.byIds(wanted)).filter((cls) => deps.classes.isTeacherOf(cls, person));
      if (own.length === 0 || own.length !== wanted.length)
        return [{ kind: "text", text: t("class-not-yours") }];
      const content = values.content as ClipContent;
      const caption = typeof values.caption === "string" ? values.caption : undefined;
      const title = typeof values.title === "string" ? values.title : caption;
      const from = wantsPaper(values) ? parseDateTime(String(values.paperFrom)) : undefined;
      const paper = from?.ok ? { place: String(values.paperPlace), from: from.at } : undefined;
      const clip = await deps.clips.create({
        idempotencyKey,
        teacher: { channel: message.channel, userId: message.userId, chatId: message.chatId, locale },
        classIds: own.map((c) => c.id),
        classNames: own.map((c) => c.name),
        makeUp: values.makeUp === "yes",
        ...(title ? { title } : {}),
        ...(paper ? { paper } : {}),
        content,
      });
      const paperCount =
        paper && deps.paper
          ? await announcePaper(deps.paper.broadcaster, clip, await deps.paper.families.of(clip.classIds))
          : 0;
      const audience = await audienceOf(own, deps.members, deps.reachability);
      const waiting = await deps.broadcaster.fanOut(clip.id, audience.targets);
      if (waiting === 0 && paperCount === 0)
        return [{ kind: "text", text: t("clip-nobody", { code: clip.code }) }];
      const reach = { code: clip.code, groups: audience.groups, parents: audience.parents };
      const replies: OutboundMessage[] = [{ kind: "text", text: t("clip-queued", reach) }];
      if (audience.forwards > 0)
        replies.push({ kind: "text", text: t("clip-forward-coming", { count: audience.forwards }) });
      if (paperCount > 0) replies.push({ kind: "text", text: t("clip-paper-told", { count: paperCount }) });
      return replies;
    },
  };
}
