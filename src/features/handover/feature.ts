/**
 * The handover of matched gifts (docs/allocation.md#handover): the console's "Bàn giao" pages
 * (pages.ts) and the parent's one tap "Đã nhận" in chat ("dn:<line code>"), which confirms the
 * line once and only for the request's owner; typing "đã nhận" does the same (typed-confirm.ts).
 */
import type { Feature } from "../../core/feature.js";
import { say } from "../../core/turn.js";
import type { FeatureFactory } from "../context.js";
import { createRequestService } from "../requests/service.js";
import { CONFIRM_PREFIX, createParentNotices } from "./notices.js";
import { handoverPages } from "./pages.js";
import { createHandoverService } from "./service.js";
import { typedConfirm } from "./typed-confirm.js";

export const handoverFeature: FeatureFactory = (ctx): Feature => {
  const requests = createRequestService(ctx.mongo, ctx.lock);
  const handover = createHandoverService(ctx.mongo, ctx.lock, requests);
  return {
    name: "handover",
    onContent: typedConfirm(ctx.mongo, requests, handover),
    actions: {
      async [CONFIRM_PREFIX](turn, rest) {
        const code = rest.trim().toUpperCase().slice(0, 20);
        const result = await handover.confirm(code, {
          channel: turn.message.channel,
          userId: turn.message.userId,
        });
        const key =
          result === "confirmed"
            ? "handover-confirmed"
            : result === "already"
              ? "handover-confirm-already"
              : result === "not-yet"
                ? "handover-confirm-not-yet"
                : "handover-confirm-not-yours";
        say(turn, turn.t(key));
      },
    },
    console: handoverPages({
      connection: ctx.mongo,
      handover,
      schools: ctx.schools,
      notices: createParentNotices(ctx.sender.notify),
      confirmDays: ctx.config.handoverConfirmDays,
    }),
  };
};
