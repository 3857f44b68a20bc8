/**
 * Connectivity with the carriers (docs/carriers.md): data-package lines exported to a carrier
 * and its activation results imported, better-line requests grouped by ward and the carrier's
 * answers told to the families. Console only: parents hear an activation through the sender's
 * notify, and a ward's answer through the delivery engine (answer-notice.ts).
 */
import type { FeatureFactory } from "../context.js";
import { createRequestService } from "../requests/service.js";
import { ANSWER_TOPIC, createAnswerNoticeHooks } from "./answer-notice.js";
import { createBetterLines } from "./better-lines.js";
import { createDataLines } from "./data-lines.js";
import { createImporter } from "./import.js";
import { carrierPages } from "./pages.js";

export const carriersFeature: FeatureFactory = (ctx) => {
  const requests = createRequestService(ctx.mongo, ctx.lock);
  const notify = ctx.sender.notify;
  return {
    name: "carriers",
    console: carrierPages({
      lines: createDataLines(ctx.mongo),
      importer: createImporter({ connection: ctx.mongo, lock: ctx.lock, requests, notify }),
      better: createBetterLines({
        connection: ctx.mongo,
        lock: ctx.lock,
        broadcaster: ctx.deliveries.topic(ANSWER_TOPIC, createAnswerNoticeHooks(ctx)),
      }),
    }),
  };
};
