/**
 * The staff console: server-rendered pages under /console for the people who run the
 * programme. This feature is the shell (sign-in, sessions, layout, CSRF, scope); every other
 * feature adds its pages through Feature.console, so it is built last, from the others, like
 * "Dữ liệu của tôi". Architecture and choices: docs/staff-console.md.
 */
import type { Feature } from "../../core/feature.js";
import type { FeatureContext } from "../context.js";
import { consoleRoutes } from "./shell.js";

export function createConsoleFeature(features: Feature[], ctx: FeatureContext): Feature {
  const sections = features.flatMap((feature) => (feature.console ? [feature.console] : []));
  return { name: "console", routes: consoleRoutes(sections, ctx) };
}
