/**
 * GET /minhbach for browsers: the same anonymous totals as the JSON, by school level only, and
 * the honour roll of donors who agreed to be named (showName and a name, not cancelled). Never
 * a child, a school's children, a phone or an address. Any other Accept gets the JSON as
 * /api/summary answers it.
 *
 * @fastify/view is registered only inside the console's encapsulated plugin (console/shell.ts),
 * so this page renders its one Eta view with an Eta engine of its own. Its CSP allows nothing
 * but the console's stylesheet, which is public. docs/reports.md#the-public-page.
 */
import { join } from "node:path";
import { Eta } from "eta";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Connection } from "mongoose";
import { trusted } from "mongoose";
import type { I18n } from "../../core/i18n.js";
import { type Pledge, pledgeModel } from "../pledges/model.js";
import { formatVnd } from "../pledges/parse-money.js";
import { summarize } from "./summarize.js";

const PAGE_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const eta = new Eta({
  views: join(import.meta.dirname, "views"),
  cache: process.env.NODE_ENV === "production",
});

/** Whether a browser asked for a page: text/html is listed before (or instead of) JSON. */
export function wantsHtml(request: FastifyRequest): boolean {
  const accept = String(request.headers.accept ?? "");
  const html = accept.indexOf("text/html");
  const json = accept.indexOf("application/json");
  return html >= 0 && (json < 0 || html < json);
}

/** Named donors, each once, in Vietnamese order. */
export async function honourRoll(mongo: Connection): Promise<string[]> {
  const named = await pledgeModel(mongo)
    .find({ showName: true, donorName: trusted({ $exists: true }), status: trusted({ $ne: "cancelled" }) })
    .select({ donorName: 1 })
    .lean<Pick<Pledge, "donorName">[]>();
  const names = new Set(named.map((p) => p.donorName?.trim()).filter((n): n is string => Boolean(n)));
  return [...names].sort((a, b) => a.localeCompare(b, "vi"));
}

export async function transparencyPage(
  mongo: Connection,
  i18n: Pick<I18n, "translator" | "defaultLocale">,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const locale = i18n.defaultLocale;
  const t = i18n.translator(locale);
  const [summary, donors] = await Promise.all([summarize(mongo), honourRoll(mongo)]);
  const vnd = (amount: number) => formatVnd(amount, locale);
  const html = await eta.renderAsync("minhbach", {
    t,
    locale,
    summary,
    money: { pledged: vnd(summary.money.pledgedVnd), received: vnd(summary.money.receivedVnd) },
    levels: summary.bySchoolLevel.map((row) => ({
      label: t(`school-level-${row.level}`),
      pledges: row.pledges,
      money: vnd(row.moneyVnd),
      devices: row.devices,
      data: row.dataPackages,
    })),
    donors,
  });
  return reply
    .type("text/html; charset=utf-8")
    .header("content-security-policy", PAGE_CSP)
    .header("cache-control", "public, max-age=60")
    .header("vary", "accept")
    .send(html);
}
