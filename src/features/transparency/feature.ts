/**
 * "Minh bạch": the anonymous totals anyone may see (pledged, received, delivered, by school
 * level and district), in chat and as JSON at GET /api/summary and GET /minhbach, which shows
 * browsers a page with the honour roll of donors who chose to be named. Never a child's name.
 */
import type { Connection } from "mongoose";
import type { Feature } from "../../core/feature.js";
import type { I18n } from "../../core/i18n.js";
import { say, type Turn } from "../../core/turn.js";
import type { FeatureFactory } from "../context.js";
import { transparencyPage, wantsHtml } from "./page.js";
import { formatSummary, summarize } from "./summarize.js";

export const transparencyFeature: FeatureFactory = (ctx) => createTransparencyFeature(ctx.mongo, ctx.i18n);

/** Without `i18n` (tests of the chat side) there is no web page, only the JSON. */
export function createTransparencyFeature(
  mongo: Connection,
  i18n?: Pick<I18n, "translator" | "defaultLocale">,
): Feature {
  async function show(turn: Turn): Promise<void> {
    say(turn, formatSummary(await summarize(mongo), turn.t, turn.locale));
  }
  return {
    name: "transparency",
    menu: [{ value: "transparency", labelKey: "menu-transparency", run: show }],
    commands: { minhbach: show, transparency: show },
    // Anonymous totals only: fine to show a whole group.
    groupCommands: ["minhbach", "transparency"],
    routes: async (app) => {
      app.get("/api/summary", async (_request, reply) => {
        const summary = await summarize(mongo);
        return reply.header("cache-control", "public, max-age=60").send(summary);
      });
      // The same JSON, or for a browser the public page (page.ts, docs/reports.md#the-public-page).
      app.get("/minhbach", async (request, reply) => {
        if (i18n && wantsHtml(request)) return transparencyPage(mongo, i18n, reply);
        const summary = await summarize(mongo);
        return reply.header("cache-control", "public, max-age=60").header("vary", "accept").send(summary);
      });
    },
  };
}
