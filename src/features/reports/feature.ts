/**
 * Reports: the console's "Báo cáo" dashboard with its CSV and XLSX exports (pages.ts), and the
 * weekly summary in chat for province staff (weekly.ts). It only reads requests, pledges,
 * schools and the allocation records. docs/reports.md.
 */
import type { Feature } from "../../core/feature.js";
import type { FeatureContext, FeatureFactory } from "../context.js";
import { reportsConsole } from "./pages.js";
import { createWeeklySummary, type WeeklySummary } from "./weekly.js";

export const reportsFeature: FeatureFactory = (ctx) => createReportsFeature(ctx, weeklySummaryOf(ctx));

export function weeklySummaryOf(ctx: FeatureContext): WeeklySummary {
  return createWeeklySummary({
    mongo: ctx.mongo,
    redis: ctx.redis,
    prefix: ctx.prefix,
    staff: ctx.staff,
    notify: ctx.sender.notify,
    i18n: ctx.i18n,
    locale: ctx.i18n.defaultLocale,
    logger: ctx.logger,
  });
}

/** The weekly job stays reachable, so a test (or an operator's script) can run it for a date. */
export interface ReportsFeature extends Feature {
  weekly: WeeklySummary;
}

export function createReportsFeature(
  ctx: Pick<FeatureContext, "mongo">,
  weekly: WeeklySummary,
): ReportsFeature {
  return {
    name: "reports",
    weekly,
    console: reportsConsole(ctx.mongo),
    async start() {
      weekly.start();
    },
    async stop() {
      weekly.stop();
    },
  };
}
