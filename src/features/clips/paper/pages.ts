/**
 * The schools' pickup lists for paper lessons (console, "Bài giấy"): lessons of the viewer's
 * schools that come on paper, and per lesson the families to hand it to, with a tick per family
 * that a clerk sets on a phone and a layout that prints as a sheet to tick by hand. A lesson of a
 * school out of scope answers like one that does not exist; every view and tick is audited.
 */
import type { FastifyRequest } from "fastify";
import { type Connection, trusted } from "mongoose";
import { type ConsoleSection, coversSchool } from "../../../core/console.js";
import { formatDateTime } from "../../../core/text/format-date.js";
import { readHumanCode } from "../../../storage/human-code.js";
import type { MemberService } from "../../classes/members.js";
import type { ClassService } from "../../classes/service.js";
import { type Clip, type ClipInfo, clipModel } from "../model.js";
import { createClipService } from "../service.js";
import type { PaperFamilies } from "./families.js";
import type { PaperPickups } from "./pickups.js";

/** Paper lessons older than this are off the list (their sheets are long done). */
const LIST_DAYS = 60;

type Params = { Params: { code: string } };

export interface PaperPageDeps {
  mongo: Connection;
  classes: ClassService;
  members: MemberService;
  families: PaperFamilies;
  pickups: PaperPickups;
}

export function paperPages(deps: PaperPageDeps): ConsoleSection {
  const clips = createClipService(deps.mongo);
  const Clips = clipModel(deps.mongo);

  /** The schools of a lesson's classes: a lesson is a school's when one of its classes is. */
  async function schoolsOf(clip: Clip): Promise<string[]> {
    return [...new Set((await deps.classes.byIds(clip.classIds)).map((c) => c.schoolCode))];
  }

  return {
    nav: [{ path: "/paper", labelKey: "console-nav-paper" }],
    async register(app, kit) {
      async function scopedClip(request: FastifyRequest<Params>): Promise<ClipInfo | undefined> {
        const code = readHumanCode("BG", request.params.code);
        const clip = code ? await clips.byCode(code) : null;
        if (!clip?.paper) return undefined;
        const scoped = await kit.schools(request);
        return (await schoolsOf(clip)).some((school) => coversSchool(scoped, school)) ? clip : undefined;
      }

      app.get("/paper", async (request, reply) => {
        const { t } = kit.user(request);
        const since = new Date(Date.now() - LIST_DAYS * 86_400_000);
        const recent = await Clips.find({
          paper: trusted({ $exists: true }),
          createdAt: trusted({ $gte: since }),
        })
          .sort({ createdAt: -1 })
          .limit(200)
          .lean<Array<Clip & { _id: unknown }>>();
        const scoped = await kit.schools(request);
        const rows = [];
        for (const clip of recent) {
          if (!(await schoolsOf(clip)).some((school) => coversSchool(scoped, school))) continue;
          rows.push({
            code: clip.code,
            classes: clip.classNames.join(", "),
            title: clip.title ?? t(`clip-kind-${clip.content.kind}`),
            place: clip.paper?.place ?? "",
            from: clip.paper ? formatDateTime(clip.paper.from) : "",
          });
        }
        await kit.audit(request, "paper:list", "paper");
        return kit.page(request, reply, "features/clips/paper/views/list", {
          title: t("console-nav-paper"),
          rows,
        });
      });

      async function sheet(request: FastifyRequest<Params>) {
        const clip = await scopedClip(request);
        if (!clip?.paper) return undefined;
        const { t } = kit.user(request);
        const classes = new Map((await deps.classes.byIds(clip.classIds)).map((c) => [c.id, c]));
        const scoped = await kit.schools(request);
        // A clerk sees only the families of their own school's classes.
        const visible = [...classes.values()]
          .filter((c) => coversSchool(scoped, c.schoolCode))
          .map((c) => c.id);
        const [families, collected] = await Promise.all([
          deps.families.of(visible),
          deps.pickups.collected(clip.id),
        ]);
        return {
          title: t("console-paper-title", { code: clip.code }),
          clip: {
            code: clip.code,
            title: clip.title ?? t(`clip-kind-${clip.content.kind}`),
            classes: clip.classNames.join(", "),
            place: clip.paper.place,
            from: formatDateTime(clip.paper.from),
          },
          rows: families.map((m, i) => ({
            number: i + 1,
            id: m.id,
            child: m.childName,
            className: classes.get(m.classId)?.name ?? "",
            collected: collected.has(m.id),
          })),
          collected: families.filter((m) => collected.has(m.id)).length,
          clipId: clip.id,
          memberIds: new Set(families.map((m) => m.id)),
        };
      }

      app.get<Params>("/paper/:code", async (request, reply) => {
        const data = await sheet(request);
        if (!data) return kit.notFound(request, reply);
        await kit.audit(request, "paper:view", data.clip.code);
        return kit.page(request, reply, "features/clips/paper/views/sheet", data);
      });

      app.post<Params & { Body: { member?: string; collected?: string } }>(
        "/paper/:code/tick",
        async (request, reply) => {
          const data = await sheet(request);
          const memberId = String(request.body?.member ?? "");
          // Only a family on this lesson's sheet, as the viewer sees it.
          if (!data?.memberIds.has(memberId)) return kit.notFound(request, reply);
          const { staff } = kit.user(request);
          if (request.body?.collected === "1") await deps.pickups.tick(data.clipId, memberId, staff.actor);
          else await deps.pickups.untick(data.clipId, memberId);
          await kit.audit(
            request,
            request.body?.collected === "1" ? "paper:tick" : "paper:untick",
            data.clip.code,
          );
          return reply.redirect(`/console/paper/${data.clip.code}`, 303);
        },
      );
    },
  };
}
