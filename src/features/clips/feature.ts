/**
 * Lesson clips: a teacher sends content to the bot and pushes it to their classes; the
 * delivery engine (src/jobs/) sends it; the teacher follows progress (/tiendo) and re-sends to
 * those it failed for (/guilai); parents catch up on recent clips (/baicu). A lesson can also
 * come on paper for families with no device (paper/: /baigiay marks them, the school's
 * pickup sheet in the console ticks who collected it).
 */
import type { Connection } from "mongoose";
import type { Feature, Tools } from "../../core/feature.js";
import type { RecordLock } from "../../core/lock.js";
import type { InboundContent } from "../../core/messages.js";
import { hasRole } from "../../core/person.js";
import type { Reachability } from "../../core/sending/reachability.js";
import { say, type Turn } from "../../core/turn.js";
import type { Broadcaster } from "../../jobs/broadcaster.js";
import { readHumanCode } from "../../storage/human-code.js";
import { audienceOf } from "../classes/audience.js";
import { createMemberService } from "../classes/members.js";
import { createClassService } from "../classes/service.js";
import type { FeatureFactory } from "../context.js";
import { createAudit } from "../staff/audit.js";
import { catchUp } from "./catch-up.js";
import { createClipDeliveryHooks } from "./delivery-hooks.js";
import type { ClipContent } from "./model.js";
import { paperCommands } from "./paper/commands.js";
import { createPaperFamilies } from "./paper/families.js";
import { createPaperNoticeHooks, PAPER_TOPIC } from "./paper/notice.js";
import { paperPages } from "./paper/pages.js";
import { createPaperPickups } from "./paper/pickups.js";
import { describeProgress } from "./progress.js";
import { type ClassChoice, PUSH_FORM, pushForm } from "./push.form.js";
import { createClipRounds } from "./rounds.js";
import { clipRoutes } from "./routes.js";
import { createClipService } from "./service.js";
import { type ClipLinks, createClipLinks } from "./signed-link.js";

export interface ClipsFeatureDeps {
  mongo: Connection;
  lock: RecordLock;
  /** The delivery engine's broadcaster for topic "lesson". */
  broadcaster: Broadcaster;
  links: ClipLinks;
  reachability?: Pick<Reachability, "blockedAmong">;
  /** The delivery engine's broadcaster for topic "paper" (notices of paper lessons). */
  paperBroadcaster?: Broadcaster;
}

/** Lessons go out through the delivery engine as topic "lesson"; files are served by routes.ts. */
export const clipsFeature: FeatureFactory = (ctx) => {
  const links = createClipLinks({ secret: ctx.config.clipLinkSecret, publicUrl: ctx.config.publicUrl });
  const hooks = createClipDeliveryHooks({
    mongo: ctx.mongo,
    lock: ctx.lock,
    links,
    i18n: ctx.i18n,
    notify: ctx.sender.notify,
  });
  const feature = createClipsFeature({
    mongo: ctx.mongo,
    lock: ctx.lock,
    broadcaster: ctx.deliveries.topic("lesson", hooks),
    links,
    reachability: ctx.reachability,
    paperBroadcaster: ctx.deliveries.topic(PAPER_TOPIC, createPaperNoticeHooks(ctx)),
  });
  feature.routes = clipRoutes({
    mongo: ctx.mongo,
    links,
    t: ctx.i18n.translator(ctx.i18n.defaultLocale),
    fileUrl: (file) => ctx.channels.fileUrl(file),
    openFile: (file) => ctx.channels.openFile(file),
    ...(ctx.fetch ? { fetch: ctx.fetch } : {}),
  });
  return feature;
};

const URL_PATTERN = /https?:\/\/\S+/i;
// A teacher's text of a few words ("Mai lớp nghỉ học.") may be a notice for the class: the push
// form asks which class, and "Huỷ" ends it. Shorter ones are chatting ("ok", "cảm ơn cô").
const MIN_LESSON_TEXT = 12;
const MIN_LESSON_WORDS = 3;

/** What a teacher sent, as a clip's content; undefined when it is not something to push. */
export function contentOf(content: InboundContent): { content: ClipContent; caption?: string } | undefined {
  switch (content.kind) {
    case "video":
    case "document":
    case "photo":
      return {
        content: { kind: content.kind, file: content.file },
        ...(content.caption ? { caption: content.caption } : {}),
      };
    case "text": {
      const url = URL_PATTERN.exec(content.text)?.[0];
      if (url) {
        const rest = content.text.replace(url, "").trim();
        return { content: { kind: "link", url }, ...(rest ? { caption: rest.slice(0, 200) } : {}) };
      }
      const words = content.text.trim().split(/\s+/).length;
      return content.text.trim().length >= MIN_LESSON_TEXT && words >= MIN_LESSON_WORDS
        ? { content: { kind: "text", text: content.text } }
        : undefined;
    }
    default:
      return undefined;
  }
}

export function createClipsFeature(deps: ClipsFeatureDeps): Feature {
  const classes = createClassService(deps.mongo);
  const members = createMemberService(deps.mongo);
  const clips = createClipService(deps.mongo);
  const rounds = createClipRounds(deps.mongo, deps.lock);
  const sendRecent = catchUp(clips, members, deps.links);
  const families = createPaperFamilies(deps.mongo, members);
  const pickups = createPaperPickups(deps.mongo);
  const paper = deps.paperBroadcaster ? { families, broadcaster: deps.paperBroadcaster } : undefined;

  async function startPush(turn: Turn, tools: Tools): Promise<boolean> {
    if (!hasRole(turn.person, "teacher")) return false;
    const pushed = contentOf(turn.message.content);
    if (!pushed) return false;
    const own = await classes.ofTeacher(turn.person.channel, turn.person.userId);
    if (own.length === 0) {
      say(turn, turn.t("clip-no-class"));
      return true;
    }
    const choices: ClassChoice[] = [];
    for (const cls of own) {
      const { groups, parents, forwards } = await audienceOf([cls], members, deps.reachability);
      const paperFamilies = paper ? (await families.of([cls.id])).length : 0;
      choices.push({ id: cls.id, name: cls.name, groups, parents, forwards, paperFamilies });
    }
    await tools.dialogs.start(turn, PUSH_FORM, { ...pushed, choices });
    return true;
  }

  /** The teacher's own clip named in the command, or a reply saying why not. */
  async function ownClip(turn: Turn, args: string) {
    const code = readHumanCode("BG", args);
    if (!code) return void say(turn, turn.t("clip-code-usage"));
    const clip = await clips.byCode(code);
    const mine =
      clip && clip.teacher.channel === turn.person.channel && clip.teacher.userId === turn.person.userId;
    if (!clip || !mine) return void say(turn, turn.t("clip-not-found", { code }));
    return clip;
  }

  async function progress(turn: Turn, args: string): Promise<void> {
    const clip = await ownClip(turn, args);
    if (!clip) return;
    const lines = [describeProgress(clip.code, await deps.broadcaster.count(clip.id), turn.t)];
    // Paper pickups beside the deliveries: the families with no device count too.
    if (clip.paper) {
      const [marked, collected] = await Promise.all([families.of(clip.classIds), pickups.collected(clip.id)]);
      const count = marked.filter((m) => collected.has(m.id)).length;
      lines.push(turn.t("clip-progress-paper", { collected: count, total: marked.length }));
    }
    say(turn, lines.join("\n"));
  }

  async function resend(turn: Turn, args: string): Promise<void> {
    const clip = await ownClip(turn, args);
    if (!clip) return;
    // A new round first, so the report at its end is not mistaken for the one already sent.
    await rounds.nextRound(clip.id);
    const count = await deps.broadcaster.resend(clip.id);
    say(
      turn,
      count > 0
        ? turn.t("clip-resending", { code: clip.code, count })
        : turn.t("clip-nothing-to-resend", { code: clip.code }),
    );
  }

  return {
    name: "clips",
    forms: [
      pushForm({
        classes,
        members,
        clips,
        broadcaster: deps.broadcaster,
        reachability: deps.reachability,
        paper,
      }),
    ],
    menu: [
      {
        value: "clips-recent",
        labelKey: "menu-clips-recent",
        roles: ["parent"],
        run: (turn) => sendRecent(turn, ""),
      },
    ],
    commands: {
      tiendo: (turn, args) => progress(turn, args),
      guilai: (turn, args) => resend(turn, args),
      baicu: (turn, args) => sendRecent(turn, args),
      baigiay: paperCommands({ classes, members, families, audit: createAudit(deps.mongo) }),
    },
    console: paperPages({ mongo: deps.mongo, classes, members, families, pickups }),
    actions: { baicu: (turn, rest) => sendRecent(turn, rest) },
    onContent: (turn, tools) => startPush(turn, tools),
  };
}
