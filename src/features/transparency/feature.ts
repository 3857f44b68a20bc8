/**
 * "Minh bạch": the anonymous totals anyone may see (pledged, received, delivered, by school
 * level and district), in chat and as JSON at GET /api/summary. Never a person's name.
 */
import type { Connection } from "mongoose";
import type { Feature } from "../../core/feature.js";
import { say, type Turn } from "../../core/turn.js";
import type { FeatureFactory } from "../context.js";
import { formatSummary, summarize } from "./summarize.js";

export const transparencyFeature: FeatureFactory = (ctx) => createTransparencyFeature(ctx.mongo);

export function createTransparencyFeature(mongo: Connection): Feature {
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
    },
  };
}
